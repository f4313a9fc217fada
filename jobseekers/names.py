"""Names folded for a forgiving search: order, commas, case and Latin diacritics do not matter.

A job seeker's `search_name` is `search_key(first_name, last_name)`: the words of both names, case-folded, without
diacritics, joined by single spaces. A query is split into the same kind of words (`query_terms`), and a person
matches when every query word occurs somewhere in their key (`matches`) – so "Lehtimäki Matti", "lehtimaki, matti"
and "matt lehti" all find Matti Lehtimäki. The database does the same with one LIKE per word on the stored key, which
gives SQLite and PostgreSQL the same answers: all folding happens here, in Python, never in SQL.
"""

from common.text import fold

# Apostrophes join (O'Brien is "obrien" typed either way); every other non-letter separates words.
_JOINING = frozenset("'’ʼ`´")


def words(text: str) -> list[str]:
    """The folded words of a text; anything but a letter or a digit separates them (commas, hyphens, spaces)."""
    result = []
    current = []
    for ch in fold(text):
        if ch in _JOINING:
            continue
        if ch.isalnum():
            current.append(ch)
        elif current:
            result.append("".join(current))
            current = []
    if current:
        result.append("".join(current))
    return result


def search_key(first_name: str, last_name: str) -> str:
    """The stored search column: first names, then the last name, folded."""
    return " ".join(words(first_name) + words(last_name))


def query_terms(query: str) -> list[str]:
    """The distinct words of a query, longest first (the most selective condition first), then alphabetically."""
    return sorted(set(words(query)), key=lambda word: (-len(word), word))


def matches(key: str, terms: list[str]) -> bool:
    """Every term is part of some word of the key – what the database's LIKE '%term%' per term answers."""
    return all(term in key for term in terms)


def has_digits(query: str) -> bool:
    """Names have no digits; a query with them is a birth date or an identity code typed in the wrong box."""
    return any(ch.isdigit() for ch in query)
