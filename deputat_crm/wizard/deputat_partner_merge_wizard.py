"""Merge duplicate contacts («Объединить контакты»).

Odoo 11 keeps its partner merge wizard (base.partner.merge.automatic.wizard) in the crm addon,
which this installation does not have; this wizard does the same job for the office: every
reference to the merged contacts is moved to the kept one, empty fields are filled, the chatter
and attachments follow, then the merged contacts are deleted (office head only)."""
import logging

import psycopg2

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

_logger = logging.getLogger(__name__)

MAX_MERGE = 5
# Personal-data consent is never inherited from another record: the kept contact's own
# legal basis and mailing consent stand (152-FZ: consent is given by a person for a purpose).
NOT_MERGED_FIELDS = frozenset(['mailing_opt_in', 'mailing_opt_in_date', 'pd_legal_basis',
                               'pd_legal_basis_date', 'id', 'parent_id', 'create_uid',
                               'create_date', 'write_uid', 'write_date', 'active',
                               'message_main_attachment_id'])


class DeputatPartnerMergeWizard(models.TransientModel):
    _name = 'deputat.partner.merge.wizard'
    _description = 'Merge duplicate contacts'

    partner_ids = fields.Many2many('res.partner', 'deputat_partner_merge_wizard_partner_rel',
                                   'wizard_id', 'partner_id', string='Contacts to merge')
    dst_partner_id = fields.Many2one('res.partner', string='Contact to keep')

    @api.model
    def default_get(self, fields_list):
        res = super(DeputatPartnerMergeWizard, self).default_get(fields_list)
        ids = self.env.context.get('active_ids') or []
        if self.env.context.get('active_model') == 'res.partner' and ids:
            partners = self.env['res.partner'].browse(ids).exists()
            res['partner_ids'] = [(6, 0, partners.ids)]
            res['dst_partner_id'] = partners.sorted('id')[:1].id
        return res

    # -- SQL helpers -----------------------------------------------------------------------

    def _partner_foreign_keys(self):
        """(table, column) of every single-column foreign key to res_partner(id)."""
        self.env.cr.execute("""
            SELECT src.relname, att.attname
              FROM pg_constraint con
              JOIN pg_class src ON src.oid = con.conrelid
              JOIN pg_class dst ON dst.oid = con.confrelid
              JOIN pg_attribute att ON att.attrelid = con.conrelid AND att.attnum = con.conkey[1]
             WHERE con.contype = 'f' AND dst.relname = 'res_partner'
               AND array_length(con.conkey, 1) = 1
        """)
        return [row for row in self.env.cr.fetchall()
                if not row[0].startswith('deputat_partner_merge_wizard')]

    def _table_columns(self, table):
        self.env.cr.execute("SELECT column_name FROM information_schema.columns "
                            "WHERE table_name = %s", (table,))
        return [row[0] for row in self.env.cr.fetchall()]

    def _move_foreign_keys(self, sources, dst):
        cr = self.env.cr
        for table, column in self._partner_foreign_keys():
            others = [c for c in self._table_columns(table) if c != column]
            if len(others) == 1:
                # a many2many relation table: drop the pairs the kept contact already has
                cr.execute('DELETE FROM "{t}" s WHERE s."{c}" IN %s AND EXISTS (SELECT 1 FROM '
                           '"{t}" d WHERE d."{c}" = %s AND d."{o}" = s."{o}")'.format(
                               t=table, c=column, o=others[0]), (tuple(sources.ids), dst.id))
            try:
                with mute_logger('odoo.sql_db'), cr.savepoint():
                    cr.execute('UPDATE "{t}" SET "{c}" = %s WHERE "{c}" IN %s'.format(
                        t=table, c=column), (dst.id, tuple(sources.ids)))
            except psycopg2.IntegrityError:
                # a unique constraint would be violated: the row duplicates one of the kept
                # contact and is useless once the source is gone
                cr.execute('DELETE FROM "{t}" WHERE "{c}" IN %s'.format(t=table, c=column),
                           (tuple(sources.ids),))

    def _move_documents(self, sources, dst):
        """Chatter, followers, activities and attachments of the merged contacts."""
        for model, model_field in (('mail.message', 'model'), ('mail.followers', 'res_model'),
                                   ('mail.activity', 'res_model'),
                                   ('ir.attachment', 'res_model')):
            if model not in self.env:
                continue
            records = self.env[model].sudo().search([(model_field, '=', 'res.partner'),
                                                     ('res_id', 'in', sources.ids)])
            for record in records:
                try:
                    with mute_logger('odoo.sql_db'), self.env.cr.savepoint():
                        record.write({'res_id': dst.id})
                except psycopg2.IntegrityError:
                    record.unlink()  # e.g. a follower who already follows the kept contact

    def _merge_values(self, sources, dst):
        """Values filling the kept contact's empty fields (first non-empty source value) and
        adding the sources' tags. Fields reserved to some groups are left alone."""
        values = {}
        sources, dst = sources.sudo(), dst.sudo()  # read only; written as the user
        for name, field in dst._fields.items():
            if name in NOT_MERGED_FIELDS or not field.store or field.compute or field.groups \
                    or field.type in ('one2many', 'binary') or field.related:
                continue
            if field.type == 'many2many':
                extra = sources.mapped(name) - dst[name]
                if extra:
                    values[name] = [(4, rec.id) for rec in extra]
            elif not dst[name]:
                for source in sources:
                    if source[name]:
                        value = source[name]
                        values[name] = value.id if isinstance(value, models.BaseModel) else value
                        break
        return values

    # -- action ----------------------------------------------------------------------------

    @api.multi
    def action_merge(self):
        self.ensure_one()
        if not self.env.user.has_group('deputat_crm.group_office_head'):
            raise AccessError(_('Only the office head may merge contacts.'))
        partners = self.partner_ids.exists()
        dst = self.dst_partner_id
        if len(partners) < 2:
            raise UserError(_('Select at least two contacts to merge.'))
        if len(partners) > MAX_MERGE:
            raise UserError(_('Merge at most %d contacts at a time.') % MAX_MERGE)
        if dst not in partners:
            raise UserError(_('The contact to keep must be one of the contacts to merge.'))
        sources = partners - dst
        Partner = self.env['res.partner']
        for partner in partners:
            if Partner.search([('id', 'child_of', partner.id), ('id', '!=', partner.id),
                               ('id', 'in', partners.ids)], limit=1):
                raise UserError(_('A company cannot be merged with one of its own contacts.'))
        if sources.mapped('user_ids'):
            raise UserError(_('%s is the contact of a user and cannot be merged into another '
                              'contact.') % sources.filtered('user_ids')[0].display_name)
        # checked before anything moves: deleting the sources is the office head's right
        sources.check_access_rights('unlink')
        sources.check_access_rule('unlink')
        values = self._merge_values(sources, dst)
        summary = ', '.join('%s (#%d)' % (p.display_name, p.id) for p in sources)
        self._move_foreign_keys(sources, dst)
        self._move_documents(sources, dst)
        self.env['res.partner'].invalidate_cache()  # rows changed behind the ORM
        if values:
            dst.write(values)
        dst.message_post(body=_('Merged with: %s') % summary, subtype='mail.mt_note')
        sources.unlink()
        _logger.info('uid %s merged contacts %s into %s', self.env.uid, sources.ids, dst.id)
        return {
            'type': 'ir.actions.act_window',
            'res_model': 'res.partner',
            'res_id': dst.id,
            'view_mode': 'form',
            'target': 'current',
        }
