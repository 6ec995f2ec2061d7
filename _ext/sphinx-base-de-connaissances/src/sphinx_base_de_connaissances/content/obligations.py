"""What a French publisher must show, from two data files: ``accessibilite.yml`` (the
accessibility statement, RGAA: the audit, its rate, the non-conformities, the plans and a
contact) and ``editeur.yml`` (the publisher and the host, LCEN art. 1-1). Pure: bytes in, records
and French problems (file, line, field) out.

The conformity is computed, never declared: 100 % of the criteria met is « totalement
conforme », 50 % or more « partiellement conforme », below or without an audit « non
conforme ». A statement must be updated within three years (its audit's date); a rate of 100 %
lists no non-conformity, and a lower one lists them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import yaml

from .frontmatter import Problem, compose, undecodable
from .sanitize import url_refusal
from .text import read_text
from .typography import french_spacing

ACCESSIBILITY = "accessibilite.yml"
PUBLISHER = "editeur.yml"
VALID_YEARS = 3


@dataclass(frozen=True)
class Audit:
    date: dt.date
    standard: str  # « RGAA 4.1.2 »
    auditor: str
    rate: float  # percentage of the criteria met, one decimal at most (73,1)

    @property
    def rate_shown(self) -> str:
        """« 73,1 », « 72 »: as French writes a percentage."""
        return f"{self.rate:g}".replace(".", ",")

    pages: tuple[str, ...]
    environment: tuple[str, ...]
    tools: tuple[str, ...] = ()
    report: str = ""  # the audit report's address


def public_tracker(url: str) -> bool:
    """Whether a web address is a forge's issue tracker: it needs an account, and what is
    written there is public."""
    path = urlsplit(url).path if "://" in url else ""
    return "/issues" in path or "/-/issues" in path


@dataclass(frozen=True)
class Contact:
    email: str = ""
    form: str = ""  # a web address
    address: str = ""
    line: int = field(default=1, compare=False)  # where data/accessibilite.yml gives it

    @property
    def href(self) -> str:
        """Where « Signaler un problème d’accessibilité » leads."""
        return self.form or (f"mailto:{self.email}" if self.email else "")

    @property
    def public_tracker(self) -> bool:
        return public_tracker(self.form)

    @property
    def private(self) -> bool:
        """Whether a reader can write without an account and without publishing the request."""
        return bool(self.email) or bool(self.form and not self.public_tracker)


@dataclass(frozen=True)
class Accessibility:
    entity: str = ""
    audit: Audit | None = None
    non_conformities: tuple[str, ...] = ()
    derogations: tuple[str, ...] = ()
    out_of_scope: tuple[str, ...] = ()
    multi_year_plan: str = ""
    action_plan: str = ""
    results: str = ""  # last year's results (« bilan des actions de l’année précédente »)
    contact: Contact = field(default_factory=Contact)
    automated: tuple[str, ...] = ()  # automated checks run on every page: not an audit
    established: dt.date | None = None  # « Cette déclaration a été établie le … »
    updated: dt.date | None = None  # « Elle a été mise à jour le … »

    @property
    def status(self) -> str:
        """« totalement », « partiellement » or « non » (conforme)."""
        if self.audit is None:
            return "non"
        if self.audit.rate >= 100:
            return "totalement"
        return "partiellement" if self.audit.rate >= 50 else "non"

    @property
    def mention(self) -> str:
        return f"Accessibilité\u00a0: {self.status} conforme"


@dataclass(frozen=True)
class Party:
    """The publisher or the host."""

    kind: str = ""  # the publisher's: one of KINDS
    name: str = ""
    address: str = ""
    contact: str = ""  # an e-mail address or a web address
    phone: str = ""
    director: str = ""  # the publisher's director of publication
    status: str = ""  # « association loi 1901 »…
    site: str = ""
    privacy: str = ""  # the host's privacy policy
    registration: str = ""  # RCS or RM number, for a publisher subject to them
    capital: str = ""  # a company's share capital
    siret: str = ""  # a public body's
    documents: str = ""  # a public body's person responsible for access to its documents
    dpo: str = ""  # the publisher's data protection officer: how to reach them
    country: str = ""  # the host's, where its servers keep what they log
    cache: int = 0  # the host's: how long browsers keep a file (Cache-Control max-age), seconds

    @property
    def outside_eu(self) -> bool:
        """Whether the host says it is established outside the European Economic Area."""
        return bool(self.country) and self.country.casefold() not in EEA

    @property
    def contact_href(self) -> str:
        return self.contact if "://" in self.contact else f"mailto:{self.contact}"

    @property
    def public_tracker(self) -> bool:
        return public_tracker(self.contact)


@dataclass(frozen=True)
class Obligations:
    accessibility: Accessibility = field(default_factory=Accessibility)
    publisher: Party | None = None
    host: Party | None = None
    fingerprint: str = ""


class _Reader:
    """Typed fields of one YAML mapping, each problem at its line."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.problems: list[Problem] = []

    def problem(self, node: yaml.Node | None, name: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.shown, line, name, message))

    def mapping(
        self, node: yaml.Node | None, name: str, known: tuple[str, ...]
    ) -> dict[str, yaml.Node]:
        if node is None:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, name, "attendu : des champs « nom: valeur ».")
            return {}
        fields = {}
        for key, value in node.value:
            if key.value not in known:
                close = difflib.get_close_matches(str(key.value), known, n=1)
                hint = f" ; vouliez-vous dire « {close[0]} » ?" if close else ""
                attendus = ", ".join(known)
                self.problem(
                    key, str(key.value), f"champ inconnu{hint} (champs possibles : {attendus})."
                )
                continue
            fields[str(key.value)] = value
        return fields

    def text(self, node: yaml.Node | None, name: str, required: bool = False) -> str:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value == ""):
            if required:
                self.problem(node, name, "champ obligatoire vide ; attendu : du texte.")
            return ""
        found = read_text(node)
        if found.not_text:
            self.problem(node, name, "attendu : du texte (mettez-le entre guillemets).")
            return ""
        if found.control:
            self.problem(node, name, f"caractère de contrôle {found.control} interdit.")
            return ""
        return french_spacing(found.value)

    def url(self, node: yaml.Node | None, name: str) -> str:
        value = self.text(node, name)
        if value and ("://" not in value or url_refusal(value) is not None):
            self.problem(node, name, "attendu : une adresse web (https://…).")
            return ""
        return value

    def contact(self, node: yaml.Node | None, name: str) -> str:
        """An e-mail address (a@b.fr) or a web address (https://…), nothing else: the
        footer and the legal pages make a link of it."""
        value = self.text(node, name)
        if not value:
            return ""
        if "://" in value:
            return self.url(node, name)
        if not re.fullmatch(r"[^@\s:/?#<>\"]+@[^@\s:/?#<>\"]+\.[^@\s:/?#<>\"]+", value):
            self.problem(
                node, name, "attendu : un courriel (nom@exemple.fr) ou une adresse web (https://…)."
            )
            return ""
        return value

    def texts(self, node: yaml.Node | None, name: str, required: bool = False) -> tuple[str, ...]:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value == ""):
            if required:
                self.problem(node, name, "champ obligatoire vide ; attendu : une liste.")
            return ()
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, name, "attendu : une liste (« - élément » par ligne).")
            return ()
        values = tuple(v for item in node.value if (v := self.text(item, name)))
        if required and not values:
            self.problem(node, name, "champ obligatoire vide ; attendu : une liste.")
        return values

    def date(self, node: yaml.Node | None, name: str) -> dt.date | None:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        try:
            return dt.date.fromisoformat(str(value))
        except (TypeError, ValueError):
            self.problem(node, name, "attendu : une date AAAA-MM-JJ.")
            return None

    def seconds(self, node: yaml.Node | None, name: str) -> int:
        """A whole number of seconds (0 when absent)."""
        if node is None:
            return 0
        value = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else ""
        if re.fullmatch(r"[0-9]{1,9}", value) and int(value) > 0:
            return int(value)
        self.problem(node, name, "attendu : un nombre de secondes (600 pour dix minutes).")
        return 0

    def rate(self, node: yaml.Node | None, name: str) -> float | None:
        value = node.value if isinstance(node, yaml.ScalarNode) else None
        text = str(value).strip().removesuffix("%").strip()
        # ASCII digits only (« ² » is a digit to str.isdigit, not to int), three at most, and
        # one decimal after a comma or a point (73,1).
        if re.fullmatch(r"[0-9]{1,3}([.,][0-9])?", text):
            rate = float(text.replace(",", "."))
            if rate <= 100:
                return rate
        self.problem(node, name, "attendu : un pourcentage de 0 à 100.")
        return None


