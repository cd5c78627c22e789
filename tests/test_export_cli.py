"""`facilitator export --format` and `-o` (DESIGN.md section 5): docx and pdf are files, and a
write that fails leaves one line and no file."""

from __future__ import annotations

import errno
import io
import json
import os
from pathlib import Path

import docx
import pytest

LEO = "leo-at-2026"


@pytest.fixture
def leo_home(run_cli, home, tmp_path, leo_document) -> Path:
    source = tmp_path / "leo.json"
    source.write_text(json.dumps(leo_document, ensure_ascii=False), "utf-8")
    assert run_cli("import", source).code == 0
    return home


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_binary_format_needs_a_file(run_cli, leo_home, fmt):
    line = run_cli("export", LEO, "--format", fmt).error_line()
    assert "-o FILE" in line


def test_docx_and_pdf_are_written_private(run_cli, leo_home, tmp_path):
    for fmt, magic in (("docx", b"PK"), ("pdf", b"%PDF")):
        target = tmp_path / f"agreement.{fmt}"
        result = run_cli("export", LEO, "--format", fmt, "-o", target)
        assert result.code == 0, result.err
        assert target.read_bytes().startswith(magic)
        assert oct(target.stat().st_mode & 0o777) == oct(0o600)
    text = "\n".join(
        p.text for p in docx.Document(io.BytesIO((tmp_path / "agreement.docx").read_bytes())).paragraphs
    )
    assert "Leo trials both tool sets with data collection" in text


def test_markdown_stays_the_default_on_stdout(run_cli, leo_home):
    result = run_cli("export", LEO, "--format", "markdown")
    assert result.code == 0 and result.out.startswith("# Assistive technology for Leo\n")
    assert result.out == run_cli("export", LEO).out


@pytest.mark.parametrize("fmt", ["markdown", "docx", "pdf"])
def test_a_full_disk_gives_one_line_and_no_partial_file(run_cli, leo_home, tmp_path, monkeypatch, fmt):
    import facilitator.store as store

    real_write = os.write

    def full(fd: int, data: object) -> int:
        if fd > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)  # type: ignore[arg-type]

    monkeypatch.setattr(store.os, "write", full)
    folder = tmp_path / "out"
    folder.mkdir()
    line = run_cli("export", LEO, "--format", fmt, "-o", folder / f"agreement.{fmt}").error_line()
    assert "space" in line.lower()
    assert list(folder.iterdir()) == []  # neither the file nor a temporary one
