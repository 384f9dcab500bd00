# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The appeal form that fits the stage: which parts of the form a stage shows is data (the
office head ticks the stages of each part in «Депутат → Настройка → Части карточки
обращения»); the form hides a part at the other stages."""
from odoo import api, fields, models

# the parts of the appeal form a stage can show: code -> field of deputat.appeal
FORM_SECTIONS = {
    'decision': 'form_show_decision',
    'resolution': 'form_show_resolution',
    'request': 'form_show_request',
    'answer': 'form_show_answer',
    'refusal': 'form_show_refusal',
}
SECTION_CODES = [
    ('decision', 'Decision taken at registration'),
    ('resolution', 'Deputy resolution'),
    ('request', 'Requests'),
    ('answer', 'Answer and result'),
    ('refusal', 'Refusal and forwarding'),
]


class DeputatAppealFormSection(models.Model):
    """A part of the appeal form (the deputy's resolution, the answer...) and the stages that
    show it."""
    _name = 'deputat.appeal.form.section'
    _table = 'deputat_conf_appeal_form_section'  # field XML ids: see readme/DEVELOP.md
    _description = 'Part of the appeal form'
    _order = 'sequence, id'

    name = fields.Char(string='Part of the form', required=True, translate=True)
    code = fields.Selection(SECTION_CODES, string='Technical code', required=True,
                            readonly=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(string='Fields of this part', translate=True)
    stage_ids = fields.Many2many(
        'deputat.appeal.stage', 'deputat_appeal_form_section_stage_rel', 'section_id',
        'stage_id', string='Shown at stages',
        help='The appeal form shows this part at these stages only.')

    _sql_constraints = [
        ('code_uniq', 'unique(code)', 'Each part of the appeal form is listed once.'),
    ]


class DeputatAppealStage(models.Model):
    _inherit = 'deputat.appeal.stage'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    short_name = fields.Char(
        string='Name in the status bar', translate=True,
        help='A short name for the status bar of the appeal form, so that the stages of a '
             'pipeline and the buttons fit on one line. Empty: the stage name.')

    @api.multi
    def name_get(self):
        """The status bar of the appeal form asks for the short names."""
        if not self.env.context.get('deputat_stage_short_name'):
            return super(DeputatAppealStage, self).name_get()
        return [(stage.id, stage.short_name or stage.name) for stage in self]

    form_section_ids = fields.Many2many(
        'deputat.appeal.form.section', 'deputat_appeal_form_section_stage_rel', 'stage_id',
        'section_id', string='Parts of the form shown',
        help='The parts of the appeal form shown at this stage (the deputy\'s resolution, the '
             'requests, the answer...).')


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    form_show_decision = fields.Boolean(compute='_compute_form_sections',
                                        string='Form shows the registration decision')
    form_show_resolution = fields.Boolean(compute='_compute_form_sections',
                                          string="Form shows the deputy's resolution")
    form_show_request = fields.Boolean(compute='_compute_form_sections',
                                       string='Form shows the requests')
    form_show_answer = fields.Boolean(compute='_compute_form_sections',
                                      string='Form shows the answer')
    form_show_refusal = fields.Boolean(compute='_compute_form_sections',
                                       string='Form shows refusal and forwarding')

    @api.depends('stage_id', 'stage_id.form_section_ids', 'stage_id.form_section_ids.code')
    def _compute_form_sections(self):
        for appeal in self:
            codes = set(appeal.stage_id.sudo().form_section_ids.mapped('code'))
            for code, fname in FORM_SECTIONS.items():
                appeal[fname] = code in codes

    # ------------------------------------------------------------------ the applicant's duplicates
    applicant_duplicate_count = fields.Integer(
        string="Possible duplicates of the applicant", compute='_compute_applicant_duplicates')

    @api.depends('partner_id')
    def _compute_applicant_duplicates(self):
        for appeal in self:
            appeal.applicant_duplicate_count = len(appeal.partner_id.duplicate_ids)

    @api.multi
    def action_deputat_applicant_duplicates(self):
        """The duplicate dialog of the applicant: «Use this contact» makes an existing contact
        the applicant instead of the one entered."""
        self.ensure_one()
        self.check_access_rule('write')
        return self.partner_id._deputat_duplicate_dialog(appeal=self)
