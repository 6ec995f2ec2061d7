"""Old addresses an article keeps: besides old ids (its former path under the articles
folder), ``redirect_from`` takes any address the site had before it came to the engine, written
from the site's root: ``/guide/Mise en route/README.html``, ``/2015/03/12/mon-article/``,
``/docs/install``, ``/?p=42``. Each gets a page at that path that sends readers to the article
(``outputs.redirects``); a query (``?p=42``, a WordPress short link) cannot be a file, so the
home page looks it up in a map (``kb-anciennes-adresses.json``).

Percent-encoding is decoded (a web server looks the file up under the decoded path). No ``..``,
no backslash, no hidden or underscore folder (Sphinx's own), no page of the site. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

MAX_LENGTH = 400
# A file name's bytes on the file systems a site is written to (ext4, APFS, NTFS: 255), less
# room for ".html" or "/index.html".
MAX_SEGMENT_BYTES = 200
_QUERY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]{0,30})=([A-Za-z0-9_.-]{1,60})$")
_FILE_SUFFIXES = (".html", ".htm")
# First folders of the pages the engine generates, and Sphinx's files.
GENERATED = frozenset(
    {
        "archives",
        "authors",
        "categories",
        "feeds",
        "parcours",
        "tags",
        "telechargements",
        "search.html",
        "genindex.html",
        "sitemap.xml",
        "robots.txt",
        "objects.inv",
        "searchindex.js",
        "pagefind",
        "cards",
        "404.html",
        "404",
        "favicon.ico",
        "llms.txt",
        "llms-full.txt",
        "CNAME",
    }
)
# The publisher's pages (the legal notice, the accessibility statement…) and the archives: a
# redirect never takes their address, in either builder's form.
RESERVED_PAGES = frozenset(
    {
        "accessibilite",
        "mentions-legales",
        "donnees-personnelles",
        "plan-du-site",
        "ecoconception",
        "archives",
        "404",
        "search",
        "genindex",
    }
)


@dataclass(frozen=True)
class Address:
    path: str  # decoded, from the root, starting with "/"
    query: str = ""  # "p=42", looked up by the home page

    @property
    def file(self) -> str:
        """The file, relative to the output folder, that answers at this address."""
        inside = self.path.strip("/")
        if not inside:
            return ""
        if self.path.endswith("/") or not inside.lower().endswith(_FILE_SUFFIXES):
            return f"{inside}/index.html"
        return inside


def is_address(value: str) -> bool:
    """An address (from the root, or a full URL, which ``parse`` refuses), not an old id."""
    return value.startswith("/") or "://" in value


def parse(value: str) -> tuple[Address | None, str]:
    """(the address, "") or (None, why it is refused, in French)."""
    if len(value) > MAX_LENGTH:
        return None, f"adresse de plus de {MAX_LENGTH} caractères"
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or value.startswith("//"):
        return None, "attendu : une adresse à partir de la racine du site, sans domaine"
    path = unquote(parts.path) or "/"
    if any(ord(c) < 32 or ord(c) == 127 for c in path) or "\\" in path:
        return None, "caractère de contrôle ou barre oblique inverse dans l’adresse"
    segments = [s for s in path.split("/") if s]
    if any(s in {".", ".."} or s.startswith((".", "_")) for s in segments):
        return None, "attendu : ni « .. », ni dossier caché ou commençant par « _ »"
    if segments and segments[0] in GENERATED:
        return None, f"« /{segments[0]} » est une page que le moteur produit"
    if len(segments) == 1 and _page_name(segments[0]) in RESERVED_PAGES:
        return None, f"« /{segments[0]} » est une page du site que le moteur produit"
    if any(len(s.encode("utf-8")) > MAX_SEGMENT_BYTES for s in segments):
        return None, (
            f"une partie de l’adresse dépasse {MAX_SEGMENT_BYTES} octets, plus qu’un nom de "
            "fichier ne peut en porter"
        )
    if any(s.lower().endswith(_FILE_SUFFIXES) for s in segments[:-1]) or (
        segments and segments[-1].lower().endswith(_FILE_SUFFIXES) and path.endswith("/")
    ):
        return None, "une page « .html » se termine l’adresse, sans « / » après elle"
    query = parts.query
    if query:
        if not _QUERY.match(query) or (segments and segments != ["index.php"]):
            return None, (
                "une adresse avec « ? » doit être de la forme /?nom=valeur ou "
                "/index.php?nom=valeur, par exemple /?p=42"
            )
        return Address("/", query), ""
    if not segments:
        return None, "la racine du site est la page d’accueil ; elle ne peut pas être redirigée"
    return Address(path), ""


def _page_name(segment: str) -> str:
    lowered = segment.lower()
    for suffix in _FILE_SUFFIXES:
        lowered = lowered.removesuffix(suffix)
    return lowered


def page_files(docname: str) -> tuple[str, str]:
    """The files a document may be written to (html and dirhtml builders)."""
    name = docname.removesuffix("/index")
    return f"{name}.html", f"{name}/index.html"
