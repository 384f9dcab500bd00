# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""How events use the pipeline engine: roles, the checklist lines each stage brings, the task
notes with the role's checklist, the cancellation gate and the calendar on cancel/restore.
Which moves exist, who may make them and what they ask for is data
(``data/deputat_event_pipeline_data.xml``)."""
from odoo import _, api, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from .deputat_pipeline import memoized


class DeputatEvent(models.Model):
    _inherit = 'deputat.event'

    _pipeline_stage_model = 'deputat.event.stage'
    _pipeline_transition_model = 'deputat.event.transition'
    _pipeline_task_model = 'deputat.event.stage.task'
    _pipeline_wizard_model = 'deputat.event.move.wizard'
    _pipeline_role_fields = {'responsible': 'user_id', 'accompanying': 'accompanying_user_id'}
    _pipeline_task_date_field = 'date_event'
    _pipeline_move_extra_fields = ('cancel_reason_detail',)

    @api.model
    def _pipeline_role_selection(self):
        return [
            ('responsible', _('Responsible employee')),
            ('accompanying', _('Accompanying person')),
            ('deputy', _('Deputy')),
            ('office_head', _('Office head')),
        ]

    @api.model
    def _read_group_stage_ids(self, stages, domain, order):
        return stages.search([], order=order)

    def _pipeline_role_users(self, role):
        users = super(DeputatEvent, self)._pipeline_role_users(role)
        if role == 'responsible' and not users:
            return self.create_uid
        return users

    @api.model
    def _pipeline_next_step_stages(self):
        return self.env['deputat.event.stage'].search([('is_closed', '=', False),
                                                       ('is_final', '=', False)])

    # ------------------------------------------------------------------ gates
    def _pipeline_check_gates(self, transition):
        self._event_check_stage_fields(transition.to_stage_id)

    def _event_check_stage_fields(self, stage=None):
        """The data a stage keeps demanding: the fields the moves into it ask for cannot be
        emptied while the event is there, and «Other» needs the details."""
        Transition = self.env['deputat.event.transition'].sudo()
        required_by_stage = {}
        for event in self:
            target = stage or event.stage_id
            if target.id not in required_by_stage:
                # once per stage in a batch move (the engine's memo)
                required_by_stage[target.id] = memoized(
                    self.env, ('event_stage_required', target.id),
                    lambda t=target: Transition.search(
                        [('to_stage_id', '=', t.id)]).mapped('required_field_ids.name'))
            required = required_by_stage[target.id]
            missing = event._pipeline_missing_fields(set(required))
            if missing and stage is None:
                labels = ', '.join('«%s»' % event._pipeline_label(name)
                                   for name in sorted(missing))
                raise UserError(_('The event «%(event)s» is in the stage «%(stage)s», which '
                                  'needs: %(fields)s.')
                                % {'event': event.name, 'stage': target.name, 'fields': labels})
            reason = event.cancel_reason_id
            if target.is_cancel and reason.require_detail and \
                    not (event.cancel_reason_detail or '').strip():
                raise UserError(_('The cancellation reason «%s» requires «Cancellation reason in '
                                  'detail».') % reason.name)

    # ------------------------------------------------------------------ stage entry
    def _pipeline_prepare_stage(self):
        """The stage's checklist lines, once per event and template (names in the
        responsible's language): one INSERT for the whole batch. An event's progress counts
        the lines of its stage: it was recomputed by the stage write (0 without lines) and is
        recomputed again only where lines of the stage were already there (a stage
        re-entered)."""
        Line = self.env['deputat.event.checklist.line'].sudo()
        names = {}
        rows = []
        again = self.browse()
        for event in self:
            stage = event.stage_id
            lines = event.checklist_line_ids
            missing = stage.checklist_template_ids - lines.mapped('template_id')
            if not missing:
                continue
            lang = event.user_id.lang or self.env.lang
            if (stage.id, lang) not in names:
                names[(stage.id, lang)] = {
                    template.id: template.name
                    for template in stage.checklist_template_ids.with_context(lang=lang)}
            for template in missing:
                rows.append((event.id, stage.id, template.id, names[(stage.id, lang)][template.id],
                             template.sequence, template.role))
            if lines.filtered(lambda l, s=stage: l.stage_id == s):
                again |= event
        if not rows:
            return
        columns = list(zip(*rows))
        self.env.cr.execute("""
            INSERT INTO deputat_event_checklist_line (event_id, stage_id, stage_sequence,
                template_id, name, sequence, role, done, create_uid, write_uid, create_date,
                write_date)
            SELECT r.event_id, r.stage_id, s.sequence, r.template_id, r.name, r.sequence,
                   r.role, false, %s, %s, (now() at time zone 'UTC'), (now() at time zone 'UTC')
              FROM unnest(%s::int[], %s::int[], %s::int[], %s::varchar[], %s::int[],
                          %s::varchar[]) AS r(event_id, stage_id, template_id, name, sequence,
                                              role)
              JOIN {stages} s ON s.id = r.stage_id
            ON CONFLICT DO NOTHING""".format(stages=self.env['deputat.event.stage']._table),
                            [self.env.uid, self.env.uid] + [list(c) for c in columns])
        Line.invalidate_cache()
        self.invalidate_cache(['checklist_line_ids'], self.ids)
        if again:
            self.env.add_todo(self._fields['checklist_progress'], again)
            again.recompute()

    def _pipeline_after_move(self, transition):
        if transition.from_stage_id.is_cancel != transition.to_stage_id.is_cancel:
            self._sync_calendar_event()

    def _pipeline_task_users(self, task):
        users = super(DeputatEvent, self)._pipeline_task_users(task)
        if task.role == 'accompanying':
            users -= self._pipeline_role_users('responsible')
        return users

    def _event_checklist(self, role):
        """This stage's checklist lines of ``role``; the responsible also gets the
        accompanying person's lines while there is no (other) accompanying person."""
        lines = self.checklist_line_ids.filtered(lambda l: l.stage_id == self.stage_id)
        if role == 'responsible':
            helper = self.accompanying_user_id - self._pipeline_role_users('responsible')
            return lines if not helper else lines.filtered(lambda l: l.role == 'responsible')
        return lines.filtered(lambda l: l.role == role)

    def _pipeline_task_note(self, task, user):
        """The stage's purpose, the task's instruction and the person's checklist."""
        parts = []
        stage = self.stage_id.with_context(lang=self.env.lang)
        if stage.description:
            parts.append('<p>%s</p>' % html_escape(stage.description))
        if task.note:
            parts.append(task.note)
        lines = self._event_checklist(task.role).with_context(lang=self.env.lang)
        if lines:
            parts.append('<p>%s</p><ul>%s</ul>' % (
                html_escape(_('Checklist of the stage «%(stage)s» for the event «%(event)s»:')
                            % {'stage': stage.name, 'event': self.name}),
                ''.join('<li>%s</li>' % html_escape(line.template_id.name or line.name)
                        for line in lines)))
        return ''.join(parts) or False
