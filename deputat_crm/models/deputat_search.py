# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""One search box (issue 12 item 2): text + Enter in the search view of appeals, requests,
events and contacts looks at the number, the people, their phones and the text.

Each model gets a non-stored field ``search_text`` (``deputat_phone_search`` on contacts) whose
search method turns the typed text into one SQL-backed domain on indexed columns:

* a registration number in any spelling — Latin or Cyrillic «О», with or without the prefix,
  the year and the leading zeros («O-2026-00001», «О-2026-1», «00001», «1») — through an
  expression index on the number's digits (``NUMBER_DIGITS_SQL``, indexed by deputat_performance);
* the applicant / addressee / contact persons by name or e-mail (trigram indexes of the
  contacts) and by phone in any format, on the normalised indexed phone columns;
* subject, content, event name and venue with ``ilike`` (trigram indexes when ``pg_trgm`` is
  available, see ``deputat_performance.py``).

The branches are one ``id inselect`` on their UNION, so that PostgreSQL plans each branch on
its own index (an OR of sub-selects is a filter over a scan of the whole table: 0.2–1 s at
100 000 appeals and contacts, against 5–30 ms for the UNION).

The domain is searched as the current user: record rules apply, so nobody finds a record they
cannot read (a confidential appeal included)."""
import re

from odoo import api, fields, models
from odoo.osv import expression

from ..lib.social_links import normalize_phone
from .deputat_performance import NUMBER_DIGITS_SQL

# Latin letters that look like Cyrillic ones, as typed on the wrong keyboard layout
HOMOGLYPHS = str.maketrans('AaBCcEeHKkMOoPpTXxYy', 'АаВСсЕеНКкМОоРрТХхУу')
# [letter][-][year-]digits: «О-2026-00001», «O 2026 1», «о-1», «2026-7», «00001», «1»
NUMBER_RE = re.compile(r'^(?:(?P<prefix>[^\W\d_]{1,3})\s*[-\s]?\s*)?'
                       r'(?:(?P<year>(?:19|20)\d\d)\s*[-/\s]\s*)?(?P<number>\d{1,9})$')
# what a phone may be typed with: digits, spaces, brackets, dashes, dots and a leading plus
PHONE_RE = re.compile(r'^\+?[\d\s().\-]{6,}$')
SEARCH_LABEL = 'Number, name, phone or text'


def clean_text(value):
    return ' '.join(str(value or '').split())


def parse_number(text):
    """(prefix or None, year or None, digits without leading zeros) of a typed registration
    number, or None when the text is not one. The prefix comes back in Cyrillic capitals."""
    match = NUMBER_RE.match(text.translate(HOMOGLYPHS).upper())
    if not match:
        return None
    return match.group('prefix'), match.group('year'), match.group('number').lstrip('0')


def number_query(table, text):
    """SQL selecting the records of ``table`` whose number matches ``text``, on the expression
    index of the number's digits; None when the text is not a number."""
    parsed = parse_number(text)
    if not parsed:
        return None
    prefix, year, digits = parsed
    query = 'SELECT id FROM {table} WHERE {digits} = %s'.format(
        table=table, digits=NUMBER_DIGITS_SQL.format(col='name'))
    params = [digits]
    if prefix or year:
        # «О-2026-…», «О-…» or «…-2026-…»: the rest of the number must match too
        pattern = '%s-%s-%%' % (prefix or '%', year or '%')
        query += ' AND upper(name) LIKE %s'
        params.append(pattern)
    return query, params


def partner_query(text):
    """SQL selecting the contacts named ``text``, with it in their e-mail, or with this phone in
    any format (the indexed normalised columns). Archived contacts included: the records they
    are linked to are searched."""
    phone = PHONE_RE.match(text) and normalize_phone(text)
    if phone:  # a phone is no name: the two equality indexes only
        return ('SELECT id FROM res_partner WHERE phone_normalized = %s '
                'OR mobile_normalized = %s', [phone, phone])
    like = like_pattern(text)
    return ('SELECT id FROM res_partner WHERE display_name ILIKE %s OR email ILIKE %s',
            [like, like])


def like_pattern(text):
    return '%%%s%%' % text.replace('\\', '\\\\').replace('%', '\\%').replace('_', '\\_')


def like_query(table, column, text):
    return ('SELECT id FROM {table} WHERE {column} ILIKE %s'.format(table=table, column=column),
            [like_pattern(text)])


def in_query(select, column, inner):
    """``SELECT … WHERE column IN (inner)``: ``select`` is the part before WHERE."""
    if not inner:
        return None
    return '%s WHERE %s IN (%s)' % (select, column, inner[0]), list(inner[1])


