"""Fixtures of the issue-11 tests: calls over the RPC path as the web client makes them."""
from odoo import api
from odoo.service.model import check_method_name

from .common_appeal import AppealCase


class PrivacyCase(AppealCase):

    def setUp(self):
        super(PrivacyCase, self).setUp()
        self.user_portal = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'Portal Citizen', 'login': 't_portal', 'email': 'portal@test.example',
            'groups_id': [(6, 0, [self.env.ref('base.group_portal').id])]})

    def rpc(self, user, model, method, *args, **kwargs):
        """What /web/dataset/call_kw and XML-RPC execute_kw do: refuse private names, then
        call the method as ``user``."""
        check_method_name(method)
        context = kwargs.pop('context', {})
        env = self.env(user=user.id, context=dict(context, lang='en_US'))
        return api.call_kw(env[model], method, list(args), kwargs)
