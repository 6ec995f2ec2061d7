"""The articles published on the main branch that are gone without a redirect: git is asked
what was published at the merge base (``nox -s check``, the pull request's lint)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .. import gitrun
from ..clock import today
from ..content.collection import is_public
from ..content.frontmatter import Problem, parse
from ..content.schema import Article, publication


def _git(srcdir: Path, *args: str, stdin: str | None = None) -> str | None:
    result = gitrun.run(srcdir, *args, stdin=stdin)
    return result.stdout if result.returncode == 0 else None


def base_ref(srcdir: Path) -> str | None:
    """``KB_BASE_REF``, else the main branch as fetched (``origin/main``), else ``main``."""
    chosen = os.environ.get("KB_BASE_REF")
    candidates = [chosen] if chosen else ["origin/main", "main"]
    for ref in candidates:
        if _git(srcdir, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"):
            return ref
    return None


def published_at(srcdir: Path, commit: str, folder: str) -> dict[str, str]:
    """The articles published at ``commit``: id → file, read from git (one listing, one batch
    read), with the build's own publication rule."""
    prefix = (_git(srcdir, "rev-parse", "--show-prefix") or "").strip()
    listing = _git(srcdir, "ls-tree", "-r", commit, "--", folder) or ""
    blobs = []
    for line in listing.splitlines():
        meta, _, path = line.partition("\t")
        relative = path.removeprefix(prefix)
        if relative.endswith(".md") and meta.split()[1] == "blob":
            blobs.append((relative, meta.split()[2]))
    contents = _git(srcdir, "cat-file", "--batch", stdin="".join(f"{b}\n" for _, b in blobs))
    found: dict[str, str] = {}
    cursor = 0
    data = (contents or "").encode("utf-8")
    for relative, _ in blobs:
        header_end = data.index(b"\n", cursor)
        size = int(data[cursor:header_end].split()[2])
        text = data[header_end + 1 : header_end + 1 + size].decode("utf-8", errors="replace")
        cursor = header_end + 1 + size + 1
        front, _ = parse(relative, text)
        if front is None or front.node is None:
            continue
        draft, day, _ = publication(relative, front)
        if is_public(draft, day, today()):
            found[relative.removeprefix(f"{folder}/").removesuffix(".md")] = relative
    return found


def lost_articles(
    srcdir: Path, folder: str, articles: Sequence[tuple[str, Article]]
) -> tuple[list[Problem], str]:
    """(problems, note): every article published at the merge base that is gone without a
    ``redirect_from``; the note says what was compared, or why nothing was."""
    ref = base_ref(srcdir)
    if ref is None:
        return [], (
            "liens permanents : non vérifiés, faute de branche main à laquelle comparer les "
            "articles (dans une demande de fusion, KB_BASE_REF nomme la branche visée)."
        )
    merge_base = (_git(srcdir, "merge-base", "HEAD", ref) or "").strip()
    if not merge_base:
        return [], f"liens permanents : pas d’ancêtre commun avec {ref}, non vérifiés."
    before = published_at(srcdir, merge_base, folder)
    redirected = {old for _, article in articles for old in article.old_ids}
    now = {
        p.relative_to(srcdir / folder).with_suffix("").as_posix()
        for p in (srcdir / folder).rglob("*.md")
    }
    problems = [
        Problem(
            path,
            1,
            "",
            f"l’article « {article_id} », publié sur {ref}, a disparu ou changé d’adresse : "
            f"ajoutez « redirect_from: [{article_id}] » à l’article qui le remplace, sinon "
            "chaque lien déjà partagé vers lui serait cassé.",
        )
        for article_id, path in sorted(before.items())
        if article_id not in now | redirected
    ]
    return problems, f"liens permanents : comparés avec {ref} ({merge_base[:10]})."