def union_domain(queries):
    """One ``id inselect`` term on the UNION of the queries: each branch is planned on its own
    index (an OR of sub-selects would be a filter over a scan of the table)."""
    queries = [query for query in queries if query]
    if not queries:
        return [expression.FALSE_LEAF]
    sql = ' UNION '.join(query for query, _params in queries)
    params = [param for _query, query_params in queries for param in query_params]
    return [('id', 'inselect', (sql, params))]


def apply_operator(operator, value, build):
    """The domain of ``search_text <operator> value``: positive operators (ilike, =, like)
    search, their negations exclude."""
    text = clean_text(value)
    negative = operator in ('not ilike', 'not like', '!=', '<>')
    if not text:
        return [expression.FALSE_LEAF] if negative else [expression.TRUE_LEAF]
    domain = build(text)
    return ['!'] + domain if negative else domain


class DeputatSearchMixin(models.AbstractModel):
    """The search box of a model: its ``_deputat_search_domain(text)`` gives the domain of the
    typed text (on the indexes ``deputat_performance.INDEXES`` lists for the search box)."""
    _name = 'deputat.search.mixin'
    _description = 'Search box'

    search_text = fields.Char(string=SEARCH_LABEL, compute='_compute_search_text',
                              search='_search_search_text')

    def _compute_search_text(self):
        for record in self:
            record.search_text = False

    def _search_search_text(self, operator, value):
        return apply_operator(operator, value, self._deputat_search_domain)

    @api.model
    def _deputat_search_domain(self, text):
        return [expression.FALSE_LEAF]


class DeputatAppeal(models.Model):
    _name = 'deputat.appeal'
    _inherit = ['deputat.appeal', 'deputat.search.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the search box

    @api.model
    def _deputat_search_domain(self, text):
        partners = partner_query(text)
        return union_domain([
            number_query(self._table, text),
            in_query('SELECT id FROM deputat_appeal', 'partner_id', partners),
            in_query('SELECT appeal_id FROM deputat_appeal_co_applicant_rel', 'partner_id',
                     partners),
            like_query(self._table, 'subject', text),
            like_query(self._table, 'description', text),
        ])


class DeputatAppealRequest(models.Model):
    _name = 'deputat.appeal.request'
    _inherit = ['deputat.appeal.request', 'deputat.search.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the search box

    @api.model
    def _deputat_search_domain(self, text):
        """The request's number, its addressee (the authority), the appeal's number and
        applicant."""
        partners = partner_query(text)
        appeals = in_query('SELECT id FROM deputat_appeal', 'partner_id', partners)
        return union_domain([
            number_query(self._table, text),
            in_query('SELECT id FROM deputat_appeal_request', 'partner_id', partners),
            in_query('SELECT id FROM deputat_appeal_request', 'appeal_id',
                     number_query('deputat_appeal', text)),
            in_query('SELECT id FROM deputat_appeal_request', 'appeal_id', appeals),
        ])


class DeputatEvent(models.Model):
    _name = 'deputat.event'
    _inherit = ['deputat.event', 'deputat.search.mixin']  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the search box

    search_text = fields.Char(string='Name, venue or contact')

    @api.model
    def _deputat_search_domain(self, text):
        partners = partner_query(text)
        return union_domain([
            like_query(self._table, 'name', text),
            like_query(self._table, 'venue_name', text),
            like_query(self._table, 'location', text),
            in_query('SELECT event_id FROM deputat_event_contact_rel', 'partner_id', partners),
        ])


class ResPartner(models.Model):
    _inherit = 'res.partner'  # pylint: disable=consider-merging-classes-inherited  # one file per concern: the search box

    deputat_phone_search = fields.Char(string='Phone (any format)',
                                       compute='_compute_deputat_phone_search',
                                       search='_search_deputat_phone_search')

    def _compute_deputat_phone_search(self):
        for partner in self:
            partner.deputat_phone_search = False

    def _search_deputat_phone_search(self, operator, value):
        return apply_operator(operator, value, self._deputat_phone_domain)

    @api.model
    def _deputat_phone_domain(self, text):
        """The contacts with this phone or mobile in any format («8 (912) 100-20-30»,
        «+7 912 100 20 30», «9121002030»), on the indexed normalised columns."""
        phone = PHONE_RE.match(text) and normalize_phone(text)
        if not phone:
            return [expression.FALSE_LEAF]
        return ['|', ('phone_normalized', '=', phone), ('mobile_normalized', '=', phone)]
