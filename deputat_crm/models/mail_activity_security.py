# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Confidential appeals (59-FZ art. 6 part 2) do not leak through the mail records attached to
them: activities, followers and queued e-mails (mail.mail) of a confidential appeal, or of one
of its requests, are readable only by those who may read the appeal.

Odoo 11 has no record rule on these models and a rule cannot express «the document is
readable». So each model adds one SQL condition to its ir.rule clauses (search, read,
read_group) and to ``check_access_rule`` (write, unlink): the records of the confidential
appeals the user cannot read are excluded. The superuser (and ``sudo()``) sees all."""
from odoo import SUPERUSER_ID, _, api, models
from odoo.exceptions import AccessError


def hidden_documents(env):
    """{model: ids} of the confidential appeals (and their requests) ``env.user`` may not
    read; empty for the superuser."""
    if env.uid == SUPERUSER_ID:
        return {}
    Appeal = env['deputat.appeal'].with_context(active_test=False)
    confidential = Appeal.sudo().search([('confidential', '=', True)]).ids
    if not confidential:
        return {}
    if Appeal.check_access_rights('read', raise_exception=False):
        visible = set(Appeal.search([('id', 'in', confidential)]).ids)
    else:
        visible = set()
    hidden = [appeal_id for appeal_id in confidential if appeal_id not in visible]
    if not hidden:
        return {}
    requests = env['deputat.appeal.request'].sudo().with_context(active_test=False).search(
        [('appeal_id', 'in', hidden)]).ids
    result = {'deputat.appeal': hidden}
    if requests:
        result['deputat.appeal.request'] = requests
    return result


class DeputatConfidentialGuard(models.AbstractModel):
    """What the guarded models share; each says where its document is (``_deputat_doc_sql``)."""
    _name = 'deputat.confidential.guard'
    _description = 'Confidential appeals guard of mail records'

    @api.model
    def _deputat_doc_condition(self, hidden):
        """SQL (clause, params) true for the records NOT attached to a hidden document."""
        model_col, res_col, table = self._deputat_doc_columns()
        parts, params = [], []
        for model, ids in hidden.items():
            parts.append('(%s = %%s AND %s IN %%s)' % (model_col, res_col))
            params += [model, tuple(ids)]
        clause = 'NOT (%s)' % ' OR '.join(parts)
        if table:
            clause = '"%s"."id" NOT IN (SELECT "%s"."id" FROM "%s" %s WHERE %s)' % (
                self._table, self._table, self._table, table, ' OR '.join(parts))
        return clause, params

    def _deputat_doc_columns(self):
        return ('"%s"."res_model"' % self._table, '"%s"."res_id"' % self._table, None)

    def _apply_ir_rules(self, query, mode='read'):
        res = super(DeputatConfidentialGuard, self)._apply_ir_rules(query, mode=mode)
        hidden = hidden_documents(self.env)
        if hidden:
            clause, params = self._deputat_doc_condition(hidden)
            query.where_clause.append(clause)
            query.where_clause_params.extend(params)
        return res

    @api.multi
    def check_access_rule(self, operation):
        res = super(DeputatConfidentialGuard, self).check_access_rule(operation)
        hidden = hidden_documents(self.env)
        if hidden and self.ids:
            clause, params = self._deputat_doc_condition(hidden)
            self.env.cr.execute('SELECT COUNT(*) FROM "%s" WHERE id IN %%s AND NOT (%s)' % (
                self._table, clause), [tuple(self.ids)] + params)
            if self.env.cr.fetchone()[0]:
                raise AccessError(_('This belongs to a confidential appeal you may not read '
                                    '(59-FZ art. 6 part 2).'))
        return res


class MailActivity(models.Model):
    _name = 'mail.activity'
    _inherit = ['mail.activity', 'deputat.confidential.guard']


class MailFollowers(models.Model):
    _name = 'mail.followers'
    _inherit = ['mail.followers', 'deputat.confidential.guard']


class MailMail(models.Model):
    _name = 'mail.mail'
    _inherit = ['mail.mail', 'deputat.confidential.guard']

    def _deputat_doc_columns(self):
        # the document is on the mail.message this mail.mail inherits
        return ('"m"."model"', '"m"."res_id"',
                'JOIN "mail_message" "m" ON "m"."id" = "%s"."mail_message_id"' % self._table)
