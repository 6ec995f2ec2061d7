"""A source handed over for import is data, not instructions (issue « Nothing a pull request,
an imported source or a base's own files contain can act »): a WordPress post whose code, link
targets and image addresses carry a fence and a refresh `<meta>` comes in as text the strict
build accepts and no reader follows; a source's own `.git/config` runs nothing; a title, a tag
or a category that the build would refuse is made acceptable and reported."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import build_root, soup
from tests.importer.test_import import build_and_check, new_base, run_import

FENCE = (
    "\n```{eval-rst}\n.. meta::\n   :http-equiv=refresh: 0; url=https://ailleurs.example/\n```\n"
)
TITLE = "Un titre " + "très long " * 20 + "\u007f\u0085\u009f\u202e fin"  # allowed in XML

POST = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Piège</title><link>https://blog.example.fr</link>
<wp:base_site_url>https://blog.example.fr</wp:base_site_url>
<item>
<title><![CDATA[{title}]]></title>
<link>https://blog.example.fr/2020/01/01/piege/</link>
<dc:creator><![CDATA[amelie]]></dc:creator>
<content:encoded><![CDATA[<p>Du code : <code>x{fence}y</code> fin.</p>
<p><a href="https://ailleurs.example/a{fence_url})b">un lien</a>
et <a href="javascript:alert(1)">un autre</a>.</p>
<p><img src="https://ailleurs.example/i.png{fence_url}" alt="une image"></p>
<iframe src="https://video.example/v{fence_url}" title="Vidéo"></iframe>
<p>Texte suivant.</p>]]></content:encoded>
<excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>7</wp:post_id>
<wp:post_date><![CDATA[2020-01-01 10:00:00]]></wp:post_date>
<wp:post_name><![CDATA[piege]]></wp:post_name>
<wp:status><![CDATA[publish]]></wp:status>
<wp:post_type><![CDATA[post]]></wp:post_type>
<category domain="category" nicename="index"><![CDATA[Index]]></category>
<category domain="post_tag" nicename="index"><![CDATA[index]]></category>
</item></channel></rss>
"""


def test_a_hostile_post_comes_in_as_inert_text_that_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = tmp_path / "export.xml"
    export.write_text(
        POST.replace("{title}", TITLE)
        .replace("{fence}", FENCE)
        .replace("{fence_url}", FENCE.replace("\n", "&#10;")),
        "utf-8",
    )
    base = new_base(tmp_path)
    report = run_import(base, capsys, "wordpress", str(export))
    assert "titre de plus de 120 caractères coupé" in report
    written = next((base / "articles").rglob("piege.md")).read_text("utf-8")
    assert "\n```{eval-rst}" not in written
    assert "javascript:" not in written
    title_line = next(line for line in written.splitlines() if line.startswith("title:"))
    assert title_line.endswith('long…"') and not any(c in title_line for c in "\x7f\x85\x9f\u202e")

    outdir = build_and_check(base)  # check passes, the strict build has no warning
    page = next(outdir.rglob("piege.html"))
    found = soup(page)
    assert found.head.find("meta", attrs={"http-equiv": "refresh"}) is None
    assert 'ailleurs.example/"' not in str(found.head)
    assert "Texte suivant." in found.get_text()
    code = found.select_one("article code, main code")
    assert code is not None and "eval-rst" in code.get_text()  # shown, as written


def test_an_imported_source_s_git_config_runs_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.importer.test_import import gitbook_repository
    from tests.unit.test_gitrun import sign_head

    space = gitbook_repository(tmp_path)
    sign_head(space)  # log.showSignature then runs gpg.program
    marker = tmp_path / "EXECUTE"
    program = tmp_path / "programme.sh"
    program.write_text(f"#!/bin/sh\ntouch {marker}\nexit 1\n", "utf-8")
    program.chmod(0o755)
    for key in ("gpg.program", "core.fsmonitor", "core.pager", "diff.external"):
        subprocess.run(["git", "config", key, str(program)], cwd=space, check=True)
    subprocess.run(["git", "config", "log.showSignature", "true"], cwd=space, check=True)
    subprocess.run(["git", "log", "-1"], cwd=space, capture_output=True, check=False)
    assert marker.exists()  # the control: git on its own runs it
    marker.unlink()

    base = new_base(tmp_path)
    run_import(base, capsys, "gitbook", str(space))
    assert not marker.exists()
    written = (base / "data/authors.yml").read_text("utf-8")
    assert "Léa Roux" in written and "Marc Blanc" in written  # the history was read
    _outdir, warnings = build_root("kb", base, copy=False)
    assert warnings == "" and not marker.exists()


