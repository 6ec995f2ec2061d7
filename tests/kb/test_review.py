"""Review notices: an article not reviewed for kb_review_after_months months says so at its top,
naming the date; the notice appears on the day it falls due without any edit; `nox -s review`
lists the articles due, oldest first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.clock import today
from sphinx_base_de_connaissances.commands.review import due_articles, main
from sphinx_base_de_connaissances.content.review import is_due, last_review, months_before
from sphinx_base_de_connaissances.content.schema import parse_article
from sphinx_base_de_connaissances.settings import Settings
from sphinx_base_de_connaissances.source.base import load
from sphinx_base_de_connaissances.source.files import load_vocabulary

from tests.helpers import REPO, build_root, soup
from tests.kb.test_hostile import FRONT, build


def epoch(day: str) -> str:
    return str(int(dt.datetime.fromisoformat(f"{day}T12:00:00+00:00").timestamp()))


def article(extra: str) -> str:
    return (
        FRONT.format(title='"Un vieil article"', tags="[]").replace(
            "date: 2026-01-15", f"date: 2023-06-01{extra}"
        )
        + "Du texte.\n"
    )


def test_months_before_keeps_the_day_or_the_months_last() -> None:
    assert months_before(dt.date(2026, 12, 1), 18) == dt.date(2025, 6, 1)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 3, 31), 1) == dt.date(2024, 2, 29)


def test_the_last_review_is_reviewed_else_updated_else_date(monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-12-01"))
    vocab, _ = load_vocabulary(REPO / "tests/roots/test-kb/data")

    def parsed(extra: str):
        found, problems = parse_article("a.md", "articles/a", article(extra), vocab, on=today())
        assert problems == []
        return found

    assert last_review(parsed("")) == dt.date(2023, 6, 1)
    assert last_review(parsed("\nupdated: 2024-01-02")) == dt.date(2024, 1, 2)
    assert last_review(parsed("\nupdated: 2024-01-02\nreviewed: 2026-02-03")) == dt.date(2026, 2, 3)
    assert is_due(parsed(""), dt.date(2026, 12, 1), 18)
    assert not is_due(parsed("\nreviewed: 2026-02-03"), dt.date(2026, 12, 1), 18)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023-05-31", "postérieure au champ « date »"), ("2027-01-01", "date future")],
)
def test_reviewed_is_validated_like_date(monkeypatch, value: str, expected: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-12-01"))
    vocab, _ = load_vocabulary(REPO / "tests/roots/test-kb/data")
    _, problems = parse_article(
        "a.md", "articles/a", article(f"\nreviewed: {value}"), vocab, on=today()
    )
    (problem,) = problems
    assert problem.field == "reviewed" and expected in problem.message and problem.line == 5


def test_the_notice_appears_on_the_day_it_falls_due(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2024-11-30"))  # 17 months and 29 days
    outdir, warnings = build(tmp_path, {"articles/vieux.md": article("")})
    assert warnings == ""
    assert soup(outdir / "articles/vieux.html").select_one(".kb-review") is None
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2024-12-02"))  # nothing edited
    outdir, warnings = build_root("kb", tmp_path / "src", copy=False)
    assert warnings == ""
    notice = soup(outdir / "articles/vieux.html").select_one(".kb-review")
    assert notice.get_text() == (
        "Cet article n’a pas été relu depuis le 1er juin 2023\u202f: certaines informations "
        "peuvent être dépassées."
    )
    assert notice.find("time")["datetime"] == "2023-06-01"
    assert notice.has_attr("data-pagefind-ignore")
    assert "relecture" not in (outdir / "feeds/atom.xml").read_text("utf-8")


def test_nox_review_lists_the_articles_due_oldest_first(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch("2026-12-02"))
    build(
        tmp_path,
        {"articles/vieux.md": article(""), "articles/relu.md": article("\nreviewed: 2026-01-01")},
    )
    src = tmp_path / "src"
    found = [a.docname for a in due_articles(load(src, Settings.from_conf_py(src)), 18)]
    assert found == ["articles/vieux", "articles/dossier/troisieme"]  # 2023-06-01, then 2025-06-01
    assert main([str(src)]) == 0
    out = capsys.readouterr().out
    assert out.index("Un vieil article") < out.index("troisieme")
    assert "| 2023-06-01 | Alice Écrivaine |" in out and "relu" not in out