def _root(raw: bytes, reader: _Reader) -> yaml.Node | None:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reader.problems.append(undecodable(reader.shown, error))
        return None
    try:
        return compose(text)
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 1
        reader.problems.append(Problem(reader.shown, line, "", f"YAML invalide ({error.problem})."))
        return None


AUDIT_FIELDS = (
    "date",
    "referentiel",
    "auditeur",
    "taux",
    "pages",
    "environnement",
    "outils",
    "rapport",
)
ACCESSIBILITY_FIELDS = (
    "entite",
    "audit",
    "non_conformites",
    "derogations",
    "hors_champ",
    "schema_pluriannuel",
    "plan_action",
    "bilan",
    "contact",
    "verifications_automatiques",
    "etablie_le",
    "mise_a_jour_le",
)
CONTACT_FIELDS = ("courriel", "formulaire", "adresse")


def accessibility(
    raw: bytes | None, shown: str, on: dt.date
) -> tuple[Accessibility, list[Problem]]:
    """The statement's data (no file: no audit, « non conforme »), and every problem."""
    if raw is None:
        return Accessibility(), []
    reader = _Reader(shown)
    root = _root(raw, reader)
    fields = reader.mapping(root, "", ACCESSIBILITY_FIELDS)
    audit = None
    if "audit" in fields:
        node = fields["audit"]
        found = reader.mapping(node, "audit", AUDIT_FIELDS)
        for name in AUDIT_FIELDS[:6]:
            if name not in found:
                reader.problem(node, f"audit.{name}", "champ obligatoire manquant.")
        day = reader.date(found.get("date"), "audit.date") if "date" in found else None
        rate = reader.rate(found.get("taux"), "audit.taux") if "taux" in found else None
        standard = reader.text(found.get("referentiel"), "audit.referentiel", required=True)
        auditor = reader.text(found.get("auditeur"), "audit.auditeur", required=True)
        pages = reader.texts(found.get("pages"), "audit.pages", required=True)
        environment = reader.texts(found.get("environnement"), "audit.environnement", True)
        tools = reader.texts(found.get("outils"), "audit.outils")
        report = reader.url(found.get("rapport"), "audit.rapport")
        if day is not None and day > on:
            reader.problem(found["date"], "audit.date", "date dans le futur.")
        elif day is not None and day < _years_before(on, VALID_YEARS):
            reader.problem(
                found["date"],
                "audit.date",
                f"audit du {day.isoformat()}, il y a plus de {VALID_YEARS} ans : la déclaration "
                "doit être mise à jour ; faites un nouvel audit (ou retirez le bloc « audit » : "
                "le site se déclarera non conforme).",
            )
        if day is not None and rate is not None:
            audit = Audit(day, standard, auditor, rate, pages, environment, tools, report)
    contact_node = fields.get("contact")
    contact_fields = reader.mapping(contact_node, "contact", CONTACT_FIELDS)
    email = reader.text(contact_fields.get("courriel"), "contact.courriel")
    if email and ("@" not in email or " " in email):
        reader.problem(contact_fields["courriel"], "contact.courriel", "attendu : une adresse.")
        email = ""
    contact = Contact(
        email,
        reader.url(contact_fields.get("formulaire"), "contact.formulaire"),
        reader.text(contact_fields.get("adresse"), "contact.adresse"),
        contact_node.start_mark.line + 1 if contact_node is not None else 1,
    )
    if not contact.href:
        reader.problem(
            contact_node,
            "contact",
            "attendu : « courriel » ou « formulaire » : un moyen de signaler un défaut "
            "d’accessibilité (obligatoire).",
        )
    result = Accessibility(
        entity=reader.text(fields.get("entite"), "entite"),
        audit=audit,
        non_conformities=reader.texts(fields.get("non_conformites"), "non_conformites"),
        derogations=reader.texts(fields.get("derogations"), "derogations"),
        out_of_scope=reader.texts(fields.get("hors_champ"), "hors_champ"),
        multi_year_plan=reader.url(fields.get("schema_pluriannuel"), "schema_pluriannuel"),
        action_plan=reader.url(fields.get("plan_action"), "plan_action"),
        results=reader.url(fields.get("bilan"), "bilan"),
        contact=contact,
        automated=reader.texts(
            fields.get("verifications_automatiques"), "verifications_automatiques"
        ),
        **_statement_dates(reader, fields, audit, on),
    )
    if audit is not None and audit.rate >= 100 and result.non_conformities:
        reader.problem(
            fields.get("non_conformites"),
            "non_conformites",
            "un taux de 100 % déclare le site totalement conforme : il ne peut pas lister de "
            "non-conformité ; corrigez le taux ou la liste.",
        )
    if audit is not None and audit.rate < 100 and not result.non_conformities:
        reader.problem(
            fields["audit"],
            "non_conformites",
            f"un taux de {audit.rate_shown} % n’est pas une conformité totale : listez les "
            "non-conformités relevées par l’audit (« non_conformites »).",
        )
    return result, reader.problems


