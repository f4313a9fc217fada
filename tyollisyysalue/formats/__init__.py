"""Dates, times and numbers per language (FORMAT_MODULE_PATH): Finnish and Finland-Swedish 1.12.2026 10.30, English
1 Dec 2026 10:30 — never the US month-first 12/01/2026.

Why these: docs/decisions/0012-date-and-number-formats.md. What a module leaves out comes from Django's own module
of the language."""
