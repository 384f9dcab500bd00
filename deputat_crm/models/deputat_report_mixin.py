# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Readable analysis (pivot, graph, grouped lists) of the module's models, in one place:

* months read «Октябрь 2026»: Odoo 11's ``read_group`` labels ``date:month`` groups with
  babel's 'MMMM yyyy', the genitive in Russian («октября 2026»); the standalone form 'LLLL yyyy',
  capitalised, is the name of the month;
* the pivot and the graph of Odoo 11 offer as a measure every stored integer, float or
  monetary field ``fields_get`` reports (``pivot_view.js``/``graph_view.js``: ``field.store``);
  the technical numbers (the kanban colour index, the id of a proposed move, sequences, the
  answer term of an appeal, whose sum means nothing) are
  reported as not stored to the web client, so they are not offered. Nothing else in the web
  client of Odoo 11 reads that flag; the ORM and the database are unchanged."""
from odoo import api, models

MONTH_FORMAT = 'MMMM yyyy'
MONTH_STANDALONE_FORMAT = 'LLLL yyyy'


class DeputatReportMixin(models.AbstractModel):
    _name = 'deputat.report.mixin'
    _description = 'Readable analysis (month names, measures)'

    # stored numeric fields that are no measure (a colour, an id, an order, a term whose sum
    # means nothing)
    _report_hidden_measures = ('color', 'sequence', 'pipeline_pending_transition', 'answer_days')

    @api.model
    def _read_group_process_groupby(self, gb, query):
        result = super(DeputatReportMixin, self)._read_group_process_groupby(gb, query)
        if result.get('display_format') == MONTH_FORMAT:
            result['display_format'] = MONTH_STANDALONE_FORMAT
        return result

    @api.model
    def _read_group_format_result(self, data, annotated_groupbys, groupby, domain):
        data = super(DeputatReportMixin, self)._read_group_format_result(
            data, annotated_groupbys, groupby, domain)
        for gb in annotated_groupbys:
            value = data.get(gb['groupby'])
            if gb.get('display_format') == MONTH_STANDALONE_FORMAT and \
                    isinstance(value, tuple) and len(value) == 2 and value[1]:
                data[gb['groupby']] = (value[0], value[1][:1].upper() + value[1][1:])
        return data

    @api.model
    def fields_get(self, allfields=None, attributes=None):
        result = super(DeputatReportMixin, self).fields_get(allfields, attributes)
        for name in self._report_hidden_measures:
            if name in result and 'store' in result[name]:
                result[name]['store'] = False
        return result


class DeputatAppeal(models.Model):
    _name = 'deputat.appeal'
    _inherit = ['deputat.appeal', 'deputat.report.mixin']


class DeputatAppealQuestion(models.Model):
    _name = 'deputat.appeal.question'
    _inherit = ['deputat.appeal.question', 'deputat.report.mixin']


class DeputatAppealRequest(models.Model):
    _name = 'deputat.appeal.request'
    _inherit = ['deputat.appeal.request', 'deputat.report.mixin']


class DeputatEvent(models.Model):
    _name = 'deputat.event'
    _inherit = ['deputat.event', 'deputat.report.mixin']


class DeputatReceptionCard(models.Model):
    _name = 'deputat.reception.card'
    _inherit = ['deputat.reception.card', 'deputat.report.mixin']
