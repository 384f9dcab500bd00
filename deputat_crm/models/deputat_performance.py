# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Indexes for the robots and the contact base at scale (see readme/PERFORMANCE.md).

Every robot selects what is due with an indexed condition, so a run with nothing due costs an
index look-up whatever the size of the table: partial indexes hold only the open, not yet
handled records. The contacts get trigram (``pg_trgm``) GIN indexes for the ``ilike`` of the
autocomplete (``name_search``) and of the mail gateway's sender look-ups; without the
extension (a database role that may not create it) the module works with sequential scans."""
import logging

import psycopg2

from odoo import api, models
from odoo.osv import expression

from ..lib.social_links import normalize_email

_logger = logging.getLogger(__name__)

# the digits at the end of a registration number, without the leading zeros (the search box)
NUMBER_DIGITS_SQL = "ltrim(substring({col} from '([0-9]+)$'), '0')"
# res_partner columns of Odoo's name_search (all four, or the OR falls back to a scan)
TRGM_COLUMNS = ('email', 'display_name', 'ref', 'vat')


def trgm(column):
    """The definition of a pg_trgm GIN index on ``column`` (for ``ilike``)."""
    return 'USING gin (%s gin_trgm_ops)' % column


# (index name, table, definition): created when missing, at install and upgrade, by the
# models that inherit ``deputat.indexed.mixin``; trigram indexes only where pg_trgm is
INDEXES = {
    'mail.activity': [
        # «records without an open task» (anti-join) and a record's robot tasks
        ('mail_activity_res_model_res_id_idx', 'mail_activity', '(res_model, res_id)'),
    ],
    'deputat.appeal': [
        # answer deadlines: open, unanswered appeals by planned answer date
        ('deputat_appeal_open_deadline_idx', 'deputat_appeal',
         '(date_deadline_planned) WHERE NOT is_closed AND date_answer IS NULL AND active'),
        # reminders count to the internal control date (production calendar)
        ('deputat_appeal_open_control_idx', 'deputat_appeal',
         '(date_deadline_control) WHERE NOT is_closed AND date_answer IS NULL AND active'),
        # stage time limit: records of a stage not yet notified, by stage-entry date
        ('deputat_appeal_stage_limit_idx', 'deputat_appeal',
         '(stage_id, date_stage_entered) WHERE NOT stage_overdue_notified AND active'),
        # next step: the records of the open stages (the anti-join's outer side)
        ('deputat_appeal_active_stage_idx', 'deputat_appeal', '(stage_id, id) WHERE active'),
        # the few confidential appeals (the mail records' guard looks them up on every read)
        ('deputat_appeal_confidential_idx', 'deputat_appeal', '(id) WHERE confidential'),
        # the search box: the number in any spelling, the subject and the text
        ('deputat_appeal_number_digits_idx', 'deputat_appeal',
         '((%s))' % NUMBER_DIGITS_SQL.format(col='name')),
        ('deputat_appeal_subject_trgm_idx', 'deputat_appeal', trgm('subject')),
        ('deputat_appeal_description_trgm_idx', 'deputat_appeal', trgm('description')),
    ],
    'deputat.appeal.request': [
        ('deputat_appeal_request_sent_idx', 'deputat_appeal_request',
         "(date_sent) WHERE state = 'sent' AND NOT overdue_notified"),
        ('deputat_appeal_request_number_digits_idx', 'deputat_appeal_request',
         '((%s))' % NUMBER_DIGITS_SQL.format(col='name')),
    ],
    'deputat.event': [
        ('deputat_event_stage_date_idx', 'deputat_event', '(stage_id, date_event)'),
        ('deputat_event_stage_limit_idx', 'deputat_event',
         '(stage_id, date_stage_entered) WHERE NOT stage_overdue_notified AND active'),
        # the search box: name and venue
        ('deputat_event_name_trgm_idx', 'deputat_event', trgm('name')),
        ('deputat_event_venue_name_trgm_idx', 'deputat_event', trgm('venue_name')),
        ('deputat_event_location_trgm_idx', 'deputat_event', trgm('location')),
    ],
    # the contacts' autocomplete and the mail gateway's sender look-ups
    'res.partner': [('res_partner_%s_trgm_idx' % column, 'res_partner', trgm(column))
                    for column in TRGM_COLUMNS],
}


def create_indexes(cr, model_name):
    for name, table, definition in INDEXES.get(model_name, ()):
        if 'gin_trgm_ops' in definition and not trigram_available(cr):
            continue  # sequential scans instead
        try:
            with cr.savepoint():
                cr.execute('CREATE INDEX IF NOT EXISTS %s ON %s %s'  # pylint: disable=sql-injection  # the fixed definitions above
                           % (name, table, definition))
        except psycopg2.ProgrammingError as error:  # a column another concern dropped
            _logger.warning('index %s not created: %s', name, error)


def trigram_available(cr):
    """pg_trgm in the database (created when missing and allowed); False without it."""
    cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    if cr.fetchone():
        return True
    try:
        with cr.savepoint():
            cr.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
    except Exception:  # pylint: disable=broad-except  # no right or no contrib package
        _logger.warning('pg_trgm is not available: text searches will scan the tables')
        return False
    return True


class DeputatIndexedMixin(models.AbstractModel):
    """A model whose indexes of ``INDEXES`` are created at install and upgrade."""
    _name = 'deputat.indexed.mixin'
    _description = 'Indexes of the office'

    @api.model_cr
    def init(self):
        res = super(DeputatIndexedMixin, self).init()
        create_indexes(self.env.cr, self._name)
        return res


class MailActivity(models.Model):
    _name = 'mail.activity'
    _inherit = ['mail.activity', 'deputat.indexed.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes


class DeputatAppeal(models.Model):
    _name = 'deputat.appeal'
    _inherit = ['deputat.appeal', 'deputat.indexed.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes


class DeputatAppealRequest(models.Model):
    _name = 'deputat.appeal.request'
    _inherit = ['deputat.appeal.request', 'deputat.indexed.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes


class DeputatEvent(models.Model):
    _name = 'deputat.event'
    _inherit = ['deputat.event', 'deputat.indexed.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes


class ResPartner(models.Model):
    _name = 'res.partner'
    _inherit = ['res.partner', 'deputat.indexed.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        """``(x2many, 'in', [])`` is false: say so, so that an OR with it keeps its index.
        Odoo's notification of a message searches ``'|', ('id', 'in', ids), ('channel_ids',
        'in', [])``, which PostgreSQL cannot plan but as a scan of all contacts (50–70 ms at
        200 000, twice per e-mail at the intake)."""
        args = [expression.FALSE_LEAF if self._deputat_empty_x2many_in(term) else term
                for term in args or []]
        return super(ResPartner, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    def _deputat_empty_x2many_in(self, term):
        if not (isinstance(term, (list, tuple)) and len(term) == 3 and term[1] == 'in'
                and isinstance(term[2], (list, tuple)) and not term[2]):
            return False
        field = self._fields.get(term[0]) if isinstance(term[0], str) else None
        return bool(field and field.type in ('one2many', 'many2many'))

    @api.model
    def _deputat_find_by_email(self, email, limit=1):
        """Contacts with this e-mail address, on the indexed normalised column (an e-mail
        sender's look-up at the intake)."""
        normalized = normalize_email(email)
        if not normalized:
            return self.browse()
        return self.search([('email_normalized', '=', normalized)], limit=limit)
