from . import test_security
from . import test_territory
from . import test_event_robots
from . import test_event_gates
from . import test_event_budget
from . import test_event_access
from . import test_event_calendar
from . import test_event_report