DATE_FIELDS = ("etablie_le", "mise_a_jour_le")


def _statement_dates(
    reader: _Reader, fields: dict[str, yaml.Node], audit: Audit | None, on: dt.date
) -> dict[str, dt.date | None]:
    """When the statement was established (``etablie_le``, else its audit's day) and last
    updated (``mise_a_jour_le``): the State's model dates every statement."""
    days = {name: reader.date(fields[name], name) for name in DATE_FIELDS if name in fields}
    for name, day in days.items():
        if day is not None and day > on:
            reader.problem(fields[name], name, "date dans le futur.")
    established, updated = days.get("etablie_le"), days.get("mise_a_jour_le")
    if "etablie_le" not in fields:
        if audit is None:
            reader.problem(
                None,
                "etablie_le",
                "attendu : le jour où cette déclaration a été établie (AAAA-MM-JJ) ; la "
                "déclaration d’accessibilité est toujours datée.",
            )
        established = audit.date if audit is not None else None
    if established is not None and updated is not None and updated < established:
        reader.problem(
            fields["mise_a_jour_le"], "mise_a_jour_le", "attendu : une date après « etablie_le »."
        )
    return {"established": established, "updated": updated}


# Who publishes, and what the law asks each to show (LCEN, art. 1-1): a natural person, a legal
# person (a company, an association), a public body (with its SIRET), or a non-professional
# who stays anonymous (the host, who knows them, is named instead).
KINDS = {
    "personne": ("une personne physique", ("adresse", "telephone")),
    "structure": ("une personne morale", ("adresse", "telephone", "directeur_publication")),
    "organisme-public": (  # with a data protection officer (RGPD, art. 37)
        "un organisme public",
        ("adresse", "telephone", "directeur_publication", "siret", "delegue_protection_donnees"),
    ),
    "anonyme": ("un éditeur non professionnel anonyme", ()),
}
KINDS_EXPECTED = (
    "personne (une personne physique), structure (une entreprise, une association), "
    "organisme-public (une administration, une collectivité) ou anonyme (à titre non "
    "professionnel, l’hébergeur connaissant votre identité)"
)
SIRET = re.compile(r"[0-9]{14}")
# The European Economic Area, as a host's « pays » names it: no transfer to speak of (RGPD,
# chapter V) for a host established there.
EEA = frozenset(
    {
        "allemagne", "autriche", "belgique", "bulgarie", "chypre", "croatie", "danemark",
        "espagne", "estonie", "finlande", "france", "grèce", "hongrie", "irlande", "islande",
        "italie", "lettonie", "liechtenstein", "lituanie", "luxembourg", "malte", "norvège",
        "pays-bas", "pologne", "portugal", "roumanie", "slovaquie", "slovénie", "suède",
        "tchéquie", "république tchèque",
    }
)  # fmt: skip
PARTY_FIELDS = {
    "editeur": (
        "type",
        "nom",
        "statut",
        "adresse",
        "contact",
        "telephone",
        "directeur_publication",
        "site",
        "immatriculation",
        "capital",
        "siret",
        "responsable_acces_documents",
        "delegue_protection_donnees",
    ),
    "hebergeur": (
        "nom",
        "adresse",
        "contact",
        "telephone",
        "site",
        "confidentialite",
        "pays",
        "duree_cache",
    ),
}


