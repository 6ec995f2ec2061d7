"""One frozen record of a base's settings: made from ``app.config`` in the build
(``Settings.from_config``) and from the base's ``conf.py`` in the commands
(``Settings.from_conf_py``), so that the build, ``check``, ``links``, ``review`` and
``offline`` see the same folders, options and identity. No Sphinx import: the commands load
none.

Its fields are the options of ``options.OPTIONS`` without their ``kb_`` prefix (a test keeps
them equal), and the base's identity: its name (``project``) and public address
(``html_baseurl``, with one trailing slash).
"""

from __future__ import annotations

import dataclasses
import os
import runpy
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import options


class SettingsError(Exception):
    """conf.py cannot be read, or sets values the engine refuses; ``problems`` in French."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _frozen(value: Any) -> Any:
    """A list becomes a tuple (of tuples): the record is frozen."""
    if isinstance(value, list | tuple):
        return tuple(tuple(x) if isinstance(x, list | tuple) else x for x in value)
    return value


def _default(name: str) -> Any:
    """An option's default, from its one declaration (``options.OPTIONS``)."""
    return _frozen(options.default(name))


@dataclass(frozen=True)
class Settings:
    project: str = ""
    base_url: str = "/"
    articles_dir: str = _default("kb_articles_dir")
    data_dir: str = _default("kb_data_dir")
    locale: str = _default("kb_locale")
    preview: bool = _default("kb_preview")
    publication: bool = _default("kb_publication")
    offline: bool = _default("kb_offline")
    html_classes: tuple[str, ...] = _default("kb_html_classes")
    words_per_minute: int = _default("kb_words_per_minute")
    site_description: str = _default("kb_site_description")
    feed_rights: str = _default("kb_feed_rights")
    nav_limit: int = _default("kb_nav_limit")
    nav_links: tuple[tuple[str, str], ...] = _default("kb_nav_links")
    page_size: int = _default("kb_page_size")
    review_after_months: int = _default("kb_review_after_months")
    repository_url: str = _default("kb_repository_url")
    repository_branch: str = _default("kb_repository_branch")
    cms: str = _default("kb_cms")
    cms_app_id: str = _default("kb_cms_app_id")
    cms_auth_url: str = _default("kb_cms_auth_url")
    search_background: bool = _default("kb_search_background")
    search_shard_pages: int = _default("kb_search_shard_pages")
    parallel_read_max: int = _default("kb_parallel_read_max")

    @classmethod
    def of(cls, value: Callable[[str], Any], project: str, base_url: str) -> Settings:
        """From ``value(option name)`` for every option (already checked), and the identity."""
        fields: dict[str, Any] = {}
        for option in options.OPTIONS:
            fields[option.name.removeprefix("kb_")] = _frozen(value(option.name))
        fields["articles_dir"] = str(fields["articles_dir"]).strip("/")
        fields["data_dir"] = str(fields["data_dir"]).strip("/")
        return cls(project=project, base_url=base_url.rstrip("/") + "/", **fields)

    @classmethod
    def from_config(cls, config: Any) -> Settings:
        """In the build, from Sphinx's configuration (checked at ``config-inited``)."""
        return cls.of(lambda name: getattr(config, name), config.project, config.html_baseurl)

    @classmethod
    def from_conf_py(cls, srcdir: Path) -> Settings:
        """In a command, from ``srcdir/conf.py`` run as Sphinx runs it (in its folder, with
        ``tags``); a base without one gets the defaults. Refused values raise
        ``SettingsError`` with every problem, as the build would say them."""
        conf = srcdir.resolve() / "conf.py"  # absolute: it is run from its own folder
        if not conf.is_file():
            return cls()
        namespace = _run(conf)
        for old, new in options.RENAMED.items():
            if old in namespace and new not in namespace:
                namespace[new] = namespace[old]
        defaults = {option.name: option.default for option in options.OPTIONS}

        def value(name: str) -> Any:
            return namespace.get(name, defaults[name])

        problems = [f"conf.py : {message}" for _, message in options.refused(value)]
        if problems:
            raise SettingsError(problems)
        return cls.of(value, str(namespace.get("project", "")), _base_url(namespace))

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)

    def is_article(self, docname: str) -> bool:
        """Whether document ``docname`` is an article (in the articles folder)."""
        return docname.startswith(self.articles_dir + "/")


class _Tags(set[str]):
    """What Sphinx gives conf.py as ``tags`` (``tags.has``, ``tags.add``): none is set."""

    def has(self, name: str) -> bool:
        return name in self


def _run(conf: Path) -> Mapping[str, Any]:
    here = Path.cwd()
    os.chdir(conf.parent)
    try:
        return runpy.run_path(str(conf), init_globals={"tags": _Tags()}, run_name="conf")
    except Exception as error:  # conf.py is the base's own code
        raise SettingsError(
            [f"conf.py : ne peut pas être lu ({error.__class__.__name__} : {error})"]
        ) from error
    finally:
        os.chdir(here)


def _base_url(namespace: Mapping[str, Any]) -> str:
    value = namespace.get("html_baseurl") or "/"
    return str(value)
