#!/usr/bin/env python3
"""Render deputat_crm/README.rst from the fragments in deputat_crm/readme/ (OCA's layout).

    .venv/bin/python scripts/gen_readme.py            # write deputat_crm/README.rst (make readme)
    .venv/bin/python scripts/gen_readme.py -o FILE    # write elsewhere (tests/runtime/test_readme.py)
    .venv/bin/python scripts/gen_readme.py --check    # exit 1 when README.rst is not up to date

The README is: a title block (the manifest's name and summary, version, licence, dependencies),
the DESCRIPTION fragment, a table of contents, then one section per fragment in the order of
FRAGMENTS below, and the credits (the manifest's authors, CONTRIBUTORS/CREDITS fragments).
A fragment is ``NAME.md`` or ``NAME.rst``; a fragment that starts with the only top-level
heading of its file takes that heading as its section title.

Markdown is converted by the small converter below, which knows the subset the fragments use
(ATX headings, paragraphs, bullet and ordered lists, pipe tables as ``list-table``, fenced code,
inline code, bold, italics, links, backslash escapes) and refuses anything else (block quotes,
HTML, setext headings, rules, images, reference links, entities) rather than render it wrong.
The result is checked with docutils: the whole README must render to HTML without any warning
(halt_level=2), and each converted markdown fragment must parse to exactly the structure and the
text the converter meant (no paragraph silently turned into a definition list, enumerated list,
block quote, reference... by an RST rule). Any failure stops the script with a message.
"""
import argparse
import ast
import difflib
import io
import os
import re
import string
import sys
import textwrap
import unicodedata

import docutils.core
import docutils.nodes
import docutils.utils

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADDON = os.path.join(ROOT, 'deputat_crm')

# (fragment, default section title); None: no section (DESCRIPTION goes under the title block).
FRAGMENTS = [
    ('DESCRIPTION', None),
    ('USAGE', 'Usage'),
    ('CONFIGURE', 'Configuration'),
    ('CONTACTS', 'Contacts'),
    ('APPEALS', 'Appeals'),
    ('EVENTS', 'Events'),
    ('PIPELINE', 'Pipelines'),
    ('WEBSITE', 'Website and personal receptions'),
    ('NOTIFICATIONS', 'Notifications, notices and letters'),
    ('SECURITY', 'Security and personal data'),
    ('PERFORMANCE', 'Performance'),
    ('DEVELOP', 'Development'),
    ('ROADMAP', 'Known issues / Roadmap'),
    ('HISTORY', 'Changelog'),
]
# Fragments of the «Credits» section (after the manifest's authors).
CREDIT_FRAGMENTS = [('CONTRIBUTORS', 'Contributors'), ('CREDITS', 'Other credits')]
# Section adornments by depth (1: a fragment's section); the title is over- and underlined '='.
ADORNMENTS = ['', '=', '~', '-', '^', '"']


class ReadmeError(Exception):
    """A fragment the generator cannot render correctly, or RST that docutils refuses."""


# ---------------------------------------------------------------------------------------------
# Markdown blocks
# ---------------------------------------------------------------------------------------------

HEADING_RE = re.compile(r'^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$')
FENCE_RE = re.compile(r'^( {0,3})(`{3,}|~{3,})[ \t]*([^`\s]*)[^`]*$')
BULLET_RE = re.compile(r'^( {0,3})([-*+])([ \t]+|$)(.*)$')
ORDERED_RE = re.compile(r'^( {0,3})(\d{1,9})([.)])([ \t]+|$)(.*)$')
TABLE_SEP_RE = re.compile(r'^ {0,3}\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$')
RULE_RE = re.compile(r'^ {0,3}([-*_])([ \t]*\1){2,}[ \t]*$')
SETEXT_RE = re.compile(r'^ {0,3}(=+|-+)[ \t]*$')


def _unsupported(what, line):
    raise ReadmeError('unsupported markdown (%s): %r' % (what, line))