def publisher(raw: bytes | None, shown: str) -> tuple[Party | None, Party | None, list[Problem]]:
    """(the publisher, the host, every problem); both are required (LCEN art. 1-1)."""
    if raw is None:
        message = (
            "fichier introuvable : créez-le ; il nomme l’éditeur du site (nom, contact) et son "
            "hébergeur (nom, adresse), que la loi demande de publier (LCEN, art. 1-1)."
        )
        return None, None, [Problem(shown, 1, "", message)]
    reader = _Reader(shown)
    root = _root(raw, reader)
    fields = reader.mapping(root, "", tuple(PARTY_FIELDS))
    parties: list[Party | None] = []
    for role, known in PARTY_FIELDS.items():
        node = fields.get(role)
        if node is None:
            reader.problem(root, role, "bloc obligatoire manquant.")
            parties.append(None)
            continue
        found = reader.mapping(node, role, known)
        values: dict[str, Any] = {}
        for name in known:
            label = f"{role}.{name}"
            if name in {"site", "confidentialite"}:
                values[name] = reader.url(found.get(name), label)
            elif name == "contact":
                values[name] = reader.contact(found.get(name), label)
            elif name == "duree_cache":
                values[name] = reader.seconds(found.get(name), label)
            else:
                values[name] = reader.text(_as_text(found.get(name)), label, name == "nom")
        given = found.get("contact") is not None and str(found["contact"].value).strip()
        if not values["contact"] and not given and not (role == "hebergeur" and values["adresse"]):
            reader.problem(node, f"{role}.contact", "attendu : un courriel ou une adresse web.")
        kind = parties[0].kind if parties and parties[0] is not None else values.get("type", "")
        _required(reader, role, node, found, values, kind)
        parties.append(
            Party(
                kind=kind if kind in KINDS else "",
                name=values["nom"],
                address=values["adresse"],
                contact=values["contact"],
                phone=values["telephone"],
                director=values.get("directeur_publication", ""),
                status=values.get("statut", ""),
                site=values["site"],
                privacy=values.get("confidentialite", ""),
                registration=values.get("immatriculation", ""),
                capital=values.get("capital", ""),
                siret=" ".join(values.get("siret", "").split()),
                documents=values.get("responsable_acces_documents", ""),
                dpo=values.get("delegue_protection_donnees", ""),
                country=values.get("pays", ""),
                cache=values.get("duree_cache", 0),
            )
        )
    return parties[0], parties[1], reader.problems


