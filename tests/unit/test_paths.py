"""data/parcours.yml as a writer meets it: every problem at once, with its line, in French."""

from __future__ import annotations

from pathlib import Path

from sphinx_base_de_connaissances.content.paths import parse, published, steps
from sphinx_base_de_connaissances.content.schema import Article
from sphinx_base_de_connaissances.source.files import load_paths as load

KNOWN = {"un", "deux", "trois", "dossier/quatre"}


def problems(text: str) -> list[str]:
    return [str(p) for p in parse(text, "data/parcours.yml", "articles", KNOWN.__contains__)[1]]


def test_a_valid_file_gives_paths_in_order_with_french_spacing() -> None:
    paths, found = parse(
        "debut:\n  title: 'Bien débuter : les bases'\n  description: Pour commencer !\n"
        "  articles: [deux, un, dossier/quatre]\nsuite:\n  title: La suite\n  articles: [trois]\n",
        "data/parcours.yml",
        "articles",
        KNOWN.__contains__,
    )
    assert found == []
    assert [p.key for p in paths] == ["debut", "suite"]
    assert paths[0].title == "Bien débuter\u00a0: les bases"
    assert paths[0].description == "Pour commencer\u202f!"
    assert paths[0].docnames == ("articles/deux", "articles/un", "articles/dossier/quatre")


def test_every_problem_is_reported_with_its_line() -> None:
    text = (
        "debut:\n"  # 1
        "  title: Début\n"  # 2
        "  articles:\n"  # 3
        "    - un\n"  # 4
        "    - inconnu\n"  # 5
        "    - un\n"  # 6
        "    - ../secret\n"  # 7
        "  auteur: alice\n"  # 8
        "vide:\n"  # 9
        "  title: Vide\n"  # 10
        "  articles: []\n"  # 11
        "Mauvaise Clé:\n"  # 12
        "  title: X\n"  # 13
        "sans-titre:\n"  # 14
        "  articles: [un]\n"  # 15
        "debut:\n"  # 16
        "  title: Encore\n"  # 17
        "  articles: [deux]\n"  # 18
        "pas-de-liste:\n"  # 19
        "  title: Y\n"  # 20
        "  articles: un\n"  # 21
    )
    found = problems(text)
    assert found == [
        "data/parcours.yml:5: champ « debut » : article inconnu « inconnu » : aucun fichier "
        "« articles/inconnu.md ».",
        "data/parcours.yml:6: champ « debut » : article « un » en double dans le parcours ; "
        "chaque étape n’apparaît qu’une fois.",
        "data/parcours.yml:7: champ « debut » : article « ../secret » : attendu : le chemin sous "
        "« articles/ », sans « .. » ni extension « .md ».",
        "data/parcours.yml:8: champ « debut » : champ inconnu « auteur » ; attendus : title, "
        "description, articles.",
        "data/parcours.yml:11: champ « vide » : champ « articles » : la liste est vide.",
        "data/parcours.yml:12: champ « Mauvaise Clé » : identifiant invalide ; attendu : lettres "
        "minuscules sans accent, chiffres et tirets, 60 caractères au plus.",
        "data/parcours.yml:14: champ « sans-titre » : attendu : un champ « title » non vide.",
        "data/parcours.yml:16: champ « debut » : identifiant en double ; la première fiche est "
        "gardée, fusionnez les deux.",
        "data/parcours.yml:21: champ « pas-de-liste » : champ « articles » : attendu : une liste "
        "d’ids.",
    ]


def test_a_path_with_a_problem_is_left_out_whole() -> None:
    paths, _ = parse(
        "bon:\n  title: Bon\n  articles: [un]\nmauvais:\n  title: M\n  articles: [un, nul]\n",
        "data/parcours.yml",
        "articles",
        KNOWN.__contains__,
    )
    assert [p.key for p in paths] == ["bon"]


def test_yaml_errors_and_aliases_name_their_line() -> None:
    (broken,) = problems("a:\n  title: [\n")
    assert broken.startswith("data/parcours.yml:3: YAML invalide (")
    assert problems("a: &x\n  title: T\n  articles: [un]\nb: *x\n")[0].startswith(
        "data/parcours.yml:1: ancre ou alias YAML"
    )
    assert problems("- un\n") == [
        "data/parcours.yml:1: le fichier doit associer des identifiants à des parcours."
    ]


def test_the_file_is_optional_and_ids_are_checked_against_files(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "articles/dossier").mkdir(parents=True)
    nothing, found = load(tmp_path / "data", tmp_path, "articles")
    assert nothing.paths == () and found == []
    (tmp_path / "articles/dossier/a.md").write_text("x", "utf-8")
    (tmp_path / "data/parcours.yml").write_text(
        "p:\n  title: P\n  articles: [dossier/a, dossier/b]\n", "utf-8"
    )
    paths, found = load(tmp_path / "data", tmp_path, "articles")
    assert [str(p) for p in found] == [
        "data/parcours.yml:3: champ « p » : article inconnu « dossier/b » : aucun fichier "
        "« articles/dossier/b.md »."
    ]
    assert paths.paths == () and paths.fingerprint


def test_published_steps_skip_unpublished_articles() -> None:
    (path,), _ = parse(
        "p:\n  title: P\n  articles: [un, deux, trois]\n",
        "data/parcours.yml",
        "articles",
        KNOWN.__contains__,
    )
    shown = {
        name: Article.__new__(Article) for name in ("articles/un", "articles/trois")
    }  # "deux" is a draft: not in the catalog
    for name, article in shown.items():
        object.__setattr__(article, "docname", name)
    assert [a.docname for a in published(path, shown.get)] == ["articles/un", "articles/trois"]
    ((found, number, visible),) = steps([path], shown.get, "articles/trois")
    assert found is path and number == 2 and len(visible) == 2
    assert steps([path], shown.get, "articles/deux") == []
