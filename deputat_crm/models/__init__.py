from . import deputat_territory
