"""What a French publisher must show: the accessibility mention on every page, computed from
data/accessibilite.yml (no audit: « non conforme »; 72 %: « partiellement »; 100 %:
« totalement »), the statement after the State's model, the legal notice and the personal
data page from data/editeur.yml, the site map and the eco-design statement; and `check`
refusing a statement too old, an empty required field or a rate the data contradicts."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest
from sphinx_base_de_connaissances.commands.check import main as check
from sphinx_base_de_connaissances.content import obligations

from tests.helpers import REPO, build_root, rebuild_as_clean, soup

AUDIT = """audit:
  date: {date}
  referentiel: RGAA 4.1.2
  auditeur: Audit & Associés
  taux: {rate}
  pages: [Accueil, Un article]
  environnement: [NVDA 2024.4 et Firefox 128]
non_conformites:
  - Des images sans alternative dans les cartes de partage
contact:
  courriel: accessibilite@example.org
"""
PAGES = (
    "accessibilite",
    "mentions-legales",
    "donnees-personnelles",
    "plan-du-site",
    "ecoconception",
)


def base(tmp_path: Path, accessibility: str | None = None, conf: str = "") -> Path:
    src = tmp_path / "src"
    shutil.copytree(REPO / "tests/roots/test-kb", src)
    if accessibility is not None:
        (src / "data/accessibilite.yml").write_text(accessibility, "utf-8")
    if conf:
        (src / "conf.py").write_text((src / "conf.py").read_text("utf-8") + conf, "utf-8")
    return src


def pages_of(outdir: Path) -> list[Path]:
    return [p for p in outdir.rglob("*.html") if not {"_static", "pagefind"} & set(p.parts)]


def text_of(path: Path) -> str:
    """A page's text, its line breaks and indentation folded (no-break spaces kept)."""
    return re.sub(r"[ \t\n]+", " ", soup(path).get_text(" ", strip=True))


def footer_mentions(outdir: Path) -> set[str]:
    found = set()
    for page in pages_of(outdir):
        mention = soup(page).select_one(".kb-obligations__mention a")
        assert mention is not None, page
        found.add(mention.get_text())
    return found


def test_without_an_audit_every_page_says_non_conforme(tmp_path: Path) -> None:
    outdir, warnings = build_root("kb", base(tmp_path), copy=False)
    assert warnings == ""
    assert footer_mentions(outdir) == {"Accessibilité\u00a0: non conforme"}
    for page in pages_of(outdir):
        links = {a["href"].rsplit("/", 1)[-1] for a in soup(page).select(".kb-obligations a")}
        links.add(page.name)  # a page's link to itself is ""
        assert {f"{name}.html" for name in PAGES} <= links, page
    statement = text_of(outdir / "accessibilite.html")
    assert "aucun audit de conformité n’a encore été réalisé" in statement
    assert "Défenseur des droits" in statement and "Libre réponse 71120" in statement


@pytest.mark.parametrize(
    ("rate", "mention"),
    [
        ("72", "partiellement conforme"),
        ("49", "non conforme"),
        ("100", "totalement conforme"),
        ('"73,1"', "partiellement conforme"),
        ("49.9", "non conforme"),
    ],
)
def test_the_mention_follows_the_audit_s_rate(tmp_path: Path, rate: str, mention: str) -> None:
    data = AUDIT.format(date=dt.date.today().replace(day=1).isoformat(), rate=rate)
    shown = rate.strip('"').replace(".", ",")
    if rate == "100":
        data = data.replace(
            "non_conformites:\n  - Des images sans alternative dans les cartes de partage\n", ""
        )
    outdir, warnings = build_root("kb", base(tmp_path, data), copy=False)
    assert warnings == ""
    assert footer_mentions(outdir) == {f"Accessibilité\u00a0: {mention}"}
    statement = text_of(outdir / "accessibilite.html")
    assert f"{shown}\u00a0% des critères du RGAA 4.1.2 sont respectés" in statement
    assert "version 4.1.2" in statement and "version RGAA" not in statement
    assert "Audit & Associés" in statement
    headings = [h.get_text() for h in soup(outdir / "accessibilite.html").select("h2")]
    assert headings == [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration d’accessibilité",
        "Retour d’information et contact",
        "Voies de recours",
    ]
    report = soup(outdir / "index.html").select(".kb-obligations__mention a")[-1]
    assert report["href"] == "mailto:accessibilite@example.org"


