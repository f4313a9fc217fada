from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jobseekers import hetu

TODAY = date(2025, 6, 1)

# The published example of the Digital and Population Data Services Agency (DVV), in the normal range 002–899.
EXAMPLE = "131052-308T"


def with_check(birth_digits: str, sign: str, individual: str) -> str:
    """Builds the check character independently of the module under test (DOMAIN.md's formula)."""
    return f"{birth_digits}{sign}{individual}{'0123456789ABCDEFHJKLMNPRSTUVWXY'[int(birth_digits + individual) % 31]}"


def refusal(value: str, **options) -> hetu.HetuError:
    with pytest.raises(hetu.HetuError) as raised:
        hetu.parse(value, today=TODAY, **options)
    return raised.value


@pytest.mark.parametrize(
    ("sign", "year"),
    [("+", 1852), ("-", 1952), ("Y", 1952), ("X", 1952), ("W", 1952), ("V", 1952), ("U", 1952)],
)
def test_normal_range_code_with_each_1800s_and_1900s_sign(sign, year):
    parsed = hetu.parse(with_check("131052", sign, "308"), today=TODAY)

    assert parsed.birth_date == date(year, 10, 13)
    assert parsed.sex == "female"
    assert not parsed.is_temporary


@pytest.mark.parametrize(
    ("code", "birth_date", "sex"),
    [
        # The signs introduced by decree 690/2022, on temporary numbers like the examples DVV publishes.
        ("010594Y9032", date(1994, 5, 1), "male"),
        ("020594X902N", date(1994, 5, 2), "female"),
        ("030594W903B", date(1994, 5, 3), "male"),
        ("040594V902Y", date(1994, 5, 4), "female"),
        ("050594U903M", date(1994, 5, 5), "male"),
        ("020504A902E", date(2004, 5, 2), "female"),
        ("010516B903X", date(2016, 5, 1), "male"),
        ("020516C903K", date(2016, 5, 2), "male"),
        ("030516D9026", date(2016, 5, 3), "female"),
        ("010501E9032", date(2001, 5, 1), "male"),
        ("020503F9037", date(2003, 5, 2), "male"),
    ],
)
def test_2023_century_signs(code, birth_date, sex):
    parsed = hetu.parse(code, today=TODAY, allow_temporary=True)

    assert (parsed.code, parsed.birth_date, parsed.sex, parsed.is_temporary) == (code, birth_date, sex, True)


def test_sex_follows_the_individual_number():
    assert hetu.parse(with_check("131052", "-", "307"), today=TODAY).sex == "male"
    assert hetu.parse(with_check("131052", "-", "308"), today=TODAY).sex == "female"


def test_wrong_check_character_is_refused():
    assert refusal("131052-308U").code == "checksum"


def test_29_february_exists_only_in_leap_years():
    # 2000 was a leap year, 1900 was not: the same digits are a real date with one sign and not with the other.
    assert hetu.parse(with_check("290200", "A", "902"), today=TODAY, allow_temporary=True).birth_date == date(
        2000, 2, 29
    )
    assert refusal(with_check("290200", "-", "902"), allow_temporary=True).code == "date"
    assert hetu.parse(with_check("290296", "-", "902"), today=TODAY, allow_temporary=True).birth_date == date(
        1996, 2, 29
    )
    assert refusal(with_check("290297", "-", "902"), allow_temporary=True).code == "date"


def test_impossible_date_is_refused():
    assert refusal(with_check("310452", "-", "308")).code == "date"


def test_birth_date_in_the_future_is_refused():
    tomorrow = TODAY + timedelta(days=1)

    assert refusal(hetu.synthetic(tomorrow, 902), allow_temporary=True).code == "future"
    assert hetu.parse(hetu.synthetic(TODAY, 902), today=TODAY, allow_temporary=True).birth_date == TODAY


def test_temporary_numbers_are_refused_unless_allowed():
    code = hetu.synthetic(date(1990, 1, 1), 950)

    assert refusal(code).code == "temporary"
    assert hetu.parse(code, today=TODAY, allow_temporary=True).is_temporary
    assert hetu.parse(with_check("010190", "-", "899"), today=TODAY).is_temporary is False


def test_individual_numbers_000_and_001_are_refused():
    assert refusal(with_check("131052", "-", "001")).code == "individual_number"


@pytest.mark.parametrize(
    "value", ["", "131052-308", "131052/308T", "١٣١٠٥٢-308T", "13105-2308T", "131052-308TT", "131052-308G"]
)
def test_malformed_codes_are_refused(value):
    assert refusal(value).code == "format"


