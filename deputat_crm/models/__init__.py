from . import deputat_territory
from . import deputat_audience
