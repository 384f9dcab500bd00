# issue 10: the public pages of the website
from . import website_appeal
from . import website_reception
