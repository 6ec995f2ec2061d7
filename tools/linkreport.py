"""A readable Markdown report of Sphinx's linkcheck ``output.json`` (for CI job summaries)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

LABELS = {"broken": "cassé", "timeout": "délai dépassé", "redirected": "redirigé"}


def report(rows: Sequence[dict[str, object]]) -> str:
    problems = [row for row in rows if row.get("status") in LABELS]
    counts = {
        status: sum(1 for row in rows if row.get("status") == status)
        for status in ("working", "broken", "timeout", "redirected", "ignored")
    }
    lines = ["## Vérification des liens", ""]
    lines.append(", ".join(f"{status} : {count}" for status, count in counts.items()))
    lines.append("")
    if not problems:
        lines.append("Aucun lien cassé.")
        return "\n".join(lines) + "\n"
    lines += ["| fichier | ligne | état | adresse | détail |", "| --- | --- | --- | --- | --- |"]
    for row in sorted(problems, key=lambda r: (str(r["filename"]), int(r["lineno"]))):
        info = str(row.get("info", "")).replace("|", "\\|")[:120]
        lines.append(
            f"| {row['filename']} | {row['lineno']} | {LABELS[str(row['status'])]} "
            f"| {row['uri']} | {info} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    path = Path((argv or sys.argv[1:])[0])
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    sys.stdout.write(report(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
