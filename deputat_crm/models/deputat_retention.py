# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Retention (152-FZ art. 5 part 7): a closed appeal is kept for a number of years after it
was closed (5 by default, the usual storage term of appeals' files), then anonymised by a daily
robot: the applicant becomes the anonymous applicant, free texts, attachments and the chatter
are removed; the statistics stay (number, dates, topic, channel, territory, result). A contact
that only the expired appeals kept (legal basis «duty under 59-FZ», no consent, nothing else)
is anonymised too. Until the office head switches it on, the robot only reports (dry run)."""
import logging

from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models

from .deputat_pipeline import engine_writes, keyset_batches
from .deputat_params import int_param

_logger = logging.getLogger(__name__)

RETENTION_YEARS_PARAM = 'deputat_crm.retention_years'
RETENTION_MODE_PARAM = 'deputat_crm.retention_anonymise'
DEFAULT_RETENTION_YEARS = 5
APPEAL_TEXT_FIELDS = ('description', 'answer_text', 'employee_comment', 'deputy_comment',
                      'no_answer_reason', 'extension_reason', 'intake_email')
REQUEST_TEXT_FIELDS = ('text', 'answer', 'deputy_resolution', 'cancel_reason')
PARTNER_CLEARED_FIELDS = ('email', 'phone', 'mobile', 'street', 'street2', 'zip', 'city',
                          'birthdate', 'vk_url', 'facebook_url', 'instagram_url', 'comment',
                          'function', 'website', 'contact_referrer_id', 'pd_legal_basis',
                          'pd_legal_basis_date', 'mailing_opt_in_date', 'title')


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    anonymised_date = fields.Date(string='Anonymised on', readonly=True, copy=False,
                                  index=True)

    # ------------------------------------------------------------------ which
    @api.model
    def _retention_years(self):
        return int_param(self.env, RETENTION_YEARS_PARAM, DEFAULT_RETENTION_YEARS)

    @api.model
    def _retention_domain(self, today=None):
        """Closed appeals, closed at least the retention period before ``today``, not yet
        anonymised."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        limit = fields.Date.to_string(today - relativedelta(years=self._retention_years()))
        return [('is_closed', '=', True), ('anonymised_date', '=', False),
                ('date_stage_entered', '<=', limit)]

    # ------------------------------------------------------------------ robot
    @api.model
    def _cron_retention(self, today=None, autocommit=False):
        """The daily robot: anonymise the expired appeals, or only report them (dry run)."""
        Appeal = self.sudo().with_context(active_test=False)
        anonymise = self.env['ir.config_parameter'].sudo().get_param(
            RETENTION_MODE_PARAM) not in (None, False, '', '0', 'False')
        if not anonymise:
            count = Appeal.search_count(self._retention_domain(today))
            _logger.info('Retention (dry run): %d closed appeal(s) would be anonymised', count)
            return count
        done = 0
        for batch in keyset_batches(Appeal, self._retention_domain(today),
                                    autocommit=autocommit):
            batch._retention_anonymise(today)
            done += len(batch)
        return done

    @api.multi
    def _retention_anonymise(self, today=None, note=None):
        """Anonymise these appeals (idempotent) and the contacts only they kept."""
        today = today or fields.Date.context_today(self)
        anonymous = self.env.ref('deputat_crm.partner_anonymous')
        appeals = self.sudo().with_context(active_test=False, mail_notrack=True,
                                           tracking_disable=True).filtered(
            lambda a: not a.anonymised_date)
        if not appeals:
            return self.env['res.partner']
        applicants = appeals.mapped('partner_id') | appeals.mapped('co_applicant_ids')
        requests = appeals.mapped('request_ids')
        Attachment = self.env['ir.attachment'].sudo()
        attachments = appeals.mapped('attachment_ids') | requests.mapped('attachment_ids') | \
            Attachment.search(['|', '&', ('res_model', '=', 'deputat.appeal'),
                               ('res_id', 'in', appeals.ids),
                               '&', ('res_model', '=', 'deputat.appeal.request'),
                               ('res_id', 'in', requests.ids)])
        self.env['deputat.audit.log']._log(appeals, 'anonymise', note=note)
        values = dict.fromkeys(APPEAL_TEXT_FIELDS, False)
        values.update({'partner_id': anonymous.id, 'co_applicant_ids': [(5,)],
                       'subject': _('Anonymised'), 'attachment_ids': [(5,)],
                       'anonymised_date': today, 'sender_unverified': False})
        with engine_writes():
            appeals.write(values)
            if requests:
                requests.write(dict(dict.fromkeys(REQUEST_TEXT_FIELDS, False),
                                    attachment_ids=[(5,)]))
        attachments.unlink()
        for model, ids in (('deputat.appeal', appeals.ids),
                           ('deputat.appeal.request', requests.ids)):
            if not ids:
                continue
            for comodel, model_field in (('mail.message', 'model'),
                                         ('mail.activity', 'res_model'),
                                         ('mail.followers', 'res_model')):
                self.env[comodel].sudo().search(
                    [(model_field, '=', model), ('res_id', 'in', ids)]).unlink()
        return applicants._retention_anonymise_leftovers(today)


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.multi
    def _retention_anonymise_leftovers(self, today):
        """Anonymise the contacts that nothing keeps any more: basis «duty under 59-FZ» only,
        no consent, no user, no appeal, request or event left."""
        anonymous = self.env.ref('deputat_crm.partner_anonymous')
        Appeal = self.env['deputat.appeal'].sudo().with_context(active_test=False)
        Request = self.env['deputat.appeal.request'].sudo().with_context(active_test=False)
        Event = self.env['deputat.event'].sudo().with_context(active_test=False)
        done = self.browse()
        for partner in self.sudo().with_context(active_test=False):
            if (partner == anonymous or partner.mailing_opt_in or partner.user_ids
                    or partner.is_company or partner.child_ids
                    or partner.pd_legal_basis not in (False, 'law_59fz')
                    or Appeal.search_count(partner._deputat_appeal_domain())
                    or Request.search_count([('partner_id', '=', partner.id)])
                    or Event.search_count(partner._deputat_event_domain())):
                continue
            partner._deputat_erase_personal_data(_('Anonymised contact'))
            done |= partner
        return done

    @api.multi
    def _deputat_erase_personal_data(self, name):
        """Remove what identifies the person; the record stays (archived) for the links."""
        for partner in self.sudo().with_context(mail_notrack=True, tracking_disable=True,
                                                active_test=False):
            email = partner.email_normalized
            values = {name_: False for name_ in PARTNER_CLEARED_FIELDS if name_ in partner._fields}
            values.update({'name': '%s #%d' % (name, partner.id), 'mailing_opt_in': False,
                           'social_status_ids': [(5,)], 'audience_ids': [(5,)],
                           'category_id': [(5,)], 'image': False, 'active': False})
            partner.write(values)
            self.env['mail.message'].sudo().search([
                ('model', '=', 'res.partner'), ('res_id', '=', partner.id)]).unlink()
            if email:
                self.env['mail.mass_mailing.contact'].sudo().search([
                    ('email', '=ilike', email)]).unlink()


class DeputatSettings(models.TransientModel):
    _inherit = 'deputat.settings'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    def action_retention_dry_run(self):
        """What the retention robot would anonymise today: the list of those appeals."""
        self._check_office_head()
        Appeal = self.env['deputat.appeal']
        return {
            'type': 'ir.actions.act_window',
            'name': _('Appeals to anonymise (retention)'),
            'res_model': 'deputat.appeal',
            'view_mode': 'tree,form',
            'domain': [('id', 'in', Appeal.sudo().with_context(active_test=False).search(
                Appeal._retention_domain()).ids)],
            'context': {'active_test': False, 'create': False},
        }