def _list_marker(line):
    """(indent, marker text, content column, content, ordered start or None) of a list item
    line, else None."""
    match = BULLET_RE.match(line)
    if match:
        indent, marker, space, content = match.groups()
        return len(indent), marker, len(indent) + 1 + max(1, min(len(space), 4)), content, None
    match = ORDERED_RE.match(line)
    if match:
        indent, number, delim, space, content = match.groups()
        column = len(indent) + len(number) + 1 + max(1, min(len(space), 4))
        return len(indent), delim, column, content, int(number)
    return None


def _is_table_start(lines, i):
    return (lines[i].lstrip().startswith('|') and i + 1 < len(lines)
            and TABLE_SEP_RE.match(lines[i + 1]) is not None and '-' in lines[i + 1])


def _starts_block(lines, i, in_paragraph):
    """True when line i starts a block that interrupts a paragraph."""
    line = lines[i]
    if HEADING_RE.match(line) or FENCE_RE.match(line) or _is_table_start(lines, i):
        return True
    marker = _list_marker(line)
    if marker and marker[3].strip():
        # CommonMark: an ordered list interrupts a paragraph only when it starts at 1
        return not in_paragraph or marker[4] in (None, 1)
    return False


def _split_row(line):
    """Cells of a pipe-table row (a pipe escaped as \\| stays in its cell)."""
    text = line.strip()
    if text.startswith('|'):
        text = text[1:]
    if text.endswith('|') and not text.endswith('\\|'):
        text = text[:-1]
    return [cell.strip().replace('\\|', '|') for cell in re.split(r'(?<!\\)\|', text)]


def parse_blocks(lines):
    """Markdown lines -> blocks: ('heading', level, text), ('para', text),
    ('list', start or None, [blocks of each item]), ('table', header, rows), ('code', lines)."""
    blocks = []
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continue
        heading = HEADING_RE.match(line)
        fence = FENCE_RE.match(line)
        marker = _list_marker(line)
        if heading:
            blocks.append(('heading', len(heading.group(1)), (heading.group(2) or '').strip()))
            i += 1
        elif fence:
            indent, ticks = len(fence.group(1)), fence.group(2)
            code, i = [], i + 1
            while i < len(lines) and not re.match(r'^ {0,3}%s%s*[ \t]*$' % (
                    re.escape(ticks), re.escape(ticks[0])), lines[i]):
                code.append(re.sub(r'^ {0,%d}' % indent, '', lines[i].rstrip()))
                i += 1
            if i == len(lines):
                raise ReadmeError('unclosed code fence %r' % line)
            blocks.append(('code', code))
            i += 1
        elif _is_table_start(lines, i):
            header = _split_row(line)
            rows, i = [], i + 2
            while i < len(lines) and lines[i].strip() and lines[i].lstrip().startswith('|'):
                cells = _split_row(lines[i])
                rows.append((cells + [''] * len(header))[:len(header)])
                i += 1
            blocks.append(('table', header, rows))
        elif marker:
            block, i = _parse_list(lines, i)
            blocks.append(block)
        else:
            if line.startswith('    ') or line.startswith('\t'):
                _unsupported('indented code block', line)
            if line.lstrip().startswith('>'):
                _unsupported('block quote', line)
            if line.lstrip().startswith('<'):
                _unsupported('HTML block', line)
            if RULE_RE.match(line):
                _unsupported('horizontal rule', line)
            if re.match(r'^ {0,3}\[[^\]]+\]:', line):
                _unsupported('link reference definition', line)
            para = [line.strip()]
            i += 1
            while i < len(lines) and lines[i].strip() and not _starts_block(lines, i, True):
                if SETEXT_RE.match(lines[i]):
                    _unsupported('setext heading', lines[i])
                para.append(lines[i].strip())
                i += 1
            blocks.append(('para', '\n'.join(para)))
    return blocks


