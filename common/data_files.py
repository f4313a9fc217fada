"""A data file's problems, each with its line and the reason, refused together as one error; and what a load did.

Pure: no Django, so that the pure file readers (employers/distances.py, labour_market/occupations.py) share it with
the loaders that write the database.
"""

from dataclasses import astuple, dataclass


@dataclass(frozen=True)
class Problem:
    """`line` None (0 in a file named by rows): the file as a whole."""

    line: int | None
    message: str


class DataFileError(Exception):
    """Every problem of one file, so that the whole file is refused at once with each bad line named.

    A line reads "file: 3: reason" ("-" for the whole file); with `rows`, as the row files (CSV, JSON) have always
    been reported, "file: rivi 3: reason".
    """

    def __init__(self, file: str, problems: list[Problem], *, rows: bool = False):
        self.file = file
        self.problems = problems
        lines = (
            f"{file}: {f'rivi {problem.line}' if rows else problem.line or '-'}: {problem.message}"
            for problem in problems
        )
        super().__init__("\n".join(lines))


@dataclass
class LoadSummary:
    """How many entries a load added, changed, left as they were and removed (a file that mirrors its table)."""

    added: int = 0
    changed: int = 0
    unchanged: int = 0
    removed: int = 0

    def count(self, created: bool, changed: bool) -> None:
        if created:
            self.added += 1
        elif changed:
            self.changed += 1
        else:
            self.unchanged += 1

    def __add__(self, other: "LoadSummary") -> "LoadSummary":
        return LoadSummary(*(mine + theirs for mine, theirs in zip(astuple(self), astuple(other), strict=True)))
