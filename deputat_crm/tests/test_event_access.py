from odoo.exceptions import AccessError

from .common_event import DeputatEventCase


class TestEventAccess(DeputatEventCase):

    def test_assistant_creates_and_prepares(self):
        env = self.env(user=self.user_assistant.id)
        event = self.make_event(60, env=env)
        event.write({'goal': 'Meet the voters', 'participant_count': 10})
        line = event.checklist_line_ids[0]
        line.done = True
        self.assertTrue(line.done)
        with self.assertRaises(AccessError):
            event.unlink()

    def test_assistant_cannot_configure(self):
        env = self.env(user=self.user_assistant.id)
        self.assertTrue(env['deputat.event.stage'].search([]))
        with self.assertRaises(AccessError):
            env['deputat.event.stage'].create({'name': 'New stage'})
        with self.assertRaises(AccessError):
            self.stage['programme'].sudo(self.user_deputy).write({'time_limit_days': 1})
        with self.assertRaises(AccessError):
            env['deputat.event.checklist.template'].create({
                'name': 'Item', 'stage_id': self.stage['programme'].id})
        with self.assertRaises(AccessError):
            env['deputat.event.topic'].create({'name': 'New topic'})
        with self.assertRaises(AccessError):
            env['deputat.event.cancel.reason'].create({'name': 'New reason'})

    def test_office_head_configures(self):
        env = self.env(user=self.user_head.id)
        stage = self.stage['programme']
        env['deputat.event.checklist.template'].create({
            'name': 'Book the interpreter', 'stage_id': stage.id, 'role': 'accompanying'})
        env['deputat.event.topic'].create({'name': 'Transport'})
        env['deputat.event.cancel.reason'].create({'name': 'Weather', 'require_detail': True})
        stage.sudo(self.user_head).write({'time_limit_days': 3})
        event = self.make_event(10, env=env, accompanying_user_id=self.user_lawyer.id)
        event.write({'stage_id': stage.id})
        self.assertIn('Book the interpreter', event.checklist_line_ids.mapped('name'))
        acc = self.robot_activities(event).filtered(lambda a: a.user_id == self.user_lawyer)
        self.assertIn('Book the interpreter', acc.note)
        event.unlink()

    def test_plain_employee_has_no_access(self):
        with self.assertRaises(AccessError):
            self.Event.sudo(self.user_plain).search([])
