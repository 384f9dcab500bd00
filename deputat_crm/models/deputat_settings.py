# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""«Депутат → Настройка → Параметры»: the office's terms and people, kept as system parameters
and edited by the office head without developer mode (Odoo's own res.config.settings lets
administrators only). Each concern adds its fields by inheriting ``deputat.settings`` and
extending :meth:`_param_fields`; values are validated before anything is saved."""
from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError

from .deputat_appeal import PARAM_DEFAULTS
from .deputat_event_robots import APPROVAL_WEEKS_PARAM, DEFAULT_APPROVAL_WEEKS
from .deputat_params import parse_int


class DeputatSettings(models.TransientModel):
    _name = 'deputat.settings'
    _description = 'Deputy office settings'

    registration_days = fields.Integer(string='Registration term (days)',
                                       help='59-FZ art. 8 part 2.')
    answer_days = fields.Integer(string='Answer term (days)', help='59-FZ art. 12 part 1.')
    migration_answer_days = fields.Integer(string='Answer term on migration (days)',
                                           help='59-FZ art. 12 part 1.1.')
    extension_max_days = fields.Integer(string='Longest extension (days)',
                                        help='59-FZ art. 12 part 2.')
    forward_days = fields.Integer(string='Forwarding term (days)', help='59-FZ art. 8 part 3.')
    reminder_days = fields.Integer(string='Reminder before the answer date (days)')
    request_answer_days = fields.Integer(string='Answer term of a request (days)',
                                         help='3-FZ art. 14.')
    request_warning_days = fields.Integer(string='Warn about an unanswered request after (days)')
    shift_non_working_days = fields.Boolean(
        string='A term ending on a day off moves to the next working day')
    event_approval_weeks = fields.Integer(string='Events go to approval (weeks before)')
    deputy_user_id = fields.Many2one('res.users', string='Deputy',
                                     domain=lambda self: self._role_domain('group_deputy'))
    office_head_user_id = fields.Many2one(
        'res.users', string='Office head',
        domain=lambda self: self._role_domain('group_office_head'))
    intake_user_id = fields.Many2one(
        'res.users', string='Registers incoming appeals',
        domain=lambda self: self._role_domain('group_assistant'))

    @api.model
    def _role_domain(self, group):
        return [('groups_id', 'in', self.env.ref('deputat_crm.%s' % group).id)]

    @api.model
    def _param_fields(self):
        """{field: (system parameter, default)}: what this screen edits."""
        params = {key.split('.', 1)[1]: (key, default) for key, default in PARAM_DEFAULTS.items()}
        params['event_approval_weeks'] = (APPROVAL_WEEKS_PARAM, DEFAULT_APPROVAL_WEEKS)
        for name in ('deputy_user_id', 'office_head_user_id', 'intake_user_id'):
            params[name] = ('deputat_crm.%s' % name, False)
        return params

    @api.model
    def _check_office_head(self):
        user = self.env.user
        if not (user._is_superuser() or user.has_group('deputat_crm.group_office_head')):
            raise AccessError(_('Only the office head changes the settings of the office.'))

    @api.model
    def default_get(self, field_names):
        self._check_office_head()
        res = super(DeputatSettings, self).default_get(field_names)
        Param = self.env['ir.config_parameter'].sudo()
        for name, (key, default) in self._param_fields().items():
            if name not in field_names:
                continue
            value = Param.get_param(key)
            field = self._fields[name]
            if field.type == 'many2one':
                user = self.env[field.comodel_name].sudo().browse(
                    int(value) if value and value.isdigit() else []).exists()
                res[name] = user.id or False
            elif field.type == 'boolean':
                res[name] = value not in (None, False, '', '0', 'False')
            else:
                res[name] = parse_int(value, default)
        return res

    def _check_values(self):
        """Every term is a positive whole number (a clear message, nothing saved)."""
        for name in self._param_fields():
            field = self._fields[name]
            if field.type == 'integer' and self[name] <= 0:
                raise ValidationError(_('«%(field)s» must be a positive number of days or '
                                        'weeks, not %(value)s.') % {
                    'field': field.get_description(self.env)['string'], 'value': self[name]})

    @api.multi
    def action_save(self):
        self.ensure_one()
        self._check_office_head()
        self._check_values()
        Param = self.env['ir.config_parameter'].sudo()
        for name, (key, _default) in self._param_fields().items():
            value = self[name]
            if isinstance(value, models.BaseModel):
                value = str(value.id) if value else ''
            elif isinstance(value, bool):
                value = '1' if value else '0'
            Param.set_param(key, str(value))
        return {'type': 'ir.actions.client', 'tag': 'reload'}
