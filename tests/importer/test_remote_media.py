"""``import --telecharger-medias``: remote images (WordPress.com, GitBook's file host) come
into the base once, within the bounds and checks the build applies to a file a page shows;
what is refused is reported; without the option they stay links and the report says how to
bring them in. The remote site is a server these tests start on 127.0.0.1."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

from tests.helpers import soup
from tests.importer.test_import import build_and_check, new_base, run_import


def picture(kind: str) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (24, 16), (200, 40, 40)).save(data, kind)
    return data.getvalue()


FILES = {
    "/2019/04/phare.png": picture("PNG"),
    "/2019/04/jetee.png": picture("JPEG"),  # a JPEG named .png: kept under .jpg
    "/2019/04/faux.jpg": b"<html>not an image</html>",
    "/2019/04/dessin.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    "/2019/04/lourde.png": b"\x89PNG" + b"0" * 10_000_001,
}


@pytest.fixture
def remote() -> Iterator[tuple[str, list[str]]]:
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            if self.path == "/ailleurs.png":
                self.send_response(302)
                self.send_header("Location", "file:///etc/passwd")
                self.end_headers()
                return
            data = FILES.get(self.path)
            self.send_response(200 if data is not None else 404)
            self.end_headers()
            if data is not None:
                self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", hits
    server.shutdown()
    server.server_close()


def export(tmp_path: Path, host: str) -> Path:
    images = "".join(
        f'<p><img src="{host}{path}" alt="Vue {n}"></p>'
        for n, path in enumerate([*FILES, "/2019/04/absente.png", "/ailleurs.png"])
    )
    xml = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Littoral</title><link>https://littoral.example.org</link>
<item><title>Le port</title><link>https://littoral.example.org/le-port/</link>
<dc:creator>ines</dc:creator>
<content:encoded><![CDATA[<p>Le port et ses abords, vus depuis la digue au petit matin.</p>{images}
<figure><img src="{host}/2019/04/phare.png" alt="Le phare">
<figcaption>Le phare en hiver</figcaption></figure>]]></content:encoded>
<wp:post_id>3</wp:post_id><wp:post_date>2019-04-02 10:00:00</wp:post_date>
<wp:post_name>le-port</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<category domain="category" nicename="ports"><![CDATA[Ports]]></category>
</item></channel></rss>"""
    path = tmp_path / "littoral.xml"
    path.write_text(xml, "utf-8")
    return path


def test_remote_images_come_in_once_within_the_build_bounds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], remote: tuple[str, list[str]]
) -> None:
    host, hits = remote
    base = new_base(tmp_path)
    xml = export(tmp_path, host)
    report = run_import(base, capsys, "wordpress", str(xml), "--telecharger-medias")
    assert sorted((base / "medias").iterdir()) == [
        base / "medias/jetee.jpg",
        base / "medias/phare.png",
    ]
    assert "faux.jpg : ni PNG, ni JPEG, ni GIF, ni WebP, ni SVG lisible" in report
    assert "dessin.svg : image refusée : le SVG « dessin.svg » contient" in report
    assert "lourde.png : plus de 10,0\u00a0Mo : non téléchargée" in report
    assert "absente.png : téléchargement impossible (le serveur répond 404)" in report
    assert "ailleurs.png : téléchargement impossible" in report
    assert "/etc/passwd" not in (base / "articles/ports/le-port.md").read_text("utf-8")
    assert "images montrées : 37,5 % (3/8)" in report
    assert hits.count("/2019/04/phare.png") == 1  # twice in the page, fetched once
    outdir = build_and_check(base)
    page = soup(outdir / "articles/ports/le-port.html")
    shown = [img["src"] for img in page.select("article img, main img")]
    assert any(src.endswith("phare.png") for src in shown)
    assert any(src.endswith("jetee.jpg") for src in shown)
    assert all(not src.startswith("http") for src in shown)
    assert "Le phare en hiver" in page.select_one("figcaption").get_text()
    # A second import (another base, the same cache folder's place) fetches nothing again.
    hits.clear()
    run_import(base, capsys, "wordpress", str(xml), "--telecharger-medias")
    assert [h for h in hits if h.endswith(("phare.png", "jetee.png"))] == []


def test_without_the_option_remote_images_stay_links_and_the_report_says_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], remote: tuple[str, list[str]]
) -> None:
    host, hits = remote
    base = new_base(tmp_path)
    report = run_import(base, capsys, "wordpress", str(export(tmp_path, host)))
    assert hits == []
    assert "--telecharger-medias la copie dans la base" in report
    assert "images montrées : 0,0 % (0/8)" in report
    assert not (base / "medias").exists()
