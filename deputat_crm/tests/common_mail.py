"""A real SMTP server for the tests (aiosmtpd on a free local port), Odoo's outgoing mail server
pointed at it, the mail queue run for real, and the messages that arrived read back."""
import email
import email.policy
import socket
import logging
import threading

from aiosmtpd.controller import Controller

from .common_appeal import AppealCase

logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every SMTP line


def free_port():
    with socket.socket() as sock:
        sock.bind(('127.0.0.1', 0))
        return sock.getsockname()[1]


class SmtpSink(object):
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self):
        self.messages = []
        self.condition = threading.Condition()

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd's handler hook
        message = email.message_from_bytes(envelope.original_content or envelope.content,
                                           policy=email.policy.default)
        message.envelope_to = list(envelope.rcpt_tos)
        with self.condition:
            self.messages.append(message)
            self.condition.notify_all()
        return '250 OK'

    def wait_for(self, count, timeout=20):
        """Wait until at least ``count`` messages arrived (no fixed sleep)."""
        with self.condition:
            self.condition.wait_for(lambda: len(self.messages) >= count, timeout=timeout)
            return list(self.messages)


class MailCase(AppealCase):
    """An appeal case with a real SMTP server: ``self.flush_mail()`` sends the queue and
    returns the messages received by the server since the last call."""

    def setUp(self):
        super(MailCase, self).setUp()
        self.sink = SmtpSink()
        self.smtp = Controller(self.sink, hostname='127.0.0.1', port=free_port())
        self.smtp.start()
        self.addCleanup(self.smtp.stop)
        # the office's outgoing mail server is the test server (and the only one)
        self.env['ir.mail_server'].search([]).write({'active': False})
        self.env['ir.mail_server'].create({
            'name': 'Test SMTP', 'smtp_host': '127.0.0.1', 'smtp_port': self.smtp.port,
            'smtp_encryption': 'none', 'sequence': 1})
        self.env.user.company_id.write({'name': 'Приёмная депутата',
                                        'email': 'priemnaya@deputat.example'})
        Param = self.env['ir.config_parameter'].sudo()
        Param.set_param('web.base.url', 'http://crm.deputat.example')
        # what was queued before the test (demo data) is not the test's business
        self.env['mail.mail'].search([('state', '=', 'outgoing')]).write({'state': 'cancel'})
        self.received = 0
        for user in (self.user_assistant, self.user_lawyer, self.user_deputy, self.user_head):
            user.write({'lang': 'ru_RU'})

    def flush_mail(self):
        """Run Odoo's mail queue for real (mail.mail.send through ir.mail_server, as
        process_email_queue does, without its commits) and return the new messages."""
        mails = self.env['mail.mail'].search([('state', '=', 'outgoing')])
        expected = self.received + sum(len(m.recipient_ids) or 1 for m in mails)
        thread = threading.current_thread()
        testing = getattr(thread, 'testing', False)
        thread.testing = False  # Odoo 11 skips SMTP in test mode: this test wants it
        try:
            mails.send(auto_commit=False, raise_exception=True)
        finally:
            thread.testing = testing
        messages = self.sink.wait_for(expected)
        new = messages[self.received:]
        self.received = len(messages)
        return new

    @staticmethod
    def text(message):
        body = message.get_body(preferencelist=('html', 'plain'))
        return body.get_content() if body else ''

    @staticmethod
    def to(message):
        return ','.join(message.envelope_to)

    def messages_to(self, messages, user):
        return [m for m in messages if user.partner_id.email in self.to(m)]
