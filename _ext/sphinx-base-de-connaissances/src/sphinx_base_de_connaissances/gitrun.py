"""Every git command the engine runs, on a base or on a source it imports, runs here: with
none of that repository's own configuration.

A repository's ``.git/config`` is data that came with it (a site handed over as an archive, a
base cloned from anywhere), and git runs programs it names: ``gpg.program`` when
``log.showSignature`` is set, ``core.fsmonitor``, diff drivers, hooks. git has no switch to
skip a repository's config, so each command gets a git folder of its own, made for the call:
the repository's ``HEAD`` (copied), refs, objects, ``shallow`` and index (links, read
only) and a
config holding only the format the repository declares. The user's and the system's
configuration still apply (they are this machine's, not the repository's). Without a
repository, the command runs in an empty folder, outside any repository.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# What a config may say that git needs in order to read the repository at all: its format
# and the extensions of that format (object hash, ref storage). Nothing else is carried over.
_FORMAT = re.compile(r"^(core\.repositoryformatversion|extensions\.[a-z]+)$")
_TOKEN = re.compile(r"[A-Za-z0-9._-]{1,40}")
# The files of a git folder a read needs; hooks, info/attributes and config are left out.
_READ = ("HEAD", "refs", "packed-refs", "shallow", "index", "objects", "reftable")
# Never write (an index refresh), never ask, never page.
_QUIET = {
    "GIT_OPTIONAL_LOCKS": "0",
    "GIT_TERMINAL_PROMPT": "0",
    "GIT_PAGER": "cat",
    "PAGER": "cat",
    "GIT_ASKPASS": "",
    "SSH_ASKPASS": "",
}
# Variables that would point git at another folder or config than the one made here.
_DROPPED = (
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_CONFIG",
    "GIT_CONFIG_PARAMETERS",
    "GIT_CONFIG_COUNT",
    "GIT_NAMESPACE",
    "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_EXTERNAL_DIFF",
    "GIT_SSH",
    "GIT_SSH_COMMAND",
)


def available() -> bool:
    return shutil.which("git") is not None


def repository(folder: Path) -> tuple[Path, Path] | None:
    """(work tree, git folder) of the repository ``folder`` is in, found as git finds it
    (a ``.git`` folder, or a ``.git`` file naming one: a submodule, a linked work tree),
    without running anything."""
    here = folder.resolve()
    for top in (here, *here.parents):
        dot = top / ".git"
        if dot.is_dir() and (dot / "HEAD").is_file():
            return top, dot
        if dot.is_file():
            try:
                line = dot.read_text("utf-8").strip()
            except (OSError, UnicodeDecodeError):
                return None
            if not line.startswith("gitdir:"):
                return None
            gitdir = (top / line.removeprefix("gitdir:").strip()).resolve()
            return (top, gitdir) if (gitdir / "HEAD").is_file() else None
    return None


def _environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED}
    env.update(_QUIET)
    return env


def _format(config: Path) -> list[str]:
    """``key=value`` of the format lines of a repository's config (read by git itself as a
    file, which runs nothing)."""
    if not config.is_file():
        return []
    listed = subprocess.run(
        ["git", "config", "--file", str(config), "--null", "--list"],
        capture_output=True,
        env=_environment(),
        check=False,
    )
    found = []
    for entry in listed.stdout.split(b"\0"):
        key, _, value = entry.decode("utf-8", "replace").partition("\n")
        # A plain token only: a quoted value holding a line break would write more config.
        if _FORMAT.match(key.lower()) and _TOKEN.fullmatch(value):
            found.append(f"{key}={value}")
    return found


@contextmanager
def _isolated(folder: Path) -> Iterator[tuple[dict[str, str], Path]]:
    """(environment, working folder) for git commands on the repository around ``folder``."""
    env = _environment()
    with tempfile.TemporaryDirectory(prefix="kb-git-") as scratch:
        found = repository(folder)
        if found is None:
            env["GIT_CEILING_DIRECTORIES"] = str(Path(scratch).parent)
            yield env, Path(scratch)
            return
        top, gitdir = found
        common = gitdir
        commondir = gitdir / "commondir"
        if commondir.is_file():  # a linked work tree: refs and objects are the main one's
            common = (gitdir / commondir.read_text("utf-8").strip()).resolve()
        private = Path(scratch) / "git"
        private.mkdir()
        for name in _READ:
            source = (gitdir if name in ("HEAD", "index") else common) / name
            if name == "shallow" and not source.exists():
                source = gitdir / name
            if name == "HEAD":  # git refuses a HEAD that is a link to anything but refs/
                shutil.copyfile(source, private / name)
            elif source.exists():
                (private / name).symlink_to(source)
        lines = ["[core]", "\tbare = false"]
        extensions = []
        for entry in _format(common / "config"):
            key, _, value = entry.partition("=")
            if key.lower() == "core.repositoryformatversion":
                lines.append(f"\trepositoryformatversion = {value}")
            else:
                extensions.append(f"\t{key.partition('.')[2]} = {value}")
        if extensions:
            lines += ["[extensions]", *extensions]
        (private / "config").write_text("\n".join(lines) + "\n", "utf-8")
        env["GIT_DIR"] = str(private)
        env["GIT_WORK_TREE"] = str(top)
        yield env, folder.resolve() if folder.is_dir() else top


def run(
    folder: Path, *args: str, stdin: str | bytes | None = None, text: bool = True
) -> subprocess.CompletedProcess:
    """``git args`` on the repository around ``folder`` (from ``folder``, as ``git -C``),
    with no configuration of that repository's; never raises for git's own failures."""
    with _isolated(Path(folder)) as (env, cwd):
        data = stdin.encode("utf-8") if isinstance(stdin, str) and not text else stdin
        return subprocess.run(
            ["git", *args],
            cwd=cwd,
            input=data,
            capture_output=True,
            text=text,
            encoding="utf-8" if text else None,
            errors="replace" if text else None,
            env=env,
            check=False,
        )
