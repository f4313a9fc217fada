from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

SYNC_CHUNK = 5000


class ServiceModelConfig(AppConfig):
    name = "service_model"
    verbose_name = _("Palvelumalli")

    def ready(self):
        from auditlog.registry import auditlog
        from django.db.models.signals import post_save

        from jobseekers import card_sections, signals
        from jobseekers.models import Jobseeker
        from service_model import models, profiles

        for model in (models.Meeting, models.EmploymentPlan, models.PlanTask, models.JobSearchObligation,
                      models.JobApplication, models.WorkingHours, models.JobSearchProfile):  # fmt: skip
            auditlog.register(model)
        card_sections.register(profiles.CARD_SECTION)
        post_save.connect(jobseeker_saved, sender=Jobseeker, dispatch_uid="service_model.jobseeker_saved")
        signals.counsellors_changed.connect(counsellors_changed, dispatch_uid="service_model.counsellors_changed")
        signals.job_search_ending.connect(job_search_ending, dispatch_uid="service_model.job_search_ending")


def jobseeker_saved(sender, instance, created, raw=False, update_fields=None, **kwargs):
    """A registration, a status or start change, a reassignment: rewrite the deadline in the same transaction."""
    from service_model.services import deadlines

    if raw or not deadlines.depends_on(update_fields):
        return
    deadlines.recompute_deadline(instance)


def counsellors_changed(sender, pks, **kwargs):
    from service_model.services import deadlines

    pks = list(pks)
    for start in range(0, len(pks), SYNC_CHUNK):
        deadlines.sync_owners(pks[start : start + SYNC_CHUNK])


def job_search_ending(sender, jobseeker, **kwargs):
    """An ended job search keeps no meetings to come: they are cancelled in the same transaction."""
    from service_model.services import meetings

    meetings.cancel_for_ended_search(jobseeker)
