"""Which kind of file an attachment is, read from its content (pure: no Django).

A file is accepted only when its name's extension and its content agree on one of the allowed kinds: a renamed
executable or an HTML page called `palkka.pdf` is refused, and so is a PDF called `palkka.exe`. DOCX and XLSX are ZIP
packages (Office Open XML): the package must list its parts in `[Content_Types].xml` and hold the main part of its
kind (`word/document.xml`, `xl/workbook.xml`), so any other ZIP file is refused.

`detect` returns the kind or a reason code (texts in subsidies.texts.attachment_problem_text).
"""

import io
import zipfile
from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    code: str
    extensions: tuple[str, ...]
    content_type: str


PDF = Kind("pdf", ("pdf",), "application/pdf")
DOCX = Kind("docx", ("docx",), "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
XLSX = Kind("xlsx", ("xlsx",), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
JPEG = Kind("jpeg", ("jpg", "jpeg"), "image/jpeg")
PNG = Kind("png", ("png",), "image/png")
KINDS = (PDF, DOCX, XLSX, JPEG, PNG)

_OOXML_MAIN_PART = {DOCX: "word/document.xml", XLSX: "xl/workbook.xml"}


@dataclass(frozen=True)
class Detection:
    kind: Kind | None
    # Why the file is refused: "empty", "too_large", "extension", "content"; empty when accepted.
    problem: str = ""


def extension_of(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _content_kind(content: bytes) -> Kind | None:
    if content.startswith(b"%PDF-"):
        return PDF
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if content.startswith(b"\xff\xd8\xff"):
        return JPEG
    if content.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(content)) as package:
                names = set(package.namelist())
        except (zipfile.BadZipFile, ValueError, OSError):
            return None
        if "[Content_Types].xml" not in names:
            return None
        return next((kind for kind, part in _OOXML_MAIN_PART.items() if part in names), None)
    return None


def detect(name: str, content: bytes, max_bytes: int) -> Detection:
    """The allowed kind `name` and `content` agree on, or why the file is refused (checked in this order)."""
    if not content:
        return Detection(None, "empty")
    if len(content) > max_bytes:
        return Detection(None, "too_large")
    claimed = next((kind for kind in KINDS if extension_of(name) in kind.extensions), None)
    if claimed is None:
        return Detection(None, "extension")
    if _content_kind(content) != claimed:
        return Detection(None, "content")
    return Detection(claimed)
