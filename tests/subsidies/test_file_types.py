"""Attachment kinds read from the content (pure): the name and the content must agree on an allowed kind."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from subsidies import file_types
from tests.subsidies.attachment_files import HTML, JPEG, PDF, PNG, docx, plain_zip, xlsx

LIMIT = 10 * 1024 * 1024


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("palkkalaskelma.pdf", PDF, file_types.PDF),
        ("Kuva.JPG", JPEG, file_types.JPEG),
        ("kuva.jpeg", JPEG, file_types.JPEG),
        ("kuva.png", PNG, file_types.PNG),
        ("suunnitelma.docx", docx(), file_types.DOCX),
        ("laskelma.xlsx", xlsx(), file_types.XLSX),
    ],
)
def test_each_allowed_kind_is_recognised_by_its_content(name, content, kind):
    assert file_types.detect(name, content, LIMIT) == file_types.Detection(kind)


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("tyhja.pdf", b"", "empty"),
        ("iso.pdf", PDF + b"0" * 100, "too_large"),
        ("ohjelma.exe", PDF, "extension"),
        ("ilman-paatetta", PDF, "extension"),
        ("sivu.html", HTML, "extension"),
        ("naamioitu.pdf", HTML, "content"),
        ("kuva.png", JPEG, "content"),
        ("paketti.docx", plain_zip(), "content"),
        ("taulukko.docx", xlsx(), "content"),
        ("rikki.xlsx", b"PK\x03\x04 ei zip", "content"),
    ],
)
def test_a_refused_file_says_why(name, content, problem):
    limit = len(PDF) if problem == "too_large" else LIMIT
    assert file_types.detect(name, content, limit) == file_types.Detection(None, problem)


@given(st.binary(max_size=64))
def test_a_pdf_is_accepted_exactly_when_its_content_starts_like_one(content):
    accepted = file_types.detect("liite.pdf", content, LIMIT).kind is not None
    assert accepted == content.startswith(b"%PDF-")


@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0, max_value=64))
def test_never_over_the_size_limit(content, limit):
    found = file_types.detect("liite.pdf", b"%PDF-" + content, limit)
    assert found.kind is None or len(content) + 5 <= limit
