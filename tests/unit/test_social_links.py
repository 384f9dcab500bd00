"""deputat_crm/lib/social_links.py without the ORM: every accepted spelling of a profile gives one
URL, junk raises ValueError; phones, e-mails, names and age bands are normalized."""
import ast
import datetime
import os

import pytest

from odoo.addons.deputat_crm.lib import social_links
from odoo.addons.deputat_crm.lib.social_links import (
    age_band, email_split, normalize_email, normalize_facebook, normalize_instagram,
    normalize_name, normalize_phone, normalize_vk, vk_profile_id)


@pytest.mark.parametrize('module', ['social_links', 'fz59'])
def test_library_imports_nothing_of_odoo(module):
    """The library stands on its own: its modules import no odoo (usable outside the ORM)."""
    path = os.path.join(os.path.dirname(social_links.__file__), module + '.py')
    with open(path, encoding='utf-8') as f:
        tree = ast.parse(f.read())
    imported = [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names]
    imported += ['.' * node.level + (node.module or '') for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom)]
    assert imported
    assert not [name for name in imported
                if name.startswith('.') or name.split('.')[0] in ('odoo', 'openerp')]


@pytest.mark.parametrize('value, expected', [
    ('https://vk.com/durov', 'https://vk.com/durov'),
    ('http://m.vk.com/Durov?from=search', 'https://vk.com/durov'),
    ('vk.com/id1', 'https://vk.com/id1'),
    ('VK.COM/id1', 'https://vk.com/id1'),
    ('www.vk.com/id1/', 'https://vk.com/id1'),
    ('https://vk.ru/durov', 'https://vk.com/durov'),
    ('https://vkontakte.ru/id777', 'https://vk.com/id777'),
    ('HTTPS://VK.COM/DUROV', 'https://vk.com/durov'),
    ('@durov', 'https://vk.com/durov'),
    ('durov', 'https://vk.com/durov'),
    ('id123456', 'https://vk.com/id123456'),
    ('123456', 'https://vk.com/id123456'),
    ('  https://vk.com/ivan.petrov_77  ', 'https://vk.com/ivan.petrov_77'),
    ('https://vk.com/durov#wall', 'https://vk.com/durov'),
])
def test_vk_accepted(value, expected):
    assert normalize_vk(value) == expected


@pytest.mark.parametrize('value', ['', '   ', False, None])
def test_empty_is_false(value):
    assert normalize_vk(value) is False
    assert normalize_facebook(value) is False
    assert normalize_instagram(value) is False


@pytest.mark.parametrize('value', [
    'https://facebook.com/durov', 'https://vk.com/', 'vk.com', 'иван петров',
    'https://vk.com/wall-1_2', 'https://vk.com/feed', 'ftp://vk.com/durov',
    'https://evil.example.com/vk.com/durov', '@', 'a', 'http://vk.com.evil.ru/x',
    'https://vk.com/durov/photos', 'https://ok.ru/profile/1', 'javascript://vk.com/durov',
    '1234567890123',  # 13 digits: longer than a VK id
    '_durov',  # a short name starts with a letter
])
def test_vk_rejected(value):
    with pytest.raises(ValueError):
        normalize_vk(value)


def test_vk_profile_id():
    assert vk_profile_id('https://vk.com/id123456') == '123456'
    assert vk_profile_id('https://vk.com/id123456/') == '123456'
    assert vk_profile_id('https://vk.com/durov') == 'durov'
    assert vk_profile_id(False) == ''
    assert vk_profile_id(normalize_vk('777')) == '777'


@pytest.mark.parametrize('value, expected', [
    ('https://www.facebook.com/Ivan.Petrov', 'https://www.facebook.com/ivan.petrov'),
    ('m.facebook.com/ivan.petrov/', 'https://www.facebook.com/ivan.petrov'),
    ('https://web.facebook.com/ivan.petrov', 'https://www.facebook.com/ivan.petrov'),
    ('fb.com/ivan.petrov', 'https://www.facebook.com/ivan.petrov'),
    ('@ivan.petrov', 'https://www.facebook.com/ivan.petrov'),
    ('ivan.petrov', 'https://www.facebook.com/ivan.petrov'),
    ('https://www.facebook.com/profile.php?id=100001234567',
     'https://www.facebook.com/profile.php?id=100001234567'),
    ('facebook.com/PROFILE.PHP?id=42', 'https://www.facebook.com/profile.php?id=42'),
    ('100001234567', 'https://www.facebook.com/profile.php?id=100001234567'),
])
def test_facebook_accepted(value, expected):
    assert normalize_facebook(value) == expected


@pytest.mark.parametrize('value', [
    'https://vk.com/ivan.petrov', 'https://www.facebook.com/groups',
    'https://www.facebook.com/profile.php', 'https://www.facebook.com/profile.php?id=abc',
    'abc', 'ivan petrov', 'https://www.facebook.com/ivan/posts/1', '1.2.3.4.5',
    '123456789012345678901',  # 21 digits
    'https://facebook.com.evil.ru/ivan.petrov',
])
def test_facebook_rejected(value):
    with pytest.raises(ValueError):
        normalize_facebook(value)


