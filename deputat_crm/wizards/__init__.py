from . import deputat_appeal_extend_wizard
