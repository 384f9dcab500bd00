# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The ССТУ-shaped monthly report (Presidential Decree No. 171 of 17.04.2017): one row per
question of the appeals received in a month (classifier code, kind, form, channel, dates,
status/result, measures taken) and the totals of a regional monthly report. XLSX (two sheets)
or CSV (UTF-8 with BOM, «;»-separated: LibreOffice and Excel open it as is)."""
import base64
import calendar
import csv
import io
from collections import Counter

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, UserError

from ..models.deputat_appeal_question import OPEN_STATUSES

try:
    import xlsxwriter
except ImportError:  # pragma: no cover - xlsxwriter ships with Odoo 11's requirements
    xlsxwriter = None


def _month_selection():
    return [(str(m), str(m).zfill(2)) for m in range(1, 13)]


class DeputatSstuExport(models.TransientModel):
    _name = 'deputat.sstu.export'
    _description = 'Monthly report by questions (SSTU)'

    month = fields.Selection(_month_selection(), required=True,
                             default=lambda self: str(fields.Date.from_string(
                                 fields.Date.context_today(self)).month))
    year = fields.Integer(required=True,
                          default=lambda self: fields.Date.from_string(
                              fields.Date.context_today(self)).year)
    file_format = fields.Selection([('xlsx', 'XLSX'), ('csv', 'CSV')], string='Format',
                                   required=True, default='xlsx')
    data = fields.Binary(string='File', readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    def _check_may_export(self):
        user = self.env.user
        if not (user._is_superuser() or user.has_group('deputat_crm.group_deputy')
                or user.has_group('deputat_crm.group_office_head')):
            raise AccessError(_('Only the deputy or the office head exports the monthly '
                                'report by questions.'))

    def _period(self):
        self.ensure_one()
        if not 2000 <= self.year <= 2100:
            raise UserError(_('Give a year between 2000 and 2100.'))
        month = int(self.month)
        last = calendar.monthrange(self.year, month)[1]
        return '%04d-%02d-01' % (self.year, month), '%04d-%02d-%02d' % (self.year, month, last)

    def _questions(self):
        start, end = self._period()
        return self.env['deputat.appeal.question'].sudo().search(
            [('date_received', '>=', start), ('date_received', '<=', end)],
            order='date_received, appeal_id, sequence, id')

    def _headers(self):
        return [_('Registration number'), _('Classifier code'), _('Question'),
                _('Subject area'), _('Kind of appeal'), _('Form of appeal'),
                _('Channel of receipt'), _('Date of receipt'), _('Registration date'),
                _('Date answered'), _('Status / result'), _('Measures taken')]

    def _rows(self, questions):
        Appeal = self.env['deputat.appeal']
        kinds = dict(Appeal._fields['appeal_kind']._description_selection(self.env))
        forms = dict(Appeal._fields['appeal_form']._description_selection(self.env))
        statuses = dict(questions._fields['status']._description_selection(self.env))
        for question in questions:
            appeal = question.appeal_id
            yield [appeal.name, question.code, question.topic_id.name,
                   question.subject_area_id.code or '', kinds.get(appeal.appeal_kind, ''),
                   forms.get(appeal.appeal_form, ''), appeal.channel_id.name or '',
                   self._fmt(appeal.date_received), self._fmt(appeal.date_registered),
                   self._fmt(question.date_answered), statuses.get(question.status, ''),
                   _('yes') if question.measures_taken else _('no')]

    @staticmethod
    def _fmt(date):
        return '.'.join(reversed(date.split('-'))) if date else ''

    def _totals(self, questions):
        """(label, value) lines as in a regional monthly report."""
        appeals = questions.mapped('appeal_id')
        Appeal = self.env['deputat.appeal']
        forms = dict(Appeal._fields['appeal_form']._description_selection(self.env))
        statuses = dict(questions._fields['status']._description_selection(self.env))
        lines = [
            (_('Appeals received'), len(appeals)),
            (_('Questions raised'), len(questions)),
            (_('Repeated appeals'), len(appeals.filtered(
                lambda a: a.appeal_kind in ('repeated', 'collective_repeated')))),
            (_('Collective appeals'), len(appeals.filtered(
                lambda a: a.appeal_kind in ('collective', 'collective_repeated')))),
        ]
        for form, count in sorted(Counter(appeals.mapped('appeal_form')).items()):
            lines.append((_('Form: %s') % forms.get(form, form), count))
        areas = Counter((q.subject_area_id.code, q.subject_area_id.name) for q in questions)
        for (code, name), count in sorted(areas.items()):
            lines.append((_('Subject area %(code)s %(name)s') % {'code': code, 'name': name},
                          count))
        for status, count in sorted(Counter(questions.mapped('status')).items()):
            lines.append((_('Result: %s') % statuses.get(status, status), count))
        lines.append((_('Measures taken'), len(questions.filtered('measures_taken'))))
        # answered after the planned answer date: the appeal, or one of its questions
        lines.append((_('Answered late'), len(appeals.filtered(
            lambda a: a.date_deadline_planned and any(
                day > a.date_deadline_planned for day in
                [a.date_answer or ''] + a.question_ids.mapped(
                    lambda q: q.status not in OPEN_STATUSES and q.date_answered or ''))))))
        return lines

    def _render_csv(self, questions):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=';', lineterminator='\r\n')
        writer.writerow(self._headers())
        writer.writerows(self._rows(questions))
        writer.writerow([])
        writer.writerows([[label, value] for label, value in self._totals(questions)])
        return ('\ufeff' + buffer.getvalue()).encode('utf-8')

    def _render_xlsx(self, questions):
        if xlsxwriter is None:
            raise UserError(_('The XLSX format needs the Python package xlsxwriter; choose '
                              'CSV.'))
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {'in_memory': True})
        bold = book.add_format({'bold': True})
        sheet = book.add_worksheet(_('Questions'))
        sheet.write_row(0, 0, self._headers(), bold)
        for index, row in enumerate(self._rows(questions), start=1):
            sheet.write_row(index, 0, row)
        sheet.set_column(0, 1, 22)
        sheet.set_column(2, 2, 60)
        totals = book.add_worksheet(_('Totals'))
        for index, (label, value) in enumerate(self._totals(questions)):
            totals.write(index, 0, label)
            totals.write_number(index, 1, value)
        totals.set_column(0, 0, 70)
        book.close()
        return buffer.getvalue()

    @api.multi
    def action_export(self):
        self.ensure_one()
        self._check_may_export()
        questions = self._questions()
        content = (self._render_xlsx(questions) if self.file_format == 'xlsx'
                   else self._render_csv(questions))
        self.write({'data': base64.b64encode(content),
                    'filename': 'sstu-%04d-%02d.%s' % (self.year, int(self.month),
                                                       self.file_format)})
        return {
            'type': 'ir.actions.act_url', 'target': 'self',
            'url': '/web/content?model=%s&id=%s&field=data&filename_field=filename'
                   '&download=true' % (self._name, self.id),
        }
