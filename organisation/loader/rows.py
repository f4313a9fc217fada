"""Reading one file of the organisation section into checked rows: every entry cleaned against its file's schema
and named in messages by its label and line.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from organisation.area_data import AreaDataError, read_data_file
from organisation.loader.fields import Invalid


@dataclass
class Row:
    """One checked entry: `ident` names it in messages, `values` holds its clean fields by their file names."""

    file: str
    ident: str
    values: dict

    def __getitem__(self, name):
        return self.values[name]

    def error(self, problem: str) -> AreaDataError:
        return AreaDataError(self.file, self.ident, problem)


def identify(raw, index: int, label: Callable) -> str:
    line = getattr(raw, "line", None)
    name = label(raw) if isinstance(raw, dict) else None
    if name in (None, ""):
        name = _("kohde %(number)s") % {"number": index}
    if line is None:
        return str(name)
    return _("%(name)s (rivi %(line)s)") % {"name": name, "line": line}


def clean(file_name: str, raw, ident: str, schema: dict) -> Row:
    if not isinstance(raw, dict):
        raise AreaDataError(
            file_name, ident, _("kohteen pitää olla kenttiä (avain: arvo), nyt %(value)r") % {"value": raw}
        )
    unknown = [name for name in raw if name not in schema]
    if unknown:
        raise AreaDataError(
            file_name,
            ident,
            _("tuntematon kenttä %(field)s; sallitut kentät: %(allowed)s")
            % {"field": unknown[0], "allowed": ", ".join(schema)},
        )
    values = {}
    for name, spec in schema.items():
        value = raw.get(name)
        if value is None:
            if spec.required:
                raise AreaDataError(file_name, ident, _("pakollinen kenttä %(field)s puuttuu") % {"field": name})
            values[name] = list(spec.default) if isinstance(spec.default, list) else spec.default
            continue
        try:
            values[name] = spec.parse(value)
        except Invalid as error:
            raise AreaDataError(
                file_name, ident, _("kenttä %(field)s: %(problem)s") % {"field": name, "problem": error}
            ) from error
    return Row(file_name, ident, values)


def read_rows(directory: Path, file_name: str, schema: dict, label: Callable) -> list[Row]:
    data = read_data_file(directory / file_name, file_name)
    if data is None:
        return []
    if not isinstance(data, list):
        raise AreaDataError(file_name, "-", _("tiedoston pitää olla luettelo kohteita (YAML-lista, rivit alkavat -)"))
    return [clean(file_name, raw, identify(raw, index, label), schema) for index, raw in enumerate(data, start=1)]


def label_of(*names) -> Callable:
    def label(raw):
        return " ".join(str(raw[name]) for name in names if raw.get(name) not in (None, ""))

    return label


key_label = label_of("key")
