# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Personal receptions of citizens (личный приём, 59-FZ art. 13; issue 10): the deputy's
reception sessions, the visitors booked into their slots (on the website ``/priem`` or by phone)
and the card of the personal reception per visitor, with the rule of art. 13 part 2 on oral
answers and the written appeal registered from the card."""
from datetime import timedelta

import pytz

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

OFFICE = 'deputat_crm.group_assistant'
DEFAULT_TZ = 'Europe/Moscow'


def check_office(env):
    if not (env.user._is_superuser() or env.user.has_group(OFFICE)):
        raise AccessError(_('Only the staff of the office handles personal receptions.'))


class DeputatReceptionPriority(models.Model):
    """A category of citizens with a priority right to a personal reception (federal and
    regional laws: Heroes, veterans, disabled persons of groups I and II, ...)."""
    _name = 'deputat.reception.priority'
    _table = 'deputat_conf_reception_priority'  # field XML ids: see readme/DEVELOP.md
    _description = 'Priority category of a reception'
    _order = 'sequence, name'

    name = fields.Char(string='Category', required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)


class DeputatReceptionSession(models.Model):
    """A session of personal reception of citizens: when, where, who receives, the slots."""
    _name = 'deputat.reception.session'
    _description = 'Reception session'
    _inherit = ['mail.thread']
    _order = 'date_start desc, id desc'

    name = fields.Char(string='Reception', required=True,
                       default=lambda self: _('Personal reception of citizens'))
    date_start = fields.Datetime(string='Start', required=True, index=True,
                                 track_visibility='onchange')
    duration = fields.Float(string='Duration (hours)', default=2.0, required=True)
    date_end = fields.Datetime(string='End', compute='_compute_date_end', store=True)
    venue = fields.Char(string='Place', required=True, track_visibility='onchange')
    territory_id = fields.Many2one('deputat.territory', index=True)
    receiver_kind = fields.Selection([
        ('deputy', 'The deputy'),
        ('authorised', 'An authorised person'),
    ], string='Who receives', required=True, default='deputy')
    receiver_id = fields.Many2one('res.users', string='Receiving person',
                                  default=lambda self: self.env['deputat.appeal'].sudo()
                                  ._pipeline_office_user('deputy'))
    slot_minutes = fields.Integer(string='Slot length (minutes)', default=15, required=True)
    capacity = fields.Integer(string='Capacity (visitors)', default=8, required=True)
    booking_mode = fields.Selection([
        ('booking', 'By appointment'),
        ('open', 'Open (no appointment)'),
    ], string='Reception mode', required=True, default='booking')
    website_published = fields.Boolean(string='Booking on the website', default=True,
                                       help='Citizens can book a slot on /priem.')
    state = fields.Selection([
        ('planned', 'Planned'),
        ('done', 'Held'),
        ('cancel', 'Cancelled'),
    ], string='Status', default='planned', required=True, track_visibility='onchange')
    booking_ids = fields.One2many('deputat.reception.booking', 'session_id', string='Visitors')
    card_ids = fields.One2many('deputat.reception.card', 'session_id', string='Reception cards')
    booked_count = fields.Integer(string='Booked', compute='_compute_counts')
    card_count = fields.Integer(string='Received', compute='_compute_counts')
    free_count = fields.Integer(string='Free slots', compute='_compute_counts')
    color = fields.Integer(string='Color index')

    @api.multi
    def name_get(self):
        return [(session.id, '%s %s, %s' % (
            session.name, session._local(session.date_start).strftime('%d.%m.%Y %H:%M')
            if session.date_start else '', session.venue or '')) for session in self]

    @api.depends('date_start', 'duration')
    def _compute_date_end(self):
        for session in self:
            if session.date_start:
                session.date_end = fields.Datetime.to_string(
                    fields.Datetime.from_string(session.date_start)
                    + timedelta(minutes=round(session.duration * 60)))

    @api.depends('booking_ids.state', 'card_ids', 'capacity')
    def _compute_counts(self):
        for session in self:
            session.booked_count = len(session.booking_ids.filtered(
                lambda booking: booking.state != 'cancel'))
            session.card_count = len(session.card_ids)
            session.free_count = len(session._free_slots())

    @api.constrains('slot_minutes', 'capacity', 'duration')
    def _check_slots(self):
        for session in self:
            if session.slot_minutes <= 0 or session.capacity <= 0 or session.duration <= 0:
                raise ValidationError(_('The slot length, the capacity and the duration of a '
                                        'reception must be positive.'))

    def _tz(self):
        return pytz.timezone(self.receiver_id.tz or self.env.user.tz or DEFAULT_TZ)

    def _local(self, value):
        """A UTC datetime string as the office's local naive datetime."""
        return pytz.utc.localize(fields.Datetime.from_string(value)).astimezone(
            self._tz()).replace(tzinfo=None)

    def _slots(self):
        """Every slot start of the session (UTC strings); an open reception has none."""
        self.ensure_one()
        if self.booking_mode != 'booking' or not self.date_start:
            return []
        start = fields.Datetime.from_string(self.date_start)
        count = int(round(self.duration * 60)) // self.slot_minutes
        return [fields.Datetime.to_string(start + timedelta(minutes=self.slot_minutes * index))
                for index in range(count)]

    def _free_slots(self):
        """The slots still free (none once the capacity is reached or the session is not
        planned)."""
        self.ensure_one()
        active = self.booking_ids.filtered(lambda booking: booking.state != 'cancel')
        if self.state != 'planned' or len(active) >= self.capacity:
            return []
        taken = set(active.mapped('slot_start'))
        return [slot for slot in self._slots() if slot not in taken]

    @api.multi
    def action_done(self):
        check_office(self.env)
        self.write({'state': 'done'})
        return True

    @api.multi
    def action_cancel(self):
        check_office(self.env)
        self.write({'state': 'cancel'})
        return True

    @api.multi
    def action_print_journal(self):
        check_office(self.env)
        return self.env.ref('deputat_crm.action_report_reception_journal').report_action(self)


