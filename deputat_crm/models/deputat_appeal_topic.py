from odoo import api, fields, models


class DeputatAppealTopic(models.Model):
    """A section or theme of the «Типовой общероссийский тематический классификатор обращений
    граждан» (codes like 0002.0007.0000.0000). Offices may add their own topics."""
    _name = 'deputat.appeal.topic'
    _description = 'Appeal topic'
    _order = 'code, name'
    _rec_name = 'complete_name'

    name = fields.Char(string='Topic', required=True, translate=True)
    code = fields.Char(string='Classifier code')
    parent_id = fields.Many2one('deputat.appeal.topic', string='Section', index=True,
                                ondelete='restrict')
    child_ids = fields.One2many('deputat.appeal.topic', 'parent_id', string='Themes')
    complete_name = fields.Char(string='Full name', compute='_compute_complete_name', store=True)
    is_migration = fields.Boolean(
        string='Migration topic',
        help='Appeals on violations of migration law are answered within 20 days '
             '(59-FZ art. 12 part 1.1).')
    active = fields.Boolean(string='Active', default=True)

    @api.depends('name', 'code')
    def _compute_complete_name(self):
        for topic in self:
            topic.complete_name = '%s %s' % (topic.code, topic.name) if topic.code else topic.name
