# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""E-mail headers without the ORM: raw UTF-8 headers (RFC 6532) made readable by Odoo 11's
parser, and the sender authentication results the receiving server wrote."""
import re
from email.header import Header
from email.utils import formataddr, getaddresses

ADDRESS_HEADERS = ('from', 'to', 'cc', 'bcc', 'reply-to', 'sender')
_HEADER_END = re.compile(rb'\r?\n\r?\n')


def encode_raw_utf8_headers(message):
    """Bytes of an e-mail whose 8-bit (UTF-8) header values are re-encoded as RFC 2047
    encoded words, the body untouched. Odoo 11 parses headers with the compat32 policy, which
    turns raw UTF-8 bytes into replacement characters. A message with ASCII headers is
    returned as is."""
    if isinstance(message, str):
        message = message.encode('utf-8')
    match = _HEADER_END.search(message)
    head, rest = (message[:match.start()], message[match.start():]) if match else (message, b'')
    if all(byte < 128 for byte in head):
        return message
    newline = b'\r\n' if b'\r\n' in head else b'\n'
    # unfold: a continuation line starts with a space or a tab
    lines = []
    for line in head.splitlines():
        if line[:1] in (b' ', b'\t') and lines:
            lines[-1] += b' ' + line.strip()
        else:
            lines.append(line)
    out = []
    for line in lines:
        if all(byte < 128 for byte in line) or b':' not in line:
            out.append(line)
            continue
        name, value = line.split(b':', 1)
        try:
            text = value.decode('utf-8').strip()
        except UnicodeDecodeError:
            text = value.decode('cp1251', 'replace').strip()
        header = name.decode('ascii', 'replace').strip()
        if header.lower() in ADDRESS_HEADERS:
            encoded = ', '.join(formataddr((pair_name, address), charset='utf-8')
                                for pair_name, address in getaddresses([text]))
        else:
            encoded = Header(text, 'utf-8').encode()
        out.append(('%s: %s' % (header, encoded)).encode('ascii'))
    return newline.join(out) + rest


def sender_authenticated(message, domain):
    """True when the receiving server recorded that the sender's ``domain`` passed SPF, DKIM or
    DMARC (the first ``Authentication-Results`` header: the one our own server added on top;
    and the first ``Received-SPF``); False when it recorded a failure or nothing at all.
    ``message`` is an ``email.message.Message``."""
    domain = (domain or '').lower()
    if not domain:
        return False
    results = message.get_all('Authentication-Results') or []
    if results:
        text = str(results[0]).lower()
        for method, key in (('dmarc', 'header.from'), ('dkim', 'header.d'),
                            ('dkim', 'header.i'), ('spf', 'smtp.mailfrom')):
            for found in re.finditer(r'%s=(\w+)[^;]*?%s=([^\s;]+)' % (method, re.escape(key)),
                                     text):
                value = found.group(2).strip('"<>').split('@')[-1]
                if found.group(1) == 'pass' and (value == domain
                                                 or value.endswith('.' + domain)):
                    return True
    spf = message.get_all('Received-SPF') or []
    if spf:
        text = str(spf[0]).lower()
        if text.startswith('pass') and re.search(
                r'(envelope-from|smtp\.mailfrom)=["<]?[^\s;"]*@?%s\b' % re.escape(domain), text):
            return True
    return False
