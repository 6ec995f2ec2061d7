"""Every formula of a page typeset when the page is read (``content.mathml``), so that one
TeX cannot write fails the build at its file and line, in French, before any page is written;
the formula is then shown as its TeX, in code, and the page still builds without ``-W``."""

from __future__ import annotations

from docutils import nodes

from ..content.mathml import MATHML, FormulaError, mathml
from ..diagnostics import Subtype, warn
from .safety import located


def check_formulas(doctree: nodes.document) -> None:
    for node in list(doctree.findall(lambda n: isinstance(n, (nodes.math, nodes.math_block)))):
        block = isinstance(node, nodes.math_block)
        if block and node.get("nowrap"):
            problem = "option « nowrap » refusée : la formule est mise en page par le moteur"
        else:
            try:  # typeset once: the page's writer takes it from the node (``MATHML``)
                node[MATHML] = mathml(node.astext(), display=block)
                continue
            except FormulaError as error:
                problem = str(error)
        warn(
            f"{problem} : « {node.astext()[:80]} » ; attendu : du TeX que le moteur sait "
            "écrire (les commandes de LaTeX pour les mathématiques, sans paquet).",
            subtype=Subtype.MATH,
            location=located(node),
        )
        shown = nodes.literal_block if block else nodes.literal
        node.replace_self(shown(node.astext(), node.astext()))
