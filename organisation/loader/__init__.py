"""The organisation section of an area data folder (plan §1–§4, §6).

Every file is read and checked before anything is written (`checks`, on `rows` read through the shared YAML reader,
`fields` parsing each value of a file's `schemas`), and writing mirrors the files (`writer`).
"""

from pathlib import Path

from organisation.area_data import LoadContext, LoadSummary
from organisation.loader.checks import OrganisationData, check
from organisation.loader.writer import Writer

__all__ = ["OrganisationSection"]


class OrganisationSection:
    """The area, its municipalities and everything the plan says about how the area is organised."""

    name = "organisation"

    def validate(self, context: LoadContext) -> OrganisationData:
        data = check(Path(context.directory))
        context.municipality_codes = {row["code"] for row in data.municipalities}
        return data

    def write(self, context: LoadContext, parsed: OrganisationData) -> LoadSummary:
        return Writer(parsed).run(context)
