from . import deputat_mailing_list_wizard
