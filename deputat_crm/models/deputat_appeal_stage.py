# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

PIPELINES = [
    ('review', 'Appeal review'),
    ('request', 'Request on the appeal'),
    ('answer', 'Answer to the applicant'),
]


class DeputatAppealStage(models.Model):
    """A stage of one of the three appeal pipelines (направления)."""
    _name = 'deputat.appeal.stage'
    _inherit = 'deputat.pipeline.stage.mixin'
    _table = 'deputat_conf_appeal_stage'  # field XML ids: see readme/DEVELOP.md
    _description = 'Appeal stage'
    _order = 'pipeline_sequence, sequence, id'
    _record_model = 'deputat.appeal'

    pipeline = fields.Selection(PIPELINES, required=True, default='review')
    pipeline_sequence = fields.Integer(string='Pipeline order', compute='_compute_pipeline_sequence',
                                       store=True)
    task_ids = fields.One2many('deputat.appeal.stage.task', 'stage_id', string='Stage tasks')
    transition_ids = fields.One2many('deputat.appeal.transition', 'from_stage_id',
                                     string='Allowed moves')

    @api.depends("pipeline")
    def _compute_pipeline_sequence(self):
        order = {key: index for index, (key, _label) in enumerate(PIPELINES)}
        for stage in self:
            stage.pipeline_sequence = order.get(stage.pipeline, 99)


class DeputatAppealStageTask(models.Model):
    """The task an appeal stage gives one role."""
    _name = 'deputat.appeal.stage.task'
    _inherit = 'deputat.pipeline.task.mixin'
    _table = 'deputat_conf_appeal_stage_task'
    _description = 'Appeal stage task'
    _record_model = 'deputat.appeal'

    stage_id = fields.Many2one('deputat.appeal.stage', required=True,
                               ondelete='cascade', index=True)


class DeputatAppealTransition(models.Model):
    """An allowed move of an appeal between two stages."""
    _name = 'deputat.appeal.transition'
    _inherit = 'deputat.pipeline.transition.mixin'
    _table = 'deputat_conf_appeal_transition'
    _description = 'Appeal stage transition'
    _record_model = 'deputat.appeal'

    from_stage_id = fields.Many2one('deputat.appeal.stage', string='From stage', required=True,
                                    ondelete='cascade', index=True)
    to_stage_id = fields.Many2one('deputat.appeal.stage', string='To stage', required=True,
                                  ondelete='cascade')
