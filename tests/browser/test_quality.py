"""Accessibility (axe-core), valid HTML (Nu HTML checker) and page weight against budgets."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import NODE_MODULES
from tests.helpers import BuiltSite
from tools.pageweight import visit

HERE = Path(__file__).parent
BUDGETS = json.loads((HERE / "budgets.json").read_text("utf-8"))
PAGES = {kind: entry["path"] for kind, entry in BUDGETS.items() if not kind.startswith("_")}
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Each page type's figures, for the note of a change (and CI's logs).
REPORT = Path(__file__).parents[2] / "_build" / "page-weight.json"
# axe rules switched off, each with its reason. None so far.
AXE_DISABLED: dict[str, str] = {}


def _needs(path: Path, what: str) -> None:
    if not path.exists():
        message = f"{what} absent : lancez « npm ci --prefix tests/browser »."
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_no_serious_accessibility_violation(visit, kind: str) -> None:
    _needs(AXE, "axe-core")
    page = visit(PAGES[kind]).page
    page.wait_for_load_state("networkidle")
    # Evaluated through the DevTools protocol: an inline <script> tag would be refused by the
    # page's Content Security Policy (which is the point of it).
    page.evaluate(AXE.read_text(encoding="utf-8"))
    rules = {rule: {"enabled": False} for rule in AXE_DISABLED}
    result = page.evaluate(
        "rules => axe.run(document, {rules, resultTypes: ['violations']})", rules
    )
    serious = [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []


def test_html_is_valid(site: BuiltSite) -> None:
    _needs(VNU, "vnu-jar")
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java est nécessaire au Nu HTML checker (vnu.jar).")
    # Our pages; the theme's own template files copied into _static/ are not pages.
    pages = sorted(str(p) for p in site.html.rglob("*.html") if "_static" not in p.parts)
    result = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "text", *pages],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr or result.stdout


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_weight_within_budget(browser, base_url: str, kind: str) -> None:
    """Requests and bytes of a first visit under the slow profile, against the budgets; the
    Largest Contentful Paint is recorded beside them (a time: reported, never asserted)."""
    measured = visit(browser, base_url + PAGES[kind]).as_dict()
    print(f"weight {kind}: {measured}")
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    report = json.loads(REPORT.read_text("utf-8")) if REPORT.is_file() else {}
    REPORT.write_text(json.dumps(report | {kind: measured}, indent=1, sort_keys=True), "utf-8")
    budget = BUDGETS[kind]
    for key in ("requests", "bytes", "gzip_bytes"):
        value = measured[key]
        assert value <= budget[key] * 1.10, f"{kind}: {key} = {value}, budget {budget[key]}"
