"""Whatever text a user types into a comment cell comes back into the YAML exactly, or is refused."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sivistys_cli.cli import app
from sivistys_cli.load.discover import load

PROGRAM = """id: kokeilu
title: Kokeilu
organization: Esimerkkilän kunta
period: {start: 2025, end: 2026}
themes:
  - id: teema
    title: Teema
    actions:
      - id: toimi
        title: Toimi  # a comment that must survive
"""

TEXTS = st.text(st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n\t#:'\"{}[]&*!|>%@` "),
                max_size=80)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(comment=TEXTS)
def test_any_comment_text_round_trips(comment: str, tmp_path: Path, monkeypatch) -> None:
    root = Path(tempfile.mkdtemp(dir=tmp_path))  # hypothesis runs many examples in one tmp_path
    (root / "programs/kokeilu").mkdir(parents=True)
    (root / "programs/kokeilu/program.yaml").write_text(PROGRAM, encoding="utf-8")
    monkeypatch.chdir(root)
    runner = CliRunner()
    assert runner.invoke(app, ["export", "programs/kokeilu", "-f", "json", "-o", "s.json", "--year", "2025"]).exit_code == 0
    data = json.loads(Path("s.json").read_text(encoding="utf-8"))
    data["sheets"]["outcomes 2025"]["rows"][0][5] = comment
    Path("s.json").write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["import", "s.json"])
    assert result.exit_code == 0, result.output
    corpus = load(["programs"])
    assert corpus.diagnostics == []
    years = corpus.programs[0].outcomes  # no file at all when the cell stayed empty: nothing changed
    assert (years[2025].outcomes[0].comment if years else None) == (comment or None)
    assert "# a comment that must survive" in Path("programs/kokeilu/program.yaml").read_text(encoding="utf-8")
    again = runner.invoke(app, ["import", "s.json"])
    assert again.output.endswith("no changes\n")