def _parse_list(lines, i):
    """A list starting at line i: ('list', start, items), next line index."""
    indent, delim, _column, _content, start = _list_marker(lines[i])
    items = []
    while i < len(lines):
        marker = _list_marker(lines[i])
        if not marker or marker[0] != indent or marker[1] != delim:
            break
        column = marker[2] if marker[3].strip() else indent + 2
        item_lines, i = [marker[3]], i + 1
        while i < len(lines):
            line = lines[i].rstrip()
            if not line.strip():
                # a blank line: the item goes on if the next text line is indented into it
                nxt = i + 1
                while nxt < len(lines) and not lines[nxt].strip():
                    nxt += 1
                if nxt < len(lines) and len(lines[nxt]) - len(lines[nxt].lstrip()) >= column:
                    item_lines.extend([''] * (nxt - i))
                    i = nxt
                    continue
                break
            width = len(line) - len(line.lstrip())
            if width >= column:
                item_lines.append(line[column:])
            elif _list_marker(line) or HEADING_RE.match(line) or FENCE_RE.match(line) \
                    or _is_table_start(lines, i) or not item_lines[-1].strip():
                break
            else:
                item_lines.append(line.strip())  # lazy continuation of the item's paragraph
            i += 1
        items.append(parse_blocks(item_lines))
    return ('list', start, items), i


# ---------------------------------------------------------------------------------------------
# Markdown inlines
# ---------------------------------------------------------------------------------------------

ASCII_PUNCT = set(string.punctuation)
AUTOLINK_RE = re.compile(r'<((?:https?|ftp|mailto):[^\s<>]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>')
INLINE_HTML_RE = re.compile(r'</?[A-Za-z][\w-]*(\s[^<>]*)?/?>')


def _code_span_end(text, i):
    """(content, end) of the code span whose opening backticks are at i, else None."""
    run = len(text[i:]) - len(text[i:].lstrip('`'))
    j = i + run
    while True:
        j = text.find('`' * run, j)
        if j < 0:
            return None
        k = j + run
        if text[k:k + 1] == '`':  # a longer run: not the closing one
            while text[k:k + 1] == '`':
                k += 1
            j = k
            continue
        content = text[i + run:j].replace('\n', ' ')
        if content.startswith(' ') and content.endswith(' ') and content.strip():
            content = content[1:-1]
        return content, k


def _closing_bracket(text, i):
    depth, j = 0, i
    while j < len(text):
        char = text[j]
        if char == '\\':
            j += 2
            continue
        if char == '`':
            span = _code_span_end(text, j)
            if span:
                j = span[1]
                continue
        if char == '[':
            depth += 1
        elif char == ']':
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return -1


def _flanking(text, i, run):
    """(left-flanking, right-flanking) of the delimiter run text[i:i+run] (CommonMark)."""
    before = text[i - 1] if i > 0 else ' '
    after = text[i + run] if i + run < len(text) else ' '

    def punct(char):
        return char in ASCII_PUNCT or unicodedata.category(char).startswith('P')
    left = not after.isspace() and (not punct(after) or before.isspace() or punct(before))
    right = not before.isspace() and (not punct(before) or after.isspace() or punct(after))
    return left, right


def _emphasis_end(text, i, char, run):
    """Index of the delimiter run closing the one at i, else -1."""
    j = i + run
    while j < len(text):
        if text[j] == '\\':
            j += 2
            continue
        if text[j] == '`':
            span = _code_span_end(text, j)
            if span:
                j = span[1]
                continue
        if text[j] == char:
            k = j
            while k < len(text) and text[k] == char:
                k += 1
            if k - j == run:
                _left, right = _flanking(text, j, run)
                if right and (char == '*' or k >= len(text) or not text[k].isalnum()):
                    return j
            j = k
            continue
        j += 1
    return -1


