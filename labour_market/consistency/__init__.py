"""The consistency check of the published statistics: recompute what the stored tables allow, list what disagrees.

`inputs` holds the tables the checks read; `checks` (monthly tables, and `check`, the entry point), `commuting` and
`totals` (what both share) are the rules; `findings` holds the findings with their reason codes, `diagnoses` the
reasons a printed figure plainly went wrong, and `explanations` renders reasons and quantities as text through
gettext. Everything but `explanations` is pure: no Django.
"""
