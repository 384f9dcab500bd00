# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""59-FZ made right (issue 9): the legal last day and the internal control date of the answer
term (production calendar), the migration term only when switched on (art. 12 ч.1.1), channels
and forms after 547-FZ (an alias e-mail is not a 59-FZ electronic appeal by default, a warning on
a reply address outside the Russian zones), kinds and links of repeated appeals and the art. 11
ч.5 refusal, the representative of a collective appeal."""
from odoo import _, api, fields, models
from odoo.exceptions import UserError

from .deputat_appeal_question import OPEN_STATUSES

# answered on the merits (art. 11 ч.5): the results that answer the question itself
MERITS_STATUSES = ('explained', 'supported', 'not_supported')
RUSSIAN_ZONES = ('.ru', '.рф', '.xn--p1ai', '.su')
COLLECTIVE_KINDS = ('collective', 'collective_repeated')


def email_in_russian_zone(email):
    """59-FZ art. 7 ч.3 (547-FZ): an e-mail address for the answer in the Russian national
    domain zones .ru, .рф (xn--p1ai), .su."""
    domain = (email or '').strip().lower().rsplit('@', 1)[-1].rstrip('.>')
    return domain.endswith(RUSSIAN_ZONES)


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    date_deadline_legal = fields.Date(
        string='Legal last day', compute='_compute_term_dates', store=True,
        help='The last day of the answer term; a last day that is not a working day moves to '
             'the next working day of the production calendar (by analogy with the Civil Code '
             'art. 193).')
    date_deadline_control = fields.Date(
        string='Control date', compute='_compute_term_dates', store=True, index=True,
        help='The internal control date: a last day that is not a working day moves to the '
             'preceding working day. Reminders work to this date.')
    appeal_kind = fields.Selection(selection_add=[
        ('repeated', 'Repeated'),
        ('collective_repeated', 'Collective repeated'),
    ])
    appeal_form = fields.Selection(selection_add=[
        ('email', 'E-mail (not a 59-FZ electronic document)'),
    ])
    earlier_appeal_ids = fields.Many2many(
        'deputat.appeal', 'deputat_appeal_earlier_rel', 'appeal_id', 'earlier_id',
        string='Earlier appeals on the same question', copy=False,
        help='Linked earlier appeals of the same applicant: a linked appeal is repeated.')
    earlier_candidate_ids = fields.Many2many(
        'deputat.appeal', string='Earlier appeals found', compute='_compute_earlier_candidates',
        help="The applicant's earlier appeals with a question of the same classifier code.")
    representative_id = fields.Many2one(
        'res.partner',
        help='Collective appeal: the signatory named to receive the answer.')
    answer_partner_id = fields.Many2one(
        'res.partner', string='The answer goes to', compute='_compute_answer_partner',
        help='The applicant; for a collective appeal the representative, else the first '
             'signatory with an address.')

    # ------------------------------------------------------------------ terms
    @api.depends('date_registered', 'answer_days', 'extension_days')
    def _compute_term_dates(self):
        for appeal in self:
            days = (appeal.answer_days or 0) + (appeal.extension_days or 0)
            appeal.date_deadline_legal = self._deputat_add_days(
                appeal.date_registered, days, which='legal')
            appeal.date_deadline_control = self._deputat_add_days(
                appeal.date_registered, days, which='control')

    def _deputat_migration_term(self):
        """59-FZ art. 12 ч.1.1 binds only a region's highest official: the 20-day term applies
        when the office switched it on and a question (or the topic) is a migration one."""
        self.ensure_one()
        if not self._deputat_param('deputat_crm.migration_term_enabled'):
            return False
        topics = self.topic_id | self.question_ids.mapped('topic_id')
        return any(topics.mapped('is_migration'))

    @api.model
    def _deputat_recompute_open_deadlines(self):
        """After a change of the production calendar or of a term: recount the open appeals."""
        appeals = self.sudo().search([('is_closed', '=', False)])
        if appeals:
            for name in ('date_deadline_planned', 'date_deadline_legal',
                         'date_deadline_control'):
                self.env.add_todo(self._fields[name], appeals)
            appeals.recompute()

    def _extend_deadline(self, days, reason):
        result = super(DeputatAppeal, self)._extend_deadline(days, reason)
        self.mapped('question_ids').filtered(lambda q: q.status == 'in_progress').write(
            {'status': 'extended'})
        return result

    # ------------------------------------------------------------------ channels and forms
    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """547-FZ: since 30.03.2025 an e-mail is not a 59-FZ electronic appeal unless the
        office says so in the settings; the channel stays «E-mail»."""
        appeal = super(DeputatAppeal, self).message_new(msg_dict, custom_values=custom_values)
        if not self._deputat_param('deputat_crm.email_is_electronic'):
            appeal.write({'appeal_form': 'email'})
        return appeal

    @api.model
    def _default_answer_method(self, appeal_form):
        if appeal_form == 'email':
            appeal_form = 'electronic'  # answered by e-mail all the same
        return super(DeputatAppeal, self)._default_answer_method(appeal_form)

    @api.model
    def _deputat_epgu_answer_method(self, channel_id):
        """59-FZ art. 7 ч.3: an appeal through ЕПГУ is answered in the personal cabinet."""
        channel = self.env['deputat.appeal.channel'].browse(channel_id or [])
        if channel.code == 'epgu':
            return self.env.ref('deputat_crm.answer_method_epgu', raise_if_not_found=False)
        return None

    @api.onchange('channel_id')
    def _onchange_channel_epgu(self):
        method = self._deputat_epgu_answer_method(self.channel_id.id)
        if method:
            self.answer_method_id = method

    @api.onchange('partner_id', 'answer_method_id')
    def _onchange_reply_email_zone(self):
        email = self.partner_id.email
        if (self.answer_method_id.code == 'email' and email
                and not email_in_russian_zone(email)):
            return {'warning': {
                'title': _('Reply address outside the Russian zones'),
                'message': _('59-FZ art. 7 part 3 (as amended by 547-FZ): an e-mail address '
                             'for the answer must be in the Russian national domain zones '
                             '(.ru, .рф, .su); %s is not. Answer by post or through the '
                             'personal cabinet of the Gosuslugi portal.') % email}}
        return None

    # ------------------------------------------------------------------ kinds and links
    @api.depends('partner_id', 'co_applicant_ids', 'question_ids.topic_id', 'date_received')
    def _compute_earlier_candidates(self):
        for appeal in self:
            topics = appeal.question_ids.mapped('topic_id') | appeal.topic_id
            applicants = appeal.partner_id | appeal.co_applicant_ids
            if not topics or not applicants or not appeal.date_received:
                appeal.earlier_candidate_ids = False
                continue
            domain = ['|', ('partner_id', 'in', applicants.ids),
                      ('co_applicant_ids', 'in', applicants.ids),
                      '|', ('question_ids.topic_id', 'in', topics.ids),
                      ('topic_id', 'in', topics.ids),
                      ('date_received', '<=', appeal.date_received)]
            if isinstance(appeal.id, int):
                domain.append(('id', '!=', appeal.id))
            appeal.earlier_candidate_ids = self.search(domain, order='date_received desc')

    @api.onchange('earlier_appeal_ids', 'appeal_kind')
    def _onchange_earlier_appeals(self):
        self.appeal_kind = self._deputat_kind(self.appeal_kind, bool(self.earlier_appeal_ids))

    @api.model
    def _deputat_kind(self, kind, repeated):
        collective = kind in COLLECTIVE_KINDS
        if repeated:
            return 'collective_repeated' if collective else 'repeated'
        return 'collective' if collective else 'individual'

    @api.model
    def create(self, vals):
        vals = dict(vals)
        if vals.get('earlier_appeal_ids'):
            vals['appeal_kind'] = self._deputat_kind(vals.get('appeal_kind', 'individual'), True)
        method = self._deputat_epgu_answer_method(vals.get('channel_id'))
        if method and 'answer_method_id' not in vals:
            vals['answer_method_id'] = method.id
        appeal = super(DeputatAppeal, self).create(vals)
        found = appeal.earlier_candidate_ids - appeal.earlier_appeal_ids
        if found:  # offered on registration: linked by the button on the tab «Repeated appeals»
            appeal.message_post(body=_(
                'Earlier appeals of the applicant on the same question: %s. Link them on the tab '
                '«Repeated appeals» if the appeal repeats them.') % ', '.join(found.mapped('name')))
        return appeal

    @api.multi
    def write(self, vals):
        result = super(DeputatAppeal, self).write(vals)
        if 'earlier_appeal_ids' in vals or 'appeal_kind' in vals:
            for appeal in self:
                kind = self._deputat_kind(appeal.appeal_kind, bool(appeal.earlier_appeal_ids))
                if kind != appeal.appeal_kind:
                    super(DeputatAppeal, appeal).write({'appeal_kind': kind})
        return result

    @api.multi
    def action_link_earlier_appeals(self):
        """Link the earlier appeals found (button on the form): the appeal becomes repeated."""
        for appeal in self:
            appeal.check_access_rights('write')
            appeal.check_access_rule('write')
            if not appeal.earlier_candidate_ids:
                raise UserError(_('No earlier appeal of this applicant on the same question was '
                                  'found.'))
            appeal.write({'earlier_appeal_ids': [(4, a.id) for a in
                                                 appeal.earlier_candidate_ids]})
        return True

    def _deputat_answered_on_merits(self):
        """The linked earlier appeals of the same applicant answered on the merits on a question
        of this appeal (59-FZ art. 11 ч.5)."""
        self.ensure_one()
        codes = set((self.question_ids.mapped('topic_id') | self.topic_id).mapped('code'))
        applicants = self.partner_id | self.co_applicant_ids
        return self.earlier_appeal_ids.filtered(
            lambda e: (e.partner_id | e.co_applicant_ids) & applicants
            and any(q.code in codes and q.status in MERITS_STATUSES for q in e.question_ids))

    def _pipeline_check_gates(self, transition):
        result = super(DeputatAppeal, self)._pipeline_check_gates(transition)
        if transition.to_stage_id.code == 'refused' and self.refusal_ground_id == self.env.ref(
                'deputat_crm.ground_11_5', raise_if_not_found=False):
            answered = self._deputat_answered_on_merits()
            if len(answered) < 2:
                raise UserError(_(
                    '59-FZ art. 11 part 5: the correspondence can be ended only when the '
                    'applicant has repeatedly received answers on the merits on the same '
                    'question. Link at least two earlier appeals of the applicant on this '
                    'question answered on the merits (linked and answered now: %s).')
                    % len(answered))
        if transition.from_stage_id.code == 'new' and self.question_ids:
            self._check_auxiliary_questions()
        if transition.to_stage_id.is_closed and self.question_ids.filtered(
                lambda q: q.status in OPEN_STATUSES) and not self.final_result and \
                transition.to_stage_id.code not in ('refused', 'forwarded', 'no_answer'):
            raise UserError(_('Give the result of every question before closing the appeal.'))
        return result

    # ------------------------------------------------------------------ collective appeals
    @api.depends('partner_id', 'appeal_kind', 'representative_id', 'co_applicant_ids')
    def _compute_answer_partner(self):
        for appeal in self:
            if appeal.appeal_kind in COLLECTIVE_KINDS and appeal.representative_id:
                appeal.answer_partner_id = appeal.representative_id
            elif appeal.appeal_kind in COLLECTIVE_KINDS:
                signatories = appeal.partner_id | appeal.co_applicant_ids
                with_address = signatories.filtered(lambda p: p.street or p.city or p.email)
                appeal.answer_partner_id = with_address[:1] or appeal.partner_id
            else:
                appeal.answer_partner_id = appeal.partner_id


class DeputatAppealChannel(models.Model):
    _inherit = 'deputat.appeal.channel'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    appeal_form = fields.Selection(selection_add=[
        ('email', 'E-mail (not a 59-FZ electronic document)'),
    ])
