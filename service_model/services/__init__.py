"""Writes of the service model, one module per concern: `deadlines` (the stored deadline), `meetings` (booking and
recording, with the slot reservation) and `plans` (the employment plan, its tasks, the job-search obligation and
reported applications).

Each function takes plain arguments, names the field and the reason when something is wrong (a ValidationError
with a dict), writes in one transaction, and rewrites the job seeker's `Deadline` row in that same transaction.
Callers import the module they need.
"""
