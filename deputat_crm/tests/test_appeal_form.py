"""Issue 12 item 4: the appeal form fits the stage. The form as each role receives it
(``fields_view_get``: groups already applied, ``attrs`` turned into ``modifiers``) is evaluated
against the appeal's values, as the web client does."""
import json

from lxml import etree
from odoo.tools.safe_eval import safe_eval

from .common_appeal import AppealCase

RESOLUTION_FIELDS = ('need_request',)
ANSWER_FIELDS = ('date_answer', 'answer_method_id', 'answer_text')


def _leaf(leaf, values):
    name, operator, value = leaf
    actual = values.get(name)
    if isinstance(actual, tuple):
        actual = actual[0]
    if isinstance(value, list) and operator in ('=', '!='):
        actual = list(actual or [])
    if operator in ('=', '=='):
        return actual == value
    if operator in ('!=', '<>'):
        return actual != value
    if operator == 'in':
        return actual in value
    if operator == 'not in':
        return actual not in value
    raise AssertionError('operator %s not handled by the test' % operator)


def eval_domain(domain, values):
    """A client-side domain (prefix notation) on a dict of values."""
    if isinstance(domain, bool):
        return domain
    stack = []
    for item in reversed(domain):
        if item == '|':
            stack.append(stack.pop() | stack.pop())
        elif item == '&':
            stack.append(stack.pop() & stack.pop())
        elif item == '!':
            stack.append(not stack.pop())
        else:
            stack.append(_leaf(item, values))
    return all(stack)


