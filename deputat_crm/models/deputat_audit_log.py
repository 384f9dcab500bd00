# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Audit of confidential appeals (59-FZ art. 6 part 2, 152-FZ art. 19): every read of a
confidential appeal by a user (form, list, RPC read, PDF) and every export or deletion of a
person's data is logged: who, when, which record. Only the office head reads the log; nobody
edits it (no write, create or unlink right: the entries are written by the module itself)."""
from odoo import SUPERUSER_ID, api, fields, models


class DeputatAuditLog(models.Model):
    _name = 'deputat.audit.log'
    _description = 'Audit log of personal data'
    _order = 'id desc'
    _log_access = True

    date = fields.Datetime(default=fields.Datetime.now, required=True, readonly=True,
                           index=True)
    user_id = fields.Many2one('res.users', required=True, readonly=True,
                              index=True, ondelete='restrict')
    operation = fields.Selection([
        ('read', 'Read'),
        ('report', 'Printed'),
        ('export', 'Personal data exported'),
        ('erase', 'Personal data erased'),
        ('anonymise', 'Anonymised (retention)'),
    ], required=True, readonly=True, index=True)
    res_model = fields.Char(string='Document model', required=True, readonly=True, index=True)
    res_id = fields.Integer(string='Document ID', required=True, readonly=True, index=True)
    res_name = fields.Char(string='Document', readonly=True)
    note = fields.Char(readonly=True)

    @api.model
    def _log(self, records, operation, note=None):
        """One entry per record, written as the superuser (users have no create right)."""
        uid = self.env.uid
        Log = self.sudo()
        for record in records:
            Log.create({'user_id': uid, 'operation': operation, 'res_model': record._name,
                        'res_id': record.id, 'res_name': record.sudo().display_name,
                        'note': note})


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.multi
    def read(self, fields=None, load='_classic_read'):  # pylint: disable=redefined-outer-name  # ORM's signature
        result = super(DeputatAppeal, self).read(fields=fields, load=load)
        if self.env.uid != SUPERUSER_ID:
            confidential = self.sudo().filtered('confidential')
            if confidential:
                self.env['deputat.audit.log']._log(confidential, 'read')
        return result


class IrActionsReport(models.Model):
    _inherit = 'ir.actions.report'

    @api.multi
    def render_qweb_pdf(self, res_ids=None, data=None):
        if self.model == 'deputat.appeal' and res_ids and self.env.uid != SUPERUSER_ID:
            appeals = self.env['deputat.appeal'].sudo().browse(res_ids).filtered('confidential')
            if appeals:
                self.env['deputat.audit.log']._log(appeals, 'report', note=self.name)
        return super(IrActionsReport, self).render_qweb_pdf(res_ids=res_ids, data=data)
