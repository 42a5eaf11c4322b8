"""The validity gate: the Nu HTML Checker (vnu.jar, from npm) on built pages, its errors as findings that name
the page, the line and the element."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

from support.project import PROJECT

VNU_JAR = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def validity_findings(site: Path) -> tuple[int, list[str]]:
    """Check every HTML file under ``site`` in one run of the checker; return how many files it read and one
    finding per error ("en/figures/index.html, line 12: <message>: <extract>")."""
    pages = sorted(site.rglob("*.html"))
    done = subprocess.run(
        ["java", "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # The checker writes its JSON report to standard error, and exits with 1 when it reports an error.
    report = json.loads(done.stderr)
    findings = []
    for message in report["messages"]:
        page = Path(unquote(urlsplit(message.get("url", "")).path)).relative_to(site.resolve()).as_posix()
        extract = " ".join(message.get("extract", "").split())
        findings.append(f"{page}, line {message.get('lastLine', '?')}: {message['message']}: {extract}")
    return len(pages), findings
