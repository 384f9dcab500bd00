# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Questions of an appeal. Federal reporting (ССТУ.РФ, Decree No. 171 of 17.04.2017) counts
questions, not appeals: each question has its classifier code (level 4 вопрос or level 5
подвопрос), its official status/result, «меры приняты» and the date it was answered."""
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

# the official statuses and results of consideration of a question (ССТУ)
QUESTION_STATUSES = [
    ('in_progress', 'Under consideration'),
    ('extended', 'Consideration extended'),
    ('explained', 'Considered. Explained'),
    ('supported', 'Considered. Supported'),
    ('not_supported', 'Considered. Not supported'),
    ('forwarded', 'Forwarded by competence'),
    ('answered', 'Answer given to the author'),
    ('no_answer', 'Left without an answer to the author'),
]
OPEN_STATUSES = ('in_progress', 'extended')
# the appeal's result as a question's final status, in order of precedence for the summary
RESULT_PRECEDENCE = ['supported', 'not_supported', 'explained', 'answered', 'forwarded',
                     'no_answer']


class DeputatAppealQuestion(models.Model):
    _name = 'deputat.appeal.question'
    _description = 'Question of an appeal'
    _order = 'appeal_id, sequence, id'

    appeal_id = fields.Many2one('deputat.appeal', required=True,
                                ondelete='cascade', index=True)
    sequence = fields.Integer(default=10)
    topic_id = fields.Many2one(
        'deputat.appeal.topic', string='Question', required=True, index=True,
        ondelete='restrict', domain=[('level', 'in', ('4', '5'))],
        help='A question (вопрос) or sub-question (подвопрос) of the official classifier: type '
             'any word of its name or a part of its code.')
    code = fields.Char(related='topic_id.code', string='Classifier code', store=True,
                       readonly=True)
    subject_area_id = fields.Many2one('deputat.appeal.topic', string='Subject area',
                                      compute='_compute_parents', store=True, index=True)
    section_id = fields.Many2one('deputat.appeal.topic',
                                 compute='_compute_parents', store=True)
    status = fields.Selection(QUESTION_STATUSES, string='Status / result', required=True,
                              default='in_progress', index=True)
    measures_taken = fields.Boolean(string='Measures taken',
                                    help='«Поддержано, в том числе меры приняты».')
    date_answered = fields.Date(string='Date answered')
    # the appeal's facts, stored for the reports (pivot by question)
    date_received = fields.Date(related='appeal_id.date_received', store=True, readonly=True,
                                string='Date of receipt')
    partner_id = fields.Many2one(related='appeal_id.partner_id', store=True, readonly=True,
                                 string='Applicant')
    user_id = fields.Many2one(related='appeal_id.user_id', store=True, readonly=True,
                              string='Responsible')
    territory_id = fields.Many2one(related='appeal_id.territory_id', store=True,
                                   readonly=True, string='Territory')
    channel_id = fields.Many2one(related='appeal_id.channel_id', store=True, readonly=True,
                                 string='Channel of receipt')
    confidential = fields.Boolean(related='appeal_id.confidential', store=True, readonly=True)
    appeal_kind = fields.Selection(related='appeal_id.appeal_kind', store=True, readonly=True,
                                   string='Kind of appeal')
    appeal_form = fields.Selection(related='appeal_id.appeal_form', store=True, readonly=True,
                                   string='Form of appeal')
    count = fields.Integer(string='Questions', default=1, readonly=True)

    @api.depends('topic_id.parent_id.parent_id.parent_id.parent_id')
    def _compute_parents(self):
        for question in self:
            chain = question.topic_id
            entries = {}
            while chain:
                entries[chain.level] = chain
                chain = chain.parent_id
            question.subject_area_id = entries.get('2')
            question.section_id = entries.get('1')

    @api.constrains('topic_id', 'status', 'measures_taken', 'date_answered')
    def _check_question(self):
        for question in self:
            if question.topic_id.level not in ('4', '5'):
                raise ValidationError(_('«%s» is not a question of the classifier: choose a '
                                        'question (level 4) or a sub-question (level 5).')
                                      % question.topic_id.display_name)
            if question.measures_taken and question.status != 'supported':
                raise ValidationError(_('«Measures taken» is only possible for a supported '
                                        'question.'))
            if question.date_answered and question.date_answered < question.date_received:
                raise ValidationError(_('A question cannot be answered before the appeal was '
                                        'received.'))

    @api.onchange('status')
    def _onchange_status(self):
        if self.status not in OPEN_STATUSES and not self.date_answered:
            self.date_answered = fields.Date.context_today(self)
        if self.status != 'supported':
            self.measures_taken = False


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    question_ids = fields.One2many('deputat.appeal.question', 'appeal_id', string='Questions',
                                   copy=True)
    number_of_questions = fields.Integer(string='Number of questions',
                                    compute='_compute_question_summary')
    question_result = fields.Selection(
        QUESTION_STATUSES, string='Result by questions', compute='_compute_question_summary',
        help='Derived from the questions: the first of supported, not supported, explained, '
             'answer given, forwarded, left without an answer that a question has; under '
             'consideration while any question is.')

    @api.depends('question_ids.status')
    def _compute_question_summary(self):
        for appeal in self:
            statuses = set(appeal.question_ids.mapped('status'))
            appeal.number_of_questions = len(appeal.question_ids)
            if not statuses:
                appeal.question_result = False
            elif statuses & set(OPEN_STATUSES):
                appeal.question_result = 'extended' if 'extended' in statuses else 'in_progress'
            else:
                appeal.question_result = next(s for s in RESULT_PRECEDENCE if s in statuses)

    @api.constrains('question_ids')
    def _check_auxiliary_questions(self):
        for appeal in self:
            topics = appeal.question_ids.mapped('topic_id')
            if topics and all(topics.mapped('is_auxiliary')):
                raise ValidationError(_(
                    'The question «%s» of the classifier is auxiliary: add the substantive '
                    'question the appeal raises beside it.') % topics[0].name)

    @api.model
    def create(self, vals):
        """An appeal created with a topic that is a classifier question and no questions gets
        that question (e-mail intake, older callers)."""
        vals = dict(vals)
        if vals.get('topic_id') and not vals.get('question_ids'):
            topic = self.env['deputat.appeal.topic'].browse(vals['topic_id'])
            if topic.level in ('4', '5'):
                vals['question_ids'] = [(0, 0, {'topic_id': topic.id})]
        return super(DeputatAppeal, self).create(vals)

    def _deputat_close_questions(self, status):
        """The result given when the appeal leaves the pipeline goes to its questions still
        under consideration (a question answered otherwise keeps its own result)."""
        today = fields.Date.context_today(self)
        for appeal in self:
            open_questions = appeal.question_ids.filtered(lambda q: q.status in OPEN_STATUSES)
            open_questions.write({'status': status,
                                  'date_answered': appeal.date_answer or today})

    def _pipeline_after_move(self, transition):
        result = super(DeputatAppeal, self)._pipeline_after_move(transition)
        target = transition.to_stage_id
        for appeal in self:
            if target.is_closed and appeal.final_result:
                appeal._deputat_close_questions(appeal.final_result)
        return result
