from audit.models import PersonalDataAccess


def log_access(user, subjects, *, view: str, purpose: str, granted: bool = True) -> None:
    """Record that `user` read (or was refused) the data of each subject; subjects are model instances or ids."""
    outcome = PersonalDataAccess.Outcome.GRANTED if granted else PersonalDataAccess.Outcome.DENIED
    rows = [
        PersonalDataAccess(
            user=user,
            subject_type=subject._meta.label_lower if hasattr(subject, "_meta") else "unknown",
            subject_id=str(getattr(subject, "pk", subject)),
            view=view,
            purpose=purpose,
            outcome=outcome,
        )
        for subject in subjects
    ]
    PersonalDataAccess.objects.bulk_create(rows)
