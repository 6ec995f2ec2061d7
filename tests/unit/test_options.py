"""The options of kb and css_bundle: one table each, every bad value refused with a message that
names the option, the value and what is expected (a ConfigError, never a traceback), and the
README's list equal to the table."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sphinx_base_de_connaissances import options as kb_options
from sphinx_base_de_connaissances.css_bundle import options as css_options

from tests.helpers import REPO

KB_README = (
    REPO
    / "_ext"
    / "sphinx-base-de-connaissances"
    / "src"
    / "sphinx_base_de_connaissances"
    / "README.md"
)

WRONG_TYPE = {int: "dix", str: 12, bool: "oui", list: "archives"}


def bad_values(option: kb_options.Option) -> list[Any]:
    """0, a negative number and a value of the wrong type; for lists, a malformed list."""
    values: list[Any] = [0, -3]
    default = option.default
    if isinstance(default, bool):
        values += ["oui", 1]
    elif isinstance(default, int):
        values += ["dix", 2.5, True]
    elif isinstance(default, str):
        values += [12, None]
    else:
        values += ["archives", [["archives"]], [["archives", 3]]]
    if option.accepts is kb_options.FOLDER:
        values += ["", "/articles", "../articles"]
    return values


@pytest.mark.parametrize("option", kb_options.OPTIONS, ids=lambda option: option.name)
def test_every_kb_option_refuses_zero_negatives_and_wrong_types(option: kb_options.Option) -> None:
    assert kb_options.problems(lambda name: option.default, [option]) == []
    for value in bad_values(option):
        if option.accepts is kb_options.TEXT and value in (0, -3):
            value = 0.0  # text options: a number of any kind
        (message,) = kb_options.problems(lambda name, value=value: value, [option])
        assert f"« {option.name} »" in message
        assert repr(value) in message
        assert option.accepts.expected in message


@pytest.mark.parametrize("option", css_options.OPTIONS, ids=lambda option: option.name)
def test_every_css_bundle_option_refuses_wrong_values(option: css_options.Option) -> None:
    assert css_options.problems(lambda name: option.default if name == option.name else []) == []
    for value in (0, -1, "fa-*.woff2", [3], [""]):
        found = css_options.problems(lambda name, value=value: value if name == option.name else [])
        (message,) = found
        assert f"« {option.name} »" in message and repr(value) in message
    if option.name == "css_bundle_safelist":
        (message,) = css_options.problems(lambda name: ["kept-(\\d"] if name == option.name else [])
        assert "expressions régulières" in message


def sphinx_build(tmp_path: Path, conf: str) -> subprocess.CompletedProcess[str]:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(REPO / '_ext')!r})\n{conf}", "utf-8"
    )
    (src / "index.md").write_text("# Accueil\n", "utf-8")
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-b", "html", "-q", str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_bad_option_fails_the_build_with_every_problem_and_no_traceback(
    tmp_path: Path,
) -> None:
    conf = (
        'extensions = ["myst_parser", "sphinx_base_de_connaissances",'
        ' "sphinx_base_de_connaissances.css_bundle"]\n'
        "kb_page_size = 0\nkb_words_per_minute = -1\nkb_nav_links = ['archives']\n"
        'css_bundle_safelist = ["("]\n'
    )
    result = sphinx_build(tmp_path, conf)  # not strict: the error alone fails it
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    for text in (
        "option « kb_page_size » : valeur 0 refusée ; attendu : un nombre entier",
        "option « kb_words_per_minute » : valeur -1 refusée",
        "option « kb_nav_links » : valeur ['archives'] refusée",
        "option « css_bundle_safelist » : valeur ['('] refusée",
    ):
        assert text in result.stderr


def readme_options(path: Path) -> dict[str, str]:
    """`name` → default, from the README's options table."""
    text = path.read_text("utf-8")
    section = text[text.index("## Options") :]
    section = section[: section.index("\n## ", 1)]
    return dict(re.findall(r"^\| `(\w+)` \| `([^`]*)` \|", section, flags=re.M))


def test_the_readme_lists_exactly_the_options_of_the_table() -> None:
    listed = readme_options(KB_README)
    assert listed == {option.name: repr(option.default) for option in kb_options.OPTIONS}


def test_the_readme_names_every_warning_subtype() -> None:
    from sphinx_base_de_connaissances.diagnostics import Subtype

    text = (KB_README).read_text("utf-8")
    section = text[text.index("## Warnings") :]
    assert set(re.findall(r"^\| `kb\.(\w+)` \|", section, flags=re.M)) == {s.value for s in Subtype}


def test_site_wide_options_feed_the_site_inputs() -> None:
    values = {option.name: option.default for option in kb_options.OPTIONS}
    before = kb_options.site_wide(values.__getitem__)
    for option in kb_options.OPTIONS:
        changed = dict(values, **{option.name: "autre"})
        assert (kb_options.site_wide(changed.__getitem__) != before) == option.site_wide


def test_an_option_set_by_its_old_name_works_and_warns_with_the_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A base written for an older engine builds unchanged; the warning names the new option
    (an entry of kb.options.RENAMED, as the changelog announces it)."""
    from tests.helpers import build_root

    monkeypatch.setitem(kb_options.RENAMED, "kb_words_per_minutes", "kb_words_per_minute")
    conf = (REPO / "tests/roots/test-kb/conf.py").read_text("utf-8")
    src = tmp_path / "src"
    build_root("kb", src)  # copy the root
    (src / "conf.py").write_text(conf + "\nkb_words_per_minutes = 2\n", "utf-8")
    outdir, warnings = build_root("kb", src, copy=False)
    assert (
        "conf.py : option « kb_words_per_minutes » renommée en « kb_words_per_minute » : elle "
        "est prise en compte, mais écrivez « kb_words_per_minute » dans conf.py."
    ) in warnings
    assert "[kb.deprecated]" in warnings
    # 2 words a minute (the default is 200): the reading time follows the old name's value.
    text = (outdir / "articles/premier.html").read_text("utf-8")
    assert re.search(r"4\s+min de lecture", text)


def test_no_renamed_option_takes_the_name_of_a_current_one() -> None:
    current = {option.name for option in kb_options.OPTIONS}
    assert not set(kb_options.RENAMED) & current
    assert set(kb_options.RENAMED.values()) <= current
