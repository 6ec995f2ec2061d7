"""What a file a page shows or offers may be: images the site, Typst and EPUB readers all
display, within bounds; downloads that a browser never runs from the site's origin; SVG drawings
with nothing active in them. Pure: bytes in, a French refusal (or None) out.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

# Bounds: past them a file is refused (a build never spends minutes or gigabytes on one).
MAX_TEXT_BYTES = 1_000_000  # a file a page includes (code, Markdown, CSV, raw HTML)
MAX_IMAGE_BYTES = 10_000_000
MAX_IMAGE_SIDE = 10_000  # pixels, width or height
MAX_IMAGE_PIXELS = 40_000_000
MAX_DOWNLOAD_BYTES = 50_000_000
MAX_CODE_LINES = 5_000  # a code block, shown whole on the site and in the books
MAX_CODE_CHARACTERS = 500_000
# An article: what a pull request can grow, bounded so that what passes its build also passes
# the deploy's (the offline edition lays every article out whole).
MAX_ARTICLE_BYTES = 500_000
MAX_ARTICLE_HEADINGS = 300

# Raster formats by suffix, as Pillow names them: what browsers, Typst and EPUB 3 readers show.
RASTER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}
SUFFIX_OF = {"PNG": ".png", "JPEG": ".jpg", "GIF": ".gif", "WEBP": ".webp"}
IMAGE_SUFFIXES = frozenset({*RASTER, ".svg"})
# Downloads a browser would run as a page or a script of the site's own origin.
ACTIVE_SUFFIXES = frozenset(
    {
        ".html",
        ".htm",
        ".xhtml",
        ".xht",
        ".shtml",
        ".mht",
        ".mhtml",
        ".xml",
        ".xsl",
        ".xslt",
        ".svgz",
        ".js",
        ".mjs",
        ".cjs",
        ".wasm",
        ".swf",
    }
)

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
# SVG elements that draw: no script, no foreign content, no animation (which can set an href).
SVG_ELEMENTS = frozenset({
    "svg", "g", "defs", "desc", "title", "metadata", "symbol", "use", "image", "switch", "a",
    "view", "style", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text",
    "tspan", "textPath", "linearGradient", "radialGradient", "stop", "pattern", "clipPath",
    "mask", "marker", "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
    "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur",
    "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight",
    "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
})  # fmt: skip
# Namespaces whose elements a browser runs or renders as pages inside an SVG.
ACTIVE_NAMESPACES = frozenset(
    {"http://www.w3.org/1999/xhtml", "http://www.w3.org/1998/Math/MathML"}
)
_INLINE_IMAGE = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*\Z")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
_CSS_ACTIVE = re.compile(r"@import|expression\(|javascript:|behavior\s*:|-moz-binding", re.I)


def suffix_of(name: str) -> str:
    """The file name's extension, lowercase, with its dot ("" when it has none)."""
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base.strip(".") else ""