@pytest.mark.parametrize(
    ("edit", "line", "says"),
    [
        (lambda t: t.replace("date: @", "date: 2022-01-10"), 2, "il y a plus de 3 ans"),
        (
            lambda t: t.replace("auditeur: Audit & Associés", "auditeur:"),
            4,
            "champ obligatoire vide",
        ),
        (lambda t: t.replace("taux: 72", "taux: 100"), 9, "ne peut pas lister de non-conformité"),
        (lambda t: t.replace("taux: 72", "taux: 72\n  methode: x"), 6, "champ inconnu"),
    ],
)
def test_check_refuses_a_statement_the_data_contradicts(
    tmp_path: Path, capsys, edit, line: int, says: str
) -> None:
    data = edit(AUDIT.format(date="@", rate=72)).replace("date: @", "date: 2026-01-10")
    src = base(tmp_path, data)
    assert check([str(src)]) == 1
    errors = capsys.readouterr().err
    assert re.search(rf"data/accessibilite\.yml:{line}: .*{re.escape(says)}", errors), errors
    _, warnings = build_root("kb", src, copy=False)  # the build says the same, located
    assert f"data/accessibilite.yml:{line}" in warnings


def test_the_personal_data_page_says_what_the_build_finds(tmp_path: Path) -> None:
    outdir, _ = build_root("kb", base(tmp_path / "a"), copy=False)
    clean = text_of(outdir / "donnees-personnelles.html")
    assert "ne dépose aucun cookie" in clean and "aucune requête vers un tiers" in clean
    conf = '\nhtml_js_files = ["https://stats.example.com/script.js"]\n'
    outdir, _ = build_root("kb", base(tmp_path / "b", conf=conf), copy=False)
    tracked = text_of(outdir / "donnees-personnelles.html")
    assert "aucune requête vers un tiers" not in tracked and "aucun cookie" not in tracked
    assert "stats.example.com" in tracked
    eco = text_of(outdir / "ecoconception.html")
    assert "1 service d’un autre site" in eco


def test_the_legal_notice_names_publisher_and_host_and_is_required(tmp_path: Path) -> None:
    src = base(tmp_path)
    outdir, warnings = build_root("kb", src, copy=False)
    legal = text_of(outdir / "mentions-legales.html")
    assert "L’équipe de test" in legal and "1 rue des Essais, 75000 Paris" in legal
    (src / "data/editeur.yml").unlink()
    shutil.rmtree(src / "_build")
    outdir, warnings = build_root("kb", src, copy=False)
    assert "data/editeur.yml:1: WARNING: fichier introuvable" in re.sub(
        r"\x1b\[[0-9;]*m", "", warnings
    )


def test_the_site_map_lists_every_published_page_and_no_draft(tmp_path: Path) -> None:
    outdir, _ = build_root("kb", base(tmp_path), copy=False, confoverrides={"kb_preview": True})
    links = [a["href"] for a in soup(outdir / "plan-du-site.html").select(".kb-site-map a")]
    listed = {href.removesuffix(".html") for href in links}
    for name in ("articles/premier", "articles/deuxieme", "articles/dossier/troisieme", "index"):
        assert name in listed, name
    assert "articles/brouillon" not in listed and "articles/futur" not in listed
    years = {p.stem for p in (outdir / "archives").glob("*.html")}
    assert years and {f"archives/{year}" for year in years} <= listed
    assert {"categories/index", "tags/index", "archives", "search", "genindex"} <= listed
    assert set(PAGES) - {"plan-du-site"} <= listed
    assert "" not in links and "plan-du-site" not in listed  # no link to itself


