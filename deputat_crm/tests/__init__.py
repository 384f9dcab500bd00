from . import test_security
from . import test_territory
from . import test_contacts_links
from . import test_contacts_segments
from . import test_contacts_mailing
from . import test_contacts_duplicates
from . import test_contacts_access
from . import test_contacts_merge
