import pytest

from metrics.numbers_zh import Quantity, parse_chinese, parse_number, parse_quantity, to_10k_yuan


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两", 2),
        ("十二", 12),
        ("二十", 20),
        ("一百二十三", 123),
        ("一千零五", 1005),
        ("两百", 200),
        ("三万五千", 35000),
        ("十万", 100000),
        ("〇", 0),
        ("零", 0),
        ("二〇一三", 2013),
        ("壹佰", 100),
    ],
)
def test_chinese_numerals_read_as_their_value(text, value):
    assert parse_chinese(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,236", 1236),
        ("12", 12),
        ("12.5", 12.5),
        ("１２３", 123),
        ("0", 0),
    ],
)
def test_arabic_numbers_with_separators_and_full_width_digits(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["万", "千方百计", "3,4", "12a", ""])
def test_text_that_is_not_exactly_one_number_gives_none(text):
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("100余", Quantity(100, approximate=True)),
        ("20多", Quantity(20, approximate=True)),
        ("近200", Quantity(200, approximate=True)),
        ("约50", Quantity(50, approximate=True)),
        ("十二", Quantity(12, approximate=False)),
        ("1,236", Quantity(1236, approximate=False)),
    ],
)
def test_approximation_words_keep_the_number_and_mark_it(text, quantity):
    assert parse_quantity(text) == quantity


def test_yuan_become_ten_thousands_of_yuan():
    assert to_10k_yuan(251000, "元") == 25.1
    assert to_10k_yuan(12.5, "万元") == 12.5
