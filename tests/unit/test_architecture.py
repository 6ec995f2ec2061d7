"""The layers of our extensions, checked on their source: no import cycle anywhere in _ext/,
each kb layer imports only the layers beneath it, content/ is pure Python, and the package's
entry is thin."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import REPO

# The engine's package, with its self-contained stylesheet cutter (css_bundle).
EXT = REPO / "_ext" / "sphinx-base-de-connaissances" / "src"
PACKAGES = ("sphinx_base_de_connaissances",)
KB = PACKAGES[0]
# What each part of kb may import besides itself (modules at the package's top are named
# as such: "state", "diagnostics"…). A newcomer reads the architecture here.
ALLOWED = {
    "content": set(),
    # The sources as files and git, without Sphinx: what the build and the commands read.
    "source": {"content", "state", "clock", "settings", "options", "gitrun"},
    "reading": {"content", "source", "state", "clock", "diagnostics", "_compat", "settings"},
    "commands": {
        "content",
        "source",
        "offline",
        "importer",
        "clock",
        "gitrun",
        "state",
        "options",
        "settings",
        "_version",
    },
    # Another tool's content made into a base's files, without Sphinx: used by the command.
    "importer": {"content", "gitrun"},
    # The books, on the floor of the other outputs: nothing of the pages' writing or search.
    "offline": {
        "content",
        "source",
        "state",
        "clock",
        "diagnostics",
        "site",
        "settings",
        "_version",
    },
    "outputs": {"content", "state", "diagnostics", "site", "settings"},
    "search": {"content", "state", "diagnostics"},
    "writing": {
        "content",
        "reading",
        "outputs",
        "search",
        "state",
        "clock",
        "diagnostics",
        "site",
        "settings",
        "options",
        "_compat",
    },
}
# What reads files, git or the environment: never the content layer, which reads nothing but
# its arguments.
IO_MODULES = {"os", "subprocess", "shutil", "pathlib", "io", "glob", "tempfile"}


def module_name(path: Path) -> str:
    parts = path.relative_to(EXT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in sorted((EXT / package).rglob("*.py")):
            if "starter" not in path.relative_to(EXT).parts:  # a new base's files, not kb's
                found[module_name(path)] = path
    return found


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules of ours that ``name`` imports (at any depth of its code)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # A name that is a module of ours is that module; any other name is the base's.
            targets = [
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            ]
        for target in targets:
            if target in known:
                found.add(target)
    found.discard(name)
    return found


def graph() -> dict[str, set[str]]:
    found = modules()
    known = set(found)
    return {name: imports(name, path, known) for name, path in found.items()}


def cycle(edges: dict[str, set[str]]) -> list[str]:
    """One import cycle (a list of modules, the first repeated last), or []."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges[node]):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(edges):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_graph_sees_relative_imports() -> None:
    edges = graph()
    assert f"{KB}.content.frontmatter" in edges[f"{KB}.content.schema"]
    assert f"{KB}.content.views" in edges[f"{KB}.writing.navigation"]
    assert f"{KB}.extension" in edges[KB]  # setup() imports it lazily
    assert f"{KB}.css_bundle.purge" in edges[f"{KB}.css_bundle"]


def test_the_stylesheet_cutter_imports_nothing_else_of_kb() -> None:
    """Its css_bundle could be published on its own, unchanged."""
    edges = graph()
    outside = {
        (name, target)
        for name, targets in edges.items()
        if name.startswith(f"{KB}.css_bundle")
        for target in targets
        if not target.startswith(f"{KB}.css_bundle")
    }
    assert outside == set()


def test_no_import_cycle_in_our_extensions() -> None:
    assert cycle(graph()) == []


def test_the_cycle_finder_finds_one() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) == []


def layer(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


@pytest.mark.parametrize("part", sorted(ALLOWED))
def test_each_layer_imports_only_the_layers_beneath_it(part: str) -> None:
    edges = graph()
    wrong = {
        (name, target)
        for name, targets in edges.items()
        if name.startswith(f"{KB}.{part}")
        for target in targets
        if target.startswith(f"{KB}.") and layer(target) not in ALLOWED[part] | {part}
    }
    assert wrong == set()


def test_content_imports_neither_sphinx_nor_docutils_nor_io() -> None:
    """In its source (no Sphinx, docutils, nor any module that reads files, git or the
    environment), and when it runs: the standalone check (without the style rules, which read
    Markdown with MyST's parser) loads neither Sphinx nor docutils."""
    for path in sorted((EXT / KB / "content").glob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and not node.level
                else []
            )
            for imported in names:
                assert imported.split(".")[0] not in {"sphinx", "docutils"}, (path, imported)
                assert imported.split(".")[0] not in IO_MODULES, (path, imported)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                assert node.func.id != "open", path
    script = (
        f"import sys, pkgutil, importlib, {KB}.content as content\n"
        "for m in pkgutil.iter_modules(content.__path__):\n"
        f"    if m.name != 'style': importlib.import_module('{KB}.content.' + m.name)\n"
        "from sphinx_base_de_connaissances.source.files import check_tree\n"
        f"check_tree(__import__('pathlib').Path({str(REPO)!r}), style=False)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sphinx', 'docutils'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={"PYTHONPATH": str(EXT)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "[]"


def test_the_package_entry_is_thin_and_classes_are_small() -> None:
    assert len((EXT / KB / "__init__.py").read_text("utf-8").splitlines()) <= 120
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                assert node.end_lineno - node.lineno < 200, (name, node.name)


def test_options_are_read_through_settings_only() -> None:
    """One accessor: outside ``settings.py`` (and the option table), no module reads a
    ``kb_*`` option from Sphinx's configuration; each reads the build's ``Settings``."""
    import re

    readers = []
    for name, path in modules().items():
        if name.endswith((".settings", ".options")):
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if re.search(r"config\.kb_|getattr\(\s*\w*config\w*\s*,\s*[\"']kb_", line):
                readers.append(f"{path.relative_to(EXT)}:{number}")
    assert readers == []


def test_git_runs_through_one_runner_and_its_log_is_read_by_one_reader() -> None:
    """``gitrun`` alone starts git (without the repository's configuration); the log's
    format and its reader (``content.history.records``) are written once, for the build and
    the import alike."""
    import re

    starters, formats = [], []
    for name, path in modules().items():
        text = path.read_text("utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            where = f"{path.relative_to(EXT)}:{number}"
            if not name.endswith(".gitrun") and re.search(
                r"subprocess\.\w+\(\s*\[?\s*[\"']git", line
            ):
                starters.append(where)
            if not name.endswith("content.history") and re.search(r"%a[NE]|%[ac]I", line):
                formats.append(where)
    assert starters == [] and formats == []
