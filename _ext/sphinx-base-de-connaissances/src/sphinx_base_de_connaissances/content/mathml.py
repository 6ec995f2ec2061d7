"""TeX formulas as MathML, written once when the site is built: browsers typeset MathML
themselves, so a page with math loads no script and asks no third party (Sphinx's default,
MathJax, comes from a CDN). latex2mathml reads the TeX; what it writes is rebuilt from an
allow-list of MathML elements and attributes (a formula is untrusted text: ``\\href`` or
``\\style`` give nothing), and a command it does not know is an error, never shown as typed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from latex2mathml.converter import convert

NAMESPACE = "http://www.w3.org/1998/Math/MathML"
LONGEST = 10_000  # characters of TeX in one formula
MATHML = "kb_mathml"  # the attribute of a math node holding its MathML, written when read
# MathML Core's elements (and MathML 3's menclose, which latex2mathml writes for \cancel).
ELEMENTS = frozenset(
    {
        "math", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace", "mfrac", "msqrt", "mroot",
        "mstyle", "merror", "mpadded", "mphantom", "msub", "msup", "msubsup", "munder",
        "mover", "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr",
        "mtd", "menclose",
    }
)  # fmt: skip
ATTRIBUTES = frozenset(
    {
        "display", "displaystyle", "scriptlevel", "mathvariant", "stretchy", "fence", "form",
        "separator", "accent", "accentunder", "lspace", "rspace", "minsize", "maxsize",
        "movablelimits", "largeop", "symmetric", "columnalign", "columnspacing",
        "rowspacing", "rowalign", "columnlines", "rowlines", "frame", "linethickness",
        "width", "height", "depth", "notation", "columnspan", "rowspan",
    }
)  # fmt: skip
_VALUE = re.compile(r"[\w .%#+-]{0,80}")  # an attribute's value: words, lengths, keywords
_COMMAND = re.compile(r"\\[A-Za-z]+")


class FormulaError(ValueError):
    """A formula that cannot be typeset; the message says why, in French."""


def mathml(tex: str, *, display: bool) -> str:
    """The ``<math>`` element for ``tex``: a block (each equation of a display formula on
    its own lines, as Sphinx numbers and aligns them) or inline. Raises ``FormulaError``."""
    if len(tex) > LONGEST:
        raise FormulaError(f"formule de plus de {LONGEST} caractères")
    if not display:
        return _element(tex, display=False)
    parts = [part.strip() for part in tex.split("\n\n") if part.strip()]
    if not parts:
        raise FormulaError("formule vide")
    return "".join(_element(_lines(part), display=True) for part in parts)


def _lines(part: str) -> str:
    """A display equation of several lines (``\\\\``) outside any environment: aligned at
    its ``&`` as Sphinx does with MathJax."""
    if r"\\" in part and r"\begin" not in part:
        return rf"\begin{{split}}{part}\end{{split}}"
    return part


def _element(tex: str, *, display: bool) -> str:
    try:
        written = convert(tex, display="block" if display else "inline")
        tree = ET.fromstring(written)  # noqa: S314 (latex2mathml's output: no DTD, escaped)
    except Exception as error:  # latex2mathml's own errors and any slip on odd input
        raise FormulaError(f"formule TeX illisible ({type(error).__name__})") from error
    unknown = sorted(
        {
            match.group(0)
            for node in tree.iter()
            if node.tag in {f"{{{NAMESPACE}}}mi", f"{{{NAMESPACE}}}mo"} and node.text
            for match in [_COMMAND.match(node.text)]
            if match
        }
    )
    if unknown:
        raise FormulaError(f"commande TeX inconnue : {', '.join(unknown)}")
    kept = _kept(tree)
    kept.set("xmlns", NAMESPACE)
    if display:
        kept.set("display", "block")
    else:
        kept.attrib.pop("display", None)
    return ET.tostring(kept, encoding="unicode", short_empty_elements=False)


def _kept(node: ET.Element) -> ET.Element:
    """``node`` rebuilt from the allow-lists: an element outside them gives its children (a
    ``mrow`` holds them), an attribute outside them is left out."""
    name = node.tag.removeprefix(f"{{{NAMESPACE}}}")
    copy = ET.Element(name if name in ELEMENTS else "mrow")
    for attribute, value in node.attrib.items():
        if attribute in ATTRIBUTES and _VALUE.fullmatch(value):
            copy.set(attribute, value)
    copy.text = node.text
    for child in node:
        kept = _kept(child)
        kept.tail = child.tail
        copy.append(kept)
    return copy
