"""Sections that apps on higher layers add to a vacancy's page (a common.sections registry).

The page renders the registered sections below the vacancy's details. A section that shows people logs their read
itself (a vacancy is no one's personal data, so the page has logged nothing) and asks accounts.permissions what the
user may see.
"""

from common.sections import Registry
from common.sections import Section as VacancySection

REGISTRY = Registry()
register = REGISTRY.register
sections = REGISTRY.sections
render = REGISTRY.render

__all__ = ["REGISTRY", "VacancySection", "register", "render", "sections"]
