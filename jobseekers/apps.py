from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobseekersConfig(AppConfig):
    name = "jobseekers"
    verbose_name = _("Työnhakijat")

    def ready(self):
        from auditlog.registry import auditlog

        from jobseekers import models

        # Changes are audited, but never the identity code: neither its ciphertext nor its lookup hash.
        auditlog.register(models.Jobseeker, exclude_fields=["hetu_ciphertext", "hetu_hash", "updated_at"])
        auditlog.register(models.CounsellorAssignment)
        # Journal entries are only ever created; the log still says who wrote each one, as for every write.
        auditlog.register(models.JournalEntry)
