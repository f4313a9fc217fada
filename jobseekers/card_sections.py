"""Sections that apps on higher layers add to a job seeker's card (a common.sections registry).

The card renders the registered sections below the journal. The card's view has already logged the read of the
person, so a section's context adds no access-log row of its own; it asks accounts.permissions itself what the user
may see.
"""

from common.sections import Registry
from common.sections import Section as CardSection

REGISTRY = Registry()
register = REGISTRY.register
sections = REGISTRY.sections
render = REGISTRY.render

__all__ = ["REGISTRY", "CardSection", "register", "render", "sections"]
