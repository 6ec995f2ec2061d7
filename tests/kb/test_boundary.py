"""A pull request cannot reach outside its articles: every way a page names a file (code,
include, table, raw file, image, figure, download, raw HTML image) is held to the base's source
folder, without symbolic links or hidden folders; URLs are never fetched; every page is
sanitized alike. A hostile pull request is built once, with the offline edition on: each of
its inputs is a French warning at its file and line, and no output (pages, search index,
feeds, PDF, EPUB, copied images and downloads) holds anything from outside the repository, or
anything that runs."""

from __future__ import annotations

import gzip
import http.server
import re
import shutil
import struct
import subprocess
import threading
import zipfile
import zlib
from pathlib import Path
from typing import ClassVar

import pytest
from PIL import Image

from tests.helpers import REPO, build_root

SECRET = "SECRET-HORS-DU-DEPOT"
GIT_SECRET = "SECRET-DU-DOSSIER-GIT"
ENV_SECRET = "SECRET-DE-L-ENVIRONNEMENT"
FRONT = """---
title: "{title}"
description: "Une description assez longue pour passer la validation du schéma."
date: 2026-01-15
authors: [alice]
category: strategie
---

"""


def png_header(width: int, height: int) -> bytes:
    """A PNG that announces ``width`` × ``height`` pixels (a decompression bomb's header)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


SVG_SCRIPT = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
GLOSSARY = """# Glossaire

<script>alert("glossaire")</script>

<img src="x.png" onerror="alert(2)" alt="x">

<a href="javascript:alert(3)">lien</a>

<iframe src="https://exemple.org/"></iframe>

<style>body { display: none }</style>

<form action="https://exemple.org/"><input name="q"></form>

<script src="../_downloads/piege.js"></script>
"""
# (file, body, the line's marker, what the warning says); the URL options name the server
# this test starts, which must receive nothing.
CASES = [
    ("lit-lien", "```{literalinclude} lien-secret.txt\n```\n", "literalinclude", "lien symbolique"),
    (
        "lit-monte",
        "```{literalinclude} ../../secret.txt\n```\n",
        "literalinclude",
        "hors du dossier source",
    ),
    (
        "lit-proc",
        "```{literalinclude} ../../../../../../../../../proc/self/environ\n```\n",
        "literalinclude",
        "hors du dossier source",
    ),
    ("lit-git", "```{literalinclude} ../.git/config\n```\n", "literalinclude", "caché"),
    (
        "lit-diff",
        "```{literalinclude} ../index.md\n:diff: ../../secret.txt\n```\n",
        "literalinclude",
        "hors du dossier source",
    ),
    ("inclus", "```{include} lien-secret.txt\n```\n", "{include}", "lien symbolique"),
    ("inclus-monte", "```{include} ../../secret.txt\n```\n", "{include}", "hors du dossier"),
    ("csv", "```{csv-table}\n:file: ../../secret.txt\n```\n", "csv-table", "hors du dossier"),
    ("csv-url", "```{csv-table}\n:url: @URL@/table.csv\n```\n", "csv-table", ":url:"),
    ("brut", "```{raw} html\n:file: /etc/hostname\n```\n", "{raw}", "hors du dossier"),
    ("brut-url", "```{raw} html\n:url: @URL@/page.html\n```\n", "{raw}", ":url:"),
    ("image-lien", "![x](images/lien.png)\n", "![x]", "lien symbolique"),
    ("image-monte", "![x](../../secret.png)\n", "![x]", "hors du dossier"),
    ("figure", "```{figure} ../../secret.png\nLégende.\n```\n", "{figure}", "hors du dossier"),
    ("image-distante", "![x](https://exemple.org/pixel.png)\n", "![x]", "image distante"),
    ("image-bombe", "![x](images/bombe.png)\n", "![x]", "mesure"),
    ("image-deguisee", "![x](images/deguisee.jpg)\n", "![x]", "image PNG sous l’extension .jpg"),
    ("image-svg", "![x](images/piege.svg)\n", "![x]", "élément <script>"),
    (
        "telechargement",
        "{download}`env <../../../../../../../../../proc/self/environ>`\n",
        "{download}",
        "hors du dossier",
    ),
    ("telechargement-lien", "[le fichier](lien-secret.txt)\n", "[le fichier]", "lien symbolique"),
    ("telechargement-js", "{download}`script <piege.js>`\n", "{download}", "s’exécuterait"),
    ("telechargement-html", "{download}`page <piege.html>`\n", "{download}", "s’exécuterait"),
    ("telechargement-svg", "{download}`dessin <images/piege.svg>`\n", "{download}", "<script>"),
    ("html-monte", '<img src="../../../etc/hostname" alt="x">\n', "<img", "sort du site"),
    ("html-distant", '<img src="//exemple.org/p.png" alt="x">\n', "<img", "image distante"),
    ("liste", '<ol start="²"><li>un</li></ol>\n', "<ol", "start"),
    ("liste-longue", f'<ol start="{"9" * 5000}"><li>un</li></ol>\n', "<ol", "start"),
    (
        "cellule",
        '<table><tr><td colspan="300000">x</td></tr></table>\n',
        "<table>",
        "colspan",
    ),
]


class Recorder(http.server.BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        Recorder.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"a,b\n")

    def log_message(self, *args: object) -> None:
        pass


def write_pull_request(src: Path, outside: Path, url: str) -> None:
    """The hostile pull request on top of the test-kb root."""
    (outside / "secret.txt").write_text(f"{SECRET}\n", "utf-8")
    Image.new("RGB", (8, 8), (200, 0, 0)).save(outside / "secret.png")
    (src / ".git").mkdir()
    (src / ".git/config").write_text(f"[http]\n  extraheader = {GIT_SECRET}\n", "utf-8")
    articles = src / "articles"
    (articles / "images").mkdir()
    (articles / "lien-secret.txt").symlink_to(outside / "secret.txt")
    (articles / "images/lien.png").symlink_to(outside / "secret.png")
    (articles / "images/bombe.png").write_bytes(png_header(40_000, 40_000))
    image = articles / "images/deguisee.jpg"
    Image.new("RGB", (8, 8)).save(image, format="PNG")
    (articles / "images/piege.svg").write_bytes(SVG_SCRIPT)
    (articles / "piege.js").write_text("alert(document.cookie)\n", "utf-8")
    (articles / "piege.html").write_text("<script>alert(1)</script>\n", "utf-8")
    for name, body, _, _ in CASES:
        text = FRONT.format(title=f"Article {name}") + body.replace("@URL@", url)
        (articles / f"{name}.md").write_text(text, "utf-8")
    (src / "glossaire.md").write_text(GLOSSARY, "utf-8")
    index = src / "index.md"
    index.write_text(index.read_text("utf-8") + "\n```{toctree}\n:hidden:\nglossaire\n```\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """(the output folder, the build's warnings without colours)."""
    root = tmp_path_factory.mktemp("hostile")
    src = root / "depot" / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("KB_TEST_TOKEN", ENV_SECRET)
    try:
        write_pull_request(src, root, f"http://127.0.0.1:{server.server_port}")
        outdir, warnings = build_root("kb", src, copy=False, confoverrides={"kb_offline": True})
    finally:
        monkeypatch.undo()
        server.shutdown()
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in warnings.splitlines()]
    return outdir, [line for line in lines if "WARNING" in line or "ERROR" in line]


