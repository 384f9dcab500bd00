# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The chatter's creation line in grammatical Russian.

mail.thread logs «%s created» with the model's name: «Запрос в инстанцию создано», «Event
создано» (the name not translated yet). Each record of the office logs its own sentence
instead; mail_create_nolog only silences the generic line (no security decision)."""
from odoo import _, api, models


def silenced(records):
    return records._context.get('mail_create_nolog') or records._context.get('tracking_disable')


def quiet(records):
    """The records to call ``super().create`` on: mail.thread's generic line silenced."""
    return records if silenced(records) else records.with_context(mail_create_nolog=True)


def log_created(records, record):
    """``record`` (just created from ``records``) with its own creation line."""
    record = record.with_env(records.env)
    if not silenced(records):
        record.message_post(body=record._deputat_created_message())
    return record


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def create(self, vals):
        return log_created(self, super(DeputatAppeal, quiet(self)).create(vals))

    def _deputat_created_message(self):
        return _('Appeal created')


class DeputatAppealRequest(models.Model):
    _inherit = 'deputat.appeal.request'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def create(self, vals):
        return log_created(self, super(DeputatAppealRequest, quiet(self)).create(vals))

    def _deputat_created_message(self):
        return _('Request to an authority created')


class DeputatEvent(models.Model):
    _inherit = 'deputat.event'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def create(self, vals):
        return log_created(self, super(DeputatEvent, quiet(self)).create(vals))

    def _deputat_created_message(self):
        return _('Event created')


class DeputatReceptionSession(models.Model):
    _inherit = 'deputat.reception.session'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def create(self, vals):
        return log_created(self, super(DeputatReceptionSession, quiet(self)).create(vals))

    def _deputat_created_message(self):
        return _('Reception session created')


class DeputatReceptionCard(models.Model):
    _inherit = 'deputat.reception.card'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def create(self, vals):
        return log_created(self, super(DeputatReceptionCard, quiet(self)).create(vals))

    def _deputat_created_message(self):
        return _('Reception card created')


class DeputatAppealParked(models.Model):
    _inherit = 'deputat.appeal.parked'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def create(self, vals):
        return log_created(self, super(DeputatAppealParked, quiet(self)).create(vals))

    def _deputat_created_message(self):
        return _('Parked e-mail created')


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model
    def create(self, vals):
        return log_created(self, super(ResPartner, quiet(self)).create(vals))

    def _deputat_created_message(self):
        return _('Contact created')
