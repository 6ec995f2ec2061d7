"""The legal notice says what the law asks of whoever publishes (LCEN, art. 1-1): a natural
person, a legal person, a public body, or a non-professional who stays anonymous; the host
with its phone unless the publisher is anonymous. ``check`` and the build refuse a publisher
missing what its kind requires, at the file and line, in French."""

from __future__ import annotations

import re

import pytest

from sphinx_base_de_connaissances.commands.check import main as check

from .helpers import page, warnings_of

HOST = """hebergeur:
  nom: Hébergeur d’essai
  adresse: 1 rue des Serveurs, 59000 Lille
  telephone: 03 20 00 00 00
"""
PUBLISHERS = {
    "personne": """editeur:
  type: personne
  nom: Camille Martin
  adresse: 3 rue des Lilas, 69000 Lyon
  telephone: 04 78 00 00 00
  contact: camille@example.org
""",
    "structure": """editeur:
  type: structure
  nom: Association Stratégies
  statut: association loi 1901
  adresse: 5 place de la Mairie, 33000 Bordeaux
  telephone: 05 56 00 00 00
  directeur_publication: Dominique Bernard
  immatriculation: RNA W332000000
  contact: bureau@example.org
""",
    "organisme-public": """editeur:
  type: organisme-public
  nom: Commune d’Essai
  adresse: Hôtel de ville, 1 place de la République, 44000 Nantes
  telephone: 02 40 00 00 00
  directeur_publication: Le maire, Claude Petit
  siret: 214 401 093 00018
  responsable_acces_documents: Le secrétaire général, prada@example.org
  delegue_protection_donnees: dpd@example.org
  contact: contact@example.org
""",
}
SHOWN = {
    "personne": [
        "Camille Martin",
        "Adresse : 3 rue des Lilas, 69000 Lyon",
        "Téléphone : 04 78 00 00 00",
        "Directeur ou directrice de la publication : Camille Martin.",
    ],
    "structure": [
        "Association Stratégies, association loi 1901",
        "Adresse : 5 place de la Mairie, 33000 Bordeaux",
        "Téléphone : 05 56 00 00 00",
        "Immatriculation : RNA W332000000",
        "Directeur ou directrice de la publication : Dominique Bernard.",
    ],
    "organisme-public": [
        "Commune d’Essai",
        "SIRET : 214 401 093 00018",
        "Téléphone : 02 40 00 00 00",
        "Directeur ou directrice de la publication : Le maire, Claude Petit.",
        "réutilisation des informations publiques : Le secrétaire général, prada@example.org.",
    ],
}


def text_of(outdir, name: str) -> str:
    text = page(outdir, name).select_one("section").get_text(" ")
    return re.sub(r" ([,.])", r"\1", re.sub(r"[\s\u00a0\u202f]+", " ", text))


@pytest.mark.parametrize("kind", list(PUBLISHERS))
def test_each_kind_of_publisher_shows_what_the_law_asks(built, kind) -> None:
    files = {"data/editeur.yml": PUBLISHERS[kind] + HOST}
    if kind == "organisme-public":
        files["data/accessibilite.yml"] = PLANS
    app, warnings = built(files)
    assert warnings_of(warnings) == []
    text = text_of(app.outdir, "mentions-legales.html")
    for expected in [
        *SHOWN[kind],
        "Hébergeur d’essai",
        "Adresse : 1 rue des Serveurs, 59000 Lille",
        "Téléphone : 03 20 00 00 00",
    ]:
        assert expected in text, (expected, text)
    assert "anonyme" not in text and "ne publie pas son identité" not in text
    if kind != "organisme-public":  # only a public body's statement names the Arcom
        assert "Arcom" not in text_of(app.outdir, "accessibilite.html")


PLANS = """etablie_le: 2026-01-10
contact:
  courriel: accessibilite@example.org
schema_pluriannuel: https://ville.example.fr/schema-2026-2028.pdf
plan_action: https://ville.example.fr/plan-2026.pdf
bilan: https://ville.example.fr/bilan-2025.pdf
"""


