"""Signals for other apps whose rows follow job seekers through bulk writes (which send no post_save/post_delete).

Both carry `pks`: a list or a queryset of job-seeker ids.
"""

from django.dispatch import Signal

# Sent before these (synthetic) job seekers are raw-deleted: receivers delete the rows that reference them.
people_deleting = Signal()
# Sent after a bulk write changed these job seekers' responsible counsellor.
counsellors_changed = Signal()