def line_of(path: Path, marker: str) -> int:
    lines = path.read_text("utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if marker in line)


@pytest.mark.parametrize(("name", "body", "marker", "says"), CASES, ids=[c[0] for c in CASES])
def test_each_hostile_input_is_a_french_warning_at_its_line(
    hostile, name: str, body: str, marker: str, says: str
) -> None:
    outdir, warnings = hostile
    source = outdir.parent.parent / "articles" / f"{name}.md"
    where = f"articles/{name}.md:{line_of(source, marker)}:"
    found = [w for w in warnings if where in w]
    assert any(says in w for w in found), (where, warnings)
    assert all("Traceback" not in w for w in warnings)


def test_the_glossary_is_sanitized_like_an_article(hostile) -> None:
    outdir, warnings = hostile
    located = {w.split(": WARNING")[0].rsplit("/src/", 1)[1] for w in warnings if "glossaire" in w}
    assert located >= {f"glossaire.md:{n}" for n in (3, 5, 7, 9, 11, 13, 15)}, warnings
    page = (outdir / "glossaire.html").read_text("utf-8")
    for active in ("alert(", "onerror", "javascript:", "<iframe", "<form", "display: none"):
        assert active not in page, active
    assert "piege.js" not in page


def test_no_url_of_a_directive_is_ever_requested(hostile) -> None:
    assert Recorder.requests == []


def published_texts(outdir: Path) -> dict[str, str]:
    """Every file of the site as text: gzip files (Pagefind's) decompressed, the EPUB's
    entries and the PDF's text read out."""
    texts = {}
    for path in sorted(outdir.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        name = path.relative_to(outdir).as_posix()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        if path.suffix == ".epub":
            book = zipfile.ZipFile(path)
            data = b"".join(book.read(entry) for entry in book.namelist())
        if path.suffix == ".pdf":
            data = subprocess.run(
                ["pdftotext", str(path), "-"], capture_output=True, check=True
            ).stdout
        texts[name] = data.decode("utf-8", "replace")
    return texts


def test_nothing_from_outside_the_repository_is_published_anywhere(hostile) -> None:
    outdir, _ = hostile
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    texts = published_texts(outdir)
    assert any(name.endswith(".pdf") for name in texts) and any(
        name.endswith(".epub") for name in texts
    )
    assert any(name.startswith("pagefind") for name in texts)
    hostname = Path("/etc/hostname").read_text().strip() if Path("/etc/hostname").is_file() else ""
    for name, text in texts.items():
        for secret in (SECRET, GIT_SECRET, ENV_SECRET, "root:x:0:0"):
            assert secret not in text, (name, secret)
        if hostname and len(hostname) > 6 and name.endswith(".html"):
            assert hostname not in text, name
    copied = {p.name for p in outdir.rglob("*") if p.parent.name != "pagefind"}
    assert not copied & {"secret.png", "lien.png", "environ", "lien-secret.txt", "config"}
    assert not (outdir / "_downloads").exists()
    for active in ("piege.js", "piege.html", "piege.svg", "bombe.png", "deguisee.jpg"):
        assert not list(outdir.rglob(active)), active
