from . import deputat_territory
from . import deputat_audience
from . import deputat_social_status
from . import deputat_contact_source
from . import res_partner
from . import mail_mass_mailing
