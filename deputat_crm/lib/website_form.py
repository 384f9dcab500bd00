# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Checks of the public appeal form that need no ORM (issue 10): attachments, HTML stripping,
the signed «form shown at» stamp behind the minimum fill time, the access code. The messages are
Russian: they are shown to citizens on the public pages."""
import hashlib
import hmac
import html
import re
import secrets
import time

ALLOWED_EXTENSIONS = ('pdf', 'jpg', 'jpeg', 'png', 'doc', 'docx', 'odt')
MAX_FILES = 5
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_TOTAL_BYTES = 25 * 1024 * 1024

_TAG = re.compile(r'<[^>]*>')
_SCRIPT = re.compile(r'<(script|style)\b.*?</\1\s*>', re.IGNORECASE | re.DOTALL)
_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'  # no 0/O, 1/I: read over the phone


def strip_html(text):
    """Plain text of what a citizen typed: tags (and script/style bodies) removed, entities
    decoded, Windows line ends unified, surrounding blanks trimmed."""
    text = _SCRIPT.sub('', text or '')
    text = html.unescape(_TAG.sub('', text))
    return text.replace('\r\n', '\n').replace('\r', '\n').strip()


def check_files(files):
    """``files``: [(filename, size in bytes)]. The Russian refusal, or None when acceptable."""
    if len(files) > MAX_FILES:
        return 'Можно приложить не более %d файлов.' % MAX_FILES
    total = 0
    for filename, size in files:
        extension = filename.rsplit('.', 1)[-1].lower() if '.' in filename else ''
        if extension not in ALLOWED_EXTENSIONS:
            return ('Файл «%s» не принят: допустимы только файлы PDF, JPG, PNG, DOC, DOCX и '
                    'ODT.' % filename)
        if size > MAX_FILE_BYTES:
            return ('Файл «%s» слишком большой (%.1f МБ): размер одного файла — не более '
                    '10 МБ.' % (filename, size / 1024.0 / 1024.0))
        total += size
    if total > MAX_TOTAL_BYTES:
        return 'Общий размер приложенных файлов — не более 25 МБ.'
    return None


def sign_stamp(secret, now=None):
    """A tamper-proof «form shown at» stamp: ``<unix time>.<hmac>``."""
    stamp = str(int(now if now is not None else time.time()))
    mac = hmac.new(secret.encode(), stamp.encode(), hashlib.sha256).hexdigest()[:32]
    return '%s.%s' % (stamp, mac)


def stamp_age(secret, value, now=None):
    """Seconds since the signed stamp ``value``, or None when it is missing or forged."""
    stamp, _sep, mac = (value or '').partition('.')
    if not stamp.isdigit():
        return None
    expected = hmac.new(secret.encode(), stamp.encode(), hashlib.sha256).hexdigest()[:32]
    if not hmac.compare_digest(expected, mac):
        return None
    return (now if now is not None else time.time()) - int(stamp)


def new_access_code():
    """A secret access code of 10 characters (about 50 bits)."""
    return ''.join(secrets.choice(_CODE_ALPHABET) for _i in range(10))


def hash_code(secret, code):
    """What the database keeps of an access code (never the code itself)."""
    normalized = re.sub(r'[\s-]', '', code or '').upper()
    return hmac.new(secret.encode(), normalized.encode(), hashlib.sha256).hexdigest()
