from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression
from odoo.tools.safe_eval import safe_eval


def check_domain(text):
    """The domain of a search, given as text, parsed by Odoo's ``safe_eval`` into a list and
    checked term by term: each operator has its operands, each leaf is a (field, operator,
    value) triple. A clear error otherwise (a domain that does not parse is never used)."""
    try:
        domain = safe_eval(text or '[]')
    except Exception as error:  # pylint: disable=broad-except  # any parse error is the user's input
        raise UserError(_('The search domain cannot be read: %s') % error)
    if not isinstance(domain, (list, tuple)):
        raise UserError(_('The search domain must be a list of conditions.'))
    expected = 1
    for term in domain:
        if expected == 0:
            # the previous expression is complete: the next one is AND-ed (implicit '&')
            expected = 1
        if term in ('&', '|'):
            expected += 1
        elif term == '!':
            pass
        elif isinstance(term, (list, tuple)) and len(term) == 3 and (
                isinstance(term[0], str) or tuple(term) in (expression.TRUE_LEAF,
                                                     expression.FALSE_LEAF)):
            expected -= 1
        else:
            raise UserError(_('The search domain is not well formed: %r is not a '
                              'condition.') % (term,))
    if domain and expected != 0:
        raise UserError(_('The search domain is not well formed: an operator lacks a '
                          'condition.'))
    return [tuple(term) if isinstance(term, list) else term for term in domain]


class DeputatMailingListWizard(models.TransientModel):
    """«Добавить в список рассылки»: put the selected contacts into a mass-mailing list.

    Only contacts with the mailing consent (152-FZ) and an e-mail address are added; the
    others are counted and reported, never added."""
    _name = 'deputat.mailing.list.wizard'
    _description = 'Add contacts to a mailing list'

    partner_ids = fields.Many2many('res.partner', string='Contacts',
                                   default=lambda self: self._default_partner_ids())
    scope = fields.Selection([
        ('selected', 'Selected contacts'),
        ('search', 'All contacts of the current search'),
    ], string='Contacts', default='selected', required=True)
    search_domain = fields.Char(string='Search domain', default=lambda self: repr(
        self.env.context.get('active_domain') or []))
    mailing_list_id = fields.Many2one('mail.mass_mailing.list', string='Mailing list')
    new_list_name = fields.Char(string='New mailing list',
                                help='Leave the mailing list empty to create a new one.')
    eligible_count = fields.Integer(string='Contacts to add', compute='_compute_counts')
    skipped_count = fields.Integer(string='Contacts skipped (no consent or no e-mail)',
                                   compute='_compute_counts')

    @api.model
    def _default_partner_ids(self):
        if self.env.context.get('active_model') == 'res.partner':
            return [(6, 0, self.env.context.get('active_ids') or [])]
        return []

    @api.multi
    def _eligible_partners(self):
        self.ensure_one()
        # the consent is a separate AND term of a normalized domain, never appended to the
        # user's domain: an unbalanced '|' cannot swallow it
        return self.env['res.partner'].search(expression.AND([self._chosen_domain(), [
            ('mailing_opt_in', '=', True),
            ('email_normalized', '!=', False),
        ]]))

    @api.multi
    def _chosen_domain(self):
        self.ensure_one()
        if self.scope == 'search':
            return check_domain(self.search_domain)
        return [('id', 'in', self.partner_ids.ids)]

    @api.depends('partner_ids', 'scope', 'search_domain')
    def _compute_counts(self):
        Partner = self.env['res.partner']
        for wizard in self:
            eligible = len(wizard._eligible_partners())
            wizard.eligible_count = eligible
            wizard.skipped_count = Partner.search_count(wizard._chosen_domain()) - eligible

    @api.multi
    def action_apply(self):
        self.ensure_one()
        self.env['res.partner']._deputat_check_staff()
        if not self.mailing_list_id and not (self.new_list_name or '').strip():
            raise UserError(_('Choose a mailing list or enter the name of a new one.'))
        partners = self._eligible_partners()
        if not partners:
            raise UserError(_('None of the selected contacts has consented to mailings and has '
                              'an e-mail address: nobody can be added.'))
        mailing_list = self.mailing_list_id or self.env['mail.mass_mailing.list'].create(
            {'name': self.new_list_name.strip()})
        Contact = self.env['mail.mass_mailing.contact']
        emails = partners.mapped('email_normalized')
        existing = Contact.search([('email', 'in', emails)])
        # An address that opted out of the mailings stays out: it is not re-subscribed.
        existing.filtered(lambda c: not c.opt_out and mailing_list not in c.list_ids).write(
            {'list_ids': [(4, mailing_list.id)]})
        known = set(existing.mapped('email'))
        for partner in partners:
            if partner.email_normalized not in known:
                Contact.create({
                    'name': partner.name,
                    'email': partner.email_normalized,
                    'company_name': partner.commercial_company_name or False,
                    'country_id': partner.country_id.id,
                    'list_ids': [(4, mailing_list.id)],
                })
                known.add(partner.email_normalized)
        return {
            'type': 'ir.actions.act_window',
            'name': mailing_list.name,
            'res_model': 'mail.mass_mailing.contact',
            'view_mode': 'tree,form',
            'domain': [('list_ids', 'in', mailing_list.ids)],
        }
