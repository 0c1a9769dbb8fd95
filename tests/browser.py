"""Headless Chromium for the report tests: run axe-core on a page, and take a screenshot of it.

Chromium is Debian's package (/usr/bin/chromium), axe-core the npm package (node_modules/axe-core);
`.ci/run` installs both. A copy of the page gets axe inlined plus a script that writes axe's result
into the DOM, and `chromium --dump-dom` returns it: no network, no DevTools client, no driver.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1",
]
_RUNNER = """
<script>
axe.run(document, {resultTypes: ["violations"]}).then(function (r) {
  report({violations: r.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.map(function (n) { return {target: n.target, html: n.html, summary: n.failureSummary}; })};
  }), height: document.documentElement.scrollHeight});
}).catch(function (e) { report({error: String(e)}); });
function report(data) {
  var pre = document.createElement("pre");
  pre.id = "axe-result";
  pre.textContent = JSON.stringify(data);
  document.body.appendChild(pre);
}
</script>
"""
_RESULT = re.compile(r'<pre id="axe-result">(.*?)</pre>', re.S)


def chromium() -> str | None:
    return os.environ.get("SIVISTYS_CHROMIUM") or shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
    )


def missing_tools() -> list[str]:
    missing = []
    if chromium() is None:
        missing.append("chromium (apt-get install chromium)")
    if not AXE.is_file():
        missing.append("axe-core (npm install --no-save axe-core)")
    return missing


def _run(args: list[str], timeout: int = 120) -> str:
    with tempfile.TemporaryDirectory(prefix="sivistys-chromium-") as profile:
        done = subprocess.run(
            [chromium(), *FLAGS, f"--user-data-dir={profile}", *args],  # type: ignore[list-item]
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    return done.stdout


def axe(page: Path) -> dict:
    """axe-core's violations for `page` (an HTML file), and the page's full height in pixels."""
    html = page.read_text(encoding="utf-8")
    inject = f"<script>{AXE.read_text(encoding='utf-8')}</script>{_RUNNER}"
    at = html.rindex("</body>")
    probe = page.with_name(page.stem + ".axe.html")
    probe.write_text(html[:at] + inject + html[at:], encoding="utf-8")
    try:
        dom = _run(["--virtual-time-budget=30000", "--dump-dom", probe.as_uri()])
    finally:
        probe.unlink()
    found = _RESULT.search(dom)
    if not found:
        raise RuntimeError(f"axe-core did not report for {page.name}; chromium printed {dom[:300]!r}")
    text = found.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    return json.loads(text)


def screenshot(page: Path, png: Path, height: int, width: int = 1280) -> Path:
    """A PNG of the whole page (the window is made as tall as the page, up to 16 000 px)."""
    png.parent.mkdir(parents=True, exist_ok=True)
    _run([f"--window-size={width},{min(max(height, 600), 16000)}", f"--screenshot={png}", page.as_uri()])
    return png
