"""The job summary of a pull request's checks: the articles it adds or changes, each with where
its page is in the uploaded preview of the site, so that a writer who edited on the web sees
their pages without reading a log.

    python -m tools.pr_summary BASE_REF ARTIFACT_URL >> "$GITHUB_STEP_SUMMARY"
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import PurePosixPath

ARTICLES = "articles/"


def changed_articles(base: str, cwd: str = ".") -> list[str]:
    """Article files added, changed or renamed since ``base`` (the merge base with it)."""
    output = subprocess.run(
        ["git", "diff", "--name-only", "--diff-filter=ACMR", f"{base}...HEAD", "--", ARTICLES],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return sorted(name for name in output.splitlines() if name.endswith(".md"))


def summary(articles: Sequence[str], artifact_url: str) -> str:
    lines = ["## Aperçu du site", ""]
    if not articles:
        return "\n".join([*lines, "Aucun article ajouté ni modifié.", ""])
    lines += [
        f"Le site construit est joint à cette vérification\u00a0: [télécharger l’aperçu]"
        f"({artifact_url}) (archive ZIP), puis ouvrez dans un navigateur, dans l’archive\u00a0:",
        "",
    ]
    for name in articles:
        page = PurePosixPath(name).with_suffix(".html").as_posix()
        lines.append(f"- `{page}` (depuis `{name}`)")
    return "\n".join([*lines, ""])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the branch the pull request goes into, e.g. origin/main")
    parser.add_argument("artifact_url", help="where the uploaded preview can be downloaded")
    options = parser.parse_args(argv)
    sys.stdout.write(summary(changed_articles(options.base), options.artifact_url))
    return 0


if __name__ == "__main__":
    sys.exit(main())
