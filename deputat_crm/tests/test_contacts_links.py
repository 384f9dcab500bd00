from odoo.exceptions import ValidationError

from ..models.res_partner import (normalize_email, normalize_facebook, normalize_instagram,
                                  normalize_name, normalize_phone, normalize_vk, vk_profile_id)
from .common import DeputatCase


class TestLinkNormalization(DeputatCase):
    """The pure helpers: every accepted spelling gives one URL, junk is refused."""

    def test_vk_accepted(self):
        for value, expected in [
            ('https://vk.com/durov', 'https://vk.com/durov'),
            ('http://m.vk.com/Durov?from=search', 'https://vk.com/durov'),
            ('vk.com/id1', 'https://vk.com/id1'),
            ('www.vk.com/id1/', 'https://vk.com/id1'),
            ('https://vkontakte.ru/id777', 'https://vk.com/id777'),
            ('@durov', 'https://vk.com/durov'),
            ('durov', 'https://vk.com/durov'),
            ('id123456', 'https://vk.com/id123456'),
            ('123456', 'https://vk.com/id123456'),
            ('  https://vk.com/ivan.petrov_77  ', 'https://vk.com/ivan.petrov_77'),
        ]:
            self.assertEqual(normalize_vk(value), expected, value)
        self.assertFalse(normalize_vk(''))
        self.assertFalse(normalize_vk(False))

    def test_vk_rejected(self):
        for value in ['https://facebook.com/durov', 'https://vk.com/', 'vk.com', 'иван петров',
                      'https://vk.com/wall-1_2', 'https://vk.com/feed', 'ftp://vk.com/durov',
                      'https://evil.example.com/vk.com/durov', '@', 'a', 'http://vk.com.evil.ru/x',
                      'https://vk.com/durov/photos']:
            with self.assertRaises(ValueError, msg=value):
                normalize_vk(value)

    def test_vk_profile_id(self):
        self.assertEqual(vk_profile_id('https://vk.com/id123456'), '123456')
        self.assertEqual(vk_profile_id('https://vk.com/durov'), 'durov')
        self.assertEqual(vk_profile_id(False), '')

    def test_facebook(self):
        for value, expected in [
            ('https://www.facebook.com/Ivan.Petrov', 'https://www.facebook.com/ivan.petrov'),
            ('m.facebook.com/ivan.petrov/', 'https://www.facebook.com/ivan.petrov'),
            ('fb.com/ivan.petrov', 'https://www.facebook.com/ivan.petrov'),
            ('@ivan.petrov', 'https://www.facebook.com/ivan.petrov'),
            ('https://www.facebook.com/profile.php?id=100001234567', 
             'https://www.facebook.com/profile.php?id=100001234567'),
            ('100001234567', 'https://www.facebook.com/profile.php?id=100001234567'),
        ]:
            self.assertEqual(normalize_facebook(value), expected, value)
        for value in ['https://vk.com/ivan.petrov', 'https://www.facebook.com/groups',
                      'https://www.facebook.com/profile.php', 'abc', 'ivan petrov',
                      'https://www.facebook.com/ivan/posts/1']:
            with self.assertRaises(ValueError, msg=value):
                normalize_facebook(value)

    def test_instagram(self):
        for value, expected in [
            ('https://www.instagram.com/Dasha.Volkova/', 'https://www.instagram.com/dasha.volkova'),
            ('instagram.com/dasha_v', 'https://www.instagram.com/dasha_v'),
            ('@dasha_v', 'https://www.instagram.com/dasha_v'),
            ('dasha_v', 'https://www.instagram.com/dasha_v'),
        ]:
            self.assertEqual(normalize_instagram(value), expected, value)
        for value in ['https://www.instagram.com/p/Bxyz123/', 'https://vk.com/dasha',
                      'dasha..v', 'даша', 'https://www.instagram.com/explore',
                      'a' * 31]:
            with self.assertRaises(ValueError, msg=value):
                normalize_instagram(value)

    def test_phone_email_name(self):
        self.assertEqual(normalize_phone('8 (916) 123-45-67'), '+79161234567')
        self.assertEqual(normalize_phone('+7 916 123 45 67'), '+79161234567')
        self.assertEqual(normalize_phone('9161234567'), '+79161234567')
        self.assertEqual(normalize_phone('+375 29 123-45-67'), '+375291234567')
        self.assertFalse(normalize_phone('нет'))
        self.assertFalse(normalize_phone('12-34'))
        self.assertEqual(normalize_email(' Ivan <Ivan.Petrov@Example.COM> '),
                         'ivan.petrov@example.com')
        self.assertFalse(normalize_email('not an address'))
        self.assertEqual(normalize_name('  Фёдоров   Виктор '), 'федоров виктор')


class TestPartnerLinks(DeputatCase):
    """The partner form stores the normalized links and refuses junk with a clear message."""

    def test_create_and_write_normalize(self):
        partner = self.env['res.partner'].sudo(self.user_assistant).create({
            'name': 'Link Tester', 'vk_url': '@link_tester',
            'facebook_url': 'facebook.com/link.tester', 'instagram_url': '@link.tester'})
        self.assertEqual(partner.vk_url, 'https://vk.com/link_tester')
        self.assertEqual(partner.facebook_url, 'https://www.facebook.com/link.tester')
        self.assertEqual(partner.instagram_url, 'https://www.instagram.com/link.tester')
        partner.write({'vk_url': 'https://m.vk.com/id42'})
        self.assertEqual(partner.vk_url, 'https://vk.com/id42')
        partner.write({'vk_url': False})
        self.assertFalse(partner.vk_url)

    def test_junk_rejected_and_nothing_saved(self):
        Partner = self.env['res.partner'].sudo(self.user_assistant)
        with self.assertRaises(ValidationError) as ctx:
            Partner.create({'name': 'Junk Link Person', 'vk_url': 'https://ok.ru/profile/1'})
        self.assertIn('https://ok.ru/profile/1', ctx.exception.name)
        self.assertIn('VKontakte', ctx.exception.name)
        self.assertFalse(Partner.search([('name', '=', 'Junk Link Person')]))
        partner = Partner.create({'name': 'Link Keeper', 'instagram_url': '@keeper'})
        with self.assertRaises(ValidationError):
            partner.write({'instagram_url': 'https://www.instagram.com/p/abc/', 'city': 'Тверь'})
        self.assertEqual(partner.instagram_url, 'https://www.instagram.com/keeper')
        self.assertFalse(partner.city)
