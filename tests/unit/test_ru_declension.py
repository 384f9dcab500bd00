"""deputat_crm/lib/ru_declension.py without the ORM: names in the genitive and the dative for
the letters (the petrovich rules through pytrovich)."""
import pytest

from odoo.addons.deputat_crm.lib.ru_declension import full_name, of_citizen, short_name


@pytest.mark.parametrize('parts, gender, genitive, dative', [
    (('Петров', 'Василий', 'Иванович'), None,
     'Петрова Василия Ивановича', 'Петрову Василию Ивановичу'),
    (('Соколова', 'Мария', 'Ивановна'), None,
     'Соколовой Марии Ивановны', 'Соколовой Марии Ивановне'),
    # the exceptions a naive ending list gets wrong
    (('Черных', 'Никита', 'Кузьмич'), None, 'Черных Никиты Кузьмича', 'Черных Никите Кузьмичу'),
    (('Шевчук', 'Илья', 'Петрович'), None, 'Шевчука Ильи Петровича', 'Шевчуку Илье Петровичу'),
    (('Шевчук', 'Любовь', 'Петровна'), None, 'Шевчук Любови Петровны', 'Шевчук Любови Петровне'),
    (('Толстой', 'Лев', 'Николаевич'), None,
     'Толстого Льва Николаевича', 'Толстому Льву Николаевичу'),
    (('Гладких', 'Анна', 'Сергеевна'), None, 'Гладких Анны Сергеевны', 'Гладких Анне Сергеевне'),
    # the gender given wins over the patronymic's (none here)
    (('Иванова', 'Александра', None), 'female', 'Ивановой Александры', 'Ивановой Александре'),
])
def test_full_name(parts, gender, genitive, dative):
    assert full_name(*parts, case='genitive', gender=gender) == genitive
    assert full_name(*parts, case='dative', gender=gender) == dative


def test_addressee_block_short_name():
    assert short_name('Иванов', 'Иван', 'Иванович', 'dative') == 'Иванову И. И.'
    assert short_name('Кузнецова', 'Ольга', 'Ильинична', 'dative') == 'Кузнецовой О. И.'
    assert short_name('Иванов', 'Иван', None, 'dative', 'male') == 'Иванову И.'


def test_of_citizen():
    assert of_citizen('Петров', 'Василий', 'Иванович') == 'гражданина Петрова Василия Ивановича'
    assert of_citizen('Соколова', 'Мария', 'Ивановна') == 'гражданки Соколовой Марии Ивановны'
    assert of_citizen('Петрова', 'Анна', None, 'female') == 'гражданки Петровой Анны'
