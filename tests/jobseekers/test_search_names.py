"""The pure name folding of the forgiving search (jobseekers/names.py): order, comma, case and diacritics invariance."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobseekers import names

# Written out here, not taken from the module, so that a wrong table in names.py fails these tests.
PLAIN = {"å": "a", "ä": "a", "ö": "o", "ü": "u", "é": "e", "è": "e", "á": "a", "ô": "o", "õ": "o", "ñ": "n",
         "ç": "c", "š": "s", "ž": "z", "ø": "o", "æ": "ae", "ł": "l"}  # fmt: skip
LETTERS = "abcdefghijklmnopqrstuvwxyz" + "".join(PLAIN)

word = st.text(alphabet=LETTERS + LETTERS.upper(), min_size=1, max_size=12)
name = st.lists(word, min_size=1, max_size=3).map(" ".join)


def plain(text: str) -> str:
    return "".join(PLAIN.get(ch, ch) for ch in text.lower())


def finds(first: str, last: str, query: str) -> bool:
    return names.matches(names.search_key(first, last), names.query_terms(query))


@given(first=name, last=name)
def test_either_order_with_or_without_a_comma(first, last):
    for query in (f"{first} {last}", f"{last} {first}", f"{last}, {first}", f"{last},{first}", f" {first},  {last} "):
        assert finds(first, last, query), query


@given(first=name, last=name)
def test_case_does_not_matter(first, last):
    assert finds(first, last, f"{last.upper()} {first.lower()}")
    assert finds(first.upper(), last.lower(), f"{first.swapcase()} {last.title()}")


@given(first=name, last=name)
def test_diacritics_may_be_left_out_and_the_stored_key_is_plain(first, last):
    assert finds(first, last, plain(f"{last} {first}"))
    assert names.search_key(first, last) == names.search_key(plain(first), plain(last))


@given(first=name, last=name, data=st.data())
def test_any_part_of_a_word_finds(first, last, data):
    chosen = data.draw(st.sampled_from((first + " " + last).split()))
    start = data.draw(st.integers(0, len(chosen) - 1))
    end = data.draw(st.integers(start + 1, len(chosen)))
    assert finds(first, last, chosen[start:end])


@given(first=name, last=name, other=word)
def test_a_word_not_in_the_name_does_not_find(first, last, other):
    if plain(other) in plain(f"{first} {last}"):
        return
    assert not finds(first, last, f"{first} {other}")


@given(text=st.text(max_size=40))
def test_key_is_single_spaced_folded_words_and_folding_again_changes_nothing(text):
    key = names.search_key(text, "")
    assert key == key.strip() and "  " not in key and "," not in key
    assert names.search_key(key, "") == key
    assert key == key.casefold()


@pytest.mark.parametrize(
    ("first", "last", "query", "found"),
    [
        ("Matti", "Lehtimäki", "lehtimaki", True),
        ("Matti", "Lehtimäki", "Lehtimäki, Matti", True),
        ("Matti", "Lehtimäki", "LEHTI matt", True),
        ("Matti", "Lehtimäki", "maki", True),
        ("Matti", "Lehtimäki", "Lehtimäki Maija", False),
        ("Anna-Liisa", "Åström", "anna liisa astrom", True),
        ("Anna-Liisa", "Åström", "Anna-Liisa", True),
        ("Seán", "O'Brien", "sean obrien", True),
        ("Søren", "Kjærgaard", "soren kjaergaard", True),
        ("Łukasz", "Straße", "lukasz strasse", True),
        ("Иван", "Петров", "иван петров", True),
        ("Matti", "Lehtimäki", "", True),
    ],
)
def test_examples(first, last, query, found):
    assert finds(first, last, query) is found


def test_query_terms_are_distinct_and_longest_first():
    assert names.query_terms("Lehtimäki, Matti matti") == ["lehtimaki", "matti"]


def test_digits_mark_a_query_that_is_no_name():
    assert names.has_digits("010190-123A")
    assert names.has_digits("28.11.1990")
    assert not names.has_digits("Lehtimäki, Matti")