@pytest.mark.parametrize('value, expected', [
    ('https://www.instagram.com/Dasha.Volkova/', 'https://www.instagram.com/dasha.volkova'),
    ('instagram.com/dasha_v', 'https://www.instagram.com/dasha_v'),
    ('https://instagr.am/dasha_v', 'https://www.instagram.com/dasha_v'),
    ('https://www.instagram.com/dasha_v?igshid=abc', 'https://www.instagram.com/dasha_v'),
    ('@dasha_v', 'https://www.instagram.com/dasha_v'),
    ('dasha_v', 'https://www.instagram.com/dasha_v'),
    ('a' * 30, 'https://www.instagram.com/' + 'a' * 30),
])
def test_instagram_accepted(value, expected):
    assert normalize_instagram(value) == expected


@pytest.mark.parametrize('value', [
    'https://www.instagram.com/p/Bxyz123/', 'https://vk.com/dasha', 'dasha..v', 'даша',
    'https://www.instagram.com/explore', 'a' * 31, '.dasha', 'dasha.', 'dasha v',
    'https://www.instagram.com/reel/abc',
])
def test_instagram_rejected(value):
    with pytest.raises(ValueError):
        normalize_instagram(value)


def test_error_messages_are_english_and_name_the_value():
    with pytest.raises(ValueError, match='not a link to this network'):
        normalize_vk('https://ok.ru/profile/1')
    with pytest.raises(ValueError, match="'https://vk.com/feed' is not a VK profile"):
        normalize_vk('https://vk.com/feed')
    with pytest.raises(ValueError, match='not a Facebook profile'):
        normalize_facebook('abc')
    with pytest.raises(ValueError, match='not an Instagram profile'):
        normalize_instagram('dasha..v')


@pytest.mark.parametrize('value, expected', [
    ('8 (916) 123-45-67', '+79161234567'),
    ('8-916-123-45-67', '+79161234567'),
    ('+7 916 123 45 67', '+79161234567'),
    ('+7(916)1234567', '+79161234567'),
    ('7 916 123 45 67', '+79161234567'),
    ('9161234567', '+79161234567'),
    ('(916) 123-45-67', '+79161234567'),
    ('+375 29 123-45-67', '+375291234567'),
    ('+8 916 123 45 67', '+89161234567'),  # written as international: kept
    ('+1 212 555 0100', '+12125550100'),  # 11 digits starting with 1: not Russian
    ('tel. 22-33-44', '+223344'),  # a short local number: kept as digits
    ('12-34', False),
    ('нет', False),
    ('', False),
    (False, False),
    (None, False),
])
def test_phone(value, expected):
    assert normalize_phone(value) == expected


def test_same_phone_in_different_formats_compares_equal():
    forms = ['8 (916) 123-45-67', '+7 916 123-45-67', '9161234567', '+7(916)1234567']
    assert len({normalize_phone(form) for form in forms}) == 1


@pytest.mark.parametrize('value, expected', [
    (' Ivan <Ivan.Petrov@Example.COM> ', 'ivan.petrov@example.com'),
    ('IVAN@EXAMPLE.COM', 'ivan@example.com'),
    ('"Петров, Иван" <ivan@example.com>, other@example.com', 'ivan@example.com'),
    ('not an address', False),
    ('', False),
    (False, False),
])
def test_email(value, expected):
    assert normalize_email(value) == expected


def test_email_split_is_odoos_rule():
    from odoo.tools import email_split as odoo_email_split
    for text in ['a@b.c, d@e.f', 'Ivan <Ivan.Petrov@Example.COM>', 'no address', '',
                 '"x, y" <x@y.z>; bad', 'a@b.c d@e.f']:
        assert email_split(text) == odoo_email_split(text), text


@pytest.mark.parametrize('value, expected', [
    ('  Фёдоров   Виктор ', 'федоров виктор'),
    ('ЁЛКИН\tПётр', 'елкин петр'),
    ('Ivan  PETROV', 'ivan petrov'),
    ('   ', False),
    ('', False),
    (False, False),
])
def test_name(value, expected):
    assert normalize_name(value) == expected


@pytest.mark.parametrize('birthdate, expected', [
    (datetime.date(2008, 6, 16), 'under_18'),  # 18 tomorrow
    (datetime.date(2008, 6, 15), '18_35'),  # 18 today
    (datetime.date(1995, 2, 28), '18_35'),
    (datetime.date(1990, 6, 14), '36_59'),  # 36 yesterday
    (datetime.date(1966, 6, 16), '36_59'),  # 60 tomorrow
    (datetime.date(1966, 6, 15), '60_plus'),
    (datetime.date(1930, 1, 1), '60_plus'),
    (None, False),
    (False, False),
])
def test_age_band(birthdate, expected):
    assert age_band(birthdate, datetime.date(2026, 6, 15)) == expected


def test_age_band_leap_day_birthday():
    # born on 29 February: 18 on 28 February of a non-leap year (dateutil's relativedelta)
    assert age_band(datetime.date(2008, 2, 29), datetime.date(2026, 2, 27)) == 'under_18'
    assert age_band(datetime.date(2008, 2, 29), datetime.date(2026, 2, 28)) == '18_35'


def test_age_bands_cover_every_age_once():
    today = datetime.date(2026, 1, 1)
    keys = [key for key, _label in social_links.AGE_BANDS]
    assert sorted(keys) == sorted(social_links.AGE_BAND_LIMITS)
    for years in range(0, 120):
        band = age_band(datetime.date(2026 - years, 1, 1), today)
        low, high = social_links.AGE_BAND_LIMITS[band]
        assert low <= years and (high is None or years <= high)