def test_a_public_body_s_statement_links_its_plans_and_last_year_s_results(built) -> None:
    """Article 47: the multi-year plan, this year's action plan, last year's results."""
    app, warnings = built(
        {"data/editeur.yml": PUBLISHERS["organisme-public"] + HOST, "data/accessibilite.yml": PLANS}
    )
    assert warnings_of(warnings) == []
    links = page(app.outdir, "accessibilite.html").select("section ul")[0].select("a")
    assert [(a.get_text(), a["href"].rsplit("/", 1)[-1]) for a in links] == [
        ("schéma pluriannuel de mise en accessibilité", "schema-2026-2028.pdf"),
        ("plan d’actions de l’année en cours", "plan-2026.pdf"),
        ("bilan des actions de l’année précédente", "bilan-2025.pdf"),
    ]


def test_a_public_body_without_its_plans_is_refused(built, capsys) -> None:
    without = "\n".join(
        line for line in PLANS.splitlines() if not line.startswith(("plan", "bilan"))
    )
    app, warnings = built(
        {
            "data/editeur.yml": PUBLISHERS["organisme-public"] + HOST,
            "data/accessibilite.yml": without,
        }
    )
    fields = re.findall(r"data/accessibilite\.yml:1: WARNING: champ « (\w+) »", warnings)
    assert sorted(fields) == ["bilan", "plan_action"]
    assert check([str(app.srcdir)]) == 1
    said = capsys.readouterr().err
    assert (
        "data/accessibilite.yml:1: champ « bilan » : champ obligatoire pour un organisme public"
        in said
    )


def test_an_anonymous_publisher_names_only_the_host(built) -> None:
    app, warnings = built(
        {
            "data/editeur.yml": "editeur:\n  type: anonyme\n  nom: Les bénévoles\n"
            "  contact: benevoles@example.org\nhebergeur:\n  nom: Hébergeur d’essai\n"
            "  adresse: 1 rue des Serveurs, 59000 Lille\n"
        }
    )
    assert warnings_of(warnings) == []
    text = text_of(app.outdir, "mentions-legales.html")
    assert "publié à titre non professionnel sous le nom « Les bénévoles »" in text
    assert "son éditeur ne publie pas son identité ; il l’a communiquée à l’hébergeur" in text
    assert "Directeur" not in text and "Hébergeur d’essai" in text


INCOMPLETE = {
    "personne": (
        "editeur:\n  type: personne\n  nom: C\n  contact: c@example.org\n",
        [
            (2, "editeur.adresse"),
            (2, "editeur.telephone"),
            (6, "hebergeur.telephone"),
        ],
    ),
    "structure": (
        "editeur:\n  type: structure\n  nom: A\n  adresse: Rue\n  telephone: 01 23 45\n"
        "  contact: a@example.org\n",
        [
            (2, "editeur.directeur_publication"),
            (8, "hebergeur.telephone"),
        ],
    ),
    "organisme-public": (
        "editeur:\n  type: organisme-public\n  nom: C\n  adresse: Rue\n"
        "  telephone: 01 23 45\n  directeur_publication: M\n  siret: 123\n"
        "  contact: c@example.org\n",
        [
            (7, "editeur.siret"),
            (2, "editeur.delegue_protection_donnees"),
            (10, "hebergeur.telephone"),
        ],
    ),
    "sans type": ("editeur:\n  nom: C\n  contact: c@example.org\n", [(2, "editeur.type")]),
    "type inconnu": (
        "editeur:\n  type: societe\n  nom: C\n  contact: c@example.org\n",
        [
            (2, "editeur.type"),
        ],
    ),
}
HOST_WITHOUT_PHONE = "hebergeur:\n  nom: H\n  adresse: Rue\n"