def parse_inline(text):
    """Markdown inline text -> tokens ('text', s), ('code', s), ('strong', s), ('em', s),
    ('link', label, url). Bold, italics and link labels hold plain text only: RST cannot nest
    inline markup, so nesting is refused."""
    tokens, buf, i = [], [], 0

    def flush():
        if buf:
            tokens.append(('text', ''.join(buf)))
            del buf[:]

    def plain(inner, what):
        parts = parse_inline(inner)
        if any(kind != 'text' for kind, *_rest in parts):
            raise ReadmeError('markup nested in %s (RST cannot nest inline markup): %r'
                              % (what, inner))
        return ''.join(part[1] for part in parts)

    if re.search(r'&(#\d+|#x[0-9a-fA-F]+|[A-Za-z]+);', text):
        _unsupported('HTML entity', text)
    while i < len(text):
        char = text[i]
        if char == '\\' and i + 1 < len(text) and text[i + 1] in ASCII_PUNCT:
            buf.append(text[i + 1])
            i += 2
        elif char == '\\' and text[i + 1:i + 2] == '\n':  # hard line break
            buf.append('\n')
            i += 2
        elif char == '`':
            span = _code_span_end(text, i)
            if span:
                flush()
                tokens.append(('code', span[0]))
                i = span[1]
            else:
                run = len(text[i:]) - len(text[i:].lstrip('`'))
                buf.append('`' * run)
                i += run
        elif char == '!' and text[i + 1:i + 2] == '[':
            _unsupported('image', text[i:i + 40])
        elif char == '[':
            end = _closing_bracket(text, i)
            link = re.match(r'\(\s*<?([^\s()<>]*)>?\s*\)', text[end + 1:]) if end > 0 else None
            if end > 0 and not link and text[end + 1:end + 2] in ('(', '['):
                _unsupported('link form', text[i:end + 40])
            if link:
                flush()
                tokens.append(('link', plain(text[i + 1:end], 'a link label'), link.group(1)))
                i = end + 1 + link.end()
            else:
                buf.append(char)
                i += 1
        elif char == '<':
            auto = AUTOLINK_RE.match(text, i)
            if auto:
                flush()
                url = auto.group(1)
                label = url[len('mailto:'):] if url.startswith('mailto:') else url
                if '@' in url and ':' not in url:
                    url = 'mailto:' + url
                tokens.append(('link', label, url))
                i = auto.end()
            elif INLINE_HTML_RE.match(text, i):
                _unsupported('inline HTML', text[i:i + 40])
            else:
                buf.append(char)
                i += 1
        elif char in '*_':
            run = len(text[i:]) - len(text[i:].lstrip(char))
            left, _right = _flanking(text, i, run)
            if char == '_' and i > 0 and text[i - 1].isalnum():
                left = False
            end = _emphasis_end(text, i, char, run) if left and run in (1, 2) else -1
            if left and run > 2 and _emphasis_end(text, i, char, run) >= 0:
                _unsupported('bold italics', text[i:i + 40])
            if end >= 0:
                flush()
                kind = 'strong' if run == 2 else 'em'
                tokens.append((kind, plain(text[i + run:end], kind)))
                i = end + run
            else:
                buf.append(char * run)
                i += run
        else:
            buf.append(char)
            i += 1
    flush()
    return tokens


# ---------------------------------------------------------------------------------------------
# RST output
# ---------------------------------------------------------------------------------------------

def _start_ok(char):
    """May an RST inline markup start-string follow this character?"""
    return char.isspace() or char in '-:/\'"<([{' or \
        unicodedata.category(char) in ('Pd', 'Po', 'Ps', 'Pi', 'Pf')


def _end_ok(char):
    """May this character follow an RST inline markup end-string?"""
    return char.isspace() or char in '-.,:;!?\\/\'")]}>' or \
        unicodedata.category(char) in ('Pd', 'Po', 'Pe', 'Pi', 'Pf')


def rst_escape(text):
    """Plain text for RST: no character of it may start markup."""
    text = text.replace('\\', '\\\\')
    for char in '*`|':
        text = text.replace(char, '\\' + char)
    # a word ending in '_' is a reference ('name_', '[1]_', 'name__'): escape such underscores
    return re.sub(r'_(?![^\W_])', r'\\_', text)


def _markup(kind, text, url=None):
    if kind == 'code':
        if not text.strip() or '``' in text or text != text.strip():
            raise ReadmeError('code span RST cannot hold: %r' % text)
        return '``%s``' % text
    if kind in ('strong', 'em'):
        if text != text.strip() or not text:
            raise ReadmeError('%s with surrounding spaces: %r' % (kind, text))
        mark = '**' if kind == 'strong' else '*'
        return mark + rst_escape(text) + mark
    if re.search(r'[\s`<>]', url) or not url:
        raise ReadmeError('link target RST cannot hold: %r' % url)
    if url.endswith('_'):
        url = url[:-1] + '\\_'
    label = rst_escape(text).replace('<', '\\<')
    return '`%s <%s>`__' % (label, url)