def one_post(post_id: str, name: str, body: str = "<p>Texte.</p>") -> str:
    item = POST.split("<item>")[1].split("</item>")[0]
    return (
        "<item>"
        + item.replace("{title}", name.capitalize())
        .replace("<wp:post_id>7</wp:post_id>", f"<wp:post_id>{post_id}</wp:post_id>")
        .replace("[piege]", f"[{name}]")
        .replace("/piege/", f"/{name}/")
        .replace(
            item.split("<content:encoded>")[1].split("</content:encoded>")[0], f"<![CDATA[{body}]]>"
        )
        + "</item>"
    )


def export(tmp_path: Path, *items: str) -> Path:
    path = tmp_path / "export.xml"
    head, tail = POST.split("<item>")[0], POST.split("</item>")[1]
    path.write_text(head + "".join(items) + tail, "utf-8")
    return path


def test_two_posts_with_one_id_both_come_in_and_deep_nesting_is_flattened(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "<blockquote>" * 3000 + "Au fond." + "</blockquote>" * 3000
    path = export(
        tmp_path,
        one_post("7", "premier", "<p>Le premier article du blog.</p>"),
        one_post("7", "second", f"<p>Le second article du blog.</p>{deep}"),
    )
    base = new_base(tmp_path)
    report = run_import(base, capsys, "wordpress", str(path))
    assert "identifiant 7 déjà pris" in report
    assert "mis à plat" in report
    names = sorted(p.name for p in (base / "articles").rglob("*.md"))
    assert names == ["bienvenue.md", "premier.md", "second.md"]  # the sample, and both
    outdir = build_and_check(base)
    assert "Au fond." in next(outdir.rglob("second.html")).read_text("utf-8")


def test_the_import_never_writes_through_a_link_nor_reads_a_pipe(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    base = new_base(tmp_path)
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (base / "medias").symlink_to(outside, target_is_directory=True)
    source = tmp_path / "dossier"
    (source / "docs").mkdir(parents=True)
    (source / "docs/page.md").write_text("# Page\n\n![Un schéma](schema.png)\n", "utf-8")
    from PIL import Image

    Image.new("RGB", (8, 8)).save(source / "docs/schema.png")
    os.mkfifo(source / "docs/tube.md")
    report = run_import(base, capsys, "markdown", str(source))  # returns: no read of the pipe
    assert "medias est un lien symbolique : rien n’est écrit à travers" in report
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(
    ("kind", "config", "value"),
    [("markdown", "mkdocs.yml", "docs_dir: /"), ("gitbook", ".gitbook.yaml", "root: ../../")],
)
def test_a_source_configuration_pointing_outside_is_a_french_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, config: str, value: str
) -> None:
    from sphinx_base_de_connaissances.__main__ import main as command

    source = tmp_path / "source"
    (source / "docs").mkdir(parents=True)
    (source / config).write_text(f"site_name: x\n{value}\n", "utf-8")
    base = new_base(tmp_path)
    capsys.readouterr()
    assert command(["import", kind, str(source), "--base", str(base)]) == 2
    error = capsys.readouterr().err
    assert "désigne un dossier hors de la source" in error and "Traceback" not in error


def test_a_large_export_shows_its_progress(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sphinx_base_de_connaissances.__main__ import main as command

    posts = [one_post(str(n), f"article-{n}", f"<p>Texte {n}.</p>") for n in range(2_000)]
    path = export(tmp_path, *posts)
    base = new_base(tmp_path)
    capsys.readouterr()
    assert command(["import", "wordpress", str(path), "--base", str(base)]) == 0
    err = capsys.readouterr().err
    assert "import : 1\u202f000 / 2\u202f000 pages lues" in err
    assert "import : 2\u202f000 / 2\u202f000 pages écrites" in err
    assert len(list((base / "articles").rglob("article-*.md"))) == 2_000
