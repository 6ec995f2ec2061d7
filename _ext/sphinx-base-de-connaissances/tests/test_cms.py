"""The editing space (``kb_cms``): Decap CMS's files, fetched as pinned from a registry (here
one on 127.0.0.1) and checked against their integrity, served under ``admin/`` with a policy
of their own; its configuration made from the base's schema and data; readers' pages the same
with it as without it."""

from __future__ import annotations

import base64
import hashlib
import html
import http.server
import io
import tarfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from sphinx_base_de_connaissances.content import schema
from sphinx_base_de_connaissances.outputs import cms, npm

from .helpers import article, pages_written, warnings_of

REPOSITORY = 'kb_repository_url = "https://github.com/exemple/base"\n'
BUNDLE = b"window.CMS = {registerPreviewStyle() {}};\n"


def tarball(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(f"package/{name}")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def integrity(data: bytes) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


@pytest.fixture
def registry(monkeypatch, tmp_path: Path) -> Iterator[dict[str, bytes]]:
    """A registry on 127.0.0.1 serving what the test puts in it, a fresh cache, and a small
    package pinned as the engine's Decap CMS."""
    served: dict[str, bytes] = {}

    class Registry(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            data = served.get(self.path.lstrip("/"))
            self.send_response(200 if data is not None else 404)
            self.end_headers()
            self.wfile.write(data or b"")

        def log_message(self, *_args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Registry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("KB_NPM_REGISTRY", f"http://127.0.0.1:{server.server_port}")
    monkeypatch.setenv("KB_CACHE", str(tmp_path / "cache"))
    package = tarball(
        {
            "dist/decap-cms.js": BUNDLE,
            "dist/12.decap-cms.js": b"// a chunk\n",
            "dist/decap-cms.js.map": b"{}",
            "README.md": b"#",
        }
    )
    pinned = npm.Pinned("decap-cms", "0.0.1", integrity(package))
    monkeypatch.setattr(cms, "DECAP", pinned)
    served[pinned.tarball] = package
    reader = tarball({"dist/js-yaml.min.js": b"window.jsyaml = {};\n"})
    yaml_pinned = npm.Pinned("js-yaml", "0.0.1", integrity(reader))
    monkeypatch.setattr(cms, "JS_YAML", yaml_pinned)
    served[yaml_pinned.tarball] = reader
    yield served
    server.shutdown()
    server.server_close()


def conf(rootdir: Path, extra: str) -> str:
    return (rootdir / "test-base/conf.py").read_text("utf-8") + extra


def test_admin_is_the_cms_from_the_site_s_origin_under_its_own_policy(built, rootdir, registry):
    app, warnings = built({"conf.py": conf(rootdir, REPOSITORY + 'kb_cms = "decap"\n')})
    assert warnings_of(warnings) == []
    admin = Path(app.outdir) / "admin"
    assert sorted(p.name for p in admin.iterdir()) == [
        "12.decap-cms.js",
        "config.yml",
        "decap-cms.js",
        "index.html",
        "js-yaml.min.js",
        "kb-admin-blocks.js",
        "kb-admin-format.js",
        "kb-admin-preview.js",
        "kb-admin.js",
    ]  # no source map, nothing else of the packages
    assert (admin / "decap-cms.js").read_bytes() == BUNDLE
    page = (admin / "index.html").read_text("utf-8")
    assert '<html lang="fr">' in page and "Espace d’écriture — Base d’essai" in page
    policy = html.unescape(page.split('Content-Security-Policy" content="')[1].split('"')[0])
    assert (
        "default-src 'self'" in policy
        and "connect-src 'self' blob: https://api.github.com" in policy
    )
    assert "https://unpkg" not in page and "cdn" not in page  # nothing from another origin
    assert [line for line in page.splitlines() if "<script" in line] == [
        '  <script src="decap-cms.js"></script>',
        '  <script src="js-yaml.min.js"></script>',
        '  <script src="kb-admin.js"></script>',
        '  <script src="kb-admin-format.js"></script>',
        '  <script src="kb-admin-blocks.js"></script>',
        '  <script src="kb-admin-preview.js"></script>',
    ]
    config = yaml.safe_load((admin / "config.yml").read_text("utf-8"))
    # No reading paths' file in this base: no form for one (Decap could not open it).
    assert [collection["name"] for collection in config["collections"]] == ["articles"]
    script = (admin / "kb-admin.js").read_text("utf-8")
    assert script.startswith(
        'window.kbAdmin = {"defaults": {"draft": false, "share": true}, "media": "medias"};'
    )


def test_the_configuration_is_the_base_s_schema_and_data(built, rootdir, registry):
    files = {
        "conf.py": conf(rootdir, REPOSITORY + 'kb_cms = "decap"\n'),
        "articles/a.md": article(extra="tags: [stratégie, référencement]\n"),
        "articles/b.md": article(title="Autre", extra="tags: [stratégie]\n"),
        "data/parcours.yml": "essai:\n  title: Un parcours\n  articles: [a, b]\n",
    }
    app, warnings = built(files)
    assert warnings_of(warnings) == []
    config = yaml.safe_load((Path(app.outdir) / "admin/config.yml").read_text("utf-8"))
    backend = config["backend"]
    assert backend | {"commit_messages": None} == {
        "name": "github",
        "repo": "exemple/base",
        "branch": "main",
        "commit_messages": None,
    }
    assert backend["commit_messages"]["update"] == "Article modifié : {{slug}}"
    assert config["locale"] == "fr" and config["publish_mode"] == "editorial_workflow"
    articles, data = config["collections"]
    assert articles["folder"] == "articles"
    fields = {field["name"]: field for field in articles["fields"]}
    assert list(fields) == [field.name for field in schema.DECLARED] + ["body"]
    category = fields["category"]
    assert category["options"] == [
        {"label": "Stratégie", "value": "strategie"},
        {"label": "Réseaux sociaux", "value": "reseaux"},
    ]
    assert fields["authors"]["options"] == [{"label": "Alice Écrivaine", "value": "alice"}]
    assert {name for name, f in fields.items() if f.get("required") is not False} == {
        *schema.REQUIRED,
        "body",
    }
    assert fields["tags"]["hint"].endswith("Déjà utilisés : stratégie, référencement.")
    assert fields["body"]["modes"] == ["raw"]  # the writer's Markdown kept as written
    assert ":::{note}" in fields["body"]["hint"] and ":::{figure}" in fields["body"]["hint"]
    # The reading paths' file, each path's articles chosen among the base's by their titles.
    (paths,) = data["files"]
    assert paths["file"] == "data/parcours.yml" and paths["format"] == "kb-paths"
    (entry,) = paths["fields"]
    steps = {field["name"]: field for field in entry["fields"]}["articles"]
    assert steps["field"]["options"] == [
        {"label": "Autre", "value": "b"},
        {"label": "Un article d’essai", "value": "a"},
        {"label": "Un article d’une autre catégorie", "value": "ailleurs"},
    ]  # every article of the base, by title


def test_a_field_declared_in_the_schema_appears_in_the_form(monkeypatch) -> None:
    added = schema.Field("resume", lambda *_: None, "text", "Résumé", "Trois lignes.")
    monkeypatch.setattr(cms, "DECLARED", (*schema.DECLARED, added))
    repository = cms.Repository.of("https://github.com/exemple/base", "main")
    assert repository is not None
    config = cms.config(repository, "articles", schema.Vocabulary(), [], "https://ex.org/")
    fields = config["collections"][0]["fields"]
    assert fields[-2] | {"pattern": None} == {
        "name": "resume",
        "label": "Résumé",
        "hint": "Trois lignes.",
        "required": False,
        "widget": "string",
        "pattern": None,
    }


@pytest.mark.parametrize(
    ("url", "app_id", "expected"),
    [
        (
            "https://gitlab.com/equipe/base",
            "abc123",
            {"name": "gitlab", "auth_type": "pkce", "app_id": "abc123"},
        ),
        (
            "https://codeberg.org/equipe/base",
            "abc123",
            {"name": "forgejo", "api_root": "https://codeberg.org/api/v1", "app_id": "abc123"},
        ),
        ("https://github.com/equipe/base", "", {"name": "github", "repo": "equipe/base"}),
    ],
)
def test_each_forge_gets_its_backend_and_sign_in(url: str, app_id: str, expected: dict) -> None:
    repository = cms.Repository.of(url, "main", app_id)
    assert repository is not None
    found = repository.backend_config()
    assert {key: found.get(key) for key in expected} == expected
    assert cms.Repository.of("pas une adresse", "main") is None


def test_readers_pages_are_the_same_with_the_editing_space(make_app, rootdir, registry, tmp_path):
    import shutil

    outputs = []
    for name, extra in (("sans", REPOSITORY), ("avec", REPOSITORY + 'kb_cms = "decap"\n')):
        src = tmp_path / name
        shutil.copytree(rootdir / "test-base", src)
        (src / "conf.py").write_text(conf(rootdir, extra), "utf-8")
        app = make_app("html", srcdir=src)
        app.build()
        app.cleanup()
        outputs.append(pages_written(Path(app.outdir)))
    without, with_cms = outputs
    assert {k: v for k, v in with_cms.items() if not k.startswith("admin/")} == without
    assert "admin/index.html" in with_cms


def test_a_package_that_is_not_the_pinned_one_is_refused(built, rootdir, registry):
    registry[cms.DECAP.tarball] = tarball({"dist/decap-cms.js": b"alert('autre')"})
    app, warnings = built({"conf.py": conf(rootdir, REPOSITORY + 'kb_cms = "decap"\n')})
    assert "ne correspond pas à son empreinte" in warnings
    assert not (Path(app.outdir) / "admin").exists()


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("", "kb_repository_url ne donne pas l’adresse d’un dépôt"),
        (
            'kb_repository_url = "https://forge.fr/base"\n',
            "« https://forge.fr/base » n’est pas l’adresse d’un dépôt",
        ),
    ],
)
def test_without_a_repository_the_build_says_what_to_give(built, rootdir, registry, given, said):
    app, warnings = built({"conf.py": conf(rootdir, given + 'kb_cms = "decap"\n')})
    assert said in warnings
    assert not (Path(app.outdir) / "admin").exists()


def test_turned_off_the_editing_space_is_removed(incremental, registry) -> None:
    src = incremental.src
    (src / "conf.py").write_text(
        (src / "conf.py").read_text("utf-8") + REPOSITORY + 'kb_cms = "decap"\n', "utf-8"
    )
    assert (incremental.build() / "admin/index.html").is_file()
    (src / "conf.py").write_text(
        (src / "conf.py").read_text("utf-8").replace('kb_cms = "decap"', 'kb_cms = ""'), "utf-8"
    )
    assert not (incremental.build() / "admin").exists()
