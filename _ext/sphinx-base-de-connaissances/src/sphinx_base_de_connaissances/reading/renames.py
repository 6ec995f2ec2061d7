"""References to an article's old name (a link to ``old.md``, ``{doc}`` to its old id) after
it was renamed with ``redirect_from``: the build fails with a warning that names the new
article and the reference to write instead, rather than Sphinx's and MyST's « unknown
document », and the link reaches the new page meanwhile (one warning, not two).

A post-transform that runs before MyST's resolver (priority 9) and Sphinx's (10).
"""

from __future__ import annotations

import posixpath
from typing import Any

from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from ..content.permalinks import renamed_ids, replacement
from ..diagnostics import Subtype, warn
from ..settings import Settings
from .domain import domain


def _target(node: addnodes.pending_xref, refdoc: str) -> tuple[str, str, bool, bool] | None:
    """(the docname a reference names, its ``#`` part, whether it is a Markdown link, whether
    it is written from the source folder) for a link to a ``.md`` file or a ``{doc}`` role;
    None for any other reference."""
    target = str(node.get("reftarget", ""))
    if node.get("reftype") == "myst" and not node.get("refdomain"):
        path, _, anchor = target.partition("#")
        if "://" in path or not path.endswith(".md"):
            return None
        path = path.removesuffix(".md")
        markdown = True
    elif node.get("refdomain") == "std" and node.get("reftype") == "doc":
        path, anchor, markdown = target, "", False
    else:
        return None
    if path.startswith("/"):
        return path.lstrip("/"), anchor, markdown, True
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(refdoc), path))
    return joined, anchor, markdown, False


class RenamedReferences(SphinxPostTransform):
    default_priority = 8

    def run(self, **_kwargs: Any) -> None:
        env = self.env
        renamed: dict[str, str] | None = None  # built only when a reference is unknown
        folder = ""
        for node in list(self.document.findall(addnodes.pending_xref)):
            refdoc = node.get("refdoc", env.docname)
            found = _target(node, refdoc)
            if found is None or found[0] in env.all_docs:
                continue
            if renamed is None:
                folder = Settings.from_config(env.config).articles_dir
                renamed = renamed_ids(domain(env).articles.values(), folder)
            old, anchor, markdown, absolute = found
            new = renamed.get(old)
            if new is None:
                continue
            instead = replacement(refdoc, new, anchor, markdown=markdown, absolute=absolute)
            old_id, new_id = old.removeprefix(f"{folder}/"), new.removeprefix(f"{folder}/")
            warn(
                f"article « {old_id} » renommé en « {new_id} » : remplacez la référence par "
                f"« {instead} ».",
                subtype=Subtype.RENAMED,
                location=node,
            )
            # Meanwhile the link reaches the new page, and nothing else warns about it.
            if markdown:
                node["refdomain"], node["reftarget"] = "doc", new
                node["reftargetid"] = anchor or None
            else:
                node["reftarget"] = "/" + new