class TestAppealForm(AppealCase):

    def form(self, user):
        view = self.env['deputat.appeal'].sudo(user).with_context(lang='en_US').fields_view_get(
            view_type='form')
        return etree.fromstring(view['arch'])

    def values(self, appeal, user, arch):
        names = {node.get('name') for node in arch.iter('field')} | {'id'}
        record = appeal.sudo(user)
        return {name: (record[name].ids if record._fields[name].type in ('one2many',
                                                                        'many2many')
                       else record[name].id if record._fields[name].type == 'many2one'
                       else record[name])
                for name in names if name in record._fields}

    def visible(self, node, values):
        while node is not None:
            modifiers = json.loads(node.get('modifiers') or '{}')
            if eval_domain(modifiers.get('invisible', False), values):
                return False
            node = node.getparent()
        return True

    def shown_fields(self, appeal, user):
        arch = self.form(user)
        values = self.values(appeal, user, arch)
        sheet = arch.find('.//sheet')
        return {node.get('name') for node in sheet.iter('field')
                if self.visible(node, values)}

    def test_first_stage_hides_the_deputy_fields(self):
        appeal = self.new_appeal()
        self.assertEqual(appeal.stage_id.code, 'new')
        shown = self.shown_fields(appeal, self.user_assistant)
        for fname in RESOLUTION_FIELDS + ANSWER_FIELDS + (
                'registration_decision', 'request_approval_required', 'request_ids',
                'refusal_ground_id'):
            self.assertNotIn(fname, shown)
        for fname in ('partner_id', 'subject', 'description', 'topic_id', 'user_id'):
            self.assertIn(fname, shown)

    def test_resolution_stage_shows_the_resolution(self):
        appeal = self.move(self.new_appeal(), 'deputy_resolution')
        deputy = self.shown_fields(appeal, self.user_deputy)
        for fname in RESOLUTION_FIELDS + ('request_approval_required', 'registration_decision'):
            self.assertIn(fname, deputy)
        for fname in ANSWER_FIELDS:
            self.assertNotIn(fname, deputy)
        # the deputy's approval flag is the deputy's (and the office head's) only
        assistant = self.shown_fields(appeal, self.user_assistant)
        self.assertIn('need_request', assistant)
        self.assertNotIn('request_approval_required', assistant)
        self.assertIn('request_approval_required', self.shown_fields(appeal, self.user_head))

    def test_answer_stage_shows_the_answer(self):
        appeal = self.move(self.new_appeal(), 'deputy_resolution')
        appeal = self.move(appeal, 'answer_prepare', self.user_deputy, deputy_comment='Ответить')
        shown = self.shown_fields(appeal, self.user_assistant)
        for fname in ANSWER_FIELDS:
            self.assertIn(fname, shown)
        for fname in RESOLUTION_FIELDS + ('request_ids',):
            self.assertNotIn(fname, shown)
        # the deputy's instructions stay readable on the tab «Comments»
        self.assertIn('deputy_comment', shown)

    def test_parts_of_the_form_are_data(self):
        """The office head unticks a stage of a part: the form follows."""
        appeal = self.move(self.new_appeal(), 'deputy_resolution')
        section = self.env.ref('deputat_crm.form_section_resolution').sudo(self.user_head)
        section.write({'stage_ids': [(3, self.stage('deputy_resolution').id)]})
        appeal.invalidate_cache()
        shown = self.shown_fields(appeal, self.user_deputy)
        self.assertNotIn('need_request', shown)
        self.assertNotIn('request_approval_required', shown)
        self.assertIn(self.env.ref('deputat_crm.form_section_resolution'),
                      self.stage('request_prepare').form_section_ids)
        # and the stage form lists its parts: ticking one there shows it
        self.stage('new').sudo(self.user_head).write({'form_section_ids': [
            (4, self.env.ref('deputat_crm.form_section_answer').id)]})
        fresh = self.new_appeal()
        self.assertIn('answer_text', self.shown_fields(fresh, self.user_assistant))

    def test_title_before_saving(self):
        arch = self.form(self.user_assistant)
        titles = arch.findall(".//div[@class='oe_title']/h1")
        shown = [node for node in titles if self.visible(node, {'id': False})]
        self.assertEqual(len(shown), 1)
        self.assertEqual(shown[0].text, 'New appeal')
        self.assertIsNone(shown[0].find('field'))
        saved = self.new_appeal()
        shown = [node for node in titles if self.visible(node, {'id': saved.id})]
        self.assertEqual(len(shown), 1)
        self.assertEqual(shown[0].find('field').get('name'), 'name')

    def test_statusbar_shows_the_open_stages_of_the_pipeline(self):
        arch = self.form(self.user_assistant)
        statusbar = arch.find(".//header/field[@name='stage_id']")
        appeal = self.new_appeal()
        Stage = self.env['deputat.appeal.stage']

        def stages(record):
            domain = safe_eval(statusbar.get('domain'), {
                'pipeline': record.pipeline, 'stage_id': record.stage_id.id})
            return Stage.search(domain).mapped('code')
        self.assertEqual(stages(appeal), ['new', 'contact_wait', 'deputy_resolution'])
        refused = self.new_appeal()
        refused = self.move(refused, 'refused', self.user_deputy,
                            refusal_ground_id=self.env['deputat.appeal.refusal.ground'].search(
                                [], limit=1).id)
        self.assertEqual(stages(refused), ['new', 'contact_wait', 'deputy_resolution', 'refused'])

    def test_statusbar_short_names(self):
        arch = self.form(self.user_assistant)
        statusbar = arch.find(".//header/field[@name='stage_id']")
        context = safe_eval(statusbar.get('context'))
        stage = self.stage('request_sent')
        self.assertEqual(stage.with_context(**context).display_name, 'Request sent')
        self.assertEqual(stage.display_name, 'Request sent, waiting for the answer')
        # a stage without a short name keeps its name
        self.assertEqual(self.stage('new').with_context(**context).display_name,
                         'Registration')

    def test_header_keeps_the_moves_only(self):
        arch = self.form(self.user_lawyer)
        names = [node.get('name') for node in arch.find('.//header').iter('button')]
        self.assertNotIn('action_open_extend_wizard', names)
        self.assertIn('action_pipeline_move_dialog', names)
        # «Extend the term» is in the «Action» menu of the lawyer, not of the assistant
        bindings = self.env['ir.actions.actions'].sudo(self.user_lawyer).get_bindings(
            'deputat.appeal')
        extend = self.env.ref('deputat_crm.action_deputat_appeal_extend_wizard')
        self.assertIn(extend.id, [a['id'] for a in bindings['action']])
        self.env['ir.actions.actions'].clear_caches()
        bindings = self.env['ir.actions.actions'].sudo(self.user_assistant).get_bindings(
            'deputat.appeal')
        self.assertNotIn(extend.id, [a['id'] for a in bindings['action']])

    def test_topics_show_names_first(self):
        topic = self.env.ref('deputat_crm.classifier_0003_0009_0099_0742')
        label = topic.name_get()[0][1]
        self.assertTrue(label.startswith(topic.name), label)
        found = self.env['deputat.appeal.topic'].name_search(topic.code)
        self.assertIn(topic.id, [tid for tid, _name in found])
        view = self.env['deputat.appeal'].fields_view_get(view_type='form')
        tree = etree.fromstring(view['fields']['question_ids']['views']['tree']['arch'])
        columns = [node.get('name') for node in tree.iter('field')]
        self.assertLess(columns.index('topic_id'), columns.index('code'))
