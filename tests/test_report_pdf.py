"""`report --format pdf`: A4 pages with numbers, the title and language in the metadata, text a reader can find."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from sivistys_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
PROGRAMS = sorted(p.name for p in (ROOT / "programs").iterdir() if (p / "program.yaml").is_file())
A4 = (595.28, 841.89)  # points


def _pdf(tmp_path: Path, *args: str) -> PdfReader:
    out = tmp_path / "raportti.pdf"
    result = CliRunner().invoke(app, ["report", *args, "--format", "pdf", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return PdfReader(io.BytesIO(out.read_bytes()))


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_program_document_is_a4_with_page_numbers(tmp_path: Path, program: str) -> None:
    from sivistys_cli.load.discover import load

    title = load([ROOT / "programs" / program], cwd=ROOT).programs[0].program.title
    pdf = _pdf(tmp_path, str(ROOT / "programs" / program), "--kind", "program")
    assert len(pdf.pages) > 0
    for page in pdf.pages:
        assert (round(float(page.mediabox.width), 2), round(float(page.mediabox.height), 2)) == A4
    last = pdf.pages[-1].extract_text()
    assert f"{len(pdf.pages)} / {len(pdf.pages)}" in last  # the page number, "n / total"
    assert pdf.metadata.title == (title if isinstance(title, str) else title["fi"])
    assert pdf.trailer["/Root"]["/Lang"] == "fi"
    assert pdf.trailer["/Root"].get("/StructTreeRoot") is not None  # tagged, for screen readers


def test_the_annual_report_pdf_has_its_headings_and_is_reproducible(tmp_path: Path) -> None:
    program = str(ROOT / "programs" / "toiminnalliset-tavoitteet-2024")
    pdf = _pdf(tmp_path, program, "--kind", "annual", "--lang", "sv")
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Sammanfattning" in text and "Kirjastoauto osallistui" in text
    assert pdf.trailer["/Root"]["/Lang"] == "sv"
    first = (tmp_path / "raportti.pdf").read_bytes()
    _pdf(tmp_path, program, "--kind", "annual", "--lang", "sv")
    assert (tmp_path / "raportti.pdf").read_bytes() == first


def test_a_pdf_is_not_written_to_a_terminal() -> None:
    """On a terminal a PDF would be noise and could drive it: the command refuses and names -o."""
    main, tty = os.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "sivistys_cli", "report", str(ROOT / "programs" / "somero-sivistysohjelma"),
                               "--kind", "program", "--format", "pdf"], stdout=tty, stderr=subprocess.PIPE, text=True,
                              timeout=120, check=False)
    finally:
        os.close(main)
        os.close(tty)
    assert done.returncode == 2
    assert "a PDF is not for the terminal; write it to a file with -o FILE" in done.stderr


def test_a_pdf_goes_to_a_pipe_as_bytes() -> None:
    result = CliRunner().invoke(app, ["report", str(ROOT / "programs" / "somero-sivistysohjelma"), "--kind", "program",
                                      "--format", "pdf"])
    assert result.exit_code == 0
    assert result.stdout_bytes.startswith(b"%PDF-")
