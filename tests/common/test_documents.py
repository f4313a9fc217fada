from datetime import date

from common.documents import DOCX_CONTENT_TYPE, LetterDocument, Letterhead, read_text, safe_filename
from common.tables import Column, Table


def _letter():
    document = LetterDocument("Kutsu tapaamiseen")
    document.letterhead(
        Letterhead(
            sender=["Kainuu-Koillismaan työllisyysalue"],
            recipient=["Aino Lehtimäki", "Kauppakatu 1"],
            dated=date(2026, 11, 30),
            reference="TA-12",
            date_label="Päivämäärä",
            reference_label="Viite",
        )
    )
    document.heading("Aika ja paikka").paragraph("Ensimmäinen kappale.\n\nToinen kappale.")
    document.fields([("Aika", date(2026, 12, 3)), ("Paikka", "Kajaanin toimipiste"), ("Kanava", None)])
    document.table(
        Table(
            key="rows",
            title="Rivit",
            columns=[Column("a", "Sarake A"), Column("b", "Sarake B", numeric=True)],
            rows=[{"a": "x", "b": 3}],
        )
    )
    return document


def test_a_letter_reads_back_with_every_part_in_order():
    text = read_text(_letter().to_bytes())
    for expected in (
        "Kainuu-Koillismaan työllisyysalue",
        "Päivämäärä 30.11.2026",
        "Viite TA-12",
        "Aino Lehtimäki",
        "Kutsu tapaamiseen",
        "Ensimmäinen kappale.",
        "Toinen kappale.",
        "Aika\t3.12.2026",
        "Kanava\t",
        "Sarake A\tSarake B",
        "x\t3",
    ):
        assert expected in text
    assert text.index("Aino Lehtimäki") < text.index("Kutsu tapaamiseen") < text.index("Ensimmäinen kappale.")


def test_the_response_is_a_docx_attachment_with_a_safe_name():
    response = _letter().response("kutsu/../Aino Lehtimäki")
    assert response["Content-Type"] == DOCX_CONTENT_TYPE
    assert response["Content-Disposition"] == 'attachment; filename="kutsu-Aino-Lehtimaki.docx"'
    assert response.content[:2] == b"PK"


def test_a_name_of_only_separators_still_gives_a_file_name():
    assert safe_filename("/// ") == "document"
