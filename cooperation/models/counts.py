"""What International Info's contacts and the youth point's visits share: a day's count at an office by home
municipality, either one named job seeker (count 1) or an anonymous count. The count's own field keeps its model's
name (`contacts`, `visitors`), so only the surrounding fields and the two rules on the count are shared."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class AnonymousCount(models.Model):
    office = models.ForeignKey(
        "organisation.Office", verbose_name=_("toimipiste"), on_delete=models.PROTECT, related_name="+"
    )
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kotikunta"), on_delete=models.PROTECT, related_name="+"
    )
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker",
        verbose_name=_("työnhakija"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        abstract = True


def count_constraints(count: str, prefix: str) -> list[models.CheckConstraint]:
    """At least one counted, and a named job seeker counts as exactly one."""
    return [
        models.CheckConstraint(condition=Q(**{f"{count}__gte": 1}), name=f"{prefix}_at_least_one"),
        models.CheckConstraint(condition=Q(jobseeker__isnull=True) | Q(**{count: 1}), name=f"{prefix}_named_is_one"),
    ]
