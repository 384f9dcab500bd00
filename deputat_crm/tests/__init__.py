from . import test_security
from . import test_territory
from . import test_appeal_pipeline
from . import test_appeal_deadlines
from . import test_appeal_robots
from . import test_appeal_security
from . import test_appeal_mail
from . import test_appeal_report
