"""Signals for other apps whose rows follow job seekers through bulk writes (which send no post_save)."""

from django.dispatch import Signal

# Sent after a bulk write changed these job seekers' responsible counsellor; carries `pks`, a list of job-seeker ids.
counsellors_changed = Signal()
