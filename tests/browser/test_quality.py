"""Accessibility (axe-core), valid HTML (Nu HTML checker) and page weight against budgets."""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import NODE_MODULES
from tests.helpers import BuiltSite

HERE = Path(__file__).parent
BUDGETS = json.loads((HERE / "budgets.json").read_text("utf-8"))
PAGES = {kind: entry["path"] for kind, entry in BUDGETS.items() if not kind.startswith("_")}
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
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
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr or result.stdout


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_page_weight_within_budget(browser, base_url: str, kind: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, tuple[int, int]] = {}

    def record(response) -> None:
        try:
            body = response.body()
        except Exception:
            body = b""
        sizes[response.url] = (len(body), len(gzip.compress(body, mtime=0)))

    page.on("response", record)
    page.goto(base_url + PAGES[kind])
    page.wait_for_load_state("networkidle")
    context.close()
    budget = BUDGETS[kind]
    measured = {
        "requests": len(sizes),
        "bytes": sum(raw for raw, _ in sizes.values()),
        "gzip_bytes": sum(packed for _, packed in sizes.values()),
    }
    print(f"weight {kind}: {measured}")
    for key, value in measured.items():
        assert value <= budget[key] * 1.10, f"{kind}: {key} = {value}, budget {budget[key]}"
