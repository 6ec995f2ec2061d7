"""The editing space (``admin/``, ``kb_cms``), written at the end of the build from the base's
schema and data (``outputs.cms``); none, and none of an older build, when it is off."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

from ..content.paths import PATHS
from ..diagnostics import Subtype, warn
from ..outputs import cms, ecodesign, npm
from ..reading.domain import domain
from ..site import Site
from ..state import StateFile, stamp
from .context import FAVICON
from .pages import Pages, french_order

STATE = StateFile("kb-admin.json", 1, lambda data: isinstance(data, list))


def used_tags(pages: Pages) -> list[str]:
    """The base's tags, most used first (then alphabetical), as the catalog spells them."""
    counts = Counter({slug: len(found) for slug, found in pages.catalog.by_tag.items()})
    slugs = sorted(counts, key=lambda slug: (-counts[slug], slug))
    return [pages.catalog.tags[slug].label for slug in slugs]


def article_choices(app: Sphinx, articles_dir: str) -> list[tuple[str, str]]:
    """Every article a reading path may name (drafts too: a path waits for them), as (id,
    title), in French alphabetical order of their titles."""
    found = domain(app.env).articles.values()
    prefix = articles_dir.strip("/") + "/"
    return sorted(
        ((a.docname.removeprefix(prefix), a.title) for a in found),
        key=lambda choice: (french_order((choice[1], 0)), choice[0]),
    )


def reading_paths(app: Sphinx, data_dir: str, articles_dir: str) -> dict[str, Any] | None:
    """The reading paths' form, when the base has their file (Decap cannot open a file
    that is not there)."""
    if not (Path(app.srcdir) / data_dir / PATHS).is_file():
        return None
    return cms.reading_paths(data_dir, article_choices(app, articles_dir))


def stylesheets(outdir: Path) -> list[str]:
    """The stylesheets the home page loads, as addresses from ``admin/``."""
    home = outdir / "index.html"
    if not home.is_file():
        return []
    return [
        "../" + path.relative_to(outdir.resolve()).as_posix()
        for path in ecodesign.Loads(outdir, home).direct
        if path.suffix == ".css"
    ]


def withdraw(outdir: Path) -> None:
    """No editing space of an older build stays published (one that cannot be made now
    would save into a repository its configuration no longer names)."""
    if (outdir / cms.FOLDER).is_dir():
        shutil.rmtree(outdir / cms.FOLDER)


def publish(app: Sphinx, pages: Pages, site: Site, glossaries: set[str]) -> None:
    outdir, doctreedir = Path(app.outdir), Path(app.doctreedir)
    settings = pages.settings
    if not settings.cms:
        withdraw(outdir)  # turned off: no editing space of an older build stays published
        return
    repository = cms.Repository.of(
        settings.repository_url,
        settings.repository_branch,
        settings.cms_app_id,
        settings.cms_auth_url,
    )
    if repository is None:
        given = f"« {settings.repository_url[:80]} » n’est pas" if settings.repository_url else ""
        warn(
            "kb_cms : l’espace d’écriture enregistre dans le dépôt du site ; kb_repository_url "
            "%s l’adresse d’un dépôt : donnez-la, https://github.com/organisation/depot (GitLab "
            "et Forgejo de même).",
            given or "ne donne pas",
            subtype=Subtype.EDITING,
        )
        withdraw(outdir)
        return
    configuration = cms.config(
        repository,
        settings.articles_dir,
        pages.vocab,
        used_tags(pages),
        site.base,
        sorted(glossaries & app.env.found_docs),
        reading_paths(app, settings.data_dir, settings.articles_dir),
    )
    page = pages.renderer.render(
        "admin.html",
        lambda target: target,
        policy=cms.policy(repository),
        site=app.config.project,
        icon=FAVICON,
        scripts=cms.OWN_SCRIPTS,
    )
    styles = stylesheets(outdir)
    inputs = [repr(configuration), str(page), repr(styles), cms.pins()]
    last = STATE.load(doctreedir)
    if last and last[0] == inputs and last[1] == stamp(outdir / name for name in last[2]):
        return  # the same editing space, as written
    try:
        files = cms.files()
    except npm.FetchError as error:
        warn("kb_cms : %s", error, subtype=Subtype.EDITING)
        withdraw(outdir)
        return
    written = cms.write(outdir, str(page).encode("utf-8"), configuration, files, styles)
    STATE.save(doctreedir, [inputs, stamp(outdir / name for name in written), written])