def test_the_eco_design_statement_measures_the_built_site(tmp_path: Path) -> None:
    outdir, _ = build_root("kb", base(tmp_path), copy=False)
    page = soup(outdir / "ecoconception.html")
    headings = [h.get_text() for h in page.select("h2")]
    assert headings == [
        "Stratégie",
        "Spécifications",
        "Architecture",
        "Expérience et interface utilisateur",
        "Contenus",
        "Frontend",
        "Backend",
        "Hébergement",
        "Algorithmie",
    ]
    text = text_of(outdir / "ecoconception.html")
    pages = len(pages_of(outdir)) - 1  # all but itself
    assert re.search(rf"\b{pages} pages, de \d+,\d\xa0Ko en médiane", text), text
    measured = r"Première visite de l’article le plus récent \( Deuxième article \)\xa0: "
    assert re.search(measured + r"\d+ fichiers, \d+,\d\xa0Ko, soit \d+,\d\xa0Ko", text), text
    # What the page is not (a statement rating the RGESN's criteria) it says, and claims no
    # check that a base's own workflows do not run.
    assert page.h1.get_text() == "Écoconception"
    assert "ce n’est ni une déclaration d’écoconception au sens de ce référentiel" in text
    assert "suit le référentiel" not in text and "vérifié à chaque modification" not in text
    # How long files are kept: the host says it (data/editeur.yml), else no figure is given.
    assert "aussi longtemps que l’hébergeur le lui indique" in text
    assert "aucune requête vers un autre site" in text
    # What the test base lacks is said as absent, not as « 0 … (0,0 Ko) » nor under a condition.
    assert "aucune image d’illustration" in text and "0 image" not in text
    assert "quand le site la propose" not in text and "édition hors ligne" not in text
    assert "aucune police téléchargée" in text and "0 fichier de polices" not in text


def test_the_host_s_cache_time_is_said_as_the_host_sets_it(tmp_path: Path) -> None:
    src = base(tmp_path)
    data = src / "data/editeur.yml"
    data.write_text(data.read_text("utf-8").rstrip("\n") + "\n  duree_cache: 600\n", "utf-8")
    outdir, _ = build_root("kb", src, copy=False)
    text = text_of(outdir / "ecoconception.html")
    assert "Hébergeur de test sert les fichiers et demande aux navigateurs de les garder" in text
    assert "10\xa0minutes" in text and "aussi longtemps" not in text
    data.write_text(data.read_text("utf-8").replace("600", "dix minutes"), "utf-8")
    assert check([str(src)]) == 1  # a number of seconds, refused at its line


def test_the_licence_is_a_link_on_its_name_not_a_bare_address(tmp_path: Path) -> None:
    rights = "© 2026, L’équipe — articles sous licence CC BY 4.0 (https://example.org/by/4.0/)"
    outdir, _ = build_root(
        "kb", base(tmp_path, conf=f"\nkb_feed_rights = {rights!r}\n"), copy=False
    )
    legal = soup(outdir / "mentions-legales.html")
    link = legal.select_one('a[href="https://example.org/by/4.0/"]')
    assert link is not None and link.get_text() == "CC BY 4.0"
    section = link.find_parent("p").get_text()
    assert "licence CC BY 4.0" in section and "https://" not in section


def test_changing_the_data_files_rewrites_every_page_as_a_clean_build(tmp_path: Path) -> None:
    src = base(tmp_path)
    build_root("kb", src, copy=False)
    data = AUDIT.format(date=dt.date.today().replace(day=1).isoformat(), rate=72)
    (src / "data/accessibilite.yml").write_text(data, "utf-8")
    outdir = rebuild_as_clean("kb", src, "audit")
    assert footer_mentions(outdir) == {"Accessibilité\u00a0: partiellement conforme"}


def test_the_status_is_computed_never_declared() -> None:
    on = dt.date(2026, 12, 1)
    raw = AUDIT.format(date="2026-10-01", rate=50).encode()
    found, problems = obligations.accessibility(raw, "data/accessibilite.yml", on)
    assert problems == [] and found.status == "partiellement"
    assert obligations.accessibility(None, "x", on)[0].status == "non"


