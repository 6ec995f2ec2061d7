"""Pages lose the templates' indentation, never the content of pre, textarea, script, style."""

from __future__ import annotations

from sphinx_base_de_connaissances.writing.compact import compact


def test_indentation_and_blank_lines_go_line_breaks_stay() -> None:
    html = "<ul>\n    <li>un</li>\n\n\n      <li>deux\n      · trois</li>\n</ul>"
    assert compact(html) == "<ul>\n<li>un</li>\n<li>deux\n· trois</li>\n</ul>"


def test_preformatted_scripts_and_styles_are_kept_as_they_are() -> None:
    kept = [
        '<pre class="kb-cite__text">@online{a,\n  title = {T},\n}</pre>',
        "<PRE>\n    code\n</PRE >",
        "<textarea>\n  texte\n</textarea>",
        "<script>\n  if (a) {\n    b();\n  }\n</script>",
        "<style>\n  a { color: red; }\n</style>",
    ]
    html = "<div>\n  " + "\n  ".join(kept) + "\n  </div>"
    assert compact(html) == "<div>\n" + "\n".join(kept) + "\n</div>"


def test_no_break_spaces_at_a_line_start_are_text() -> None:
    assert compact("<p>\n\u00a0: suite</p>") == "<p>\n\u00a0: suite</p>"
