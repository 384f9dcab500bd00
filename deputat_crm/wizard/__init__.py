from . import deputat_event_cancel