@pytest.mark.parametrize("case", list(INCOMPLETE))
def test_check_and_the_build_refuse_what_a_kind_lacks(built, capsys, case) -> None:
    data, expected = INCOMPLETE[case]
    app, warnings = built({"data/editeur.yml": data + HOST_WITHOUT_PHONE})
    built_found = re.findall(r"data/editeur\.yml:(\d+): WARNING: champ « ([\w.]+) »", warnings)
    assert sorted((int(line), field) for line, field in built_found) == sorted(expected)
    assert check([str(app.srcdir)]) == 1
    said = capsys.readouterr().err
    found = re.findall(r"data/editeur\.yml:(\d+): champ « ([\w.]+) »", said)
    assert sorted((int(line), field) for line, field in found) == sorted(expected), said


def test_the_data_page_names_the_controller_each_processing_and_every_right(built) -> None:
    data = PUBLISHERS["organisme-public"]
    host = HOST + "  pays: États-Unis\n  confidentialite: https://hote.example/vie-privee\n"
    app, warnings = built({"data/editeur.yml": data + host, "data/accessibilite.yml": PLANS})
    assert warnings_of(warnings) == []
    text = text_of(app.outdir, "donnees-personnelles.html")
    for expected in (
        "Le responsable des traitements décrits ici est l’éditeur du site, Commune d’Essai : "
        "contact@example.org.",
        "Délégué ou déléguée à la protection des données : dpd@example.org.",
        "Journaux techniques de l’hébergeur",
        "Base légale : l’intérêt légitime de l’hébergeur (RGPD, art. 6, 1, f).",
        "Durée de conservation : celle que fixe l’hébergeur (voir sa politique",
        "Noms des contributeurs et contributrices",
        "Durée de conservation : tant que l’article est publié.",
        "établi hors de l’Espace économique européen (pays : États-Unis)",
        "Transferts hors de l’Espace économique européen L’hébergeur (Hébergeur d’essai)",
        "d’accès, de rectification, d’effacement, de limitation du traitement, d’opposition et "
        "de portabilité",
        "dans un délai d’un mois (art. 12)",
    ):
        assert expected in text, (expected, text)


def test_a_public_body_names_its_data_protection_officer(built) -> None:
    data = PUBLISHERS["organisme-public"].replace(
        "  delegue_protection_donnees: dpd@example.org\n", ""
    )
    _, warnings = built({"data/editeur.yml": data + HOST})
    assert "editeur.delegue_protection_donnees" in warnings  # RGPD, art. 37
    assert "champ obligatoire pour un organisme public" in warnings


def test_a_host_in_the_eea_transfers_nothing(built) -> None:
    app, _ = built({"data/editeur.yml": PUBLISHERS["personne"] + HOST + "  pays: France\n"})
    assert "Transferts hors" not in text_of(app.outdir, "donnees-personnelles.html")


@pytest.mark.parametrize(
    ("form", "said"),
    [
        (
            "https://github.com/equipe/base/issues/new",
            "Ouvrir un ticket sur le dépôt du site (il demande un compte, et ce que vous y "
            "écrivez est public)",
        ),
        ("https://equipe.example.org/contact", "Utiliser le formulaire de contact"),
    ],
)
def test_a_forge_s_issue_tracker_is_not_called_a_contact_form(built, form, said) -> None:
    statement = f"etablie_le: 2026-01-10\ncontact:\n  formulaire: {form}\n"
    app, warnings = built({"data/accessibilite.yml": statement})
    assert warnings_of(warnings) == []
    assert said in text_of(app.outdir, "accessibilite.html")


