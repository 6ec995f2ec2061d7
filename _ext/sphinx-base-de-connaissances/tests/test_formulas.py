"""Formulas are typeset when the site is built: MathML in every page with math, nothing loaded
for it (no MathJax from a CDN), a TeX command the engine cannot write fails the strict build
at its line, and a formula is untrusted text (no link, no style, no foreign element)."""

from __future__ import annotations

import pytest

from sphinx_base_de_connaissances.content.mathml import LONGEST, FormulaError, mathml

from .helpers import article, page, warnings_of, write

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


@pytest.mark.sphinx("html", testroot="base", srcdir="formulas-shown")
def test_formulas_are_mathml_and_nothing_is_loaded_for_them(app, warning) -> None:
    write(app.srcdir, {"articles/formules.md": article(FORMULAS)})
    app.build()
    assert warnings_of(warning.getvalue()) == []
    shown = page(app.outdir, "articles/formules.html")
    formulas = shown.find_all("math")
    assert len(formulas) == 5
    for inline in formulas[:2]:
        assert inline.get("display") is None and inline.find_parent("p") is not None
    first = formulas[2]
    assert first["display"] == "block" and first.find("msqrt") is not None
    assert first.find("mfrac").find("mn").get_text() == "2"
    euler = shown.find(id="equation-euler")
    assert euler.find(class_="eqno").get_text(strip=True).startswith("(1)")
    assert shown.find("a", href="#equation-euler") is not None  # the {eq} reference
    rows = formulas[4].find("mtable").find_all("mtr")
    assert [len(row.find_all("mtd")) for row in rows] == [2, 2]
    assert "mathjax" not in (app.outdir / "articles/formules.html").read_text("utf-8").lower()
    sources = [s.get("src", "") for s in shown.find_all("script")]
    assert all(not s.startswith(("http:", "https:", "//")) for s in sources), sources


@pytest.mark.sphinx(
    "html",
    testroot="base",
    srcdir="formulas-dollars",
    confoverrides={"myst_enable_extensions": ["dollarmath"]},
)
def test_myst_s_dollar_formulas_build_strictly(app, warning) -> None:
    """MyST's ``dollarmath`` marks the page for MathJax (``tex2jax_ignore``): not refused."""
    write(app.srcdir, {"articles/dollars.md": article("# Titre\n\nSoit $x^2$, et\n\n$$y = 1$$\n")})
    app.build()
    assert warnings_of(warning.getvalue()) == []
    assert len(page(app.outdir, "articles/dollars.html").find_all("math")) == 2


@pytest.mark.sphinx("html", testroot="base", srcdir="formulas-refused")
def test_a_command_the_engine_cannot_write_fails_at_its_line(app, warning) -> None:
    body = "Texte.\n\nUne commande inconnue : {math}`\\foo{x}`.\n\n```{math}\n\\frac{1}{\n```\n"
    write(app.srcdir, {"articles/formules.md": article(body)})
    app.build()
    found = warnings_of(warning.getvalue())
    assert any(
        "articles/formules.md:11:" in w and "commande TeX inconnue : \\foo" in w for w in found
    ), found
    assert any("articles/formules.md:13:" in w and "formule TeX illisible" in w for w in found)
    shown = page(app.outdir, "articles/formules.html")
    assert shown.find("math") is None
    assert "\\foo{x}" in shown.find("code").get_text()  # shown as typed, in code


@pytest.mark.sphinx("html", testroot="base", srcdir="formulas-untrusted")
def test_a_formula_is_untrusted_text(app, warning) -> None:
    body = (
        "Texte {math}`\\href{javascript:alert(1)}{x}` et {math}`\\style{color:red}{y}` "
        "et {math}`\\text{<script>alert(2)</script>}`.\n"
    )
    write(app.srcdir, {"articles/formules.md": article(body)})
    app.build()
    assert warnings_of(warning.getvalue()) == []
    shown = page(app.outdir, "articles/formules.html")
    for formula in shown.find_all("math"):
        for element in formula.find_all(True):
            assert set(element.attrs) <= {"display", "xmlns", "mathvariant", "stretchy"}, element
    assert shown.find("script", string=lambda s: s and "alert" in s) is None
    assert "<script>alert(2)" not in (app.outdir / "articles/formules.html").read_text("utf-8")


@pytest.mark.parametrize(
    ("tex", "message"),
    [("", "formule vide"), ("x" * (LONGEST + 1), "plus de"), (r"\notacommand", "inconnue")],
)
def test_what_cannot_be_typeset_is_said(tex: str, message: str) -> None:
    with pytest.raises(FormulaError, match=message):
        mathml(tex, display=True)
