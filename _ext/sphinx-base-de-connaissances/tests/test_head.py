"""What every page's head gives the browser beyond the theme's: an icon of its own, so that
no first visit asks the server for a ``/favicon.ico`` it does not have."""

from __future__ import annotations

import io
from pathlib import Path

from .helpers import page, warnings_of


def test_a_base_without_an_icon_gets_one_written_in_the_page(built) -> None:
    app, warnings = built({})
    assert warnings_of(warnings) == []
    for name in ("index.html", "mentions-legales.html"):
        icons = page(Path(app.outdir), name).head.select('link[rel="icon"]')
        assert [icon["href"][:26] for icon in icons] == ["data:image/svg+xml,%3Csvg%"]


def test_a_base_s_own_icon_is_the_only_one(built, rootdir) -> None:
    from PIL import Image

    png = io.BytesIO()
    Image.new("RGB", (16, 16), "red").save(png, "PNG")
    conf = (rootdir / "test-base/conf.py").read_text("utf-8") + 'html_favicon = "icone.png"\n'
    app, warnings = built({"conf.py": conf, "icone.png": png.getvalue()})
    assert warnings_of(warnings) == []
    icons = page(Path(app.outdir), "index.html").head.select('link[rel="icon"]')
    assert [icon["href"] for icon in icons] == ["_static/icone.png"]
