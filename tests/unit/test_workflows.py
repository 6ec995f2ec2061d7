"""The GitHub workflows as contributors meet them: scheduled publication, actions pinned to an
exact release, findings annotated on their line, a summary of the changed articles."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml
from sphinx_base_de_connaissances.source.files import check_tree

from tests.helpers import REPO, build_root
from tests.kb.test_hostile import FRONT
from tools.pr_summary import changed_articles, summary

WORKFLOWS = REPO / ".github" / "workflows"


def workflow(name: str) -> dict:
    return yaml.safe_load((WORKFLOWS / name).read_text("utf-8"))


def steps(name: str) -> list[dict]:
    return [step for job in workflow(name)["jobs"].values() for step in job.get("steps", [])]


def test_publication_runs_every_day_and_skips_the_checks_then() -> None:
    triggers = workflow("deploy.yml")[True]  # YAML 1.1 reads the key "on" as True
    (schedule,) = triggers["schedule"]
    minute, hour, *days = schedule["cron"].split()
    assert minute.isdigit() and hour.isdigit() and days == ["*", "*", "*"]
    by_name = {step.get("name"): step for step in steps("deploy.yml")}
    for check in ("Lint", "Tests"):
        assert by_name[check]["if"] == "github.event_name != 'schedule'"
    assert "if" not in by_name["Construction stricte"]


def test_every_action_is_pinned_to_a_commit_of_an_exact_release() -> None:
    for path in sorted(WORKFLOWS.glob("*.yml")):
        for line in path.read_text("utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), (
                    path.name,
                    line,
                )


def test_pull_requests_annotate_findings_and_summarise_the_changed_articles() -> None:
    names = [step.get("name") for step in steps("pull-request.yml")]
    assert names.index("Annotations") < names.index(
        "Lint (ruff, front matter, style, orthographe, workflows)"
    )
    checkout = steps("pull-request.yml")[0]
    assert checkout["with"]["fetch-depth"] == 0
    run = next(
        s["run"] for s in steps("pull-request.yml") if s.get("name", "").startswith("Résumé")
    )
    assert "tools.pr_summary" in run and "GITHUB_STEP_SUMMARY" in run


def matcher() -> re.Pattern[str]:
    data = json.loads((REPO / ".github" / "kb-problems.json").read_text("utf-8"))
    (pattern,) = data["problemMatcher"][0]["pattern"]
    assert (pattern["file"], pattern["line"], pattern["message"]) == (1, 2, 3)
    return re.compile(pattern["regexp"])


def test_the_problem_matcher_reads_every_kind_of_finding(tmp_path: Path) -> None:
    src = tmp_path / "src"
    body = "Bonjour! Un texte.\n"
    (src / "articles").mkdir(parents=True)
    shutil_copy_root(src)
    (src / "articles/faute.md").write_text(
        FRONT.format(title='"Titre"', tags="[]").replace("2026-01-15", "2026-02-30") + body,
        "utf-8",
    )
    lines = [str(problem) for problem in check_tree(src)]  # front matter and typography
    _, warnings = build_root("kb", src, copy=False)  # the strict build's own lines
    lines += [line for line in warnings.splitlines() if "faute.md" in line]
    lines.append(
        "articles/faute.md:12: mot inconnu « strategie » (faute de frappe ? sinon, ajoutez-le "
        "à docs/mots-du-domaine.txt)"
    )  # tools/spelling.py's format
    assert len(lines) >= 4
    pattern = matcher()
    for line in lines:
        found = pattern.match(line)
        assert found, line
        assert found[1].endswith("articles/faute.md") and int(found[2]) > 0, line
        assert not found[3].startswith(("WARNING", ":")), line
    assert pattern.match("1 problème à corriger.") is None
    assert pattern.match("build succeeded.") is None


def shutil_copy_root(src: Path) -> None:
    import shutil

    shutil.copytree(REPO / "tests/roots/test-kb", src, dirs_exist_ok=True)


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def test_the_summary_lists_the_changed_articles_and_their_pages(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "a@example.org")
    git(tmp_path, "config", "user.name", "A")
    (tmp_path / "articles").mkdir()
    for name in ("ancien", "inchange"):
        (tmp_path / f"articles/{name}.md").write_text("x\n", "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "base")
    git(tmp_path, "checkout", "-q", "-b", "proposition")
    (tmp_path / "articles/ancien.md").write_text("y\n", "utf-8")
    (tmp_path / "articles/dossier").mkdir()
    (tmp_path / "articles/dossier/nouveau.md").write_text("z\n", "utf-8")
    (tmp_path / "README.md").write_text("r\n", "utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "change")
    articles = changed_articles("main", cwd=str(tmp_path))
    assert articles == ["articles/ancien.md", "articles/dossier/nouveau.md"]
    text = summary(articles, "https://forge.example/run/1/artifacts/2")
    assert "[télécharger l’aperçu](https://forge.example/run/1/artifacts/2)" in text
    assert "- `articles/dossier/nouveau.html` (depuis `articles/dossier/nouveau.md`)" in text
    assert "inchange" not in text
    assert "Aucun article" in summary([], "https://forge.example/x")
