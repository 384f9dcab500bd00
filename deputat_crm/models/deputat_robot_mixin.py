from odoo import api, fields, models


class DeputatRobotMixin(models.AbstractModel):
    """What the appeal and event robots share: giving a user a planned activity on a record
    (Odoo 11 has no ``activity_schedule``), marked so that a re-run of a robot finds it."""
    _name = 'deputat.robot.mixin'
    _description = 'Deputy office robot activities'

    @api.multi
    def _deputat_activity(self, activity_type, user, date_deadline, summary, note=False,
                          robot=False, **extra):
        """Create one activity on this record for ``user``; ``activity_type`` is a record or an
        XML id, ``robot`` the value of ``mail.activity.deputat_robot``. The robots act for the
        system, hence sudo (the assignee may not be the user who triggered the robot)."""
        self.ensure_one()
        if not user:
            return self.env['mail.activity']
        if isinstance(activity_type, str):
            activity_type = self.env.ref(activity_type)
        values = {
            'res_model_id': self.env['ir.model']._get_id(self._name),
            'res_id': self.id,
            'activity_type_id': activity_type.id,
            'user_id': user.id,
            'date_deadline': date_deadline or fields.Date.context_today(self),
            'summary': summary,
            'note': note or False,
            'deputat_robot': robot,
        }
        values.update(extra)
        return self.env['mail.activity'].sudo().create(values)