def test_whitespace_and_case_are_normalised():
    parsed = hetu.parse(" 010516b903x\n", today=TODAY, allow_temporary=True)

    assert parsed.code == "010516B903X"
    assert hetu.parse("131 052-308\u00a0t", today=TODAY).code == EXAMPLE


def test_same_digits_with_different_century_sign_are_different_people():
    earlier = hetu.parse(with_check("010101", "-", "902"), today=TODAY, allow_temporary=True)
    later = hetu.parse(with_check("010101", "A", "902"), today=TODAY, allow_temporary=True)

    assert earlier.code != later.code
    assert (earlier.birth_date, later.birth_date) == (date(1901, 1, 1), date(2001, 1, 1))


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        ("131052-308U", "checksum", "henkilötunnus: tarkistemerkki ei täsmää"),
        (with_check("010130", "A", "302"), "future", "henkilötunnus: syntymäaika on tulevaisuudessa"),
        (with_check("010190", "-", "950"), "temporary", "henkilötunnus: väliaikainen tunnus (900–999) ei ole sallittu"),
        ("131052?308T", "format", "henkilötunnus: muoto on virheellinen"),
        (with_check("310452", "-", "308"), "date", "henkilötunnus: päivämäärä ei ole olemassa"),
    ],
)
def test_error_names_the_field_and_reason_but_never_the_code(value, code, message):
    error = refusal(value)

    assert (error.code, error.message, str(error)) == (code, message, message)
    for text in (str(error), repr(error), error.message):
        assert value not in text
        assert value[:6] not in text


def test_parsed_code_is_not_in_repr():
    assert EXAMPLE not in repr(hetu.parse(EXAMPLE, today=TODAY))


def test_is_valid():
    assert hetu.is_valid(EXAMPLE, today=TODAY)
    assert not hetu.is_valid("131052-308U", today=TODAY)


@pytest.mark.parametrize(
    ("birth_date", "day", "age"),
    [
        (date(1995, 6, 2), date(2025, 6, 1), 29),
        (date(1995, 6, 1), date(2025, 6, 1), 30),
        (date(2000, 2, 29), date(2025, 2, 27), 24),
        # Act 150/1930 § 3: in a common year the anniversary of 29 February is 28 February.
        (date(2000, 2, 29), date(2025, 2, 28), 25),
        (date(2000, 2, 29), date(2024, 2, 28), 23),
        (date(2000, 2, 29), date(2024, 2, 29), 24),
        (date(2025, 6, 1), date(2025, 6, 1), 0),
    ],
)
def test_age_on(birth_date, day, age):
    assert hetu.age_on(birth_date, day) == age


def test_age_before_birth_is_an_error():
    with pytest.raises(ValueError):
        hetu.age_on(date(2025, 6, 2), date(2025, 6, 1))


@pytest.mark.parametrize("individual_number", [2, 899, 1000])
def test_synthetic_codes_stay_in_the_temporary_range(individual_number):
    with pytest.raises(ValueError):
        hetu.synthetic(date(1990, 1, 1), individual_number)


def test_synthetic_century_sign_must_match_the_year():
    assert hetu.synthetic(date(1990, 1, 1), 902, century_sign="Y")[6] == "Y"
    with pytest.raises(ValueError):
        hetu.synthetic(date(1990, 1, 1), 902, century_sign="A")
    with pytest.raises(ValueError):
        hetu.synthetic(date(1799, 12, 31), 902)


@st.composite
def synthetic_people(draw):
    birth_date = draw(st.dates(min_value=date(1800, 1, 1), max_value=TODAY))
    individual_number = draw(st.integers(min_value=900, max_value=999))
    sign = draw(st.sampled_from(hetu.CENTURY_SIGNS[birth_date.year // 100 * 100]))
    return birth_date, individual_number, sign


@settings(max_examples=200)
@given(synthetic_people())
def test_every_synthetic_code_validates_and_round_trips(person):
    birth_date, individual_number, sign = person

    parsed = hetu.parse(
        hetu.synthetic(birth_date, individual_number, century_sign=sign), today=TODAY, allow_temporary=True
    )

    assert parsed.birth_date == birth_date
    assert parsed.sex == ("male" if individual_number % 2 else "female")
    assert parsed.is_temporary
    assert not hetu.is_valid(parsed.code, today=TODAY)


@settings(max_examples=200)
@given(st.text(alphabet="0123456789-+ABCDEFUVWXYHJ", min_size=11, max_size=11))
def test_messages_never_contain_the_input(value):
    try:
        hetu.parse(value, today=TODAY, allow_temporary=True)
    except hetu.HetuError as error:
        assert error.code in hetu.MESSAGES
        assert value not in str(error)
