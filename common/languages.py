"""A name stored in each language (`name_fi`, `name_sv`, `name_en`) in the active language: Kajana on a Swedish page.

Finnish is the source language: a name with no translation stored is shown in Finnish rather than left empty."""

from django.utils.translation import get_language

SOURCE_LANGUAGE = "fi"


def in_language(obj, field: str = "name", language: str | None = None) -> str:
    language = (language or get_language() or SOURCE_LANGUAGE)[:2]
    if language != SOURCE_LANGUAGE:
        translated = getattr(obj, f"{field}_{language}", "")
        if translated:
            return translated
    return getattr(obj, f"{field}_{SOURCE_LANGUAGE}")
