from audit.models import PersonalDataAccess


def log_access(user, subjects, *, view: str, purpose: str, granted: bool = True, subject_type: str = "") -> None:
    """Record that `user` read (or was refused) the data of each subject; subjects are model instances or ids.

    `subject_type` names the kind of a subject given as a bare id (e.g. a refused id that matched nothing visible).
    """
    outcome = PersonalDataAccess.Outcome.GRANTED if granted else PersonalDataAccess.Outcome.DENIED
    # The id once: request.user is a lazy proxy, and going through it (and the foreign-key descriptor) for each row
    # made logging a page of a hundred people cost as much as reading them.
    user_id = user.pk
    rows = [
        PersonalDataAccess(
            user_id=user_id,
            subject_type=subject._meta.label_lower if hasattr(subject, "_meta") else (subject_type or "unknown"),
            subject_id=str(getattr(subject, "pk", subject)),
            view=view,
            purpose=purpose,
            outcome=outcome,
        )
        for subject in subjects
    ]
    PersonalDataAccess.objects.bulk_create(rows)
