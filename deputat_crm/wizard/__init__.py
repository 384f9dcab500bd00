from . import deputat_mailing_list_wizard
from . import deputat_partner_merge_wizard
from . import deputat_event_cancel
from . import deputat_appeal_extend_wizard
from . import deputat_pipeline_move_wizard
from . import deputat_personal_data_wizard
from . import deputat_sstu_export  # issue 9
from . import deputat_partner_duplicate_wizard  # issue 12
from . import deputat_event_move_checklist  # issue 12 item 6
