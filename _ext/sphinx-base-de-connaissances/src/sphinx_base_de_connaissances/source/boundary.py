"""The one boundary for every file a page names: included text, code, tables, images,
downloads. Pages arrive by pull request; whatever they name is published (in the page, the
search index, the books, ``_images/``, ``_downloads/``), so a named file must be a regular file
of the base's source folder, reached without a symbolic link, outside hidden folders (``.git``
holds the checkout's credentials) and outside the build's own folders, and within its kind's
size; images and downloads are then checked for what they hold (``content.media``).

Paths are taken as written (lexically), then checked component by component, before anything
is read. No Sphinx here: the directives, the read phase and the offline edition share it.
"""

from __future__ import annotations

import enum
import io
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..content import media


class Kind(enum.Enum):
    TEXT = "text"  # included into the page: Markdown, code, CSV, raw HTML
    IMAGE = "image"
    DOWNLOAD = "download"


LIMITS = {
    Kind.TEXT: media.MAX_TEXT_BYTES,
    Kind.IMAGE: media.MAX_IMAGE_BYTES,
    Kind.DOWNLOAD: media.MAX_DOWNLOAD_BYTES,
}
EXPECTED = (
    "attendu : un fichier du dépôt, sous le dossier source, ni caché ni lien symbolique, "
    "nommé depuis la page ou depuis la racine (/…)"
)


@dataclass(frozen=True)
class Boundary:
    srcdir: Path  # absolute, symbolic links resolved
    private: tuple[Path, ...] = ()  # the build's folders (outputs, doctrees), resolved

    @classmethod
    def of(cls, srcdir: str | Path, *private: str | Path) -> Boundary:
        return cls(Path(srcdir).resolve(), tuple(Path(p).resolve() for p in private))

    def locate(self, name: str, folder: str | Path, *, rooted: bool = True) -> Path:
        """The path a page names by ``name`` from its ``folder`` (absolute, or relative to the
        source folder), as Sphinx finds it (``rooted``: "/x" is under the source folder), with
        ``..`` folded and no symbolic link followed."""
        base = Path(folder)
        if not base.is_absolute():
            base = self.srcdir / base
        if name.startswith(("/", "\\")) and rooted:
            return Path(os.path.normpath(self.srcdir / name.lstrip("/\\")))
        return Path(os.path.normpath(base / name))

    def refusal(self, path: Path, name: str, kind: Kind) -> str | None:
        """Why the file at ``path`` (named ``name`` by the page) must not be published, or
        None; a missing file is said so too."""
        try:
            relative = path.relative_to(self.srcdir)
        except ValueError:
            return f"fichier refusé : « {name} » est hors du dossier source de la base ; {EXPECTED}"
        step = self.srcdir
        for part in relative.parts:
            step = step / part
            if part.startswith("."):
                return (
                    f"fichier refusé : « {name} » est dans « {part} », un dossier ou un fichier "
                    "caché"
                )
            if step.is_symlink():
                return (
                    f"fichier refusé : « {name} » passe par un lien symbolique "
                    f"({step.relative_to(self.srcdir)}), qui publierait un fichier pris ailleurs ; "
                    "copiez le fichier à sa place"
                )
        if any(path == folder or folder in path.parents for folder in self.private):
            return f"fichier refusé : « {name} » est dans un dossier de la construction"
        try:
            found = path.stat()
        except OSError:
            return f"fichier introuvable : « {name} » ; {EXPECTED}"
        if not stat.S_ISREG(found.st_mode):
            return f"fichier refusé : « {name} » n’est pas un fichier ordinaire"
        return media.too_large(name, found.st_size, LIMITS[kind])

    def check(
        self, name: str, folder: str | Path, kind: Kind, *, rooted: bool = True
    ) -> str | None:
        """Why the file a page in ``folder`` names ``name`` is refused, content included for
        images and downloads, or None."""
        path = self.locate(name, folder, rooted=rooted)
        refused = self.refusal(path, name, kind)
        if refused is not None or kind is Kind.TEXT:
            return refused
        data = path.read_bytes()
        if kind is Kind.DOWNLOAD:
            return media.download_refusal(name, data)
        return image_refusal(name, data)


def image_refusal(name: str, data: bytes) -> str | None:
    """Why the image ``name`` (its bytes ``data``) cannot be shown, or None."""
    refused = media.image_suffix_refusal(name)
    if refused is not None:
        return refused
    if media.suffix_of(name) == ".svg":
        return media.svg_refusal(name, data)
    from PIL import Image  # only when a raster image is checked

    try:
        with Image.open(io.BytesIO(data)) as image:
            found, (width, height) = image.format, image.size
            image.verify()
    except Image.DecompressionBombError:  # Pillow's own bound, far above ours
        return media.oversized(name, "des centaines de millions de")
    except Exception:  # Pillow raises many kinds on a damaged file
        return media.raster_refusal(name, None, 0, 0)
    return media.raster_refusal(name, found, width, height)
