"""deputat_crm/lib/ru_salutation.py without the ORM: the salutation of Russian letters."""
import pytest

from odoo.addons.deputat_crm.lib.ru_salutation import salutation, split_name


@pytest.mark.parametrize('name, expected', [
    ('Петров Василий Иванович', 'Уважаемый Василий Иванович!'),
    ('Василий Иванович Петров', 'Уважаемый Василий Иванович!'),
    ('Соколова Мария Ивановна', 'Уважаемая Мария Ивановна!'),
    ('Кузнецова Ольга Ильинична', 'Уважаемая Ольга Ильинична!'),
    ('Мамедов Рашид Гейдар оглы', 'Уважаемый заявитель!'),  # four words: not guessed
    ('Алиев Рашид Ильич', 'Уважаемый Рашид Ильич!'),
    ('Иван Петров', 'Уважаемый заявитель!'),
    ('', 'Уважаемый заявитель!'),
])
def test_salutation(name, expected):
    assert salutation(name) == expected


def test_split_name():
    assert split_name('Петров Василий Иванович') == ('Петров', 'Василий', 'Иванович')
    assert split_name('ООО Ромашка Плюс') == (None, None, None)
