# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Indexes for the robots and the contact base at scale (see readme/PERFORMANCE.md).

Every robot selects what is due with an indexed condition, so a run with nothing due costs an
index look-up whatever the size of the table: partial indexes hold only the open, not yet
handled records. The contacts get trigram (``pg_trgm``) GIN indexes for the ``ilike`` of the
autocomplete (``name_search``) and of the mail gateway's sender look-ups; without the
extension (a database role that may not create it) the module works with sequential scans."""
import logging

import psycopg2

from odoo import api, models
from odoo.osv import expression

from ..lib.social_links import normalize_email

_logger = logging.getLogger(__name__)

# (index name, table, definition): created when missing, at install and upgrade
INDEXES = {
    'mail.activity': [
        # «records without an open task» (anti-join) and a record's robot tasks
        ('mail_activity_res_model_res_id_idx', 'mail_activity', '(res_model, res_id)'),
    ],
    'deputat.appeal': [
        # answer deadlines: open, unanswered appeals by planned answer date
        ('deputat_appeal_open_deadline_idx', 'deputat_appeal',
         '(date_deadline_planned) WHERE NOT is_closed AND date_answer IS NULL AND active'),
        # reminders count to the internal control date (production calendar)
        ('deputat_appeal_open_control_idx', 'deputat_appeal',
         '(date_deadline_control) WHERE NOT is_closed AND date_answer IS NULL AND active'),
        # stage time limit: records of a stage not yet notified, by stage-entry date
        ('deputat_appeal_stage_limit_idx', 'deputat_appeal',
         '(stage_id, date_stage_entered) WHERE NOT stage_overdue_notified AND active'),
        # next step: the records of the open stages (the anti-join's outer side)
        ('deputat_appeal_active_stage_idx', 'deputat_appeal', '(stage_id, id) WHERE active'),
        # the few confidential appeals (the mail records' guard looks them up on every read)
        ('deputat_appeal_confidential_idx', 'deputat_appeal', '(id) WHERE confidential'),
    ],
    'deputat.appeal.request': [
        ('deputat_appeal_request_sent_idx', 'deputat_appeal_request',
         "(date_sent) WHERE state = 'sent' AND NOT overdue_notified"),
    ],
    'deputat.event': [
        ('deputat_event_stage_date_idx', 'deputat_event', '(stage_id, date_event)'),
        ('deputat_event_stage_limit_idx', 'deputat_event',
         '(stage_id, date_stage_entered) WHERE NOT stage_overdue_notified AND active'),
    ],
}
# res_partner columns of Odoo's name_search (all four, or the OR falls back to a scan)
TRGM_COLUMNS = ('email', 'display_name', 'ref', 'vat')


def create_indexes(cr, model_name):
    for name, table, definition in INDEXES.get(model_name, ()):
        try:
            with cr.savepoint():
                cr.execute('CREATE INDEX IF NOT EXISTS %s ON %s %s'  # pylint: disable=sql-injection  # the fixed definitions above
                           % (name, table, definition))
        except psycopg2.ProgrammingError as error:  # a column another concern dropped
            _logger.warning('index %s not created: %s', name, error)


def create_trigram_indexes(cr):
    """pg_trgm GIN indexes on the contacts; False when the extension is not available."""
    cr.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
    if not cr.fetchone():
        try:
            with cr.savepoint():
                cr.execute('CREATE EXTENSION IF NOT EXISTS pg_trgm')
        except Exception:  # pylint: disable=broad-except  # no right or no contrib package
            _logger.warning('pg_trgm is not available: contact searches will scan the table')
            return False
    for column in TRGM_COLUMNS:
        cr.execute('CREATE INDEX IF NOT EXISTS res_partner_%s_trgm_idx ON res_partner '  # pylint: disable=sql-injection  # fixed column names
                   'USING gin (%s gin_trgm_ops)' % (column, column))
    return True


class MailActivity(models.Model):
    _inherit = 'mail.activity'  # pylint: disable=consider-merging-classes-inherited  # one file per concern

    @api.model_cr
    def init(self):
        res = super(MailActivity, self).init()
        create_indexes(self.env.cr, self._name)
        return res


class DeputatAppeal(models.Model):
    _inherit = 'deputat.appeal'  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes

    @api.model_cr
    def init(self):
        res = super(DeputatAppeal, self).init()
        create_indexes(self.env.cr, self._name)
        return res


class DeputatAppealRequest(models.Model):
    _inherit = 'deputat.appeal.request'  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes

    @api.model_cr
    def init(self):
        res = super(DeputatAppealRequest, self).init()
        create_indexes(self.env.cr, self._name)
        return res


class DeputatEvent(models.Model):
    _inherit = 'deputat.event'  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes

    @api.model_cr
    def init(self):
        res = super(DeputatEvent, self).init()
        create_indexes(self.env.cr, self._name)
        return res


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the indexes

    @api.model_cr
    def init(self):
        res = super(ResPartner, self).init()
        create_trigram_indexes(self.env.cr)
        return res

    @api.model
    def _search(self, args, offset=0, limit=None, order=None, count=False,
                access_rights_uid=None):
        """``(x2many, 'in', [])`` is false: say so, so that an OR with it keeps its index.
        Odoo's notification of a message searches ``'|', ('id', 'in', ids), ('channel_ids',
        'in', [])``, which PostgreSQL cannot plan but as a scan of all contacts (50–70 ms at
        200 000, twice per e-mail at the intake)."""
        args = [expression.FALSE_LEAF if self._deputat_empty_x2many_in(term) else term
                for term in args or []]
        return super(ResPartner, self)._search(
            args, offset=offset, limit=limit, order=order, count=count,
            access_rights_uid=access_rights_uid)

    def _deputat_empty_x2many_in(self, term):
        if not (isinstance(term, (list, tuple)) and len(term) == 3 and term[1] == 'in'
                and isinstance(term[2], (list, tuple)) and not term[2]):
            return False
        field = self._fields.get(term[0]) if isinstance(term[0], str) else None
        return bool(field and field.type in ('one2many', 'many2many'))

    @api.model
    def _deputat_find_by_email(self, email, limit=1):
        """Contacts with this e-mail address, on the indexed normalised column (an e-mail
        sender's look-up at the intake)."""
        normalized = normalize_email(email)
        if not normalized:
            return self.browse()
        return self.search([('email_normalized', '=', normalized)], limit=limit)
