from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Job-seeker fields the stored deadline depends on (directly, or as copied columns).
DEADLINE_INPUTS = frozenset(
    {"status", "job_search_started_on", "responsible_counsellor", "serving_municipality", "pool"}
)
SYNC_CHUNK = 5000


class ServiceModelConfig(AppConfig):
    name = "service_model"
    verbose_name = _("Palvelumalli")

    def ready(self):
        from auditlog.registry import auditlog
        from django.db.models.signals import post_save

        from jobseekers import signals
        from jobseekers.models import Jobseeker
        from service_model import models

        for model in (models.Meeting, models.EmploymentPlan, models.PlanTask, models.JobSearchObligation,
                      models.JobApplication):  # fmt: skip
            auditlog.register(model)
        post_save.connect(jobseeker_saved, sender=Jobseeker, dispatch_uid="service_model.jobseeker_saved")
        signals.people_deleting.connect(people_deleting, dispatch_uid="service_model.people_deleting")
        signals.counsellors_changed.connect(counsellors_changed, dispatch_uid="service_model.counsellors_changed")


def jobseeker_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A registration, a status or start change, a reassignment: rewrite the deadline in the same transaction."""
    if raw:
        return
    if update_fields is not None and not DEADLINE_INPUTS.intersection(update_fields):
        return
    from service_model.services import recompute_deadline

    recompute_deadline(instance)


def people_deleting(sender, pks, **kwargs):
    from service_model.generator import delete_for_people

    delete_for_people(pks)


def counsellors_changed(sender, pks, **kwargs):
    from service_model.services import sync_owners

    pks = list(pks)
    for start in range(0, len(pks), SYNC_CHUNK):
        sync_owners(pks[start : start + SYNC_CHUNK])
