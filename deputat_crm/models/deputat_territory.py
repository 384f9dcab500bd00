from odoo import _, api, fields, models
from odoo.exceptions import ValidationError


class DeputatTerritory(models.Model):
    """A territory of the constituency: okrug > district > settlement > precinct.

    Contacts, appeals and events point at a territory; reports group by it."""
    _name = 'deputat.territory'
    _description = 'Territory'
    _parent_name = 'parent_id'
    _parent_store = True
    _parent_order = 'name'
    _order = 'parent_left'
    _rec_name = 'complete_name'

    name = fields.Char(required=True, translate=False)
    code = fields.Char()
    kind = fields.Selection([
        ('constituency', 'Constituency'),
        ('district', 'District'),
        ('settlement', 'Settlement'),
        ('precinct', 'Precinct'),
    ], default='settlement', required=True)
    parent_id = fields.Many2one('deputat.territory', string='Parent territory',
                                index=True, ondelete='restrict')
    child_ids = fields.One2many('deputat.territory', 'parent_id', string='Sub-territories')
    parent_left = fields.Integer(index=True)
    parent_right = fields.Integer(index=True)
    complete_name = fields.Char(string='Full name', compute='_compute_complete_name',
                                store=True, index=True)
    active = fields.Boolean(default=True)
    note = fields.Text(string='Notes')

    _sql_constraints = [
        ('name_parent_uniq', 'unique(name, parent_id)',
         'A territory with this name already exists under the same parent.'),
    ]

    @api.depends('name', 'parent_id.complete_name')
    def _compute_complete_name(self):
        for territory in self:
            if territory.parent_id:
                territory.complete_name = '%s / %s' % (territory.parent_id.complete_name,
                                                       territory.name)
            else:
                territory.complete_name = territory.name

    @api.constrains('parent_id')
    def _check_parent_id(self):
        if not self._check_recursion():
            raise ValidationError(_('A territory cannot be its own ancestor.'))
