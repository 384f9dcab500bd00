# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The robots' bulk chatter writer: chatter notes, stage tracking messages and «activity done»
messages of a whole batch of records in a constant number of queries.

Each message row is what ``message_post`` (through ``mail.message.create``) would store: the
model's defaults, ``email_from`` and the author of the current user, ``reply_to`` as
``message_get_reply_to`` gives it, ``record_name`` by ``name_get``, a fresh ``message_id``, the
parent of a flat thread (the record's first e-mail, else its first message), the body sanitized
as the ORM sanitizes it, the tracking values as ``mail.tracking.value`` rows
(``test_pipeline_bulk_chatter.py`` compares both paths column by column). One difference by
design: the followers are not notified (no inbox line, no e-mail) — a robot's chatter line is
for the record's history, not a message to its followers."""
import re

from odoo import models, tools

# mail.message.create turns inline base64 images into attachments: such a body goes the ORM way
DATA_URL = re.compile(r'data:image/[a-z]+;base64,')
# stored computed fields of mail.message whose value for a new message is known here
KNOWN_COMPUTED = {'rating_value': 0.0}


def _columns(Model):
    return [name for name, field in Model._fields.items()
            if field.store and field.column_type and name not in models.MAGIC_COLUMNS]


def _unknown_computed(Model, known=()):
    return [name for name, field in Model._fields.items()
            if field.store and field.column_type and (field.compute or field.related)
            and name not in known]


def _insert(Model, rows, columns):
    """INSERT the ``rows`` (dicts of column values) into the model's table; return the ids."""
    cr = Model.env.cr
    empty = Model.browse()
    uid = Model.env.uid
    template = '(%s, %s, {now}, {now}, {cols})'.format(
        now="(now() at time zone 'UTC')",
        cols=', '.join(Model._fields[name].column_format for name in columns))
    values = []
    sanitized = {}  # equal bodies of a batch sanitized once
    for row in rows:
        params = [uid, uid]
        for name in columns:
            # as the ORM's create: a column without a value nor a default stays NULL, a
            # boolean is false
            field = Model._fields[name]
            value = row.get(name, False if field.type == 'boolean' else None)
            if value is None:
                params.append(None)
            elif field.type == 'html':
                if (name, value) not in sanitized:
                    sanitized[(name, value)] = field.convert_to_column(value, empty, row)
                params.append(sanitized[(name, value)])
            else:
                params.append(field.convert_to_column(value, empty, row))
        values.append(cr.mogrify(template, params).decode())
    cr.execute('INSERT INTO "%s" (create_uid, write_uid, create_date, write_date, %s) '  # pylint: disable=sql-injection  # the model's own table and columns; rows mogrified
               'VALUES %s RETURNING id' % (Model._table,
                                          ', '.join('"%s"' % name for name in columns),
                                          ', '.join(values)))
    return [row[0] for row in cr.fetchall()]


def _thread_parents(records):
    """The parent ``message_post`` gives a new message of each record of a flat thread."""
    if not records._mail_flat_thread or not records.ids:
        return {}
    records.env.cr.execute("""
        SELECT DISTINCT ON (res_id) res_id, id FROM mail_message
         WHERE model = %s AND res_id IN %s
         ORDER BY res_id, (message_type = 'email') DESC, id""", (records._name,
                                                                 tuple(records.ids)))
    return dict(records.env.cr.fetchall())


def post_notes(records, messages):
    """Post chatter notes on ``records`` (a recordset of one mail.thread model, in the env of
    the author) without notifying the followers. ``messages``: dicts with ``res_id``,
    ``body`` and optionally ``subtype_id`` (default «Note»), ``message_type``
    (default ``notification``), ``subject``, ``record_name``, ``mail_activity_type_id`` and
    ``tracking_value_ids`` (a list of ``mail.tracking.value`` value dicts). Returns the new
    ``mail.message`` recordset, in the order of ``messages``."""
    Message = records.env['mail.message']
    if not messages:
        return Message.browse()
    Tracking = records.env['mail.tracking.value'].sudo()
    columns = _columns(Message)
    defaults = Message.default_get(columns)
    defaults.update((name, value) for name, value in KNOWN_COMPUTED.items()
                    if name in Message._fields)
    email_from = Message._get_default_from()
    author_id = Message._get_default_author().id
    note = records.env['ir.model.data'].xmlid_to_res_id('mail.mt_note')
    res_ids = sorted({m['res_id'] for m in messages})
    targets = records.browse(res_ids)
    names = dict(targets.sudo().name_get())
    parents = _thread_parents(targets)
    rows = []
    for message in messages:
        res_id = message['res_id']
        row = dict(defaults)
        row.update({
            'author_id': author_id, 'email_from': email_from, 'model': records._name,
            'res_id': res_id, 'subject': False, 'message_type': 'notification',
            'subtype_id': note, 'parent_id': parents.get(res_id, False),
            'record_name': names.get(res_id, False),
        })
        row.update((key, value) for key, value in message.items()
                   if key != 'tracking_value_ids')
        row['message_id'] = Message._get_message_id(row)
        rows.append(row)
    # reply_to as mail.message.create asks it: one call per sender (usually one)
    for sender in {row['email_from'] for row in rows if 'reply_to' not in row}:
        reply_to = targets.message_get_reply_to(res_ids, default=sender)
        for row in rows:
            if row['email_from'] == sender and 'reply_to' not in row:
                row['reply_to'] = reply_to[row['res_id']]
    if (any(DATA_URL.search(row.get('body') or '') for row in rows)
            or _unknown_computed(Message, KNOWN_COMPUTED) or _unknown_computed(Tracking)):
        # the ORM way (inline images, computed fields unknown here), followers not notified
        Creator = Message.with_context(message_create_from_mail_mail=True)
        ids = []
        for row, message in zip(rows, messages):
            values = {name: row[name] for name in columns if name in row}
            if message.get('tracking_value_ids'):
                values['tracking_value_ids'] = [(0, 0, v) for v in message['tracking_value_ids']]
            ids.append(Creator.create(values).id)
    else:
        ids = _insert(Message, rows, columns)
        tracking_rows = [dict(values, mail_message_id=message_id)
                         for message_id, message in zip(ids, messages)
                         for values in message.get('tracking_value_ids') or ()]
        if tracking_rows:
            _insert(Tracking, tracking_rows, _columns(Tracking))
    records.invalidate_cache(ids=res_ids)
    return Message.browse(ids)


def render_body(view, values):
    """A QWeb view rendered as ``message_post_with_view`` renders it, sanitized once as the
    composer it goes through stores it (the message sanitizes it a second time)."""
    values = dict(values)
    try:
        from odoo.addons.http_routing.models.ir_http import slug
        values['slug'] = slug
    except ImportError:
        values['slug'] = lambda record: record.id
    Composer = view.env['mail.compose.message']
    body = tools.ustr(view.render(values, engine='ir.qweb'))
    return Composer._fields['body'].convert_to_column(body, Composer.browse())


def composer_sender(env):
    """(author partner id, email_from) of a message posted through ``mail.compose.message``
    (``message_post_with_view``): the fields' defaults of the composer."""
    Composer = env['mail.compose.message']
    author = Composer._fields['author_id'].default(Composer)
    return (author.id if hasattr(author, 'id') else author,
            Composer._fields['email_from'].default(Composer))


def reply_subject(env, name):
    """The subject the composer gives a message about the record ``name`` («Re: name», in the
    language ``_()`` finds there: the context's, else the user's)."""
    lang = env.lang or env['res.users'].context_get().get('lang')
    prefix = env['ir.translation']._get_source(None, ('code', 'sql_constraint'),
                                               lang, 'Re:') or 'Re:'
    name = tools.ustr(name or '')
    if name and not (name.startswith('Re:') or name.startswith(prefix)):
        return '%s %s' % (prefix, name)
    return name or False
