"""Signals for other apps whose rows follow job seekers through bulk writes (which send no post_save)."""

from django.dispatch import Signal

# Sent after a bulk write changed these job seekers' responsible counsellor; carries `pks`, a list of job-seeker ids.
counsellors_changed = Signal()

# Sent inside changes.end_job_search's transaction, after its checks and before the job seeker is saved as ended;
# carries `jobseeker` (locked) and `by`. Apps above end what the person still has pending with them (the service model
# cancels planned meetings) without this app importing them; a receiver that raises refuses the whole change.
job_search_ending = Signal()