class DeputatReceptionBooking(models.Model):
    """A visitor booked into a slot of a reception (on the website or by the assistant)."""
    _name = 'deputat.reception.booking'
    _description = 'Reception booking'
    _order = 'slot_start, id'
    _rec_name = 'visitor_name'

    session_id = fields.Many2one('deputat.reception.session', string='Reception', required=True,
                                 ondelete='cascade', index=True)
    slot_start = fields.Datetime(string='Time', index=True)
    partner_id = fields.Many2one('res.partner', string='Citizen', index=True)
    visitor_name = fields.Char(string='Full name', required=True)
    phone = fields.Char()
    email = fields.Char(string='E-mail')
    question = fields.Text(string='Question in short')
    priority_id = fields.Many2one('deputat.reception.priority', string='Priority category')
    source = fields.Selection([
        ('website', 'Website'),
        ('phone', 'By phone'),
        ('office', 'In the office'),
    ], string='Booked via', default='phone', required=True)
    state = fields.Selection([
        ('booked', 'Booked'),
        ('came', 'Came'),
        ('no_show', 'Did not come'),
        ('cancel', 'Cancelled'),
    ], string='Status', default='booked', required=True)
    reminder_sent = fields.Boolean(string='Reminder sent', readonly=True, copy=False)
    card_id = fields.Many2one('deputat.reception.card', string='Reception card', readonly=True,
                              copy=False)
    consent_text = fields.Text(string='Accepted consent to personal data processing',
                               readonly=True, copy=False)

    @api.onchange('session_id')
    def _onchange_session_id(self):
        """A booking by phone gets the first free slot of the session."""
        if self.session_id and self.slot_start not in self.session_id._free_slots():
            self.slot_start = (self.session_id._free_slots() or [False])[0]

    @api.constrains('session_id', 'slot_start', 'state')
    def _check_slot(self):
        for booking in self.filtered(lambda b: b.state != 'cancel'):
            session = booking.session_id
            others = session.booking_ids.filtered(
                lambda b: b.state != 'cancel' and b != booking)
            if len(others) >= session.capacity:
                raise ValidationError(_('The reception %s is fully booked.')
                                      % session.display_name)
            if session.booking_mode == 'booking':
                if booking.slot_start not in session._slots():
                    raise ValidationError(_('Choose one of the slots of the reception.'))
                if booking.slot_start in others.mapped('slot_start'):
                    raise ValidationError(_('This slot is already booked.'))

    @api.multi
    def action_came(self):
        """«Came»: the visitor is received; their reception card is opened."""
        check_office(self.env)
        for booking in self:
            if not booking.card_id:
                # an existing contact with this e-mail or phone, else a new one
                partner = booking.partner_id or self.env['deputat.appeal']._website_partner({
                    'name': booking.visitor_name, 'phone': booking.phone,
                    'email': booking.email})
                booking.write({'partner_id': partner.id, 'card_id': self.env[
                    'deputat.reception.card'].create({
                        'session_id': booking.session_id.id, 'partner_id': partner.id,
                        'content': booking.question or '', 'booking_id': booking.id}).id})
            booking.state = 'came'
        if len(self) == 1:
            return {'type': 'ir.actions.act_window', 'res_model': 'deputat.reception.card',
                    'res_id': self.card_id.id, 'view_mode': 'form', 'target': 'current'}
        return True

    @api.multi
    def action_no_show(self):
        check_office(self.env)
        self.write({'state': 'no_show'})
        return True

    @api.multi
    def action_cancel(self):
        check_office(self.env)
        self.write({'state': 'cancel'})
        return True

    def _local_slot(self):
        self.ensure_one()
        return self.session_id._local(self.slot_start or self.session_id.date_start)

    @api.model
    def _cron_reminder(self, today=None, autocommit=False):
        """The day before the reception: a reminder to every booked visitor with an e-mail."""
        today = fields.Date.from_string(today or fields.Date.context_today(self))
        tomorrow = today + timedelta(days=1)
        bookings = self.sudo().search([
            ('state', '=', 'booked'), ('reminder_sent', '=', False), ('email', '!=', False),
            ('session_id.state', '=', 'planned'),
            ('session_id.date_start', '>=', fields.Date.to_string(tomorrow - timedelta(days=1))),
            ('session_id.date_start', '<', fields.Date.to_string(tomorrow + timedelta(days=2)))])
        for booking in bookings.filtered(lambda b: b._local_slot().date() == tomorrow):
            booking._send_mail('reminder')
            booking.reminder_sent = True
            if autocommit:
                self.env.cr.commit()  # pylint: disable=invalid-commit  # cron: commit per visitor
        return True

    def _send_mail(self, kind):
        """The confirmation or the reminder of a booking, in Russian, to the visitor's e-mail."""
        self.ensure_one()
        if not self.email:
            return False
        slot = self._local_slot()
        body = self.env['ir.qweb'].render('deputat_crm.mail_reception_booking', {
            'booking': self, 'kind': kind, 'when': slot.strftime('%d.%m.%Y %H:%M')}).decode()
        subject = ('Напоминание: личный приём %s' if kind == 'reminder'
                   else 'Запись на личный приём %s') % slot.strftime('%d.%m.%Y %H:%M')
        mail = self.env['mail.mail'].sudo().create({
            'subject': subject, 'body_html': body, 'email_to': self.email,
            'auto_delete': False})
        return mail


