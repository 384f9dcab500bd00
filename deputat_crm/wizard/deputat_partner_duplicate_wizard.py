# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The duplicate dialog: the possible duplicates of a contact, each with «Open» (the existing
contact) and, from an appeal, «Use this contact» (the existing contact becomes the applicant
instead of the one just entered)."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class DeputatPartnerDuplicateWizard(models.TransientModel):
    _name = 'deputat.partner.duplicate.wizard'
    _description = 'Possible duplicates of a contact'

    partner_id = fields.Many2one('res.partner', string='Contact entered', required=True,
                                 readonly=True, ondelete='cascade')
    appeal_id = fields.Many2one('deputat.appeal', readonly=True, ondelete='cascade')
    line_ids = fields.One2many('deputat.partner.duplicate.line', 'wizard_id',
                               string='Possible duplicates')


class DeputatPartnerDuplicateLine(models.TransientModel):
    _name = 'deputat.partner.duplicate.line'
    _description = 'Possible duplicate of a contact'

    wizard_id = fields.Many2one('deputat.partner.duplicate.wizard', string='Dialog',
                                required=True, ondelete='cascade')
    partner_id = fields.Many2one('res.partner', string='Existing contact', required=True,
                                 readonly=True, ondelete='cascade')
    phone = fields.Char(related='partner_id.phone', string='Phone', readonly=True)
    mobile = fields.Char(related='partner_id.mobile', string='Mobile phone', readonly=True)
    email = fields.Char(related='partner_id.email', string='E-mail', readonly=True)
    street = fields.Char(related='partner_id.street', string='Address', readonly=True)
    birthdate = fields.Date(related='partner_id.birthdate', string='Date of birth',
                            readonly=True)
    can_use = fields.Boolean(string='Can replace the applicant', compute='_compute_can_use')

    @api.depends('wizard_id.appeal_id')
    def _compute_can_use(self):
        for line in self:
            line.can_use = bool(line.wizard_id.appeal_id)

    @api.multi
    def action_open_contact(self):
        """«Open»: the existing contact's form."""
        self.ensure_one()
        self.env['res.partner']._deputat_check_staff()
        return {
            'type': 'ir.actions.act_window',
            'name': self.partner_id.display_name,
            'res_model': 'res.partner',
            'res_id': self.partner_id.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'current',
        }

    @api.multi
    def action_use_this_contact(self):
        """«Use this contact»: the existing contact becomes the applicant of the appeal in place
        of the contact just entered (the office head can merge or archive the latter)."""
        self.ensure_one()
        self.env['res.partner']._deputat_check_staff()
        appeal = self.wizard_id.appeal_id
        if not appeal:
            raise UserError(_('This dialog was not opened from an appeal: open the contact '
                              'instead.'))
        entered = appeal.partner_id
        # the user's own rights: a user who may not edit the appeal gets an access error
        appeal.check_access_rights('write')
        appeal.check_access_rule('write')
        values = {'partner_id': self.partner_id.id}
        if self.partner_id.territory_id and appeal.territory_id == entered.territory_id:
            values['territory_id'] = self.partner_id.territory_id.id
        appeal.write(values)
        appeal.message_post(body=_('Applicant changed to the existing contact %(existing)s '
                                   'instead of %(entered)s (possible duplicate).') % {
            'existing': self.partner_id.display_name, 'entered': entered.display_name},
            subtype='mail.mt_note')
        return {'type': 'ir.actions.act_window_close'}
