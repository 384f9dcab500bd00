"""The contact base: res.partner with the office's segmentation fields, personal-data basis
(152-FZ), social-network links and duplicate detection on indexed normalized columns."""
import base64
import csv
import io

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.osv import expression

# The pure parsers and normalizers (no ORM) live in lib/social_links.py, tested in tests/unit/
# (tests/test_contacts_links.py still imports them from here).
from ..lib.social_links import (AGE_BAND_LIMITS, AGE_BANDS, age_band, normalize_email,
                                normalize_facebook, normalize_instagram, normalize_name,
                                normalize_phone, normalize_vk, vk_profile_id)

LINK_FIELDS = (
    ('vk_url', normalize_vk),
    ('facebook_url', normalize_facebook),
    ('instagram_url', normalize_instagram),
)


class ResPartner(models.Model):
    _inherit = 'res.partner'

    social_status_ids = fields.Many2many(
        'deputat.social.status', 'res_partner_deputat_social_status_rel', 'partner_id',
        'status_id', string='Social status')
    # Odoo 11 cannot group by a many2many: the first status/audience (by sequence) is stored
    # for the «Group by» menu.
    social_status_main_id = fields.Many2one(
        'deputat.social.status', string='Main social status', compute='_compute_main_tags',
        store=True, index=True)
    territory_id = fields.Many2one('deputat.territory', index=True, ondelete='restrict')
    audience_ids = fields.Many2many(
        'deputat.audience', 'res_partner_deputat_audience_rel', 'partner_id', 'audience_id',
        string='Target audience (contacts)')
    audience_main_id = fields.Many2one(
        'deputat.audience', string='Main target audience', compute='_compute_main_tags',
        store=True, index=True)
    vk_url = fields.Char(string='VKontakte', help='Link to the VKontakte profile.')
    facebook_url = fields.Char(string='Facebook', help='Link to the Facebook profile.')
    instagram_url = fields.Char(string='Instagram', help='Link to the Instagram profile.')
    contact_referrer_id = fields.Many2one(
        'res.partner', string='Contact obtained from', index=True, ondelete='set null',
        help='The person or organisation who brought this contact to the office.')
    contact_source_id = fields.Many2one('deputat.contact.source', string='Contact source',
                                        ondelete='restrict')
    birthdate = fields.Date(string='Date of birth', index=True)
    age_band = fields.Selection(AGE_BANDS, string='Age band', compute='_compute_age_band',
                                store=True, index=True)
    # 152-FZ: why the office may process the person's data at all, and a separate consent
    # for mailings and targeted ads (art. 6 ч.1: mailings are not a duty under 59-FZ).
    pd_legal_basis = fields.Selection([
        ('law_59fz', 'Duty under 59-FZ (appeal)'),
        ('consent', 'Consent of the data subject'),
    ], string='Legal basis for personal data', track_visibility='onchange',
        help='152-FZ art. 6: handling an appeal under 59-FZ is a legal duty; any other '
             'processing needs the consent of the person.')
    pd_legal_basis_date = fields.Date(string='Legal basis date')
    mailing_opt_in = fields.Boolean(
        string='Consent to mailings', copy=False, track_visibility='onchange',
        help='The person agreed to receive mailings and to be included in ad audiences. '
             'Without it the contact never enters a mailing list or an ad-audience export.')
    mailing_opt_in_date = fields.Date(string='Mailing consent date', copy=False)
    # Normalized copies for duplicate lookups (indexed: searched by equality only).
    phone_normalized = fields.Char(string='Normalized phone', compute='_compute_normalized',
                                   store=True, index=True)
    mobile_normalized = fields.Char(string='Normalized mobile', compute='_compute_normalized',
                                    store=True, index=True)
    email_normalized = fields.Char(string='Normalized e-mail', compute='_compute_normalized',
                                   store=True, index=True)
    name_normalized = fields.Char(string='Normalized name', compute='_compute_normalized',
                                  store=True, index=True)
    duplicate_ids = fields.Many2many('res.partner', string='Possible duplicates',
                                     compute='_compute_duplicates')
    duplicate_count = fields.Integer(string='Possible duplicates count',
                                     compute='_compute_duplicates')

    # -- computes ---------------------------------------------------------------------------

    deputat_appeal_count = fields.Integer(string='Appeals', compute='_compute_deputat_counts')
    deputat_event_count = fields.Integer(string='Events', compute='_compute_deputat_counts')

    @api.multi
    def _deputat_appeal_domain(self):
        return ['|', ('partner_id', 'in', self.ids), ('co_applicant_ids', 'in', self.ids)]

    @api.multi
    def _deputat_event_domain(self):
        return ['|', '|', '|', ('contact_ids', 'in', self.ids), ('speaker_ids', 'in', self.ids),
                ('journalist_ids', 'in', self.ids), ('participant_company_ids', 'in', self.ids)]

    @api.multi
    def _compute_deputat_counts(self):
        Appeal, Event = self.env['deputat.appeal'], self.env['deputat.event']
        can_appeals = Appeal.check_access_rights('read', raise_exception=False)
        can_events = Event.check_access_rights('read', raise_exception=False)
        for partner in self:
            partner.deputat_appeal_count = can_appeals and Appeal.search_count(
                partner._deputat_appeal_domain())
            partner.deputat_event_count = can_events and Event.search_count(
                partner._deputat_event_domain())

    @api.multi
    def action_deputat_view_appeals(self):
        self.ensure_one()
        action = self.env.ref('deputat_crm.action_deputat_appeal_all').read()[0]
        action.update(domain=self._deputat_appeal_domain(),
                      context={'default_partner_id': self.id})
        return action

    @api.multi
    def action_deputat_view_events(self):
        self.ensure_one()
        action = self.env.ref('deputat_crm.action_deputat_event').read()[0]
        action.update(domain=self._deputat_event_domain(), context={'default_contact_ids': [(6, 0, self.ids)]})
        return action

    @api.depends('phone', 'mobile', 'email', 'name')
    def _compute_normalized(self):
        for partner in self:
            partner.phone_normalized = normalize_phone(partner.phone)
            partner.mobile_normalized = normalize_phone(partner.mobile)
            partner.email_normalized = normalize_email(partner.email)
            partner.name_normalized = normalize_name(partner.name)

    @api.depends('social_status_ids', 'audience_ids')
    def _compute_main_tags(self):
        for partner in self:
            partner.social_status_main_id = partner.social_status_ids.sorted(
                lambda s: (s.sequence, s.id))[:1]
            partner.audience_main_id = partner.audience_ids.sorted(
                lambda a: (a.sequence, a.id))[:1]

    @api.depends('birthdate')
    def _compute_age_band(self):
        today = fields.Date.from_string(fields.Date.context_today(self))
        for partner in self:
            partner.age_band = age_band(fields.Date.from_string(partner.birthdate), today)

    @api.depends('name', 'email', 'phone', 'mobile', 'birthdate', 'street')
    def _compute_duplicates(self):
        # also on a contact being entered (onchange), so the form lists the duplicates live
        for partner in self:
            domain = self._deputat_duplicate_domain(partner._deputat_dedup_values(partner))
            own_id = partner.id if isinstance(partner.id, int) else getattr(
                partner, '_origin', self.browse()).id
            if domain:
                if own_id:
                    domain = expression.AND([domain, [('id', '!=', own_id)]])
                partner.duplicate_ids = self.search(domain, limit=50)
            else:
                partner.duplicate_ids = self.browse()
            partner.duplicate_count = len(partner.duplicate_ids)

    # -- duplicates --------------------------------------------------------------------------

    @api.model
    def _deputat_dedup_values(self, record):
        """Normalized lookup values of a record or of an onchange pseudo-record."""
        return {
            'phones': [p for p in {normalize_phone(record.phone), normalize_phone(record.mobile)}
                       if p],
            'email': normalize_email(record.email),
            'name': normalize_name(record.name),
            'birthdate': record.birthdate,
            'street': (record.street or '').strip(),
        }

    @api.model
    def _deputat_duplicate_domain(self, values):
        """Domain of the likely duplicates: same e-mail, or same phone (phone or mobile), or
        same full name with the same birth date or street. Only equality on indexed columns,
        so the lookup stays an index scan on large bases. None when nothing to compare."""
        alternatives = []
        if values.get('email'):
            alternatives.append([('email_normalized', '=', values['email'])])
        if values.get('phones'):
            alternatives.append([('phone_normalized', 'in', values['phones'])])
            alternatives.append([('mobile_normalized', 'in', values['phones'])])
        if values.get('name'):
            same_person = []
            if values.get('birthdate'):
                same_person.append([('birthdate', '=', values['birthdate'])])
            if values.get('street'):
                same_person.append([('street', '=ilike', values['street'])])
            if same_person:
                alternatives.append(expression.AND([[('name_normalized', '=', values['name'])],
                                                    expression.OR(same_person)]))
        return expression.OR(alternatives) if alternatives else None

    @api.multi
    def _deputat_duplicate_message(self, duplicates):
        return _('Possible duplicates of this contact: %s. Check them; the office head can '
                 'merge duplicate contacts.') % ', '.join(
            '%s (#%d)' % (dup.display_name, dup.id) for dup in duplicates)

    @api.multi
    def _deputat_warn_duplicates(self):
        """Post a note in the chatter of each partner that has likely duplicates; returns
        {partner id: duplicates}."""
        found = {}
        for partner in self:
            duplicates = partner.duplicate_ids
            if duplicates:
                found[partner.id] = duplicates
                partner.message_post(body=partner._deputat_duplicate_message(duplicates),
                                     subtype='mail.mt_note')
        return found

    @api.onchange('name', 'email', 'phone', 'mobile', 'birthdate', 'street')
    def _onchange_deputat_duplicates(self):
        domain = self._deputat_duplicate_domain(self._deputat_dedup_values(self))
        if not domain:
            return {}
        origin = getattr(self, '_origin', self)
        if origin.id and isinstance(origin.id, int):
            domain = expression.AND([domain, [('id', '!=', origin.id)]])
        duplicates = self.search(domain, limit=5)
        if not duplicates:
            return {}
        return {'warning': {
            'title': _('Possible duplicate'),
            'message': _('Similar contacts already exist: %s. They are listed on the form under '
                         '«Possible duplicates»: open one to check it before saving.') %
            ', '.join(duplicates.mapped('display_name')),
        }}

    @api.multi
    def action_deputat_duplicate_dialog(self):
        """«Possible duplicates» on the contact form: the dialog with «Open» on each one."""
        return self._deputat_duplicate_dialog()

    @api.multi
    def _deputat_duplicate_dialog(self, appeal=None):
        """The duplicate dialog of this contact: each possible duplicate with «Open» and, when
        ``appeal`` is given, «Use this contact»."""
        self.ensure_one()
        self._deputat_check_staff()
        if not self.duplicate_ids:
            raise UserError(_('No similar contacts found for %s.') % self.display_name)
        # the dialog is saved before it opens: the buttons of its lines then act at once
        # (Odoo 11 cannot run a button of a line of an unsaved dialog)
        wizard = self.env['deputat.partner.duplicate.wizard'].create({
            'partner_id': self.id,
            'appeal_id': appeal.id if appeal else False,
            'line_ids': [(0, 0, {'partner_id': duplicate.id})
                         for duplicate in self.duplicate_ids],
        })
        return {
            'type': 'ir.actions.act_window',
            'name': _('Possible duplicates'),
            'res_model': 'deputat.partner.duplicate.wizard',
            'res_id': wizard.id,
            'view_mode': 'form',
            'views': [(False, 'form')],
            'target': 'new',
        }

    @api.multi
    def action_deputat_view_duplicates(self):
        self.ensure_one()
        return {
            'type': 'ir.actions.act_window',
            'name': _('Possible duplicates'),
            'res_model': 'res.partner',
            'view_mode': 'tree,form',
            'domain': [('id', 'in', (self | self.duplicate_ids).ids)],
            'context': {'active_test': False},
        }

    # -- create / write / import -------------------------------------------------------------

    @api.model
    def _deputat_prepare_vals(self, vals):
        """Normalize social links (ValidationError for junk) and date the consents."""
        vals = dict(vals)
        hints = {
            'vk_url': _('Enter a VKontakte profile as a link (https://vk.com/id123 or '
                        'https://vk.com/name), @name or a numeric id.'),
            'facebook_url': _('Enter a Facebook profile as a link '
                              '(https://www.facebook.com/name), @name or a numeric id.'),
            'instagram_url': _('Enter an Instagram profile as a link '
                               '(https://www.instagram.com/name) or @name.'),
        }
        for fname, normalize in LINK_FIELDS:
            if fname in vals:
                try:
                    vals[fname] = normalize(vals[fname])
                except ValueError:
                    raise ValidationError(_('«%(value)s» is not a valid %(network)s profile. '
                                            '%(hint)s') % {
                        'value': vals[fname],
                        'network': self._fields[fname].get_description(self.env)['string'],
                        'hint': hints[fname],
                    })
        today = fields.Date.context_today(self)
        if 'mailing_opt_in' in vals and 'mailing_opt_in_date' not in vals:
            vals['mailing_opt_in_date'] = today if vals['mailing_opt_in'] else False
        if vals.get('pd_legal_basis') and not vals.get('pd_legal_basis_date'):
            vals['pd_legal_basis_date'] = today
        return vals

    @api.model
    def create(self, vals):
        partner = super(ResPartner, self).create(self._deputat_prepare_vals(vals))
        if not self.env.context.get('deputat_no_duplicate_check'):
            partner._deputat_warn_duplicates()
        return partner

    @api.multi
    def write(self, vals):
        vals = self._deputat_prepare_vals(vals)
        if 'mailing_opt_in' in vals and not vals['mailing_opt_in']:
            self._deputat_withdraw_from_mailings()
        return super(ResPartner, self).write(vals)

    @api.model
    def load(self, fields_list, data):
        """Import: the created partners carry a chatter note (from create); the result also
        lists one warning per imported row that looks like an existing contact."""
        result = super(ResPartner, self).load(fields_list, data)
        if result.get('ids'):
            warnings = []
            for index, partner in enumerate(self.browse(result['ids'])):
                if partner.duplicate_ids:
                    warnings.append({
                        'type': 'warning',
                        'record': index,
                        'rows': {'from': index, 'to': index},
                        'message': partner._deputat_duplicate_message(partner.duplicate_ids),
                    })
            result['messages'] = list(result.get('messages') or []) + warnings
        return result

    @api.constrains('birthdate', 'mailing_opt_in_date', 'pd_legal_basis_date')
    def _check_deputat_dates(self):
        today = fields.Date.context_today(self)
        for partner in self:
            for fname in ('birthdate', 'mailing_opt_in_date', 'pd_legal_basis_date'):
                if partner[fname] and partner[fname] > today:
                    raise ValidationError(_('%(field)s of %(partner)s cannot be in the '
                                            'future.') % {
                        'field': self._fields[fname].get_description(self.env)['string'],
                        'partner': partner.display_name,
                    })

    # -- consent, mailings and ad audiences --------------------------------------------------

    @api.multi
    def _deputat_withdraw_from_mailings(self):
        """Consent withdrawn: the person's mailing-list entries are marked opted out (done as
        superuser: whoever records the withdrawal, it must take effect)."""
        emails = [e for e in self.mapped('email_normalized') if e]
        if emails:
            self.env['mail.mass_mailing.contact'].sudo().search(
                [('email', 'in', emails), ('opt_out', '=', False)]).write({'opt_out': True})

    @api.multi
    def _deputat_mailing_allowed(self):
        """The partners of self that may receive mailings / enter ad audiences."""
        return self.search([('id', 'in', self.ids), ('mailing_opt_in', '=', True)])

    @api.model
    def _deputat_check_staff(self):
        if not self.env.user.has_group('deputat_crm.group_assistant'):
            raise AccessError(_('Only the staff of the deputy\'s office may do this.'))

    @api.multi
    def _deputat_ad_audience_csv(self):
        """CSV text of the ad audience: one line per opted-in partner with a phone, an e-mail
        or a VK profile; header ``phone,email,vk_id``."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator='\n')
        writer.writerow(['phone', 'email', 'vk_id'])
        for partner in self._deputat_mailing_allowed():
            row = [partner.mobile_normalized or partner.phone_normalized or '',
                   partner.email_normalized or '', vk_profile_id(partner.vk_url)]
            if any(row):
                writer.writerow(row)
        return buf.getvalue()

    @api.multi
    def action_deputat_export_ad_audience(self):
        """Export the selected contacts with mailing consent as an ad-audience CSV file."""
        self._deputat_check_staff()
        content = self._deputat_ad_audience_csv()
        filename = 'ad_audience_%s.csv' % fields.Date.context_today(self)
        attachment = self.env['ir.attachment'].create({
            'name': filename,
            'datas_fname': filename,
            'datas': base64.b64encode(content.encode('utf-8')),
            'mimetype': 'text/csv',
        })
        return {
            'type': 'ir.actions.act_url',
            'url': '/web/content/%d?download=true' % attachment.id,
            'target': 'self',
        }

    # -- age bands ---------------------------------------------------------------------------

    @api.model
    def _deputat_age_band_domain(self, band, today=None):
        """Domain on the birth date for an age band, relative to today."""
        today = today or fields.Date.from_string(fields.Date.context_today(self))
        low, high = AGE_BAND_LIMITS[band]
        domain = [('birthdate', '<=', fields.Date.to_string(today - relativedelta(years=low)))]
        if high is not None:
            domain.append(('birthdate', '>', fields.Date.to_string(
                today - relativedelta(years=high + 1))))
        return domain

    @api.model
    def _cron_deputat_refresh_age_band(self):
        """Daily: recompute the stored age band of the partners whose band changed (people
        have birthdays); one indexed search per band, no scan of the table in Python."""
        for band in AGE_BAND_LIMITS:
            partners = self.with_context(active_test=False).search(
                self._deputat_age_band_domain(band) + [
                    '|', ('age_band', '!=', band), ('age_band', '=', False)])
            if partners:
                self.env.add_todo(self._fields['age_band'], partners)
        self.recompute()
        return True
