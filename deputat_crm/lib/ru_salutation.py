# Copyright 2026 deputat_crm authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The salutation of a Russian letter from a full name: «Уважаемый Иван Петрович!» /
«Уважаемая Мария Ивановна!» (first name and patronymic, the gender from the patronymic)."""

MALE_ENDINGS = ('вич', 'ьич', 'ич', 'оглы')
FEMALE_ENDINGS = ('вна', 'чна', 'шна', 'кызы')


def split_name(full_name):
    """(surname, first name, patronymic) of «Фамилия Имя Отчество» or «Имя Отчество Фамилия»;
    the patronymic is recognised by its ending; None where not found."""
    words = (full_name or '').split()
    if len(words) != 3:
        return None, None, None
    if patronymic_gender(words[2]):
        return words[0], words[1], words[2]
    if patronymic_gender(words[1]):
        return words[2], words[0], words[1]
    return None, None, None


def patronymic_gender(word):
    word = (word or '').lower()
    if word.endswith(MALE_ENDINGS):
        return 'male'
    if word.endswith(FEMALE_ENDINGS):
        return 'female'
    return None


def salutation_of(first, patronymic, gender=None):
    """«Уважаемый Имя Отчество!» from the parts; the generic salutation without them."""
    if first and patronymic:
        gender = gender or patronymic_gender(patronymic)
        word = 'Уважаемая' if gender == 'female' else 'Уважаемый'
        return '%s %s %s!' % (word, first, patronymic)
    if gender == 'female':
        return 'Уважаемая заявительница!'
    return 'Уважаемый заявитель!'


def salutation(full_name, gender=None):
    """«Уважаемый Имя Отчество!»; without a patronymic «Уважаемый(ая) Имя Фамилия!» is not
    written: the generic «Уважаемый заявитель!» is (an office does not guess)."""
    _surname, first, patronymic = split_name(full_name)
    return salutation_of(first, patronymic, gender)
