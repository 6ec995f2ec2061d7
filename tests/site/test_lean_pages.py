"""What the real site's pages load: one cut stylesheet, icon fonts holding the icons shown, no
Bootstrap JavaScript (kb.css_bundle; kb/theme/: layout.html, kb-theme.js)."""

from __future__ import annotations

import re
from pathlib import Path

import tinycss2
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from sphinx_base_de_connaissances.css_bundle import purge

from tests.helpers import BuiltSite

# The stylesheets the bundle is cut from, where their packages keep them (the published site
# keeps only the bundle: kb.outputs.unused removes what no page loads).
THEME_CSS = (
    ("sphinx", "themes/basic/static/basic.css.jinja"),
    ("pydata_sphinx_theme", "theme/pydata_sphinx_theme/static/styles/pydata-sphinx-theme.css"),
    ("sphinx_book_theme", "theme/sphinx_book_theme/static/styles/sphinx-book-theme.css"),
    ("sphinx_copybutton", "_static/copybutton.css"),
    ("sphinx_base_de_connaissances", "static/kb.css"),
    ("sphinx_base_de_connaissances", "theme/static/kb-theme.css"),
    ("sphinx_share_footer", "static/share-footer.css"),
)


def source_css(package: str, path: str) -> str:
    import importlib

    return (Path(importlib.import_module(package).__file__).parent / path).read_text("utf-8")


def theme_css() -> str:
    site = Path(__file__).parents[2] / "_static/site.css"
    return "".join(source_css(*where) for where in THEME_CSS) + site.read_text("utf-8")


ICON_RULE = re.compile(
    r"((?:\.fa-[a-z0-9-]+(?::+before)?\s*,?\s*)+)\{\s*(?:--fa|content)\s*:"
    r"\s*\"\\([0-9a-fA-F]+)\""
)


def pages(site: BuiltSite) -> list[Path]:
    return site.reader_pages()


def selector_names(css: str) -> set[str]:
    found: set[str] = set()

    def walk(rules: list) -> None:
        for rule in rules:
            if rule.type == "qualified-rule":
                for selector in purge.selectors(rule.prelude):
                    found.update(purge.names(selector))
            elif rule.type == "at-rule" and rule.content is not None:
                walk(tinycss2.parse_rule_list(rule.content, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def bundle(site: BuiltSite) -> Path:
    (found,) = (site.html / "_static").glob("bundle.*.css")
    return found


def test_pages_link_the_bundle_and_no_bootstrap(site: BuiltSite) -> None:
    name = bundle(site).name
    for page in pages(site):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        links = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
        scripts = [script.get("src", "") for script in soup.find_all("script")]
        has_code = soup.find("div", class_="highlight") is not None
        assert [Path(h.split("?")[0]).name for h in links] == (
            [name, "pygments.css"] if has_code else [name]
        ), page
        assert not any("bootstrap" in src or "fontawesome" in src for src in scripts), page


def test_no_class_a_page_uses_loses_its_rules(site: BuiltSite) -> None:
    theme = selector_names(theme_css())
    kept = selector_names(bundle(site).read_text("utf-8"))
    used: set[str] = set()
    for page in pages(site):
        text = page.read_text("utf-8")
        for classes in re.findall(r'class="([^"]*)"', text):
            used.update(classes.split())
        used.update(re.findall(r'id="([^"]*)"', text))
    # The theme styles a Read the Docs ad container through a class only RTD's script adds.
    assert (used & theme) - kept <= {"ethical-ad-placement"}
    assert len(kept) < len(theme) / 5  # about 500 of 4,900


def test_fonts_hold_every_icon_the_pages_show(site: BuiltSite) -> None:
    pydata = source_css(*THEME_CSS[1])
    mapping = {
        name: int(match.group(2), 16)
        for css in pydata.split("}")
        for match in ICON_RULE.finditer(css + "}")
        for name in re.findall(r"fa-[a-z0-9-]+", match.group(1))
    }
    shown = {
        mapping[name]
        for page in pages(site)
        for name in re.findall(r"\bfa-[a-z0-9-]+", page.read_text("utf-8"))
        if name in mapping
    }
    assert {0xF002, 0xF0C9, 0xF185, 0xF186} <= shown  # search, menu, sun, moon
    urls = re.findall(r'url\("([^"]+\.woff2)"\)', bundle(site).read_text("utf-8"))
    glyphs: set[int] = set()
    for url in urls:
        assert re.search(r"\.[0-9a-f]{12}\.woff2$", url), url  # named by its content
        font = site.html / "_static" / url
        assert font.stat().st_size < 8_000, url  # were 110 KB (solid, brands)
        glyphs |= set(TTFont(font).getBestCmap())
    assert shown <= glyphs and len(glyphs) < 80


def test_pages_carry_no_template_indentation(site: BuiltSite) -> None:
    """kb.writing.compact: no line starts with spaces outside pre, textarea, script, style."""
    kept = re.compile(r"<(pre|textarea|script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
    for path in pages(site):
        html = kept.sub("<kept>", path.read_text("utf-8"))
        assert not re.search(r"\n[ \t]+\S", html), path
        assert "\n\n" not in html, path
