"""The docx and pdf exports (DESIGN.md section 8): the same document as the Markdown, read
back the way a person or a program would; nothing private in any format; hostile text stays
literal and never breaks a renderer."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pypdfium2 as pdfium
import pytest
from test_export import DEFAULT_TEXTS, TODAY, leo, rich, rich_document

from facilitator.export import export_document, render, render_export
from facilitator.export.pdf import printable
from facilitator.model import Case, case_from_document

PRIVATE = [
    "statement.st1",
    "statement.st2",
    "reframe.st1",
    "note.n1",
    "note.n2",
    "note.n3",
    "position.i1",
    "position.i2",
    "option.o2",
    "option.o3",
    "option.o4",
    "option.o5",
    "interest.i1",
    "interest.i2",
    "interest.i3",
    "parking.k1",
]


def pdf_pages(data: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    finally:
        pdf.close()


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def squeeze(text: str) -> str:
    """Text with all white space removed, so words broken across pdf lines still match."""
    return re.sub(r"\s+", "", text)


def all_formats(case: Case, session: int | None = None, kind: str = "consensus") -> dict[str, str]:
    document = export_document(case, session, kind, TODAY)
    return {
        "markdown": render_export(case, session, kind, TODAY),
        "docx": docx_text(render(document, "docx")),  # type: ignore[arg-type]
        "pdf": "\n".join(pdf_pages(render(document, "pdf"))),  # type: ignore[arg-type]
    }


# ---------------------------------------------------------------- nothing private


@pytest.mark.parametrize("session", [1, 2])
def test_nothing_private_reaches_any_consensus_format(session):
    for fmt, text in all_formats(rich(), session).items():
        flat = squeeze(text)
        for key in PRIVATE:
            assert squeeze(DEFAULT_TEXTS[key]) not in flat, (fmt, key)
        for marker in ("STATEMENT", "REFRAME", "NOTE-", "CAUCUS", "POSITION", "OPTION-", "PARKING"):
            assert marker not in flat, (fmt, marker)


def test_no_caucus_note_reaches_the_summary_in_any_format_unless_shared():
    for fmt, text in all_formats(rich(), None, "summary").items():
        flat = squeeze(text)
        assert squeeze(DEFAULT_TEXTS["note.n2"]) not in flat, fmt
        assert squeeze(DEFAULT_TEXTS["note.n3"]) in flat, fmt  # shared with consent
        assert squeeze(DEFAULT_TEXTS["statement.st1"]) in flat, fmt


# ---------------------------------------------------------------- the same document


def test_every_format_carries_the_same_words():
    texts = all_formats(leo())
    for words in (
        "Assistive technology for Leo",
        "Leo trials both tool sets with data collection",
        "Completes 80% of reading work independently",
        "Send the reading progress data",
        "34 CFR 300.506(b)(6)(i)",
        "34 CFR 300.506(b)(7)",
        "District representative with authority to bind the district",
    ):
        for fmt, text in texts.items():
            assert squeeze(words) in squeeze(text), (fmt, words)


def test_text_copied_from_the_pdf_reads_in_order():
    text = "\n".join(pdf_pages(render(export_document(leo(), None, "consensus", TODAY), "pdf")))  # type: ignore[arg-type]
    order = [
        "Who took part",
        "Ana Ruiz, parent",
        "Everything both sides agreed on",
        "Type: a trial",
        "Service: Assistive technology trial",
        "Goal: Completes 80% of reading work independently",
        "Follow-ups",
        "Signatures",
        "Parent: Ana Ruiz",
    ]
    places = [text.find(words) for words in order]
    assert -1 not in places and places == sorted(places), list(zip(order, places, strict=True))


def test_the_docx_has_real_headings_lists_a_table_and_signature_blocks_kept_together():
    data = render(export_document(rich(), None, "consensus", TODAY), "docx")
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", DEFAULT_TEXTS["title"])
    headings = [text for style, text in styles if style == "Heading 1"]
    assert headings[:4] == ["Who took part", "Areas of agreement", "Changes to the IEP", "Follow-ups"]
    numbered = [text for style, text in styles if style == "List Number"]
    assert numbered[0] == "AGREEMENT-ONE tutoring trial (agreed in session 1)"
    assert len(numbered) == 4
    assert ("List Bullet 2", "Type: a shared goal or understanding") in styles
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["What", "Who", "Due"]
    assert [c.text for c in table.rows[1].cells] == [
        "FOLLOWUP-ONE send progress data (from session 1)",
        "Ms Lindqvist",
        "Saturday, December 5, 2026",
    ]
    assert table.rows[0]._tr.trPr.xpath("./w:tblHeader")  # repeated on every page
    signer = next(p for p in document.paragraphs if p.text == "Parent: Tomas Okafor")
    assert signer.paragraph_format.keep_with_next and signer.paragraph_format.keep_together
    section = document.sections[0]
    assert (section.page_width.inches, section.page_height.inches) == (8.5, 11)
    assert "session 2" in section.footer.paragraphs[0].text


def test_typed_markup_stays_literal_in_the_docx():
    case = rich(agreement__g3="**not bold** # not a heading | a | b | <!-- x --> `code` \\")
    document = docx.Document(io.BytesIO(render(export_document(case, None, "consensus", TODAY), "docx")))  # type: ignore[arg-type]
    item = next(p for p in document.paragraphs if p.text.startswith("**not bold**"))
    assert item.text == "**not bold** # not a heading | a | b | <!-- x --> `code` \\"
    assert not any(run.bold for run in item.runs)


def test_the_pdf_is_letter_paper_with_case_session_and_page_numbers():
    data = render(export_document(rich(), None, "consensus", TODAY), "pdf")
    assert isinstance(data, bytes) and data.startswith(b"%PDF")
    pdf = pdfium.PdfDocument(data)
    pages = len(pdf)
    assert pages >= 2
    for index in range(pages):
        assert tuple(round(v) for v in pdf[index].get_size()) == (612, 792)
    pdf.close()
    texts = pdf_pages(data)
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in text
        assert "Reading services for Maya · session 2" in text
    assert b"/FontFile2" in data  # the font travels with the file


def test_the_pdf_carries_accents_and_right_to_left_names_and_replaces_what_the_font_lacks():
    names = {
        "name.p-mom": "Tomás Nguyễn",
        "name.p-gma": "Ibáñez",
        "name.p-dir": "מרים כהן",
        "name.p-t": "ليلى أحمد 😀🧑‍🤝‍🧑 李",
    }
    case = case_from_document(rich_document({**DEFAULT_TEXTS, **names}.__getitem__))
    text = "\n".join(pdf_pages(render(export_document(case, None, "consensus", TODAY), "pdf")))  # type: ignore[arg-type]
    assert "Tomás Nguyễn" in text and "Ibáñez" in text
    assert "כהן" in text and "מרים" in text
    assert "李" not in text and "\ufffd" in text
    assert printable("Leo 🧑‍🤝‍🧑 李 ok") == "Leo \ufffd \ufffd ok"
    assert printable("a\u202eb") == "ab"


def test_every_character_of_a_large_alphabet_reads_back_from_the_pdf():
    # Enough different characters that their codes in the embedded font include the bytes a
    # pdf string must escape: ( ) \ and a carriage return.
    alphabet = "".join(map(chr, range(0x21, 0x7F))) + "".join(map(chr, range(0xC0, 0x100)))
    text = "\n".join(
        pdf_pages(render(export_document(rich(agreement__g3=alphabet), None, "consensus", TODAY), "pdf"))
    )  # type: ignore[arg-type]
    assert alphabet in squeeze(text)


def page_images(data: bytes) -> list[bytes]:
    pdf = pdfium.PdfDocument(data)
    try:
        return [pdf[i].render(scale=0.5).to_pil().tobytes() for i in range(len(pdf))]
    finally:
        pdf.close()


def test_documents_made_one_after_another_in_one_process_do_not_affect_each_other():
    # The fonts are read once a process and shared; what one document uses must not reach the next.
    names = {"name.p-mom": "Tomás Nguyễn", "name.p-dir": "מרים כהן", "title": "Ольга and Ελένη"}
    other = export_document(
        case_from_document(rich_document({**DEFAULT_TEXTS, **names}.__getitem__)), None, "consensus", TODAY
    )
    document = export_document(leo(), None, "consensus", TODAY)
    first = render(document, "pdf")
    between = render(other, "pdf")
    again = render(document, "pdf")
    assert page_images(first) == page_images(again)  # type: ignore[arg-type]
    assert pdf_pages(first) == pdf_pages(again)  # type: ignore[arg-type]
    assert "Tomás Nguyễn" in "\n".join(pdf_pages(between))  # type: ignore[arg-type]


def _signature_blocks_whole(data: bytes, roles: list[str]) -> None:
    for text in pdf_pages(data):
        heads = sum(text.count(role) for role in roles)
        captions = len(re.findall(r"Signature(?!s)", text))
        assert heads == captions, text[-400:]


def test_signature_blocks_never_split_across_pages():
    document = rich_document(kind="mediation")
    base = document["agreements"][3]
    roles = ["Parent: ", "Guardian: ", "district, name:"]
    for extra in range(0, 28, 3):
        grown = {
            **document,
            "agreements": document["agreements"] + [{**base, "id": f"gx{n}"} for n in range(extra)],
        }
        data = render(export_document(case_from_document(grown), None, "consensus", TODAY), "pdf")
        _signature_blocks_whole(data, roles)  # type: ignore[arg-type]


# ---------------------------------------------------------------- hostile input


HOSTILE = [
    "# heading",
    "| a | b |",
    "<!-- never closed",
    "**",
    "back\\slash",
    "`tick`",
    "1. item",
    "עברית",
    "مرحبا",
    "😀🧑‍🤝‍🧑",
    "Nguyễn",
]


def hostile_case(agreements: int = 500, long_every: int = 10) -> Case:
    document = rich_document(kind="resolution")
    long_text = " ".join(HOSTILE * 60)[:5000]
    unbroken = "x" * 5000  # one word wider than any line
    document["agreements"] = [
        {
            "id": f"h{n}",
            "session": "s2",
            "kind": "service",
            "text": (long_text if n % long_every == 0 else f"{HOSTILE[n % len(HOSTILE)]} agreement {n}")
            + (unbroken if n == 1 else ""),
            "goal": HOSTILE[(n + 3) % len(HOSTILE)],
        }
        for n in range(agreements)
    ]
    document["follow_ups"] = []
    document["parties"][0]["name"] = "ليلى أحمد **Tomás**"
    return case_from_document(document)


def test_a_huge_hostile_case_renders_in_every_format():
    case = hostile_case()
    document = export_document(case, None, "consensus", TODAY)
    markdown = render(document, "markdown")
    assert isinstance(markdown, str) and "500. " in markdown
    word = render(document, "docx")
    assert isinstance(word, bytes)
    numbered = [p for p in docx.Document(io.BytesIO(word)).paragraphs if p.style.name == "List Number"]
    assert len(numbered) == 500
    assert numbered[0].text.startswith("# heading | a | b | <!-- never closed ** back\\slash `tick` 1. item")
    pdf = render(document, "pdf")
    assert isinstance(pdf, bytes)
    pages = pdf_pages(pdf)
    assert len(pages) > 50
    flat = re.sub(r"ReadingservicesforMaya·session2Page\d+of\d+", "", squeeze("".join(pages)))
    assert squeeze("# heading | a | b | <!-- never closed ** back\\slash `tick` 1. item") in flat
    assert "x" * 5000 in flat  # an unbreakable word is wrapped, not cut


# ---------------------------------------------------------------- opened by another program


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_docx(tmp_path: Path):
    source = tmp_path / "agreement.docx"
    source.write_bytes(render(export_document(rich(), None, "consensus", TODAY), "docx"))  # type: ignore[arg-type]
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        text=True,
        timeout=180,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    converted = tmp_path / "agreement.pdf"
    assert converted.exists(), done.stderr
    text = "\n".join(pdf_pages(converted.read_bytes()))
    assert "AGREEMENT-ONE tutoring trial" in text and "Parent: Tomas Okafor" in text
