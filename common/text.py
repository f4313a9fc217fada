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
    # Compatibility decomposition can yield capitals ("𝕬" → "A"), and case folding can yield decomposable letters,
    # so each is done again after the other: folding a folded text changes nothing.
    once = unicodedata.normalize("NFKD", text.casefold().translate(_UNDECOMPOSED)).casefold()
    decomposed = unicodedata.normalize("NFKD", once)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_UNDECOMPOSED)
