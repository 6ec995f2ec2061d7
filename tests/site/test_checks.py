"""The commands behind `nox -s build` and `nox -s linkcheck`, run on copies of the site."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.helpers import REPO, copy_site


def run_sitebuild(source: Path, builder: str = "html") -> subprocess.CompletedProcess[str]:
    """Run the exact command the nox sessions run, on another source folder."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "tools.sitebuild",
            "--builder",
            builder,
            "--source",
            str(source),
            "--out",
            str(source / "_build"),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_strict_build_fails_on_broken_reference_and_again_when_rerun(tmp_path: Path) -> None:
    source = copy_site(tmp_path / "site")
    article = source / "articles" / "aime-l-approche-digitale-systemique.md"
    article.write_text(
        article.read_text(encoding="utf-8") + "\nVoir [la suite](#cible-qui-n-existe-pas).\n",
        encoding="utf-8",
    )
    first = run_sitebuild(source)
    assert first.returncode != 0
    assert "aime-l-approche-digitale-systemique.md" in first.stderr
    second = run_sitebuild(source)
    assert second.returncode != 0, "an unchanged rebuild after a failure must fail again"
    assert "cible-qui-n-existe-pas" in second.stderr


def test_invalid_front_matter_fails_the_strict_build_with_file_and_line(tmp_path: Path) -> None:
    source = copy_site(tmp_path / "site")
    article = source / "articles" / "aime-l-approche-digitale-systemique.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("date: 2026-11-27", "date: 2026-11-31"),
        encoding="utf-8",
    )
    result = run_sitebuild(source)
    assert result.returncode != 0
    assert "aime-l-approche-digitale-systemique.md:4: WARNING: champ « date » : « 2026-11-31 »" in (
        result.stderr
    )


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == "/ok" else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(b"<html><body>ok</body></html>")

    do_HEAD = do_GET  # noqa: N815 (http.server's naming)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_linkcheck_reports_broken_link_with_file_and_line(
    tmp_path: Path, local_server: str
) -> None:
    source = copy_site(tmp_path / "site", with_articles=False)
    page = source / "articles" / "liens.md"
    page.write_text(
        "---\ntitle: Liens\ndescription: Une page de liens pour le test.\n"
        "date: 2026-11-27\ntags: [test]\n---\n\n"
        f"Un [lien qui marche]({local_server}/ok).\n\n"
        f"Un [lien cassé]({local_server}/absent).\n",
        encoding="utf-8",
    )
    result = run_sitebuild(source, "linkcheck")
    assert result.returncode != 0, "a broken link must fail linkcheck"
    report = source / "_build" / "linkcheck" / "output.json"
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    by_uri = {row["uri"]: row for row in rows}
    assert by_uri[f"{local_server}/ok"]["status"] == "working"
    broken = by_uri[f"{local_server}/absent"]
    assert broken["status"] == "broken"
    assert broken["filename"] == "articles/liens.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    assert "lien cassé" in lines[broken["lineno"] - 1]
