# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The office dashboard (issue 12 items 3 and 7) and each role's home screen.

The dashboard is a kanban of tiles (``deputat.dashboard.tile``, data the office head edits):
each tile counts the records of one question — appeals at a stage, overdue, due this week,
requests without an answer in time, today's events and receptions — as the current user sees
them (``search_count`` under the record rules), and opens the same records on a click.

Home screens: ``res.users.action_id`` (Odoo's home action) follows the user's office role
whenever the role changes (demo users, users the office head creates later): the deputy lands
on «Ждут моего решения», the office head on the dashboard, the assistant and the lawyer on
«Мои обращения». A home action chosen by hand (another action) is kept."""
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError

# kind: (model, action whose views and search view the tile opens)
TILE_KINDS = {
    'appeal_stage': ('deputat.appeal', 'deputat_crm.action_deputat_appeal_all'),
    'appeal_my_decision': ('deputat.appeal', 'deputat_crm.action_deputat_appeal_all'),
    'appeal_overdue': ('deputat.appeal', 'deputat_crm.action_deputat_appeal_all'),
    'appeal_due_week': ('deputat.appeal', 'deputat_crm.action_deputat_appeal_all'),
    'request_overdue': ('deputat.appeal.request',
                        'deputat_crm.action_deputat_appeal_request_list'),
    'event_today': ('deputat.event', 'deputat_crm.action_deputat_event'),
    'event_week': ('deputat.event', 'deputat_crm.action_deputat_event'),
    'reception_today': ('deputat.reception.session',
                        'deputat_crm.action_deputat_reception_session'),
}
TILE_SECTIONS = {
    'appeal_stage': 'appeals',
    'appeal_my_decision': 'deadlines',
    'appeal_overdue': 'deadlines',
    'appeal_due_week': 'deadlines',
    'request_overdue': 'deadlines',
    'event_today': 'today',
    'event_week': 'today',
    'reception_today': 'today',
}
# tiles that call for action when their count is not zero
ALERT_KINDS = ('appeal_overdue', 'request_overdue', 'appeal_my_decision')
# the home action of each office role, the highest role first
HOME_ACTIONS = [
    ('deputat_crm.group_office_head', 'deputat_crm.action_deputat_dashboard'),
    ('deputat_crm.group_deputy', 'deputat_crm.action_deputat_appeal_waiting_me'),
    ('deputat_crm.group_assistant', 'deputat_crm.action_deputat_appeal_my'),
]
OFFICE_TZ = 'Europe/Moscow'


class DeputatDashboardTile(models.Model):
    """A tile of the office dashboard: what it counts is its kind (and stage)."""
    _name = 'deputat.dashboard.tile'
    _description = 'Office dashboard tile'
    _order = 'section, sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection([
        ('appeal_stage', 'Appeals at a stage'),
        ('appeal_my_decision', 'Appeals waiting for my decision'),
        ('appeal_overdue', 'Overdue appeals'),
        ('appeal_due_week', 'Appeals due this week'),
        ('request_overdue', 'Requests without an answer in time'),
        ('event_today', "Today's events"),
        ('event_week', 'Events of the coming week'),
        ('reception_today', "Today's receptions"),
    ], string='What the tile counts', required=True, default='appeal_stage')
    stage_id = fields.Many2one('deputat.appeal.stage', string='Appeal stage',
                               ondelete='cascade')
    # stored and read-only: the kanban's columns, which a tile cannot be dragged between
    section = fields.Selection([
        ('appeals', 'Appeals by stage'),
        ('deadlines', 'Deadlines'),
        ('today', 'Today and this week'),
    ], compute='_compute_section', store=True)
    count = fields.Integer(compute='_compute_count')
    alert = fields.Boolean(string='Needs attention', compute='_compute_count')

    @api.depends('kind')
    def _compute_section(self):
        for tile in self:
            tile.section = TILE_SECTIONS.get(tile.kind)

    def _compute_count(self):
        for tile in self:
            model = self.env[TILE_KINDS[tile.kind][0]]
            count = 0
            if model.check_access_rights('read', raise_exception=False):
                count = model.search_count(tile._deputat_domain())
            tile.count = count
            tile.alert = bool(count) and tile.kind in ALERT_KINDS

    # ------------------------------------------------------------------ domains
    def _deputat_domain(self):
        """The records the tile counts and opens (searched as the current user)."""
        self.ensure_one()
        today = fields.Date.context_today(self)
        week = fields.Date.to_string(fields.Date.from_string(today) + timedelta(days=7))
        if self.kind == 'appeal_stage':
            return [('stage_id', '=', self.stage_id.id)]
        if self.kind == 'appeal_my_decision':
            return [('waiting_my_decision', '=', True)]
        if self.kind == 'appeal_overdue':
            return [('is_overdue', '=', True)]
        if self.kind == 'appeal_due_week':
            return [('is_closed', '=', False), ('date_answer', '=', False),
                    ('date_deadline_planned', '>=', today),
                    ('date_deadline_planned', '<=', week)]
        if self.kind == 'request_overdue':
            return [('state', '=', 'sent'), ('date_due', '<', today)]
        if self.kind == 'event_today':
            return [('date_event', '=', today)]
        if self.kind == 'event_week':
            return [('date_event', '>=', today), ('date_event', '<=', week)]
        if self.kind == 'reception_today':
            start, stop = self._deputat_today_bounds()
            return [('date_start', '>=', start), ('date_start', '<', stop),
                    ('state', '!=', 'cancel')]
        return [('id', '=', 0)]

    def _deputat_today_bounds(self):
        """Today of the user's time zone as UTC datetime strings [start, stop)."""
        tz = pytz.timezone(self.env.user.tz or OFFICE_TZ)
        day = fields.Date.from_string(fields.Date.context_today(self))
        start = tz.localize(datetime.combine(day, time.min)).astimezone(pytz.utc)
        stop = start + timedelta(days=1)
        return (fields.Datetime.to_string(start.replace(tzinfo=None)),
                fields.Datetime.to_string(stop.replace(tzinfo=None)))

    # ------------------------------------------------------------------ buttons
    @api.multi
    def action_open(self):
        """The tile's records in the list of their model (the office's search view)."""
        self.ensure_one()
        if not self.env.user.has_group('deputat_crm.group_assistant'):
            raise AccessError(_('Only the office staff may open the dashboard.'))
        model, action_xmlid = TILE_KINDS[self.kind]
        action = self.env.ref(action_xmlid).read()[0]
        modes = ['tree', 'form'] + [mode for mode in action['view_mode'].split(',')
                                    if mode not in ('tree', 'form')]
        action.update(
            name=self.name,
            res_model=model,
            domain=self._deputat_domain(),
            context={},
            view_mode=','.join(modes),
            views=[(False, mode) for mode in modes],
        )
        return action


class ResUsers(models.Model):
    _inherit = 'res.users'  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the home screen

    @api.model
    def create(self, vals):
        user = super(ResUsers, self).create(vals)
        if not vals.get('action_id'):
            user._deputat_set_home_action()
        return user

    @api.multi
    def write(self, vals):
        res = super(ResUsers, self).write(vals)
        if 'action_id' not in vals and any(
                key == 'groups_id' or key.startswith(('in_group_', 'sel_groups_'))
                for key in vals):
            self._deputat_set_home_action()
        return res

    @api.model
    def _deputat_home_actions(self):
        return [(group, self.env.ref(xmlid, raise_if_not_found=False))
                for group, xmlid in HOME_ACTIONS]

    @api.multi
    def _deputat_set_home_action(self):
        """Give each user the home screen of their highest office role, unless they have a home
        action of their own (one that is not an office role's)."""
        homes = self._deputat_home_actions()
        if not all(action for _group, action in homes):
            return  # the module's data is being loaded: the data file calls this again
        role_actions = {action.id for _group, action in homes}
        for user in self:
            if user.action_id and user.action_id.id not in role_actions:
                continue
            groups = user.groups_id  # the implied groups included
            home = next((action for group, action in homes
                         if self.env.ref(group) in groups), None)
            home_id = home.id if home else False
            if home_id != user.action_id.id:
                super(ResUsers, user).write({'action_id': home_id})

    @api.model
    def _deputat_set_home_actions_all(self):
        """At install and upgrade: the home screen of every office user."""
        self.with_context(active_test=False).search([('share', '=', False)]) \
            ._deputat_set_home_action()
