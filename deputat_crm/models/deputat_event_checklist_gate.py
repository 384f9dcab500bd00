# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Leaving an event stage with unfinished checklist items, and the checklist progress.

* A person's move forward out of a stage whose checklist has open items must be confirmed: the
  «Move to stage…» dialog lists the open items and asks for the tick «Move on despite the open
  items»; a kanban drag-and-drop cannot ask, so it is refused with the same hint — except for
  the deputy and the office head, whose drag is their decision. Moves back and cancellations
  are not asked (the checklist of the stage left stays for when the event comes back).
* The robots (the move to approval N weeks ahead, the demo walk) are never blocked: the date
  decides. Every move leaving open items — by a person or a robot — is recorded in the
  event's chatter with who moved it and how many items were open.
* The progress of the current stage (``checklist_progress``, stored), of each stage and of the
  whole pipeline (the lines so far plus the items of the stages still ahead).

Whether a move is interactive or confirmed is kept in a thread-local set by the dialog and by
the stage write, never read from the context (an RPC caller cannot set it)."""
import threading
from contextlib import contextmanager

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import html_escape

from . import mail_bulk
from .deputat_pipeline import engine_active

_STATE = threading.local()


@contextmanager
def checklist_move(interactive=False, confirmed=False):
    """Inside this block the moves are made by a person (``interactive``) who confirmed the
    open checklist items (``confirmed``); robot moves reset both."""
    previous = (getattr(_STATE, 'interactive', False), getattr(_STATE, 'confirmed', False))
    _STATE.interactive, _STATE.confirmed = interactive, confirmed
    try:
        yield
    finally:
        _STATE.interactive, _STATE.confirmed = previous


def move_is_interactive():
    return getattr(_STATE, 'interactive', False)


def move_is_confirmed():
    return getattr(_STATE, 'confirmed', False)


class DeputatEvent(models.Model):
    _inherit = 'deputat.event'  # pylint: disable=consider-merging-classes-inherited  # one file per concern (checklist gate and progress)

    checklist_open_count = fields.Integer(
        string='Open checklist items', compute='_compute_checklist_overview',
        help='Items of the current stage not done yet.')
    checklist_progress_total = fields.Float(
        string='Overall checklist progress', compute='_compute_checklist_overview',
        help='Share of the whole checklist done, in %: the items of the stages passed and of '
             'the current one, and the items of the stages still ahead.')
    checklist_summary = fields.Char(
        string='Checklist by stage', compute='_compute_checklist_overview',
        help='Done / all items of each stage the event has been in.')

    @api.depends('stage_id', 'checklist_line_ids.done', 'checklist_line_ids.stage_id')
    def _compute_checklist_overview(self):
        Stage = self.env['deputat.event.stage']
        stages = Stage.search([('is_cancel', '=', False)])
        templates_of = {stage.id: len(stage.checklist_template_ids) for stage in stages}
        for event in self:
            lines = event.checklist_line_ids
            current = lines.filtered(lambda l, s=event.stage_id: l.stage_id == s)
            event.checklist_open_count = len(current.filtered(lambda l: not l.done))
            # the stages ahead of the current one bring their items later
            ahead = sum(templates_of[stage.id] for stage in stages
                        if stage.sequence > event.stage_id.sequence
                        and stage not in lines.mapped('stage_id'))
            total = len(lines) + (0 if event.stage_id.is_closed else ahead)
            done = len(lines.filtered('done'))
            event.checklist_progress_total = 100.0 * done / total if total else 0.0
            parts = []
            for stage in lines.mapped('stage_id').sorted(lambda s: (s.sequence, s.id)):
                of_stage = lines.filtered(lambda l, s=stage: l.stage_id == s)
                parts.append('%s %d/%d' % (stage.name, len(of_stage.filtered('done')),
                                           len(of_stage)))
            event.checklist_summary = ' · '.join(parts) or False

    def _event_open_lines(self, stage=None):
        """The open checklist lines of ``stage`` (the current stage by default)."""
        self.ensure_one()
        stage = stage or self.stage_id
        return self.checklist_line_ids.filtered(lambda l: l.stage_id == stage and not l.done)

    @api.model
    def _event_checklist_asks(self, transition):
        """Whether leaving along ``transition`` with open items needs a confirmation: the
        moves forward, not the cancellation nor a move back."""
        return (not transition.to_stage_id.is_cancel
                and transition.to_stage_id.sequence > transition.from_stage_id.sequence)

    # ------------------------------------------------------------------ the engine's hooks
    @api.multi
    def write(self, vals):
        if 'stage_id' in vals and not engine_active():
            # a kanban drag-and-drop or a statusbar click: a person's move, not confirmed
            with checklist_move(interactive=True, confirmed=move_is_confirmed()):
                return super(DeputatEvent, self).write(vals)
        return super(DeputatEvent, self).write(vals)

    @api.multi
    def action_pipeline_approve(self):
        # the deputy's approval of a proposed move is a person's move (recorded with the name)
        with checklist_move(interactive=True, confirmed=move_is_confirmed()):
            return super(DeputatEvent, self).action_pipeline_approve()

    def _pipeline_move(self, transition, vals=None, robot=False):
        if robot:
            with checklist_move(interactive=False, confirmed=False):
                return super(DeputatEvent, self)._pipeline_move(transition, vals, robot=robot)
        return super(DeputatEvent, self)._pipeline_move(transition, vals, robot=robot)

    def _pipeline_check_gates(self, transition):
        super(DeputatEvent, self)._pipeline_check_gates(transition)
        if not move_is_interactive() or move_is_confirmed() \
                or not self._event_checklist_asks(transition):
            return
        if self._pipeline_is_approver():
            return  # the deputy's or the office head's drag is their decision (recorded)
        for event in self:
            open_lines = event._event_open_lines(transition.from_stage_id)
            if open_lines:
                raise UserError(_(
                    'The checklist of the stage «%(stage)s» has %(count)d open item(s): '
                    '%(items)s. Tick them on the «Checklist» tab, or use «Move to stage…» and '
                    'tick «Move on despite the open checklist items».') % {
                        'stage': transition.from_stage_id.name, 'count': len(open_lines),
                        'items': ', '.join('«%s»' % name for name in open_lines.mapped('name'))})

    def _pipeline_after_move(self, transition):
        super(DeputatEvent, self)._pipeline_after_move(transition)
        if transition.to_stage_id.is_cancel:
            return
        from_stage = transition.from_stage_id
        self.env.cr.execute("""
            SELECT event_id, count(*) FILTER (WHERE NOT coalesce(done, false)), count(*)
              FROM deputat_event_checklist_line
             WHERE event_id IN %s AND stage_id = %s
             GROUP BY event_id""", (tuple(self.ids), from_stage.id))
        counts = {row[0]: (row[1], row[2]) for row in self.env.cr.fetchall() if row[1]}
        if not counts:
            return
        interactive, confirmed = move_is_interactive(), move_is_confirmed()
        # authored by whoever moves (a person, or the robots' user as the stage tracking)
        messages = []
        note = self.env.ref('mail.mt_note').id
        for event in self.filtered(lambda e: e.id in counts):
            open_count, total = counts[event.id]
            values = {'stage': from_stage.name, 'to_stage': transition.to_stage_id.name,
                      'open': open_count, 'total': total, 'user': self.env.user.name}
            # a person's note in their language, the robot's in the responsible's (as the
            # stage's checklist lines)
            lang = self.env.lang if interactive else (event.user_id.lang or self.env.lang)
            body = event.with_context(lang=lang)._event_checklist_note(
                values, interactive, confirmed)
            messages.append({'res_id': event.id, 'body': '<p>%s</p>' % html_escape(body),
                             'message_type': 'notification', 'subtype_id': note})
        mail_bulk.post_notes(self, messages)

    def _event_checklist_note(self, values, interactive, confirmed):
        """The chatter line of a move leaving open items (in the context's language)."""
        if not interactive:
            return _('The robot moved the event from «%(stage)s» to «%(to_stage)s» with '
                     '%(open)d of %(total)d checklist items open.') % values
        if confirmed:
            return _('%(user)s moved the event from «%(stage)s» to «%(to_stage)s» with '
                     '%(open)d of %(total)d checklist items open (confirmed).') % values
        return _('%(user)s moved the event from «%(stage)s» to «%(to_stage)s» with '
                 '%(open)d of %(total)d checklist items open.') % values
