"""Paths of URLs without arguments, reversed once per process.

A path depends only on the URL's name and the deployment's prefix (SCRIPT_NAME), which is in the key; pages that
place the same links on every request (the menu, the header, "my week") read them from here instead of reversing.
"""

from functools import cache

from django.urls import get_script_prefix, reverse


def path_of(name: str) -> str:
    return _reversed(name, get_script_prefix())


@cache
def _reversed(name: str, script_prefix: str) -> str:
    return reverse(name)
