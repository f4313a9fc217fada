"""Names of the synthetic people, and the weighted draw that picks them (and the population's shares).

Finnish names come from Faker's fi_FI lists weighted by their frequency, those of foreign-language people from a few
other Faker locales (Cyrillic ones transliterated) or the short lists below, all drawn with the run's own
random.Random, so a seed gives the same names every time. Pure: demo/population.py and demo/counsellors.py use it.
"""

import random
from bisect import bisect
from functools import cache
from itertools import accumulate

from faker import Faker
from faker.providers.person.fi_FI import Provider as FinnishNames


class Weighted:
    """Fast weighted choice with the run's rng."""

    def __init__(self, weights: dict):
        self.items = list(weights)
        self.cumulative = list(accumulate(weights.values()))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cumulative, rng.random() * self.total)]


# Names of foreign-language people: Faker locales in Latin script, Cyrillic ones transliterated (SFS 4900).
NAME_LOCALES = {"ru": "ru_RU", "uk": "uk_UA", "en": "en_US", "et": "et_EE", "vi": "vi_VN", "tr": "tr_TR", "pl": "pl_PL"}
HANDWRITTEN_NAMES = {
    "ar": (
        ["Ahmad", "Mohammed", "Ali", "Omar", "Yousef", "Hassan", "Khaled", "Mahmoud", "Karim", "Samir"],
        ["Fatima", "Aisha", "Maryam", "Zainab", "Layla", "Noor", "Huda", "Rana", "Salma", "Yasmin"],
        ["Al-Hassan", "Haddad", "Khalil", "Mansour", "Nasser", "Saleh", "Abbas", "Hamdan", "Aziz", "Jaber"],
    ),
    "so": (
        ["Abdi", "Mohamed", "Abdullahi", "Hassan", "Ahmed", "Yusuf", "Ismail", "Farah", "Omar", "Said"],
        ["Hodan", "Amina", "Faduma", "Sahra", "Hawa", "Ifrah", "Nimco", "Ayaan", "Hibo", "Khadra"],
        ["Warsame", "Hirsi", "Jama", "Egal", "Farah", "Duale", "Abdi", "Osman", "Aden", "Nur"],
    ),
}
# Finnish transliteration of Cyrillic (SFS 4900); "" drops the hard and soft signs.
CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "jo", "ж": "ž", "з": "z", "и": "i", "й": "j",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "h", "ц": "ts", "ч": "tš", "ш": "š", "щ": "štš", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "ju", "я": "ja",
    "і": "i", "є": "je", "ї": "ji", "ґ": "g",
}  # fmt: skip


def transliterate(text: str) -> str:
    out = []
    for char in text:
        lower = char.lower()
        if lower in CYRILLIC:
            value = CYRILLIC[lower]
            out.append(value.capitalize() if char != lower else value)
        else:
            out.append(char)
    return "".join(out)


class Names:
    def __init__(self, rng: random.Random, seed: int):
        self.rng = rng
        self.finnish = {
            "male": Weighted(dict(FinnishNames.first_names_male)),
            "female": Weighted(dict(FinnishNames.first_names_female)),
        }
        self.finnish_last = Weighted(dict(FinnishNames.last_names))
        self.foreign: dict[str, tuple[list[str], list[str], list[str]]] = dict(HANDWRITTEN_NAMES)
        for language, locale in NAME_LOCALES.items():
            faker = Faker(locale)
            faker.seed_instance(seed)
            clean = transliterate if language in ("ru", "uk") else str
            self.foreign[language] = (
                sorted({clean(faker.first_name_male()) for _ in range(60)}),
                sorted({clean(faker.first_name_female()) for _ in range(60)}),
                sorted(
                    {
                        clean(faker.last_name_male() if hasattr(faker, "last_name_male") else faker.last_name())
                        for _ in range(80)
                    }
                ),
            )
        faker = Faker("fi_FI")
        faker.seed_instance(seed)
        self.streets = sorted({faker.street_name() for _ in range(300)})

    def name(self, sex: str, language: str, rng: random.Random | None = None) -> tuple[str, str]:
        rng = rng or self.rng
        if language in self.foreign:
            male, female, last = self.foreign[language]
            return rng.choice(male if sex == "male" else female), rng.choice(last)
        first = self.finnish[sex](rng)
        if rng.random() < 0.4:
            second = self.finnish[sex](rng)
            if second != first:
                first = f"{first} {second}"
        return first, self.finnish_last(rng)


_ASCII = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u", "š": "s", "ž": "z", " ": ".", "'": ""})


@cache
def address_part(name: str) -> str:
    """A name as it is written in an e-mail address: lower case, ASCII letters, digits, dots and hyphens."""
    return "".join(ch for ch in name.lower().translate(_ASCII) if ch.isascii() and (ch.isalnum() or ch in ".-"))