BLOCK_START_RE = re.compile(r'^(?:[-+*#.:/>|=~^_\'"`<(\[!]|(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+)'
                            r'[.)](?:\s|$))')


def render_inline(tokens):
    """RST text of inline tokens, as the first text of a block (escaped so that it cannot be
    read as the start of a list, a field, a directive...)."""
    pieces = []
    for token in tokens:
        if token[0] == 'text':
            pieces.append((rst_escape(token[1]), False))
        else:
            pieces.append((_markup(*token), True))
    out = ''
    for index, (piece, is_markup) in enumerate(pieces):
        if is_markup and out and not _start_ok(out[-1]):
            out += '\\ '
        out += piece
        nxt = pieces[index + 1][0] if index + 1 < len(pieces) else ''
        if is_markup and nxt and not _end_ok(nxt[0]):
            out += '\\ '
    if pieces and not pieces[0][1] and BLOCK_START_RE.match(out) and not out.startswith('\\'):
        out = '\\' + out
    if out.rstrip().endswith('::'):  # would announce a literal block
        out = out.rstrip()[:-1] + '\\:'
    return out


def inline_text(tokens):
    """The plain text docutils should read from these tokens."""
    return ''.join(token[1] for token in tokens)


def _indent(lines, prefix):
    return [prefix + line if line else '' for line in lines]


class Expect(object):
    """What the RST of a markdown fragment must parse to: node counts and plain text."""
    COUNTED = ('section', 'table', 'bullet_list', 'enumerated_list', 'list_item',
               'literal_block', 'literal', 'strong', 'emphasis')
    NEVER = ('block_quote', 'definition_list', 'field_list', 'option_list', 'line_block',
             'doctest_block', 'title_reference', 'substitution_reference', 'footnote_reference',
             'citation_reference', 'problematic', 'transition', 'target', 'comment',
             'substitution_definition', 'footnote', 'citation', 'system_message')

    def __init__(self):
        self.counts = dict.fromkeys(self.COUNTED, 0)
        self.text = []
        self.links = []

    def inline(self, tokens):
        for token in tokens:
            kind = {'code': 'literal', 'strong': 'strong', 'em': 'emphasis'}.get(token[0])
            if kind:
                self.counts[kind] += 1
            if token[0] == 'link':
                self.links.append(token[2])
        self.text.append(inline_text(tokens))


def render_blocks(blocks, expect):
    """RST lines of markdown blocks; headings are given their section depth by the caller
    (the block tuple ('heading', depth, tokens) after _assign_depths)."""
    out = []
    for block in blocks:
        kind = block[0]
        lines = []
        if kind == 'heading':
            tokens = parse_inline(block[2])
            expect.inline(tokens)
            expect.counts['section'] += 1
            title = render_inline(tokens)
            lines = [title, ADORNMENTS[block[1]] * docutils.utils.column_width(title)]
        elif kind == 'para':
            tokens = parse_inline(block[1])
            expect.inline(tokens)
            lines = render_inline(tokens).split('\n')
        elif kind == 'code':
            expect.counts['literal_block'] += 1
            expect.text.append('\n'.join(block[1]))
            lines = ['::', ''] + _indent(block[1] or [''], '    ')
        elif kind == 'table':
            expect.counts['table'] += 1
            lines = ['.. list-table::', '   :header-rows: 1', '   :widths: auto', '']
            for row in [block[1]] + block[2]:
                for col, cell in enumerate(row):
                    tokens = parse_inline(cell)
                    expect.inline(tokens)
                    cell_lines = render_inline(tokens).split('\n') if cell else ['']
                    first = ('   * - ' if col == 0 else '     - ') + cell_lines[0]
                    lines.append(first.rstrip())
                    lines.extend(_indent(cell_lines[1:], '       '))
        elif kind == 'list':
            start, items = block[1], block[2]
            expect.counts['enumerated_list' if start is not None else 'bullet_list'] += 1
            expect.counts['list_item'] += len(items)
            loose = any(len(item) > 1 for item in items)
            for number, item in enumerate(items, start or 0):
                marker = '%d. ' % number if start is not None else '- '
                body = render_blocks(item, expect) or ['']
                if number != (start or 0) and loose:
                    lines.append('')
                lines.append((marker + body[0]).rstrip())
                lines.extend(_indent(body[1:], ' ' * len(marker)))
        else:
            raise ReadmeError('unknown block %r' % (block,))
        if out:
            out.append('')
        out.extend(lines)
    return out


