"""Formulas are typeset when the site is built (issue « Real sites come in whole »: math
rendered with no third party and no script): every page with math loads nothing more, a TeX
command the engine cannot write fails the strict build at its file and line, and a formula
is untrusted text (no link, no style, no element outside MathML's own)."""

from __future__ import annotations

from pathlib import Path

import pytest
from sphinx_base_de_connaissances.content.mathml import LONGEST, FormulaError, mathml

from tests.helpers import soup
from tests.kb.test_hostile import article, build, warnings_of

FORMULAS = r"""Quand {math}`a \ne 0`, l’équation {math}`ax^2 + bx + c = 0` a deux solutions :

```{math}
x = \frac{-b \pm \sqrt{b^2-4ac}}{2a}
```

```{math}
:label: euler

e^{i\pi} + 1 = 0
```

Voir l’équation {eq}`euler`.

```{math}
a &= b \\
c &= d
```
"""


def test_formulas_are_mathml_in_the_page_and_nothing_is_loaded_for_them(tmp_path: Path) -> None:
    outdir, warnings = build(tmp_path, {"articles/formules.md": article(body=FORMULAS)})
    assert warnings_of(warnings) == []
    page = soup(outdir / "articles/formules.html")
    formulas = page.find_all("math")
    assert len(formulas) == 5
    for inline in formulas[:2]:
        assert inline.get("display") is None and inline.find_parent("p") is not None
    first = formulas[2]
    assert first["display"] == "block"
    assert first.find("mfrac") is not None and first.find("msqrt") is not None
    assert first.find("mfrac").find("mn").get_text() == "2"
    euler = page.find(id="equation-euler")
    assert euler.find(class_="eqno").get_text(strip=True).startswith("(1)")
    assert page.find("a", href="#equation-euler") is not None  # the {eq} reference
    aligned = formulas[4].find("mtable")
    assert [len(row.find_all("mtd")) for row in aligned.find_all("mtr")] == [2, 2]
    raw = (outdir / "articles/formules.html").read_text("utf-8")
    assert "mathjax" not in raw.lower()
    sources = [s.get("src", "") for s in page.find_all("script")]
    assert all(not s.startswith(("http:", "https:", "//")) for s in sources), sources


def test_a_command_the_engine_cannot_write_fails_at_its_line(tmp_path: Path) -> None:
    body = "Texte.\n\nUne commande inconnue : {math}`\\foo{x}`.\n\n```{math}\n\\frac{1}{\n```\n"
    outdir, warnings = build(tmp_path, {"articles/formules.md": article(body=body)})
    found = warnings_of(warnings)
    assert any(
        "articles/formules.md:12:" in w and "commande TeX inconnue : \\foo" in w for w in found
    ), found
    assert any("articles/formules.md:14:" in w and "formule TeX illisible" in w for w in found)
    page = soup(outdir / "articles/formules.html")
    assert page.find("math") is None
    assert "\\foo{x}" in page.find("code").get_text()  # shown as typed, in code


def test_a_formula_is_untrusted_text(tmp_path: Path) -> None:
    body = (
        "Texte {math}`\\href{javascript:alert(1)}{x}` et {math}`\\style{color:red}{y}` "
        "et {math}`\\text{<script>alert(2)</script>}`.\n"
    )
    outdir, warnings = build(tmp_path, {"articles/formules.md": article(body=body)})
    assert warnings_of(warnings) == []
    page = soup(outdir / "articles/formules.html")
    for formula in page.find_all("math"):
        for element in formula.find_all(True):
            assert set(element.attrs) <= {"display", "xmlns", "mathvariant", "stretchy"}, element
    assert page.find("script", string=lambda s: s and "alert" in s) is None
    assert "<script>alert(2)" not in (outdir / "articles/formules.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("tex", "message"),
    [("", "formule vide"), ("x" * (LONGEST + 1), "plus de"), (r"\notacommand", "inconnue")],
)
def test_what_cannot_be_typeset_is_said(tex: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        mathml(tex, display=True)
