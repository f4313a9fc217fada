"""Loading an employment area's data folder: every section is validated before anything is written.

A section is a class with a `name`, `validate(context)` that reads and checks its files and returns what it parsed
(raising AreaDataError on the first problem), and `write(context, parsed)` that upserts into the database and returns
a LoadSummary. Sections are listed in settings.AREA_DATA_SECTIONS in the order they are written; the organisation
section comes first and puts the area and its municipality codes into the context for the others.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from common.data_files import LoadSummary
from common.yaml_reader import YamlFileError, read_yaml


class AreaDataError(Exception):
    """A problem in an area data file, naming the file, the entry and the problem."""

    def __init__(self, file: str, entry: str, problem: str):
        self.file = file
        self.entry = entry
        self.problem = problem
        super().__init__(f"{file}: {entry}: {problem}")


def line_entry(line) -> str:
    return _("rivi %(line)s") % {"line": line}


def read_data_file(path: Path, file: str | None = None):
    """A YAML file of the folder as plain data; an unreadable file, bad YAML or a key given twice in one entry is
    an AreaDataError naming the file (as `file`, by default the path) and the line."""
    try:
        return read_yaml(path, file)
    except YamlFileError as error:
        raise AreaDataError(error.file, "-" if error.line is None else line_entry(error.line), error.problem) from error


@dataclass
class LoadContext:
    directory: Path
    municipality_codes: set[str] = field(default_factory=set)
    area: object = None


def sections():
    return [import_string(path)() for path in settings.AREA_DATA_SECTIONS]


def load_area(directory: Path) -> dict[str, LoadSummary]:
    directory = Path(directory)
    if not directory.is_dir():
        raise AreaDataError(str(directory), "-", "kansiota ei ole")
    context = LoadContext(directory=directory)
    loaded = [(section, section.validate(context)) for section in sections()]
    summaries = {}
    with transaction.atomic():
        for section, parsed in loaded:
            summaries[section.name] = section.write(context, parsed)
    return summaries
