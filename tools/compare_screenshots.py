"""Compare two folders of screenshots (``tools/screenshots.py --out``): for each image, the
share of pixels that differ, and a difference image beside the second folder's copy.

``python -m tools.compare_screenshots BEFORE AFTER``
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageChops


def compare(before: Path, after: Path) -> list[tuple[str, float, str]]:
    rows = []
    for old in sorted(before.glob("*.png")):
        new = after / old.name
        if not new.is_file():
            rows.append((old.name, 1.0, "missing"))
            continue
        a, b = Image.open(old).convert("RGB"), Image.open(new).convert("RGB")
        if a.size != b.size:
            rows.append((old.name, 1.0, f"size {a.size} → {b.size}"))
            continue
        diff = ImageChops.difference(a, b)
        box = diff.getbbox()
        red, green, blue = diff.split()
        strongest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
        changed = sum(strongest.histogram()[1:])  # pixels where any channel differs
        if box:
            diff.point(lambda value: 255 if value else 0).save(after / f"diff-{old.name}")
        rows.append((old.name, changed / (a.width * a.height), str(box or "")))
    return rows


def main(argv: list[str] | None = None) -> int:
    before, after = (Path(arg) for arg in (argv or sys.argv[1:]))
    for name, share, where in compare(before, after):
        print(f"{name:40} {share:8.4%}  {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
