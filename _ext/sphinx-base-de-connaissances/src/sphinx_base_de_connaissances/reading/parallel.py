"""Parallel builds that are never slower than serial ones.

Sphinx reads in parallel by handing each chunk of documents to a forked process that sends the
*whole* environment back pickled (``Builder._read_parallel``); the main process unpickles and
merges one full environment per chunk, and there are more chunks as the site grows (the square
root of the documents), so that cost grows faster than the site: at 10,000 articles, 45 chunks
of an environment of up to 37 MB made ``-j auto`` slower than a serial build. Above
``kb_parallel_read_max`` documents to read, the documents are read serially and the writing
phase, whose parallel cost follows the site, keeps its processes.
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx

from .._compat import set_processes


class ReadingMode:
    """Lowers ``app.parallel`` for the reading phase only, when it has many documents to read."""

    def __init__(self) -> None:
        self.saved = 0  # the process count to give back once reading is over
        self.limit = 2000  # kb_parallel_read_max, set at config-inited

    def before_read(self, app: Sphinx, env: Any, docnames: list[str]) -> None:
        if app.parallel > 1 and len(docnames) > self.limit:
            self.saved = set_processes(app, 1)

    def after_read(self, app: Sphinx, env: Any) -> list[str]:
        if self.saved:
            set_processes(app, self.saved)
            self.saved = 0
        return []