class DeputatReceptionCard(models.Model):
    """The card of the personal reception (59-FZ art. 13 part 2) of one visitor."""
    _name = 'deputat.reception.card'
    _description = 'Card of the personal reception'
    _inherit = ['mail.thread']
    _order = 'id desc'

    name = fields.Char(string='Card number', readonly=True, copy=False, default='/')
    session_id = fields.Many2one('deputat.reception.session', string='Reception', required=True,
                                 index=True, ondelete='restrict')
    date = fields.Datetime(related='session_id.date_start', string='Date', store=True,
                           readonly=True)
    venue = fields.Char(related='session_id.venue', string='Place', readonly=True)
    territory_id = fields.Many2one(related='session_id.territory_id', string='Territory',
                                   store=True, readonly=True)
    receiver_id = fields.Many2one(related='session_id.receiver_id', string='Received by',
                                  readonly=True)
    booking_id = fields.Many2one('deputat.reception.booking', readonly=True)
    partner_id = fields.Many2one('res.partner', string='Applicant', required=True, index=True)
    partner_address = fields.Char(related='partner_id.contact_address', string='Address',
                                  readonly=True)
    partner_phone = fields.Char(related='partner_id.phone', string='Phone', readonly=True)
    id_checked = fields.Boolean(string='Identity document checked',
                                help='59-FZ art. 13 part 2: the citizen shows an identity '
                                     'document at the personal reception.')
    content = fields.Text(string='Content of the oral appeal', required=True)
    topic_ids = fields.Many2many('deputat.appeal.topic', 'deputat_reception_card_topic_rel',
                                 'card_id', 'topic_id', string='Questions (classifier)')
    outcome = fields.Selection([
        ('oral', 'Oral answer given'),
        ('written', 'Written appeal registered'),
        ('out_of_competence', 'Out of competence, explained where to go'),
    ], track_visibility='onchange')
    facts_obvious = fields.Boolean(string='Facts are obvious, no checking needed')
    oral_consent = fields.Boolean(string='The citizen agrees to an oral answer')
    oral_answer = fields.Text(string='Oral answer (summary)')
    competence_note = fields.Text(string='Where the citizen was sent')
    appeal_id = fields.Many2one('deputat.appeal', string='Written appeal', readonly=True,
                                copy=False)
    user_id = fields.Many2one('res.users', string='Responsible',
                              default=lambda self: self.env.user)
    result = fields.Text()

    @api.model
    def create(self, vals):
        card = super(DeputatReceptionCard, self).create(vals)
        card.name = 'ЛП-%s-%05d' % (fields.Date.context_today(self)[:4], card.id)
        return card

    @api.constrains('outcome', 'facts_obvious', 'oral_consent')
    def _check_oral_answer(self):
        for card in self.filtered(lambda c: c.outcome == 'oral'):
            if not (card.facts_obvious and card.oral_consent):
                raise ValidationError(_(
                    '59-FZ art. 13 part 2: an oral answer is allowed only when the facts are '
                    'obvious and need no checking AND the citizen agrees to an oral answer; '
                    'both must be ticked in the card. Otherwise register a written appeal.'))

    @api.multi
    def action_create_appeal(self):
        """«Register a written appeal»: the card's content becomes a registered appeal with the
        channel «Personal reception»; it enters the review pipeline at its first stage."""
        check_office(self.env)
        self.ensure_one()
        if self.appeal_id:
            raise UserError(_('A written appeal was already registered from this card: %s.')
                            % self.appeal_id.name)
        channel = self.env.ref('deputat_crm.channel_reception', raise_if_not_found=False)
        topic = self.topic_ids[:1]
        appeal = self.env['deputat.appeal'].create({
            'partner_id': self.partner_id.id,
            'channel_id': channel.id if channel else False,
            'appeal_form': 'written',
            'topic_id': topic.id or False,
            'territory_id': self.territory_id.id or self.partner_id.territory_id.id or False,
            'subject': (self.content or '').split('\n', 1)[0][:80],
            'description': _('Received at the personal reception %(reception)s (card %(card)s).'
                             '\n\n%(content)s') % {
                'reception': self.session_id.display_name, 'card': self.name,
                'content': self.content},
        })
        self.write({'appeal_id': appeal.id, 'outcome': 'written'})
        appeal.message_post(body=_('Registered from the card of the personal reception %s.')
                            % self.name, subtype='mail.mt_note')
        return {'type': 'ir.actions.act_window', 'res_model': 'deputat.appeal',
                'res_id': appeal.id, 'view_mode': 'form', 'target': 'current'}
