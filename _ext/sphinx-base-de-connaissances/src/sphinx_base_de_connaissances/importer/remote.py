"""Remote images brought into the base (``import --telecharger-medias``): each address fetched
once (kept in a cache folder outside the published site, so a second import fetches nothing),
within bounds (size, count, time), and accepted only as the build accepts a file a page shows
(``content.media``: a raster image Pillow reads as what its name says, within its dimensions,
or an SVG drawing with nothing active in it). What is refused says why, in French."""

from __future__ import annotations

import hashlib
import io
import posixpath
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urlsplit

from ..content import media
from ..content.slugs import slugify

MAX_FILES = 5_000  # an import fetching more is a mistake (a loop, a crawler trap)
TIMEOUT = 20  # seconds, per file
USER_AGENT = "base-de-connaissances-import"  # HTTP headers are Latin-1: ASCII only


@dataclass
class Downloader:
    cache: Path
    progress: Callable[[int], None] = lambda fetched: None
    found: dict[str, tuple[Path | None, str]] = field(default_factory=dict)
    fetched: int = 0  # files fetched from the network (the cache's are not)

    def get(self, url: str) -> tuple[Path | None, str]:
        """The image at ``url`` as a local file, or None and why not (in French)."""
        if url not in self.found:
            self.found[url] = self._get(url)
        return self.found[url]

    def _get(self, url: str) -> tuple[Path | None, str]:
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            return None, "seules les adresses http et https sont téléchargées"
        stem, suffix = posixpath.splitext(posixpath.basename(unquote(parts.path)))
        folder = self.cache / hashlib.sha256(url.encode("utf-8")).hexdigest()[:20]
        kept = next((p for p in sorted(folder.glob("*")) if p.is_file()), None)
        if kept is not None:
            return kept, ""
        if len(self.found) > MAX_FILES:
            return None, f"plus de {MAX_FILES} images : les suivantes ne sont pas téléchargées"
        try:
            data = self._fetch(url)
        except (urllib.error.URLError, OSError, ValueError) as error:
            return None, f"téléchargement impossible ({_reason(error)})"
        if data is None:
            return None, f"plus de {media.size_text(media.MAX_IMAGE_BYTES)} : non téléchargée"
        suffix, refusal = _checked(stem or "image", suffix.lower(), data)
        if refusal:
            return None, refusal
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{slugify(stem)[:80] or 'image'}{suffix}"
        path.write_bytes(data)
        self.fetched += 1
        self.progress(self.fetched)
        return path, ""

    def _fetch(self, url: str) -> bytes | None:
        """The bytes at ``url``; None when there are more than an image may weigh."""
        # http or https only: checked by _get, and by the opener on every redirect.
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})  # noqa: S310
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            data: bytes = response.read(media.MAX_IMAGE_BYTES + 1)
        return None if len(data) > media.MAX_IMAGE_BYTES else data


class _WebOnly(urllib.request.HTTPRedirectHandler):
    """Follows a redirect to http or https only (urllib would follow one to ftp)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme not in {"http", "https"}:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_WebOnly)


def _reason(error: Exception) -> str:
    if isinstance(error, urllib.error.HTTPError):
        return f"le serveur répond {error.code}"
    reason = getattr(error, "reason", error)
    return str(reason)[:120] or type(error).__name__


def _checked(stem: str, named: str, data: bytes) -> tuple[str, str]:
    """The suffix the file takes (its content's, whatever its address ``named``), and why
    the build would refuse it ("" when it would not)."""
    if data.lstrip()[:5] in {b"<?xml", b"<svg "} or named == ".svg":
        return ".svg", media.svg_refusal(f"{stem}.svg", data) or ""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            found, (width, height) = image.format, image.size
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        found, width, height = None, 0, 0
    suffix = media.SUFFIX_OF.get(found or "", "")
    if not suffix:
        return "", "ni PNG, ni JPEG, ni GIF, ni WebP, ni SVG lisible : non téléchargée"
    return suffix, media.raster_refusal(f"{stem}{suffix}", found, width, height) or ""
