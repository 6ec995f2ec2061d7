"""The PDF, typeset by WeasyPrint from the book's HTML: the same bytes for the same inputs
(the edition's date stands for the creation date, the identifier is the book's own)."""

from __future__ import annotations

import hashlib
from pathlib import Path


def write_pdf(html: str, target: Path, identifier: str) -> None:
    from weasyprint import HTML  # a heavy import, only when a book is made

    data = HTML(string=html, base_url=str(target.parent)).write_pdf(
        pdf_identifier=hashlib.sha256(identifier.encode("utf-8")).hexdigest()[:32].encode(),
        uncompressed_pdf=False,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(target)
