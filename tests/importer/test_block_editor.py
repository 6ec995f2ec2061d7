"""A block-editor WordPress blog, as real exports are (WordPress's theme test data showed each
construct): read whatever WXR version it declares, imported with no hand edit, and ``check``
and the strict build pass on what the import wrote. The export is written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers import soup
from tests.importer.test_import import FIXTURES, build_and_check, new_base, run_import

EXPORT = FIXTURES / "wordpress-blocs"
TODAY = dt.date.today().isoformat()


def export(tmp_path: Path, namespace: str) -> Path:
    path = tmp_path / "export.xml"
    text = (EXPORT / "export.xml").read_text("utf-8").replace("WXR_NS", namespace)
    path.write_text(text, "utf-8")
    return path


def test_a_block_editor_blog_builds_strictly_and_reads_as_it_did(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = new_base(tmp_path)
    xml = export(tmp_path, "https://wordpress.org/export/1.2")
    uploads = str(EXPORT / "uploads")
    report = run_import(
        base, capsys, "wordpress", str(xml), "--medias", uploads, "--relu-le", TODAY
    )
    assert "WordPress : 2 pages lues" in report
    assert "22 mots-clés ; les 20 premiers gardés, laissés : t21, t22" in report
    written = (base / "articles/pilotage/feuille-de-route.md").read_text("utf-8")
    assert 'title: "Mesurer : la feuille de route"' in written
    assert f"date: 2023-05-02\nreviewed: {TODAY}\n" in written  # no « not reviewed » banner
    outdir = build_and_check(base)  # check, then the strict build: no warning
    page = soup(outdir / "articles/pilotage/feuille-de-route.html")
    article = page.select_one("article") or page
    text = article.get_text(" ")
    assert "\\" not in text  # no paragraph made of a lone break
    assert page.find("strong", string="1. Gonfler") is not None
    assert "S’inscrire" in text and page.find("a", string="S’inscrire") is None
    assert [h.get_text(strip=True).rstrip("#¶") for h in article.select("h2, h3")][:2] == [
        "Étapes",
        "Budget",
    ]
    assert page.find("a", string="le budget")["href"] == "#budget"
    assert page.select_one("#budget") is not None
    arbitrages = page.find("a", string="les arbitrages")["href"]
    assert arbitrages == "gouvernance.html#gouvernance-arbitrages"
    target = soup(outdir / "articles/pilotage/gouvernance.html")
    assert (
        target.select_one("#gouvernance-arbitrages")
        .get_text(" ", strip=True)
        .startswith("Arbitrages")
    )
    assert page.select_one(".kb-review") is None
    footnote = page.select_one("aside.footnote, .footnote-list, dl.footnote")
    assert footnote is not None and "rapport annuel" in footnote.get_text(" ")
    assert page.select_one("a.footnote-reference") is not None
    assert any("schema" in img["src"] for img in page.select("img"))  # the gallery's image
    # A WordPress.com file host's image (a resized copy) found in the uploads folder.
    assert page.select_one("figcaption .caption-text").get_text(strip=True) == "Le schéma directeur"
    assert "images montrées : 100,0 % (2/2)" in report
    assert page.find("a", href=lambda h: bool(h) and h.endswith("podcast.mp3")) is not None
    assert "si  budget: ok" in page.select_one("pre").get_text()
    # The post's slug before a rename still answers (WordPress's _wp_old_slug).
    refresh = soup(outdir / "comite/index.html").find("meta", attrs={"http-equiv": "refresh"})
    assert refresh["content"].endswith("articles/pilotage/gouvernance.html")


@pytest.mark.parametrize(
    "namespace",
    [
        "http://wordpress.org/export/1.0",
        "http://wordpress.org/export/1.1",
        "http://wordpress.org/export/1.2",
        "https://wordpress.org/export/1.2",
    ],
)
def test_each_wxr_version_is_read_by_the_namespace_it_declares(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], namespace: str
) -> None:
    base = new_base(tmp_path)
    report = run_import(base, capsys, "wordpress", str(export(tmp_path, namespace)))
    assert "WordPress : 2 pages lues" in report
    assert (base / "articles/pilotage/gouvernance.md").is_file()


def test_an_export_without_posts_fails_in_french(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sphinx_base_de_connaissances.__main__ import main as command

    base = new_base(tmp_path)
    empty = tmp_path / "vide.xml"
    empty.write_text(
        '<?xml version="1.0"?><rss version="2.0" xmlns:wp="http://wordpress.org/export/1.1/">'
        "<channel><title>Vide</title></channel></rss>",
        "utf-8",
    )
    broken = tmp_path / "casse.xml"
    broken.write_text("<rss><channel><item>", "utf-8")
    capsys.readouterr()
    assert command(["import", "wordpress", str(empty), "--base", str(base)]) == 2
    assert "aucun article ni page à importer (0 éléments <item>" in capsys.readouterr().err
    assert command(["import", "wordpress", str(broken), "--base", str(base)]) == 2
    assert "XML mal formé ligne 1" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        command(["import", "wordpress", str(broken), "--relu-le", "15/01/2025"])
    assert "« 15/01/2025 » : attendu une date AAAA-MM-JJ" in capsys.readouterr().err
    assert not (base / "articles/pilotage").exists()