# What article 47 of the loi n° 2005-102 asks a public body to publish with its statement.
PLANS = {
    "schema_pluriannuel": ("multi_year_plan", "son schéma pluriannuel de mise en accessibilité"),
    "plan_action": ("action_plan", "son plan d’actions de l’année en cours"),
    "bilan": ("results", "le bilan des actions de l’année précédente"),
}


def plans(access: Accessibility, publisher: Party | None, shown: str) -> list[Problem]:
    """A public body (``organisme-public``) is subject to article 47: its statement links to
    its multi-year plan, this year's action plan and last year's results (addresses)."""
    if publisher is None or publisher.kind != "organisme-public":
        return []
    return [
        Problem(
            shown,
            1,
            name,
            f"champ obligatoire pour un organisme public (loi n° 2005-102, art. 47) : "
            f"l’adresse où il publie {what}.",
        )
        for name, (attribute, what) in PLANS.items()
        if not getattr(access, attribute)
    ]


TRACKER_REFUSED = "un ticket sur le dépôt du site demande un compte, et ce qu’on y écrit est public"


def private_channel(access: Accessibility, publisher: Party | None, shown: str) -> list[Problem]:
    """A publisher who is not anonymous answers accessibility requests through a channel a
    reader can use without an account and without publishing a disability: an e-mail or a
    form, not only a forge's issue tracker."""
    if publisher is None or publisher.kind in {"", "anonyme"} or not access.contact.href:
        return []
    if access.contact.private:
        return []
    message = f"{TRACKER_REFUSED} ; attendu : un « courriel » ou un « formulaire » sans compte."
    return [Problem(shown, access.contact.line, "contact", message)]