def size_text(size: int) -> str:
    """A size as writers read it: « 12,5 Mo », « 800 Ko »."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".replace(".", ",") + "\u00a0Mo"
    return f"{max(1, round(size / 1000))}\u00a0Ko"


def too_large(name: str, size: int, limit: int) -> str | None:
    if size <= limit:
        return None
    return f"fichier refusé : « {name} » pèse {size_text(size)}, au-delà de {size_text(limit)}"


def image_suffix_refusal(name: str) -> str | None:
    """Why an image named ``name`` cannot be shown whatever its content, or None."""
    if suffix_of(name) in IMAGE_SUFFIXES:
        return None
    return (
        f"image refusée : « {name} » est d’un format non pris en charge ; attendu : PNG, JPEG, "
        "GIF, WebP ou SVG (.png, .jpg, .gif, .webp, .svg)"
    )


def raster_refusal(name: str, found: str | None, width: int, height: int) -> str | None:
    """Why a raster image named ``name`` cannot be shown, given what its file holds: its
    format as Pillow names it (None: unreadable) and its dimensions."""
    if found is None:
        return f"image refusée : « {name} » est illisible (fichier abîmé ou d’un autre format)"
    expected = RASTER[suffix_of(name)]
    if found != expected:
        wanted = SUFFIX_OF.get(found, "")
        rename = f" ; renommez le fichier en {wanted}" if wanted else ""
        suffix = suffix_of(name)
        return f"image refusée : « {name} » est une image {found} sous l’extension {suffix}{rename}"
    if max(width, height) > MAX_IMAGE_SIDE or width * height > MAX_IMAGE_PIXELS:
        return oversized(name, f"{width} × {height}")
    return None


def oversized(name: str, dimensions: str) -> str:
    return (
        f"image refusée : « {name} » mesure {dimensions} pixels ; au plus {MAX_IMAGE_SIDE} de "
        f"côté et {MAX_IMAGE_PIXELS // 1_000_000} millions de pixels ; réduisez l’image"
    )


def download_refusal(name: str, data: bytes) -> str | None:
    """Why ``name`` cannot be offered as a download from the site, or None."""
    suffix = suffix_of(name)
    if suffix in ACTIVE_SUFFIXES:
        return (
            f"téléchargement refusé : « {name} », un fichier {suffix}, s’exécuterait dans le "
            "navigateur depuis le site ; "
            "proposez une archive .zip, ou montrez son texte dans un bloc de code"
        )
    if suffix == ".svg":
        return svg_refusal(name, data)
    return None


def _local(tag: str) -> tuple[str, str]:
    """(namespace, local name) of an ElementTree tag or attribute name."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def svg_refusal(name: str, data: bytes) -> str | None:
    """An SVG drawing is refused when anything in it could run or load: scripts, event
    attributes, foreign HTML, animations, links to other files, style that imports."""
    parser = ET.XMLPullParser(events=("start", "pi"))
    try:
        parser.feed(data)
        parser.close()
    except ET.ParseError as error:
        return f"image refusée : « {name} » n’est pas un SVG lisible ({error})"
    found: list[str] = []
    root: ET.Element | None = None
    for kind, item in parser.read_events():
        if kind == "pi":
            found.append("une instruction de traitement")
        elif root is None:
            root = item  # type: ignore[assignment]
    if root is None or root.tag != f"{{{SVG}}}svg":
        return f"image refusée : « {name} » n’est pas un dessin SVG (sa racine n’est pas <svg>)"
    for element in root.iter():
        found += _element_problems(element)
    if found:
        return (
            f"image refusée : le SVG « {name} » contient {found[0]} ; un dessin SVG ne doit rien "
            "contenir "
            "d’actif (script, attribut on…, HTML, animation, fichier ou adresse externe)"
        )
    return None


def _element_problems(element: ET.Element) -> list[str]:
    namespace, local = _local(element.tag)
    if namespace in ACTIVE_NAMESPACES:
        return [f"un élément <{local}> d’un autre format"]
    if namespace == SVG and local not in SVG_ELEMENTS:
        return [f"un élément <{local}>"]
    problems = []
    for attribute, value in element.attrib.items():
        attr_ns, attr = _local(attribute)
        if attr.lower().startswith("on"):
            problems.append(f"un attribut {attr}")
        elif attr == "href" and attr_ns in {"", XLINK}:
            allowed = value.startswith("#") or (
                local in {"image", "feImage"} and _INLINE_IMAGE.match(value)
            )
            if local == "a" and re.match(r"https?://|mailto:", value.strip(), re.I):
                allowed = True
            if not allowed:
                problems.append(f"un lien « {value[:40]} » sur <{local}>")
        elif _CSS_URL.search(value) or _CSS_ACTIVE.search(value):
            problems.append(f"un attribut {attr} qui charge ou exécute")
    text = element.text or ""
    if local == "style" and (_CSS_URL.search(text) or _CSS_ACTIVE.search(text)):
        problems.append("un style qui charge ou exécute")
    return problems