def _assign_depths(blocks, base):
    """Give each heading of a fragment its section depth: the fragment's heading levels in
    rank order below ``base``, never deeper than one under the previous heading."""
    levels = sorted({b[1] for b in blocks if b[0] == 'heading'})
    previous = base - 1
    result = []
    for block in blocks:
        if block[0] == 'heading':
            depth = min(base + levels.index(block[1]), previous + 1)
            if depth >= len(ADORNMENTS):
                raise ReadmeError('headings nested too deep: %r' % (block,))
            block = ('heading', depth, block[2])
            previous = depth
        elif block[0] == 'list':
            for item in block[2]:
                if any(b[0] == 'heading' for b in item):
                    raise ReadmeError('heading inside a list item: %r' % (item,))
        result.append(block)
    return result


# ---------------------------------------------------------------------------------------------
# Fragments
# ---------------------------------------------------------------------------------------------

def fragment_path(readme_dir, name):
    paths = [os.path.join(readme_dir, name + ext) for ext in ('.md', '.rst')]
    found = [path for path in paths if os.path.isfile(path)]
    if len(found) > 1:
        raise ReadmeError('both %s.md and %s.rst exist: keep one' % (name, name))
    return found[0] if found else None


def _take_title(blocks):
    """(title block, other blocks) when the fragment opens with its only top-level heading."""
    headings = [b for b in blocks if b[0] == 'heading']
    if blocks and blocks[0][0] == 'heading':
        top = min(b[1] for b in headings)
        if blocks[0][1] == top and sum(1 for b in headings if b[1] == top) == 1:
            return blocks[0], blocks[1:]
    return None, blocks


def md_section(path, default_title, depth):
    """(RST lines, Expect) of a markdown fragment as a section at ``depth`` (or, without a
    title, as plain body text)."""
    with open(path, encoding='utf-8') as f:
        blocks = parse_blocks(f.read().splitlines())
    expect = Expect()
    if default_title is None:
        if any(b[0] == 'heading' for b in blocks):
            raise ReadmeError('no headings here (it goes under the title block)')
        return render_blocks(blocks, expect), expect
    title, blocks = _take_title(blocks)
    title_text = title[2] if title else default_title
    blocks = [('heading', depth, title_text)] + _assign_depths(blocks, depth + 1)
    return render_blocks(blocks, expect), expect


RST_TITLE_RE = re.compile(r'^([!-/:-@\[-`{-~])\1+\s*$')