def _as_text(node: yaml.Node | None) -> yaml.Node | None:
    """A number typed as such (a phone, a SIRET: ``21440109300018``) read as the text it is."""
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":
        return yaml.ScalarNode("tag:yaml.org,2002:str", node.value, node.start_mark, node.end_mark)
    return node


def _required(
    reader: _Reader,
    role: str,
    node: yaml.Node,
    found: dict[str, yaml.Node],
    values: dict[str, Any],
    kind: str,
) -> None:
    """What the law asks of this kind of publisher, and of its host (a phone, unless the
    publisher stays anonymous), each missing field a problem at the block's line."""
    if role == "hebergeur":
        if not values["adresse"]:
            reader.problem(
                node,
                "hebergeur.adresse",
                "champ obligatoire manquant : la loi demande l’adresse de l’hébergeur (LCEN, "
                "art. 1-1), même pour un éditeur anonyme.",
            )
        if kind in KINDS and kind != "anonyme" and not values["telephone"]:
            reader.problem(
                node,
                "hebergeur.telephone",
                "champ obligatoire manquant : la loi demande le téléphone de l’hébergeur "
                "(LCEN, art. 1-1), sauf pour un éditeur anonyme.",
            )
        return
    if "type" not in found:
        reader.problem(
            node, "editeur.type", f"champ obligatoire manquant ; attendu : {KINDS_EXPECTED}."
        )
        return
    if kind not in KINDS:
        reader.problem(
            found["type"], "editeur.type", f"« {kind[:40]} » inconnu ; attendu : {KINDS_EXPECTED}."
        )
        return
    who, needed = KINDS[kind]
    for name in needed:
        if not values[name]:
            reader.problem(
                found.get(name, node),
                f"editeur.{name}",
                f"champ obligatoire pour {who} (LCEN, art. 1-1) : ajoutez-le.",
            )
    if kind != "anonyme" and public_tracker(values["contact"]):
        reader.problem(
            found["contact"],
            "editeur.contact",
            f"{TRACKER_REFUSED} ; attendu : le courriel de l’éditeur ou un formulaire sans "
            "compte (les demandes d’accès à ses données passent par là, RGPD, art. 12).",
        )
    siret = "".join(values["siret"].split())
    if siret and not SIRET.fullmatch(siret):
        reader.problem(found["siret"], "editeur.siret", "attendu : les 14 chiffres du SIRET.")


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)