def test_the_audit_report_is_linked_and_a_public_body_s_readers_may_turn_to_the_arcom(
    built,
) -> None:
    audit = (
        "audit:\n  date: 2026-03-02\n  referentiel: RGAA 4.1.2\n  auditeur: Cabinet Essai\n"
        "  taux: 73,1\n  pages: [Accueil]\n  environnement: [NVDA et Firefox]\n"
        "  rapport: https://ville.example.fr/audit-2026.pdf\n"
        "non_conformites: [Les images de la galerie n’ont pas d’alternative.]\n"
    )
    app, warnings = built(
        {
            "data/editeur.yml": PUBLISHERS["organisme-public"] + HOST,
            "data/accessibilite.yml": PLANS + audit,
        }
    )
    assert warnings_of(warnings) == []
    statement = page(app.outdir, "accessibilite.html")
    report = statement.find("a", string="Rapport de l’audit de conformité")
    assert report is not None and report["href"] == "https://ville.example.fr/audit-2026.pdf"
    text = text_of(app.outdir, "accessibilite.html")
    assert "73,1 % des critères du RGAA 4.1.2 sont respectés" in text
    assert "L’Arcom contrôle le respect de ces obligations par les organismes publics" in text
    assert statement.find("a", string="signaler à l’Arcom")["href"] == "https://www.arcom.fr/"


TRACKER = "https://github.com/equipe/base/issues"


@pytest.mark.parametrize("kind", list(PUBLISHERS))
def test_a_publisher_who_is_not_anonymous_gives_a_contact_that_needs_no_account(
    built, capsys, kind
) -> None:
    """A data-protection or accessibility request must not need an account nor be published:
    a forge's issue tracker alone is refused, at its line, by the build and by check."""
    data = re.sub(r"  contact: .*\n", f"  contact: {TRACKER}\n", PUBLISHERS[kind])
    statement = f"etablie_le: 2026-01-10\ncontact:\n  formulaire: {TRACKER}/new\n"
    if kind == "organisme-public":
        statement = PLANS.replace("contact:\n  courriel: accessibilite@example.org\n", "")
        statement += f"contact:\n  formulaire: {TRACKER}/new\n"
    app, warnings = built({"data/editeur.yml": data + HOST, "data/accessibilite.yml": statement})
    contact_line = data.splitlines().index(f"  contact: {TRACKER}") + 1
    statement_line = statement.splitlines().index(f"  formulaire: {TRACKER}/new") + 1
    expected = [
        ("accessibilite.yml", statement_line, "contact"),
        ("editeur.yml", contact_line, "editeur.contact"),
    ]
    found = re.findall(r"data/(\w+\.yml):(\d+): WARNING: champ « ([\w.]+) » : un ticket", warnings)
    assert sorted((name, int(line), field) for name, line, field in found) == expected
    assert check([str(app.srcdir)]) == 1
    said = capsys.readouterr().err
    assert said.count("demande un compte, et ce qu’on y écrit est public") == 2, said


def test_an_anonymous_publisher_s_tracker_is_said_to_be_public_where_rights_are_exercised(
    built,
) -> None:
    app, warnings = built(
        {
            "data/editeur.yml": f"editeur:\n  type: anonyme\n  nom: Les bénévoles\n"
            f"  contact: {TRACKER}\nhebergeur:\n  nom: Hébergeur d’essai\n"
            "  adresse: 1 rue des Serveurs, 59000 Lille\n"
        }
    )
    assert warnings_of(warnings) == []
    text = text_of(app.outdir, "donnees-personnelles.html")
    assert f"{TRACKER} (un ticket sur le dépôt du site : il demande un compte" in text
    assert f"écrivez à l’éditeur, {TRACKER} (un ticket public : n’y mettez aucune donnée" in text


def test_the_host_s_address_is_required_even_for_an_anonymous_publisher(built, capsys) -> None:
    app, warnings = built(
        {
            "data/editeur.yml": "editeur:\n  type: anonyme\n  nom: Les bénévoles\n"
            "  contact: benevoles@example.org\nhebergeur:\n  nom: Hébergeur d’essai\n"
            "  contact: https://hebergeur.example.org/contact\n"
        }
    )
    assert "data/editeur.yml:6: WARNING: champ « hebergeur.adresse » : champ obligatoire" in (
        warnings
    )
    assert check([str(app.srcdir)]) == 1
    assert "l’adresse de l’hébergeur (LCEN, art. 1-1), même pour un éditeur anonyme" in (
        capsys.readouterr().err
    )
