"""Text folded for a forgiving search: the one rule for how case and Latin diacritics stop mattering (names of people,
names of occupations, anything a user types to find)."""

import unicodedata

# Letters that Unicode does not decompose into a base letter and a mark, written the way a Finnish keyboard user
# without them would type them.
_UNDECOMPOSED = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ð": "d", "ł": "l", "þ": "th", "ı": "i", "ħ": "h", "ŧ": "t"}
)


def fold(text: str) -> str:
    """Lower case without diacritics: "Åström" → "astrom", "Łukasz" → "lukasz"; other scripts are only case-folded."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)
