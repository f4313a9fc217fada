"""Reading a YAML data file: plain data only, every mapping remembers its line, and a key given twice is refused.

PyYAML keeps the last of two equal keys silently; in a hand-edited data file that is almost always a typing mistake,
so it is an error naming the file, the line and the key.
"""

from collections.abc import Callable
from pathlib import Path

import yaml
from django.utils.translation import gettext as _

from common.data_files import DataFileError, Problem


class LineMapping(dict):
    """A YAML mapping that remembers the line it starts on, so that a problem can point at the entry."""

    line = 0


class YamlFileError(DataFileError):
    """A data file that cannot be read: the file as named by the caller, the line (None: the whole file), why.

    A DataFileError of that one problem, so that a loader checking the entries lets it through as its own refusal.
    """

    def __init__(self, file: str, line: int | None, problem: str):
        super().__init__(file, [Problem(line, problem)])
        self.line = line
        self.problem = problem


class _DuplicateKey(Exception):
    def __init__(self, key, line: int):
        super().__init__(key, line)
        self.key = key
        self.line = line


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = LineMapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in mapping
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "unhashable key", key_node.start_mark) from None
        if duplicate:
            raise _DuplicateKey(key, key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, file: str | None = None):
    """The file's data; `file` is how messages name it (by default the path)."""
    path = Path(path)
    file = str(path) if file is None else file
    if not path.is_file():
        raise YamlFileError(file, None, _("tiedosto puuttuu kansiosta %(directory)s") % {"directory": path.parent})
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlFileError(file, None, _("tiedosto ei ole UTF-8-merkistöä")) from error
    try:
        # A SafeLoader subclass: it builds only plain data, never Python objects.
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506
    except _DuplicateKey as error:
        raise YamlFileError(
            file, error.line, _("kenttä %(field)s on annettu kahdesti samassa kohteessa") % {"field": error.key}
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problem = getattr(error, "problem", None) or str(error)
        raise YamlFileError(
            file,
            line,
            _("YAML-muoto on virheellinen rivillä %(line)s: %(problem)s") % {"line": line or "?", "problem": problem},
        ) from error


def read_checked(path: Path, check: Callable[[object], tuple[list, list[Problem]]]) -> list:
    """The rows `check` makes of the data of the file at `path` (named by its name), all checked before a loader
    writes any: a DataFileError names every problem `check` found."""
    path = Path(path)
    rows, problems = check(read_yaml(path, path.name))
    if problems:
        raise DataFileError(path.name, problems)
    return rows
