from odoo import models


class MassMailing(models.Model):
    """A mass mailing addressed directly to contacts (recipients model «Контакты») reaches only
    the contacts who consented to mailings (152-FZ), whatever the mailing's domain says."""
    _inherit = 'mail.mass_mailing'

    def get_recipients(self):
        res_ids = super(MassMailing, self).get_recipients()
        if self.mailing_model_real == 'res.partner' and res_ids:
            allowed = set(self.env['res.partner'].search(
                [('id', 'in', list(res_ids)), ('mailing_opt_in', '=', True)]).ids)
            res_ids = [res_id for res_id in res_ids if res_id in allowed]
        return res_ids
