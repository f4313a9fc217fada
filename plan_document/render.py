"""The report as a file: DOCX through common.documents (opens in Word and LibreOffice), or a standalone HTML document
styled by a linked stylesheet (no inline style or script)."""

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import translation
from django.utils.translation import gettext as _

from common.documents import LetterDocument, Letterhead
from common.formatting import fi_date
from plan_document.enums import Format
from plan_document.report import Report

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
HTML_CONTENT_TYPE = "text/html; charset=utf-8"
STYLESHEET = "plan_document/plan.css"


def _month(report: Report) -> str:
    return f"{report.month.month}/{report.month.year}"


def docx(report: Report) -> bytes:
    with translation.override(report.language):
        document = LetterDocument(f"{report.title} – {report.area_name}", language=report.language)
        document.letterhead(Letterhead(sender=[report.area_name], dated=report.made_on, date_label=_("Laadittu")))
        document.paragraph(_("Tilastokuukausi: %(month)s. Taulukot on laskettu järjestelmän tiedoista.") % {
            "month": _month(report)
        })  # fmt: skip
        for section in report.sections:
            document.heading(f"{section.number}. {section.heading}")
            if section.only_in_finnish:
                document.paragraph(_("(Tämän luvun teksti on vain suomeksi.)"))
            for paragraph in section.paragraphs:
                document.paragraph(paragraph)
            for block in section.blocks:
                if block.table is None:
                    document.paragraph(block.note)
                    continue
                document.paragraph(block.table.title)
                document.table(block.table)
                if block.table.caption:
                    document.paragraph(block.table.caption)
            document.paragraph(_("Lähde: suunnitelma %(source)s.") % {"source": section.source})
        document.heading(_("Muutokset edelliseen versioon"))
        for line in report.changes:
            document.paragraph(line)
        return document.to_bytes()


def html(report: Report) -> bytes:
    with translation.override(report.language):
        return render_to_string(
            "plan_document/document.html",
            {
                "report": report,
                "month": _month(report),
                "made_on": fi_date(report.made_on),
                "stylesheet": static(STYLESHEET),
            },
        ).encode()


def render(report: Report, file_format: str) -> bytes:
    return docx(report) if file_format == Format.DOCX else html(report)


def content_type(file_format: str) -> str:
    return DOCX_CONTENT_TYPE if file_format == Format.DOCX else HTML_CONTENT_TYPE