def test_the_statement_reads_right_whatever_the_publisher_s_name(tmp_path: Path) -> None:
    """« Les contributeurs de … s’engage » read wrong: the subject is the publisher."""
    outdir, _ = build_root("kb", base(tmp_path), copy=False)
    text = text_of(outdir / "accessibilite.html")
    assert "L’éditeur de ce site, " in text and ", s’engage à le rendre accessible" in text
    assert not re.search(r"\b(Les|Des) \w+ s’engage\b", text)


def test_the_data_page_lists_what_the_site_s_scripts_keep_in_the_browser(tmp_path: Path) -> None:
    """Found by the build in the scripts the pages load, not listed by hand: a base's own
    script storing a setting under a constant's name shows, with how long it lasts."""
    src = base(tmp_path, conf='\nhtml_static_path = ["_static"]\nhtml_js_files = ["reglage.js"]\n')
    (src / "_static").mkdir()
    (src / "_static/reglage.js").write_text(
        'const CLE = "mon-reglage";\nsessionStorage.setItem(CLE, "1");\n'
        'localStorage.setItem("autre-reglage", "2");\n'
        'localStorage.getItem("lu-seulement");\n',
        "utf-8",
    )
    outdir, _ = build_root("kb", src, copy=False)
    text = text_of(outdir / "donnees-personnelles.html")
    kept = r"mon-reglage\s*:\s*un réglage d’un script du site \(effacé à la fermeture de l’onglet\)"
    assert re.search(kept, text), text
    assert "lu-seulement" not in text  # read, never stored: nothing kept
    assert "&nbsp;" not in text and "&amp;" not in text  # entities written, not shown as text
    assert "Ce site ajoute ses propres scripts (reglage.js)" in text


def test_without_any_stored_setting_the_data_page_says_nothing_of_it(tmp_path: Path) -> None:
    outdir, _ = build_root("kb", base(tmp_path), copy=False)
    assert "Ce que votre navigateur garde" not in text_of(outdir / "donnees-personnelles.html")


def test_without_an_audit_no_sentence_promises_what_does_not_follow(tmp_path: Path) -> None:
    data = (
        "etablie_le: 2026-02-01\nmise_a_jour_le: 2026-03-02\n"
        "verifications_automatiques: [axe-core]\ncontact:\n  courriel: a11y@example.org\n"
    )
    outdir, warnings = build_root("kb", base(tmp_path, data), copy=False)
    assert warnings == ""
    text = text_of(outdir / "accessibilite.html")
    # Always dated, as the State's model asks, audit or not.
    dated = r"établie le 1er février 2026 ?\. Elle a été mise à jour le 2 mars 2026 ?\."
    assert re.search(dated, text), text
    assert "Faute d’audit, les contenus non accessibles ne sont pas encore identifiés." in text
    assert "listés ci-dessous ne sont pas accessibles" not in text
    assert "ne comptent pas dans le taux" not in text and "à chaque modification" not in text
    assert "vérifiées par des outils automatiques\xa0: axe-core" in text


def test_a_statement_without_a_date_or_dated_backwards_is_refused() -> None:
    on = dt.date(2026, 6, 1)
    raw = b"contact:\n  courriel: a11y@example.org\n"
    _, problems = obligations.accessibility(raw, "data/accessibilite.yml", on)
    assert [(p.field, p.message[:40]) for p in problems] == [
        ("etablie_le", "attendu : le jour où cette déclaration a")
    ]
    raw = b"etablie_le: 2026-03-01\nmise_a_jour_le: 2026-02-01\ncontact:\n  courriel: a@b.fr\n"
    _, problems = obligations.accessibility(raw, "data/accessibilite.yml", on)
    assert [(p.line, p.field) for p in problems] == [(2, "mise_a_jour_le")]
    raw = b"etablie_le: 2027-01-01\ncontact:\n  courriel: a@b.fr\n"
    _, problems = obligations.accessibility(raw, "data/accessibilite.yml", on)
    assert [(p.line, p.message) for p in problems] == [(1, "date dans le futur.")]
