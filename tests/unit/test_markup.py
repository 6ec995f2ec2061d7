"""The HTML → Typst conversion of the offline edition, block by block and sign by sign (the
end-to-end books are in tests/kb/test_offline*.py): every kind of block Sphinx writes becomes
its Typst call, every text is escaped, spans and numbers are bounded, and what comes out
compiles."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from sphinx_base_de_connaissances.offline.markup import (
    CONTINUATION,
    ZWSP,
    Converter,
    breakable,
    code_lines,
    label,
    string,
    text,
)


def convert(html: str, known: set[str] | None = None, images: dict[str, str] | None = None):
    body = BeautifulSoup(f"<div>{html}</div>", "html.parser").div
    found = images or {}
    converter = Converter(known or set(), lambda img: found.get(str(img.get("src"))))
    return converter.convert(body, lambda href: href)


def test_every_sign_typst_reads_is_escaped() -> None:
    signs = "\\/#*_`$<>@[]=-+~'\".:;(){}"
    assert text(signs) == "".join(f"\\{s}" for s in signs)
    assert (
        text("50\u00a0% «\u202fnon\u202f»") == "50\u00a0% «\u202fnon\u202f»"
    )  # French spaces kept
    assert string('un "titre" \\ et\nune ligne') == '"un \\"titre\\" \\\\ et\\nune ligne"'
    assert label("a b/é") == "a_20_b_2f__e9_"


def test_runs_typst_cannot_break_get_break_points_words_and_addresses_do_not() -> None:
    assert breakable("anticonstitutionnellement") == "anticonstitutionnellement"
    assert breakable("https://exemple.org/un/article-au-nom-long.html") == (
        "https://exemple.org/un/article-au-nom-long.html"
    )
    long = "x" * 45
    assert breakable(long) == ZWSP.join(["x" * 20, "x" * 20, "x" * 5])


def test_code_lines_too_long_continue_marked() -> None:
    line = "a" * 100
    lines = code_lines(line, columns=40).split("\n")
    assert lines[0] == "a" * 40 and all(x.startswith(CONTINUATION) for x in lines[1:])
    assert "".join(x.removeprefix(CONTINUATION) for x in lines) == line
    assert code_lines("court\n  indenté", columns=40) == "court\n  indenté"


@pytest.mark.parametrize(
    ("html", "typst"),
    [
        ("<p>Un <em>mot</em>, <strong>gras</strong>, H<sub>2</sub>O, x<sup>2</sup></p>",
         "Un #emph[mot], #strong[gras], H#sub[2]O, x#super[2]"),
        ("<p><del>barré</del> <mark>vu</mark> <small>petit</small> <u>souligné</u></p>",
         "#strike[barré] #highlight[vu] #kb-small[petit] #underline[souligné]"),
        ("<h2>Partie</h2>", "#heading(level: 3)[Partie]"),
        ("<h3 id='s'>Sous-partie</h3>", "#heading(level: 4)[Sous\\-partie] <s>"),
        ("<ul><li>un</li><li>deux</li></ul>", "#list([un], [deux])"),
        ("<ol start='3'><li>trois</li></ol>", "#enum(start: 3, [trois])"),
        ("<ol start='²'><li>x</li></ol>", "#enum([x])"),
        ("<dl><dt id='t'>Terme</dt><dd><p>Sens.</p></dd></dl>",
         "#kb-term[Terme] <t>\n\n#kb-definition[Sens\\.]"),
        ("<blockquote><p>Citée.</p></blockquote>", "#quote(block: true)[Citée\\.]"),
        ("<pre>a = [1]\n</pre>", '#raw(block: true, "a = [1]")'),
        ("<p>Le <code>#code()</code>.</p>", 'Le #raw("#code()")\\.'),
        ("<hr>", "#line(length: 100%, stroke: 0.5pt + luma(60%))"),
        ("<div class='admonition note'><p class='admonition-title'>Note</p><p>Lu.</p></div>",
         "#kb-note[#strong[Note]\n\nLu\\.]"),
        ("<p>un<br>deux</p>", "un#linebreak()deux"),
        ("<p>texte<script>alert(1)</script></p>", "texte"),
        ("<p><a href='https://exemple.org/'>lien</a></p>", '#link("https://exemple.org/")[lien]'),
        ("<p><a href='#ailleurs'>ici</a></p>", "ici"),
    ],
)  # fmt: skip
def test_each_block_becomes_its_typst_call(html: str, typst: str) -> None:
    assert convert(html) == typst


def test_links_inside_the_book_become_labels() -> None:
    assert convert("<p><a href='#a-x--s'>là</a></p>", known={"a-x--s"}) == "#link(<a-x--s>)[là]"
    # An id the book lacks: its chapter's label (before "--").
    assert convert("<p><a href='#a-x--rien'>là</a></p>", known={"a-x"}) == "#link(<a-x>)[là]"


def test_tables_keep_their_spans_within_bounds() -> None:
    html = (
        "<table><tr><th colspan='2'>Titre</th></tr><tr><td rowspan='2'>a</td><td>b</td></tr>"
        "<tr><td colspan='300000'>c</td></tr></table>"
    )
    assert convert(html) == (
        "#table(columns: 2, table.cell(colspan: 2)[#strong[Titre]], "
        "table.cell(rowspan: 2)[a], table.cell()[b], table.cell()[c])"
    )


def test_images_and_figures() -> None:
    images = {"s.png": "/_images/s.png"}
    assert convert("<img src='s.png' alt='Un schéma'>", images=images) == (
        '#kb-image("/_images/s.png", "Un schéma")'
    )
    assert convert("<img src='ailleurs.png' alt='Texte'>") == "Texte"
    figure = "<figure><img src='s.png' alt='A'><figcaption><p>Légende</p></figcaption></figure>"
    assert convert(figure, images=images) == '#kb-figure[#kb-image("/_images/s.png", "A")][Légende]'


def test_what_comes_out_compiles(tmp_path) -> None:
    typst = pytest.importorskip("typst")
    html = (
        "<h2>Une partie : #deux [trois]</h2><p>Texte $x$ <em>ici</em> et `là` // rien</p>"
        "<ul><li>un</li></ul><ol start='2'><li>deux</li></ol><pre>def f(): return '#x'</pre>"
        "<table><tr><td colspan='2'>a</td></tr><tr><td>b</td><td>c</td></tr></table>"
        "<blockquote><p>cité</p></blockquote><hr><p>fin" + "x" * 200 + "</p>"
    )
    preamble = (
        "#let kb-note(body) = body\n#let kb-small(body) = body\n"
        "#let kb-term(body) = body\n#let kb-definition(body) = body\n"
        "#let kb-figure(body, caption) = body\n#let kb-image(path, alt) = alt\n"
    )
    source = preamble + convert(html)
    pdf = typst.compile(source.encode("utf-8"), root=str(tmp_path))
    assert pdf.startswith(b"%PDF")