def rst_section(path, default_title, depth):
    """RST lines of an .rst fragment as a section at ``depth``: its own section adornments are
    replaced by the README's for their depth (styles ranked by first use, as docutils does)."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().rstrip('\n').split('\n')
    titles, styles, i = [], [], 0  # titles: (first line index, line count, text, style)
    while i < len(lines):
        over = RST_TITLE_RE.match(lines[i]) and i + 2 < len(lines) \
            and lines[i + 2].strip() == lines[i].strip() and lines[i + 1].strip()
        if over and (i == 0 or not lines[i - 1].strip()):
            style, text, size = (lines[i][0], True), lines[i + 1].strip(), 3
        elif i + 1 < len(lines) and lines[i].strip() and not lines[i][0].isspace() \
                and RST_TITLE_RE.match(lines[i + 1]) and (i == 0 or not lines[i - 1].strip()) \
                and len(lines[i + 1].rstrip()) >= docutils.utils.column_width(lines[i].rstrip()):
            style, text, size = (lines[i + 1][0], False), lines[i].rstrip(), 2
        else:
            i += 1
            continue
        if style not in styles:
            styles.append(style)
        titles.append((i, size, text, style))
        i += size
    if default_title is None:
        if titles:
            raise ReadmeError('no headings here (it goes under the title block)')
        return lines
    own_title = None
    if titles and titles[0][0] == 0 and [t[3] for t in titles].count(titles[0][3]) == 1:
        own_title = titles.pop(0)
        styles.remove(own_title[3])
    out, previous, cursor = [], depth, 0
    title = own_title[2] if own_title else rst_escape(default_title)
    out += [title, ADORNMENTS[depth] * docutils.utils.column_width(title), '']
    if own_title:
        cursor = own_title[1]
        while cursor < len(lines) and not lines[cursor].strip():
            cursor += 1
    for start, size, text, style in titles:
        out += lines[cursor:start]
        level = min(depth + 1 + styles.index(style), previous + 1)
        if level >= len(ADORNMENTS):
            raise ReadmeError('headings nested too deep')
        out += [text, ADORNMENTS[level] * docutils.utils.column_width(text)]
        previous, cursor = level, start + size
    out += lines[cursor:]
    while len(out) > 1 and not out[-1].strip():
        out.pop()
    return out


def section(readme_dir, name, default_title, depth, checks):
    path = fragment_path(readme_dir, name)
    if not path:
        return None
    try:
        if path.endswith('.md'):
            lines, expect = md_section(path, default_title, depth)
            checks.append((path, lines, expect))
            return lines
        return rst_section(path, default_title, depth)
    except ReadmeError as exc:
        relative = os.path.relpath(path, ROOT)
        raise ReadmeError(str(exc) if relative in str(exc) else '%s: %s' % (relative, exc))


# ---------------------------------------------------------------------------------------------
# The README
# ---------------------------------------------------------------------------------------------

def read_manifest(addon_dir):
    with open(os.path.join(addon_dir, '__manifest__.py'), encoding='utf-8') as f:
        return ast.literal_eval(f.read())


def _wrap(text, width=99):
    """Lines of a paragraph of generated RST, broken at spaces (inline markup may span lines)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)


def render(addon_dir=ADDON):
    """The README.rst text of the addon; ReadmeError when it cannot be rendered correctly."""
    readme_dir = os.path.join(addon_dir, 'readme')
    manifest = read_manifest(addon_dir)
    known = {name for name, _title in FRAGMENTS + CREDIT_FRAGMENTS}
    unknown = sorted(entry for entry in os.listdir(readme_dir)
                     if os.path.splitext(entry)[1] in ('.md', '.rst')
                     and os.path.splitext(entry)[0] not in known)
    if unknown:
        raise ReadmeError('fragments the README does not place: %s (add them to FRAGMENTS in '
                          'scripts/gen_readme.py)' % ', '.join(unknown))
    checks = []
    name = rst_escape(manifest['name'])
    bar = '=' * docutils.utils.column_width(name)
    out = [bar, name, bar, '',
           '.. This file is generated by scripts/gen_readme.py (make readme) from the fragments',
           '   in deputat_crm/readme/ and the manifest: edit those, then regenerate.', '']
    if manifest.get('summary'):
        out += _wrap(render_inline([('strong', ' '.join(manifest['summary'].split()))])) + ['']
    facts = ['version %s' % manifest['version'], 'licence %s' % manifest['license']]
    if manifest.get('depends'):
        facts.append('depends on %s' % ', '.join('``%s``' % dep for dep in manifest['depends']))
    out += _wrap('Odoo %s addon ``%s``: %s.' % ('.'.join(manifest['version'].split('.')[:2]),
                                               os.path.basename(addon_dir), '; '.join(facts)))
    out += ['']
    description = section(readme_dir, 'DESCRIPTION', None, 1, checks)
    if description:
        out += description + ['']
    out += ['**Table of contents**', '', '.. contents::', '   :local:', '   :depth: 2', '']
    for fragment, title in FRAGMENTS[1:]:
        lines = section(readme_dir, fragment, title, 1, checks)
        if lines:
            out += lines + ['']
    authors = [author.strip() for author in manifest.get('author', '').split(',')
               if author.strip()]
    out += ['Credits', ADORNMENTS[1] * len('Credits'), '']
    if authors:
        out += ['Authors', ADORNMENTS[2] * len('Authors'), '']
        out += ['- ' + rst_escape(author) for author in authors] + ['']
    for fragment, title in CREDIT_FRAGMENTS:
        lines = section(readme_dir, fragment, title, 2, checks)
        if lines:
            out += lines + ['']
    text = '\n'.join(line.rstrip() for line in out).rstrip('\n') + '\n'
    check_rst(text)
    for path, lines, expect in checks:
        check_fragment(path, lines, expect)
    return text


