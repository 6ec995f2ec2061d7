"""What a writer meets: the article scaffold, the style and spelling checks, the workflows."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.content.style import check_style
from sphinx_base_de_connaissances.source.files import check_tree

from tests.helpers import REPO
from tools import spelling
from tools.new_article import main as new_main
from tools.new_article import scaffold


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    # The seed articles' reading path would name articles this tree does not have.
    shutil.copytree(REPO / "data", tmp_path / "data", ignore=shutil.ignore_patterns("parcours.yml"))
    (tmp_path / "articles").mkdir()
    return tmp_path


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Stratégie numérique : les 5 étapes !", "strategie-numerique-les-5-etapes"),
        ("L’e-réputation, « vraiment » ?", "l-e-reputation-vraiment"),
        (
            'Un titre avec "guillemets" & 100 % de #hashtags',
            "un-titre-avec-guillemets-100-de-hashtags",
        ),
    ],
)
def test_scaffold_slug_and_front_matter(tree: Path, title: str, slug: str) -> None:
    path = scaffold(title, tree)
    assert path == tree / "articles" / f"{slug}.md"
    problems = check_tree(tree)
    # Placeholders fail until the writer fills them in…
    assert {p.field for p in problems} == {"description", "authors", "category"}
    text = path.read_text("utf-8")
    assert "# Parmi : redaction" in text
    assert "# Une seule parmi : transformation-digitale, communication" in text
    text = text.replace(
        'description: ""', 'description: "Une description d’une phrase, assez longue."'
    )
    text = text.replace("authors: []", "authors: [redaction]")
    text = text.replace('category: ""', "category: communication")
    path.write_text(text, "utf-8")
    # …and pass once they are, with the title kept exactly.
    assert check_tree(tree) == []
    from sphinx_base_de_connaissances.content.schema import parse_article
    from sphinx_base_de_connaissances.source.files import load_vocabulary as load

    article, _ = parse_article(
        "a.md", f"articles/{slug}", text, load(tree / "data")[0], on=dt.date.today()
    )
    from sphinx_base_de_connaissances.content.typography import french_spacing

    # Kept exactly, shown with French spacing (no-break spaces where a space was typed).
    assert article.title == french_spacing(" ".join(title.split())) and article.draft


def test_scaffold_refuses_to_overwrite(tree: Path, capsys) -> None:
    assert new_main(["Mon article", "--srcdir", str(tree)]) == 0
    assert "_build/html/cards/articles/mon-article.png" in capsys.readouterr().out
    before = (tree / "articles/mon-article.md").read_text("utf-8")
    assert new_main(["Mon article", "--srcdir", str(tree)]) == 1
    assert "Un article porte déjà ce nom : articles/mon-article.md" in capsys.readouterr().err
    assert (tree / "articles/mon-article.md").read_text("utf-8") == before


def test_scaffold_rejects_a_title_without_letters(tree: Path, capsys) -> None:
    assert new_main(["!!!", "--srcdir", str(tree)]) == 1
    assert "Titre invalide" in capsys.readouterr().err


STYLE_CASES = [
    ("# Un titre\n", 1, "titre de niveau 1"),
    ("## A\n\n#### B\n", 3, "intertitre de niveau 4 après un niveau 2"),
    ("Voir ![](schema.png).\n", 1, "image sans texte alternatif"),
    ("Un [](https://exemple.org).\n", 1, "lien sans texte"),
    ('<iframe src="https://video.example"></iframe>\n', 1, "HTML refusé"),
    ("Une ligne \n", 1, "espaces en fin de ligne"),
]


@pytest.mark.parametrize(("body", "offset", "message"), STYLE_CASES)
def test_style_check_catches_seeded_mistakes(body: str, offset: int, message: str) -> None:
    front = "---\ntitle: T\n---\n\n"
    problems = check_style("articles/a.md", front + body)
    assert [(p.line, message in p.message) for p in problems] == [(4 + offset, True)]
    assert str(problems[0]).startswith(f"articles/a.md:{4 + offset}: ")


def test_style_accepts_myst_syntax() -> None:
    text = "---\ntitle: T\n---\n\n## Partie\n\n:::{note}\nUn encadré.\n:::\n\n```{toctree}\n```\n"
    assert check_style("articles/a.md", text) == []


needs_hunspell = pytest.mark.skipif(
    shutil.which("hunspell") is None and os.environ.get("CI") != "true",
    reason="Hunspell absent (apt-get install hunspell hunspell-fr); required when CI=true",
)


@needs_hunspell
def test_spelling_reports_typos_with_file_and_line(tmp_path: Path, capsys) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "---\ntitle: Une stratégie\n---\n\nLa stratégie numérque des entreprises.\n\n"
        "```python\nmot_de_code_inconnu = 1\n```\n\nUn [lien](https://exemple.org/motinconnu).\n",
        "utf-8",
    )
    assert spelling.main([str(article)]) == 1
    err = capsys.readouterr().err
    assert f"{article}:5: mot inconnu « numérque »" in err
    assert "mot_de_code_inconnu" not in err and "motinconnu" not in err


@needs_hunspell
def test_spelling_accepts_the_seed_articles(capsys) -> None:
    assert spelling.main([]) == 0


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def test_workflows_pass_both_checks() -> None:
    workflows = sorted(str(p) for p in (REPO / ".github/workflows").glob("*.yml"))
    assert workflows
    schema = [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    subprocess.run([*schema, *workflows], check=True, capture_output=True)
    subprocess.run([_tool("zizmor"), "--offline", *workflows], check=True, capture_output=True)


def test_workflow_checks_catch_seeded_mistakes(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: push\npermissions: write-all\njobs:\n  x:\n    runs-on: ubuntu-24.04\n"
        "    steps:\n      - uses: actions/checkout@v4\n"
        "      - run: echo ${{ github.event.head_commit.message }}\n",
        "utf-8",
    )
    zizmor = subprocess.run(
        [_tool("zizmor"), "--offline", str(bad)], capture_output=True, text=True
    )
    assert zizmor.returncode != 0
    for audit in ("unpinned-uses", "template-injection", "artipacked"):
        assert audit in zizmor.stdout + zizmor.stderr
    invalid = tmp_path / "invalid.yml"
    invalid.write_text("on: push\njobs:\n  x:\n    steps: oops\n", "utf-8")
    schema = [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows"]
    assert subprocess.run([*schema, str(invalid)], capture_output=True).returncode != 0
