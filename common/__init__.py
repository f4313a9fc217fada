"""The project's shared library: tables and exports, API helpers, pagination, prepared queries, advisory locks,
formatting, dates and bulk writing. It imports nothing of the project, so every app may use it."""
