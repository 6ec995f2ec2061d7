"""Formulas written as MathML in the HTML pages (``content.mathml``): Sphinx's math renderer
``kb-mathml``, chosen instead of MathJax, so that no page loads a script for its math.
Numbered equations keep their number and its link, as Sphinx's renderers write them."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.locale import _
from sphinx.util.math import get_node_equation_number

from ..content.mathml import MATHML, FormulaError, mathml

RENDERER = "kb-mathml"


def _written(translator: Any, node: nodes.Element, *, display: bool) -> str:
    if node.get(MATHML):  # typeset when the page was read (reading.formulas)
        return str(node[MATHML])
    try:  # a formula another extension made after reading
        return mathml(node.astext(), display=display)
    except FormulaError:  # already reported when the page was read (reading.formulas)
        return f"<code>{translator.encode(node.astext())}</code>"


def visit_math(translator: Any, node: nodes.math) -> None:
    translator.body.append(translator.starttag(node, "span", "", CLASS="math"))
    translator.body.append(_written(translator, node, display=False) + "</span>")
    raise nodes.SkipNode


def visit_math_block(translator: Any, node: nodes.math_block) -> None:
    translator.body.append(translator.starttag(node, "div", CLASS="math"))
    if node.get("number"):
        number = get_node_equation_number(translator, node)
        translator.body.append(f'<span class="eqno">({number})')
        translator.add_permalink_ref(node, _("Link to this equation"))
        translator.body.append("</span>")
    translator.body.append(_written(translator, node, display=True) + "</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> None:
    app.add_html_math_renderer(RENDERER, (visit_math, None), (visit_math_block, None))
