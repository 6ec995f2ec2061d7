"""Real documentation, checked by the strict build: another tool's syntax an import did not
convert (GitBook's « {% hint %} », Hugo's « {{< … >}} », VuePress's « ::: tip ») is a French
warning at its line, never shown as it is; task lists render as disabled checkboxes; an image
without alternative text fails the build as it fails check; and the warnings of Sphinx, MyST
and docutils that writers meet most are said in French."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers import REPO, soup
from tests.kb.test_hostile import article, build

BODY = """Un paragraphe.

::: tip Un conseil
Le contenu du conseil.
:::

{% hint style="info" %}
Un indice de GitBook.
{% endhint %}

Une figure {{< figure src="x.png" >}} de Hugo.

`{% raw %}` et le bloc suivant restent du code :

```jinja
{% for x in y %}{{< pas-hugo >}}{% endfor %}
```

- [ ] à faire
- [x] fait
"""


def lines(text: str) -> list[str]:
    return [re.sub(r"\x1b\[[0-9;]*m", "", line) for line in text.splitlines() if "WARNING" in line]


def line_of(body: str, marker: str) -> int:
    text = article(body=body)
    return next(n for n, line in enumerate(text.splitlines(), 1) if marker in line)


@pytest.mark.parametrize("fences", [False, True], ids=["plain", "colon-fence-and-tasklist"])
def test_unconverted_syntax_is_a_warning_at_its_line_and_code_is_left_alone(
    tmp_path: Path, fences: bool
) -> None:
    files = {"articles/doc.md": article(body=BODY)}
    if fences:  # as a base made by `new` has it
        conf = (REPO / "tests/roots/test-kb/conf.py").read_text("utf-8")
        files["conf.py"] = conf + '\nmyst_enable_extensions = ["colon_fence", "tasklist"]\n'
    outdir, warnings = build(tmp_path, files)
    found = lines(warnings)
    where = {
        line_of(BODY, "::: tip"): "conteneur « ::: tip » non converti",
        line_of(BODY, "{% hint"): "« {% hint … %} »",
        line_of(BODY, "{{< figure"): "« {{< figure … >}} »",
    }
    for line, says in where.items():
        assert any(f"articles/doc.md:{line}:" in w and says in w for w in found), (line, found)
    assert len(found) == 3, found  # nothing for the code, nor for the task list
    if not fences:
        return
    page = soup(outdir / "articles/doc.html")
    boxes = page.select("input.task-list-item-checkbox")
    assert [b.has_attr("checked") for b in boxes] == [False, True]
    assert all(b.has_attr("disabled") for b in boxes)


def test_an_image_without_alternative_text_fails_the_build(tmp_path: Path) -> None:
    from PIL import Image

    src = tmp_path / "src" / "articles"
    src.mkdir(parents=True)
    Image.new("RGB", (4, 4)).save(src / "schema.png")
    body = "Texte.\n\n![](schema.png)\n"
    _, warnings = build(tmp_path, {"articles/image.md": article(body=body)})
    line = line_of(body, "![](schema.png)")
    assert any(
        f"articles/image.md:{line}:" in w and "sans texte alternatif" in w for w in lines(warnings)
    ), warnings


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ("```{inconnue}\nx\n```\n", "directive inconnue : « inconnue »"),
        ("Un {unrole}`x`.\n", "rôle inconnu : « unrole »"),
        ("# A\n\n### C\n", "niveau de titre sauté : de H1 à H3"),
        ("Voir [x](absent.md).\n", "lien vers « absent.md » : cible introuvable"),
        ("Voir {doc}`absent`.\n", "document inconnu : « absent »"),
        ("Voir {ref}`nulle-part`.\n", "étiquette inconnue : « nulle-part »"),
        ("Le {term}`inconnu`.\n", "terme absent du glossaire : « inconnu »"),
    ],
)
def test_the_common_warnings_are_french(tmp_path: Path, body: str, says: str) -> None:
    _, warnings = build(tmp_path, {"articles/doc.md": article(body=body)})
    found = [w for w in lines(warnings) if "articles/doc.md" in w]
    assert any(says in w for w in found), found
