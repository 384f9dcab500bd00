from odoo import api, fields, models


class DeputatAppealTopic(models.Model):
    """A section or theme of the «Типовой общероссийский тематический классификатор обращений
    граждан» (codes like 0002.0007.0000.0000). Offices may add their own topics."""
    _name = 'deputat.appeal.topic'
    _table = 'deputat_conf_appeal_topic'  # field XML ids: see readme/DEVELOP.md
    _description = 'Appeal topic'
    _order = 'code, name'

    name = fields.Char(string='Topic', required=True, translate=True)
    code = fields.Char(string='Classifier code', index=True)
    parent_id = fields.Many2one('deputat.appeal.topic', string='Section', index=True,
                                ondelete='restrict')
    child_ids = fields.One2many('deputat.appeal.topic', 'parent_id', string='Themes')
    is_migration = fields.Boolean(
        string='Migration topic',
        help='Appeals on violations of migration law are answered within 20 days '
             '(59-FZ art. 12 part 1.1).')
    active = fields.Boolean(default=True)

    @api.multi
    def name_get(self):
        # «code name», the name in the user's language (a stored full name would keep the
        # language of the installation)
        return [(topic.id, '%s %s' % (topic.code, topic.name) if topic.code else topic.name)
                for topic in self]

    @api.model
    def name_search(self, name='', args=None, operator='ilike', limit=100):
        if name:
            topics = self.search(['|', ('code', '=like', name + '%'), ('name', operator, name)]
                                 + (args or []), limit=limit)
            return topics.name_get()
        return super(DeputatAppealTopic, self).name_search(name, args, operator, limit)