# ---------------------------------------------------------------------------------------------
# Checks with docutils
# ---------------------------------------------------------------------------------------------

def _settings(**extra):
    settings = {'halt_level': 2, 'report_level': 2, 'warning_stream': io.StringIO(),
                'input_encoding': 'unicode', 'output_encoding': 'unicode',
                'file_insertion_enabled': False, 'raw_enabled': False}
    settings.update(extra)
    return settings


def check_rst(text):
    """Render the README to HTML; any docutils warning or error raises ReadmeError."""
    settings = _settings()
    try:
        docutils.core.publish_string(text, writer_name='html5', settings_overrides=settings)
    except docutils.utils.SystemMessage as exc:
        raise ReadmeError('README.rst is not valid RST: %s' % exc)
    if settings['warning_stream'].getvalue():
        raise ReadmeError('docutils warnings:\n%s' % settings['warning_stream'].getvalue())


def check_fragment(path, lines, expect):
    """The RST of a markdown fragment parses to the structure and text the converter meant."""
    settings = _settings(doctitle_xform=False)
    try:
        tree = docutils.core.publish_doctree('\n'.join(lines) + '\n',
                                             settings_overrides=settings)
    except docutils.utils.SystemMessage as exc:
        raise ReadmeError('%s: invalid RST: %s' % (os.path.relpath(path, ROOT), exc))
    counts = {}
    for node in tree.traverse():
        counts[node.__class__.__name__] = counts.get(node.__class__.__name__, 0) + 1
    # an INFO message (e.g. two sections with the same title) is not a problem
    counts['system_message'] = sum(1 for node in tree.traverse(docutils.nodes.system_message)
                                   if node['level'] > 1)
    wrong = ['%s: %d, expected %d' % (kind, counts.get(kind, 0), expect.counts[kind])
             for kind in Expect.COUNTED if counts.get(kind, 0) != expect.counts[kind]]
    wrong += ['%s: %d, expected none' % (kind, counts[kind])
              for kind in Expect.NEVER if counts.get(kind)]
    uris = [node.get('refuri') for node in tree.traverse(docutils.nodes.reference)]
    wrong += ['link %s missing' % url for url in expect.links if url not in uris]
    actual = ' '.join(tree.astext().split())
    expected = ' '.join(' '.join(expect.text).split())
    if actual != expected:
        at = next((k for k, (a, b) in enumerate(zip(actual, expected)) if a != b),
                  min(len(actual), len(expected)))
        wrong.append('text differs at %d: RST gives %r, markdown %r'
                     % (at, actual[max(0, at - 40):at + 40], expected[max(0, at - 40):at + 40]))
    if wrong:
        raise ReadmeError('%s: the RST does not say what the markdown says:\n  %s'
                          % (os.path.relpath(path, ROOT), '\n  '.join(wrong)))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--addon', default=ADDON, help='addon folder (default deputat_crm)')
    parser.add_argument('-o', '--output', help='file to write (default ADDON/README.rst)')
    parser.add_argument('--check', action='store_true',
                        help='write nothing; exit 1 when README.rst differs from the fragments')
    args = parser.parse_args(argv)
    output = args.output or os.path.join(args.addon, 'README.rst')
    try:
        text = render(args.addon)
    except ReadmeError as exc:
        print('gen_readme: %s' % exc, file=sys.stderr)
        return 2
    if args.check:
        current = ''
        if os.path.exists(output):
            with open(output, encoding='utf-8') as f:
                current = f.read()
        if current != text:
            sys.stdout.writelines(difflib.unified_diff(
                current.splitlines(True), text.splitlines(True), output, 'generated'))
            print('gen_readme: %s is not up to date: run make readme' % output, file=sys.stderr)
            return 1
        return 0
    with open(output, 'w', encoding='utf-8') as f:
        f.write(text)
    print('gen_readme: wrote %s' % os.path.relpath(output))
    return 0


if __name__ == '__main__':
    sys.exit(main())
