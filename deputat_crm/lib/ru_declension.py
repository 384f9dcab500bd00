# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Russian names in the genitive and the dative for the letters of the office (issue 13):
«обращение гражданина Петрова Василия Ивановича», «Главе администрации / Иванову И. И.».

The declension itself is the «petrovich» rule set (surname, first name and patronymic, with the
exceptions: Черных, Гладких, female Шевчук, Любовь, Лев …) through its Python port ``pytrovich``
(PyPI, MIT, pure Python, the rules shipped in the wheel). A home-made rule list would decline
the common cases and silently mangle exactly these exceptions; the letters keep the declined
forms in editable fields, so the office can still fix the rare name the rules get wrong."""
from pytrovich.enums import Case, Gender, NamePart
from pytrovich.maker import PetrovichDeclinationMaker

from .ru_salutation import patronymic_gender

CASES = {'genitive': Case.GENITIVE, 'dative': Case.DATIVE}
GENDERS = {'male': Gender.MALE, 'female': Gender.FEMALE}
PARTS = (NamePart.LASTNAME, NamePart.FIRSTNAME, NamePart.MIDDLENAME)

_maker = PetrovichDeclinationMaker()


def _gender(patronymic, gender):
    return GENDERS.get(gender or patronymic_gender(patronymic), Gender.ANDROGYNOUS)


def decline(surname, first, patronymic, case, gender=None):
    """(surname, first name, patronymic) in ``case`` ('genitive' or 'dative'); a missing part
    stays None. ``gender`` 'male'/'female'; by default from the patronymic."""
    gender = _gender(patronymic, gender)
    result = []
    for part, word in zip(PARTS, (surname, first, patronymic)):
        word = (word or '').strip()
        result.append(_maker.make(part, gender, CASES[case], word) if word else None)
    return tuple(result)


def full_name(surname, first, patronymic, case, gender=None):
    """«Петрова Василия Ивановича» (the parts present, in the order surname, name, patronymic)."""
    return ' '.join(filter(None, decline(surname, first, patronymic, case, gender)))


def short_name(surname, first, patronymic, case, gender=None):
    """«Иванову И. И.»: the declined surname and the initials (as an addressee block writes)."""
    declined = decline(surname, None, None, case, gender or patronymic_gender(patronymic))[0]
    initials = ' '.join('%s.' % word.strip()[0] for word in (first, patronymic)
                        if word and word.strip())
    return ' '.join(filter(None, [declined, initials]))


def of_citizen(surname, first, patronymic, gender=None):
    """«гражданина Петрова Василия Ивановича» / «гражданки Соколовой Марии Ивановны»; without
    a known gender «гражданина (гражданки)» (an office does not guess)."""
    gender = gender or patronymic_gender(patronymic)
    word = {'male': 'гражданина', 'female': 'гражданки'}.get(gender, 'гражданина (гражданки)')
    name = full_name(surname, first, patronymic, 'genitive', gender)
    return '%s %s' % (word, name) if name else word
