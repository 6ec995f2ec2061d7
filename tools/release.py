"""A release of one of our packages, from its tag: ``python -m tools.release TAG OUTDIR``.

The tag names the package and its version, ``<distribution>-v<version>``
(``sphinx-base-de-connaissances-v0.1.0``, ``sphinx-share-footer-v0.3.0``). The package is
built (sdist and wheel, by its pinned build backend), the version it carries (its one place:
``_version.py`` or ``__init__.py``) must be the tag's, its changelog must have a released entry
for that version, ``twine check --strict`` must pass; the entry becomes the release's notes
(``OUTDIR/notes.md``). Used by ``.github/workflows/release.yml``; tested on copies of the
packages in ``tests/unit/test_release.py``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PACKAGES = {
    "sphinx-base-de-connaissances": "_ext/sphinx-base-de-connaissances",
    "sphinx-share-footer": "_ext/sphinx-share-footer",
}
UNRELEASED = re.compile(r"non publiée|unreleased", re.IGNORECASE)


class ReleaseError(Exception):
    pass


def parse_tag(tag: str) -> tuple[str, str]:
    """(distribution, version) of a release tag."""
    match = re.fullmatch(r"(?P<name>[a-z-]+)-v(?P<version>\d+\.\d+\.\d+(?:(?:a|b|rc)\d+)?)", tag)
    if match is None or match["name"] not in PACKAGES:
        names = ", ".join(f"{name}-vX.Y.Z" for name in PACKAGES)
        raise ReleaseError(f"tag {tag!r} names no package; expected one of {names}")
    return match["name"], match["version"]


def notes(changelog: str, version: str) -> str:
    """The changelog's entry for ``version`` (its heading ``## <version> — <date>``)."""
    lines = changelog.splitlines()
    start = next(
        (i for i, line in enumerate(lines) if re.match(rf"## {re.escape(version)}\b", line)), None
    )
    if start is None:
        raise ReleaseError(f"the changelog has no entry for {version}")
    if UNRELEASED.search(lines[start]):
        raise ReleaseError(f"the changelog's entry for {version} is not dated: {lines[start]!r}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
    return "\n".join(lines[start:end]).strip() + "\n"


def built_version(wheel: Path) -> str:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        metadata = archive.read(name).decode("utf-8")
    return re.search(r"^Version: (.+)$", metadata, re.MULTILINE)[1].strip()  # type: ignore[index]


def release(tag: str, out: Path, root: Path = REPO) -> list[Path]:
    """Build, check and describe the package the tag names; the files made in ``out``."""
    name, version = parse_tag(tag)
    folder = root / PACKAGES[name]
    text = notes((folder / "CHANGELOG.md").read_text("utf-8"), version)
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(folder)],
        check=True,
        capture_output=True,
    )
    stem = name.replace("-", "_")
    wheels = sorted(out.glob(f"{stem}-*.whl"))
    sdists = sorted(out.glob(f"{stem}-*.tar.gz"))
    if len(wheels) != 1 or len(sdists) != 1:
        raise ReleaseError(f"expected one wheel and one sdist of {name} in {out}")
    found = built_version(wheels[0])
    if found != version:
        raise ReleaseError(f"{name} carries version {found}, the tag says {version}")
    subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", str(wheels[0]), str(sdists[0])],
        check=True,
        capture_output=True,
    )
    (out / "notes.md").write_text(text, "utf-8")
    return [wheels[0], sdists[0]]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tag")
    parser.add_argument("out", type=Path)
    options = parser.parse_args(argv)
    try:
        files = release(options.tag, options.out)
    except ReleaseError as error:
        print(f"release: {error}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as error:
        print(f"release: {error.cmd[2]} failed:\n{error.stdout}{error.stderr}", file=sys.stderr)
        return 1
    for path in files:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
