"""Parsers and normalizers of contact data: VKontakte/Facebook/Instagram profile references,
phone numbers, e-mail addresses, names and age bands.

Plain functions without any odoo import (tested in tests/unit/test_social_links.py). A value that
cannot be normalized raises ValueError with an English message; res.partner turns it into its
translated ValidationError for the user."""
import re
from email.utils import getaddresses
from urllib.parse import parse_qs, urlsplit

from dateutil.relativedelta import relativedelta

VK_HOSTS = frozenset(['vk.com', 'www.vk.com', 'm.vk.com', 'vk.ru', 'www.vk.ru', 'm.vk.ru',
                      'vkontakte.ru', 'www.vkontakte.ru'])
FACEBOOK_HOSTS = frozenset(['facebook.com', 'www.facebook.com', 'm.facebook.com',
                            'web.facebook.com', 'fb.com', 'www.fb.com'])
INSTAGRAM_HOSTS = frozenset(['instagram.com', 'www.instagram.com', 'instagr.am',
                             'www.instagr.am'])

# VK short names: latin letters, digits, underscores and dots, starting with a letter.
VK_NAME_RE = re.compile(r'^[a-z][a-z0-9_.]{1,31}$')
VK_ID_RE = re.compile(r'^id(\d{1,12})$')
FACEBOOK_NAME_RE = re.compile(r'^[a-z0-9.]{5,50}$')
INSTAGRAM_NAME_RE = re.compile(r'^[a-z0-9._]{1,30}$')
# Paths of the networks that are pages of the site itself, not profiles.
VK_RESERVED = frozenset(['feed', 'im', 'search', 'friends', 'groups', 'settings', 'login',
                         'video', 'audio', 'music', 'photos', 'wall', 'away.php', 'apps',
                         'docs', 'market', 'support', 'about', 'join', 'restore'])
FACEBOOK_RESERVED = frozenset(['groups', 'events', 'pages', 'watch', 'marketplace', 'login',
                               'settings', 'photo.php', 'sharer.php', 'home.php', 'search'])
INSTAGRAM_RESERVED = frozenset(['p', 'reel', 'reels', 'explore', 'stories', 'accounts', 'tv',
                                'direct', 'about', 'developer', 'legal'])


def _profile_parts(value, hosts):
    """Split a profile reference into (handle, query).

    ``value`` is a full URL (with or without the scheme), ``@handle`` or a bare handle/id.
    Raises ValueError for an empty value, a link to another site or a URL that is not http(s)."""
    text = (value or '').strip()
    if not text:
        raise ValueError('empty profile reference')
    if text.startswith('@'):
        return text[1:], ''
    first = text.lower().split('/', 1)[0]
    if '://' in text or '/' in text or first in hosts:
        url = text if '://' in text else 'https://' + text
        parts = urlsplit(url)
        if parts.scheme.lower() not in ('http', 'https') or (parts.hostname or '') not in hosts:
            raise ValueError('%r is not a link to this network' % text)
        return parts.path.strip('/'), parts.query
    return text, ''


def normalize_vk(value):
    """Normalized VKontakte profile URL (``https://vk.com/<id123|shortname>``), False if empty.

    Raises ValueError when the value cannot be a VK profile."""
    if not (value or '').strip():
        return False
    handle, _query = _profile_parts(value, VK_HOSTS)
    handle = handle.lower()
    if handle.isdigit() and len(handle) <= 12:
        handle = 'id' + handle
    if not (VK_ID_RE.match(handle) or VK_NAME_RE.match(handle)) or handle in VK_RESERVED:
        raise ValueError('%r is not a VK profile' % value)
    return 'https://vk.com/' + handle


def vk_profile_id(url):
    """The VK id for ad audiences: the number of ``id123`` profiles, else the short name."""
    if not url:
        return ''
    handle = url.rstrip('/').rsplit('/', 1)[-1]
    match = VK_ID_RE.match(handle)
    return match.group(1) if match else handle


def normalize_facebook(value):
    """Normalized Facebook profile URL, False if empty; ValueError if not a profile."""
    if not (value or '').strip():
        return False
    handle, query = _profile_parts(value, FACEBOOK_HOSTS)
    if handle.lower() == 'profile.php':
        handle = (parse_qs(query).get('id') or [''])[0]
    if handle.isdigit() and len(handle) <= 20:
        return 'https://www.facebook.com/profile.php?id=' + handle
    handle = handle.lower()
    if not FACEBOOK_NAME_RE.match(handle) or handle in FACEBOOK_RESERVED \
            or handle.replace('.', '').isdigit():
        raise ValueError('%r is not a Facebook profile' % value)
    return 'https://www.facebook.com/' + handle


def normalize_instagram(value):
    """Normalized Instagram profile URL, False if empty; ValueError if not a profile."""
    if not (value or '').strip():
        return False
    handle, _query = _profile_parts(value, INSTAGRAM_HOSTS)
    handle = handle.lower()
    if not INSTAGRAM_NAME_RE.match(handle) or handle in INSTAGRAM_RESERVED \
            or handle.startswith('.') or handle.endswith('.') or '..' in handle:
        raise ValueError('%r is not an Instagram profile' % value)
    return 'https://www.instagram.com/' + handle


def normalize_phone(value):
    """Phone number in E.164 form (``+79161234567``); Russian 8-/10-digit forms become +7.

    False when the value holds fewer than 6 digits (nothing to compare)."""
    if not value:
        return False
    digits = re.sub(r'\D', '', value)
    if len(digits) < 6:
        return False
    international = value.strip().startswith('+')
    if len(digits) == 11 and digits[0] == '8' and not international:
        digits = '7' + digits[1:]
    elif len(digits) == 10 and not international:
        digits = '7' + digits
    return '+' + digits


def email_split(text):
    """The e-mail addresses found in ``text`` (the rule of odoo.tools.email_split: RFC 2822
    parsing, and an address must contain «@»)."""
    if not text:
        return []
    return [addr[1] for addr in getaddresses([text]) if addr[1] and '@' in addr[1]]


def normalize_email(value):
    """The first e-mail address of the value, lower-cased; False if none."""
    emails = email_split(value or '')
    return emails[0].strip().lower() if emails else False


def normalize_name(value):
    """Lower-cased name with single spaces and «ё» read as «е», for duplicate lookups."""
    if not value:
        return False
    return ' '.join(value.lower().replace('ё', 'е').split()) or False


# Selection of res.partner.age_band (key, English label; the labels are translated by Odoo).
AGE_BANDS = [
    ('under_18', 'Under 18'),
    ('18_35', '18-35'),
    ('36_59', '36-59'),
    ('60_plus', '60 and over'),
]
# band -> (minimum age, maximum age or None)
AGE_BAND_LIMITS = {'under_18': (0, 17), '18_35': (18, 35), '36_59': (36, 59),
                   '60_plus': (60, None)}


def age_band(birthdate, today):
    """Age band key of a birth date (date objects), False without a birth date."""
    if not birthdate:
        return False
    age = relativedelta(today, birthdate).years
    for band, (low, high) in AGE_BAND_LIMITS.items():
        if age >= low and (high is None or age <= high):
            return band
    return False
