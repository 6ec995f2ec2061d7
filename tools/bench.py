"""Benchmark of the real site's configuration on synthetic corpora: `nox -s bench`.

For each size: full build (serial and `-j auto`) with wall time and peak memory, no-change
rebuild, rebuild after editing one article's body and after changing one article's tags, the
size of one article page, of the whole output and of the search index; the share cards (time to
draw each, and how many a no-change build or a body edit draws again); and, up to
``--baseline-max`` articles, the same full build with the theme's stock sidebar (``KB_NAV=stock``)
as the baseline. Results go to ``_build/bench/results.json``; a table is printed.

    python -m tools.bench --sizes 100 1000 10000
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tools.corpus import generate
from tools.pageweight import visit
from tools.querybytes import chromium_on, first_query_bytes
from tools.serve import PREVIEW_ENV, autobuild_args
from tools.sitebuild import REPO

# Runs one strict build in a child process and reports its own peak memory (children included,
# so that `-j` workers count).
_CHILD = """
import json, resource, sys
from tools.sitebuild import run_and_exit

def report(status):
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print("BENCH " + json.dumps({"status": status, "peak_kib": peak}), file=sys.stderr)

run_and_exit(sys.argv[1:], report)
"""


@dataclass
class Run:
    seconds: float
    peak_mib: float


@dataclass
class SizeResult:
    articles: int
    full: Run | None = None
    full_parallel: Run | None = None
    no_change: Run | None = None
    body_edit: Run | None = None
    tags_edit: Run | None = None
    add_article: Run | None = None
    serve_seconds: float | None = None  # nox -s serve: save → page served with the new text
    offline_seconds: float | None = None  # base-de-connaissances offline on the full build's output
    baseline_full: Run | None = None
    article_page_bytes: int = 0
    output_bytes: int = 0
    search_index_bytes: int = 0
    pagefind_bytes: int = 0
    first_query: dict[str, int] | None = None
    cards: int = 0  # share cards in the output
    card_ms: float = 0.0  # drawing one card (all the corpus's cards drawn, in-process)
    typography_seconds: float = 0.0  # French spacing over every doctree, as the build applies it
    history_seconds: float = 0.0  # the one git log that dates every article (content/history)
    # Adding one article to a uniform corpus (same date, category, tags for all): its build and
    # the share of HTML pages it rewrote.
    uniform_add: Run | None = None
    uniform_rewritten: float = -1.0
    cards_redrawn_no_change: int = -1
    cards_redrawn_body_edit: int = -1
    # Per page type, a first visit under the slow network profile (tools/pageweight.py):
    # ours and the stock theme's assets (the baseline build), smallest size only.
    weights: dict[str, dict[str, int]] = field(default_factory=dict)
    baseline_weights: dict[str, dict[str, int]] = field(default_factory=dict)
    # Importing a 500-page MkDocs project into a new base, then its first strict build (first
    # size only): against the full build's time per article of the synthetic corpus.
    import_pages: int = 0
    import_seconds: float | None = None
    import_build: Run | None = None
    notes: list[str] = field(default_factory=list)

    def import_ratio(self) -> float | None:
        """Import + build per page, over the corpus's full build per article."""
        if self.import_seconds is None or not self.import_build or not self.per_article_ms():
            return None
        per_page = (self.import_seconds + self.import_build.seconds) * 1000 / self.import_pages
        return per_page / self.per_article_ms()  # type: ignore[operator]

    def per_article_ms(self) -> float | None:
        return self.full.seconds * 1000 / self.articles if self.full else None

    def ratio_to_baseline(self) -> float | None:
        if self.full and self.baseline_full:
            return self.baseline_full.seconds / self.full.seconds
        return None


def build(source: Path, out: Path, *extra: str, stock: bool = False) -> Run:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    if stock:
        env["KB_NAV"] = env["KB_ASSETS"] = "stock"
    command = [sys.executable, "-c", _CHILD, "--source", str(source), "--out", str(out)]
    if extra:
        command += ["--", "-q", *extra]
    else:
        command += ["--", "-q"]
    start = time.perf_counter()
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    report = next((line for line in result.stderr.splitlines() if line.startswith("BENCH ")), None)
    if result.returncode != 0 or report is None:
        sys.stderr.write(result.stderr[-4000:])
        raise SystemExit(f"build failed: {' '.join(command)}")
    peak = json.loads(report.removeprefix("BENCH "))["peak_kib"] / 1024
    return Run(round(seconds, 3), round(peak, 1))


def baseline_corpus(corpus: Path) -> Path:
    """The same corpus as a stock Sphinx site would have it: every article in the home page's
    toctree, which the theme's stock sidebar (KB_NAV=stock) renders into every page."""
    baseline = corpus.with_name(corpus.name + "-baseline")
    shutil.rmtree(baseline, ignore_errors=True)
    shutil.copytree(corpus, baseline)
    with (baseline / "index.md").open("a", encoding="utf-8") as index:
        index.write("\n```{toctree}\n:hidden:\n:glob:\n\narticles/*\n```\n")
    return baseline


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _card_mtimes(html: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in (html / "cards").rglob("*.png")}


def _redrawn(before: dict[Path, int], html: Path) -> int:
    after = _card_mtimes(html)
    return sum(1 for path, mtime in after.items() if before.get(path) != mtime)


def card_drawing_ms(corpus: Path) -> float:
    """Milliseconds to draw one share card, over every article of ``corpus``."""
    import yaml
    from sphinx_base_de_connaissances.content.frontmatter import split
    from sphinx_base_de_connaissances.outputs.cards import CardText, draw

    texts = []
    for path in sorted((corpus / "articles").rglob("*.md")):
        block = split(path.read_text(encoding="utf-8"))
        data = yaml.safe_load(block[0]) if block else {}
        texts.append(CardText(str(data["title"]), str(data["category"]), "Banc", "bench.example"))
    start = time.perf_counter()
    for text in texts:
        draw(text)
    return (time.perf_counter() - start) * 1000 / max(1, len(texts))


def typography_seconds(doctrees: Path) -> float:
    """Seconds to apply French spacing to every document (``kb.reading.typography.space``,
    what the build's transform runs), on the doctrees of a full build: its share of the build."""
    import pickle

    from sphinx_base_de_connaissances.reading.typography import space

    paths = sorted(doctrees.rglob("*.doctree"))
    documents = [pickle.loads(path.read_bytes()) for path in paths]  # noqa: S301 (our own build's)
    start = time.perf_counter()
    for document in documents:
        space(document)
    return time.perf_counter() - start


def history_seconds(corpus: Path, per_commit: int = 100) -> float:
    """Seconds of the git collection that dates every article (``source.git.collect``:
    one ``git log``), on a history made here, in a copy of the corpus's articles: one commit
    per ``per_commit`` articles, then one more that touches every tenth."""
    from sphinx_base_de_connaissances.source.git import collect

    repo = corpus.parent / f"{corpus.name}-history"
    shutil.rmtree(repo, ignore_errors=True)
    shutil.copytree(corpus / "articles", repo / "articles")

    def git(*args: str) -> None:
        subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.name", "Banc")
    git("config", "user.email", "banc@example.invalid")
    articles = sorted((repo / "articles").rglob("*.md"))
    for start in range(0, len(articles), per_commit):
        git("add", *[str(p) for p in articles[start : start + per_commit]])
        git("commit", "-q", "-m", f"articles {start}")
    for path in articles[::10]:
        path.write_text(path.read_text("utf-8") + "\nRetouche.\n", "utf-8")
    git("commit", "-q", "-am", "retouches")
    begin = time.perf_counter()
    found = collect(repo, "articles")
    elapsed = time.perf_counter() - begin
    assert len(found.files) == len(articles), "every article has a history"
    shutil.rmtree(repo)
    return elapsed


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _fetch(url: str) -> str:
    """The page, or "" while the server cannot send it whole (a page being rewritten is sent
    with the length it had: http.client's IncompleteRead)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (127.0.0.1)
            return response.read().decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        return ""


def _indexer_done(doctrees: Path, timeout: float = 900) -> None:
    """Wait until the preview's background search indexer has finished (its PID file gone)."""
    deadline = time.monotonic() + timeout
    while (doctrees / "kb-search.pid").exists() and time.monotonic() < deadline:
        time.sleep(0.2)


def serve_latency(corpus: Path, out: Path, timeout: float = 1800, edits: int = 3) -> float:
    """``nox -s serve``'s command on ``corpus``: once its first build and search index are
    done (a writer's steady state), append a sentence to an article and time until the server
    sends the page with it (polled every 20 ms); the median of ``edits`` saves, each after the
    previous one's index caught up."""
    shutil.rmtree(out, ignore_errors=True)
    port = _free_port()
    command = [sys.executable, "-m", "sphinx_autobuild", *autobuild_args(corpus, out, port)]
    env = {**os.environ, **PREVIEW_ENV, "PYTHONPATH": str(REPO)}
    server = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/articles/article-00002.html"
    try:
        deadline = time.monotonic() + timeout
        while "<html" not in _fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("serve: the first build did not finish")
            time.sleep(0.5)
        article = corpus / "articles/article-00002.md"
        times = []
        for _ in range(edits):
            time.sleep(2)  # let the last build's background indexer start…
            _indexer_done(out / "doctrees")  # …and finish
            sentence = f"Phrase mesurée {time.time_ns()}."
            start = time.perf_counter()
            with article.open("a", encoding="utf-8") as handle:
                handle.write(f"\n{sentence}\n")
            while sentence not in _fetch(url):
                if time.perf_counter() - start > 120:
                    raise SystemExit("serve: the edit never showed")
                time.sleep(0.02)
            times.append(time.perf_counter() - start)
        return round(sorted(times)[len(times) // 2], 2)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()


def page_weights(html: Path) -> dict[str, dict[str, int]] | None:
    """Each page type of a built corpus, first visit on a slow network; None without Chromium."""
    category = sorted((html / "categories").glob("*.html"))[0].relative_to(html).as_posix()
    tag = sorted((html / "tags").glob("*.html"))[0].relative_to(html).as_posix()
    pages = {
        "home": "index.html",
        "article": "articles/article-00001.html",
        "category": category,
        "tag": tag,
        "search": "search.html?q=strat%C3%A9gie",
        "404": "404.html",
    }
    with chromium_on(html) as running:
        if running is None:
            return None
        browser, base = running
        return {kind: visit(browser, base + path).as_dict() for kind, path in pages.items()}


UNIFORM_MAX = 1000  # a uniform corpus's full build is paid once more per size
OFFLINE_MAX = 1000  # Typst holds a whole book in memory: about 4 GiB for 1,000 articles
IMPORT_PAGES = 500  # "bench gets a row: importing and building 500 pages"


def offline_seconds(corpus: Path, html: Path, out: Path) -> float:
    """Seconds of the offline edition (``base-de-connaissances offline``: every book, PDF and
    EPUB) from a built site."""
    shutil.rmtree(out, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "sphinx_base_de_connaissances",
        "offline",
        str(corpus),
        "--html",
        str(html),
    ]
    start = time.perf_counter()
    subprocess.run([*command, "--out", str(out)], check=True, capture_output=True)
    return round(time.perf_counter() - start, 2)


def mkdocs_project(pages: int, dest: Path) -> Path:
    """A MkDocs project of ``pages`` pages in sections of 20, with a nav, admonitions, links
    between pages and front matter, as a team's existing documentation."""
    shutil.rmtree(dest, ignore_errors=True)
    nav = []
    for section in range(max(1, pages // 20)):
        folder = dest / "docs" / f"Section {section + 1}"
        folder.mkdir(parents=True)
        entries = []
        for number in range(20):
            index = section * 20 + number
            if index >= pages:
                break
            (folder / f"page-{number + 1}.md").write_text(
                f"---\ndate: 2024-01-{1 + number % 28:02d}\nauthors: [Auteur {section % 5}]\n"
                f"tags: [section {section % 7}]\n---\n\n# Page {index + 1} de la section\n\n"
                f"Cette page explique la démarche numéro {index + 1} pour une équipe.\n\n"
                '!!! note "À retenir"\n    La démarche se prépare avant de commencer.\n\n'
                f"Voir la [page suivante](page-{min(number + 2, 20)}.md).\n\n"
                + "Un paragraphe de texte ordinaire, assez long pour peser. " * 20
                + "\n",
                "utf-8",
            )
            entries.append({f"Page {index + 1}": f"Section {section + 1}/page-{number + 1}.md"})
        nav.append({f"Section {section + 1}": entries})
    import yaml

    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "Projet", "nav": nav}, allow_unicode=True), "utf-8"
    )
    return dest


def import_and_build(pages: int, work: Path) -> tuple[float, Run]:
    """A new base, ``pages`` MkDocs pages imported into it, then its strict build."""
    project = mkdocs_project(pages, work / f"mkdocs-{pages}")
    base = work / f"import-{pages}"
    shutil.rmtree(base, ignore_errors=True)
    engine = [sys.executable, "-m", "sphinx_base_de_connaissances"]
    subprocess.run([*engine, "new", str(base), "--titre", "Banc"], check=True, capture_output=True)
    start = time.perf_counter()
    subprocess.run(
        [*engine, "import", "markdown", str(project), "--base", str(base)],
        check=True,
        capture_output=True,
    )
    seconds = round(time.perf_counter() - start, 2)
    out = work / f"out-import-{pages}"
    shutil.rmtree(out, ignore_errors=True)
    return seconds, build(base, out)


def source_kind(path: Path) -> str:
    """How ``import`` reads a fetched site: a WXR export, a GitBook space, a Markdown folder."""
    if path.is_file():
        return "wordpress"
    if (path / ".gitbook.yaml").is_file() or (path / "SUMMARY.md").is_file():
        return "gitbook"
    return "markdown"


def import_fidelity(sites: Path, work: Path, download: bool = False) -> list[str]:
    """Each site of ``sites`` (a folder of fetched exports and repositories) imported into a
    new base (remote images fetched with ``download``) and built strictly: the import's own
    measure, the build's outcome. A file ``<site>.options`` beside a site holds the import
    options it needs (``--formules dollars`` for a VitePress language folder)."""
    engine = [sys.executable, "-m", "sphinx_base_de_connaissances"]
    rows = []
    listed = (p for p in sites.iterdir() if not p.name.startswith(".") and p.suffix != ".options")
    for site in sorted(listed):
        given = site.with_name(f"{site.name}.options")
        extra = shlex.split(given.read_text("utf-8")) if given.is_file() else []
        base = work / f"site-{site.stem}"
        shutil.rmtree(base, ignore_errors=True)
        subprocess.run([*engine, "new", str(base)], check=True, capture_output=True)
        start = time.perf_counter()
        done = subprocess.run(
            [*engine, "import", source_kind(site), str(site), "--base", str(base), *extra]
            + (["--telecharger-medias"] if download else []),
            capture_output=True,
            text=True,
            check=False,
        )
        seconds = time.perf_counter() - start
        measured = re.findall(r"^  ([^:\n]+) : ([0-9,]+ %|–)", done.stdout, re.MULTILINE)
        out = work / f"out-site-{site.stem}"
        shutil.rmtree(out, ignore_errors=True)
        status = "import refusé"
        if done.returncode == 0:
            sphinx = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html"]
            strict = subprocess.run(
                [*sphinx, "-d", str(out / "doctrees"), str(base), str(out / "html")],
                capture_output=True,
                text=True,
                check=False,
            )
            warnings = strict.stderr.count("WARNING")
            status = "passe" if strict.returncode == 0 else f"échoue ({warnings} avertissements)"
        rows.append(
            f"{site.name}: {source_kind(site)}{' ' + ' '.join(extra) if extra else ''}, "
            f"import {seconds:.1f} s, construction stricte "
            f"{status}; " + "; ".join(f"{what} {value}" for what, value in measured)
        )
    return rows


def uniform_add(size: int, work: Path) -> tuple[Run, float]:
    """Add one article to a uniform corpus of ``size``: (its build, share of pages rewritten)."""
    corpus = generate(size, work / f"corpus-{size}-uniform", uniform=True)
    out = work / f"out-{size}-uniform"
    shutil.rmtree(out, ignore_errors=True)
    build(corpus, out)
    pages = {p: p.stat().st_mtime_ns for p in (out / "html").rglob("*.html")}
    first = corpus / "articles/article-00001.md"
    text = first.read_text("utf-8").replace('title: "', 'title: "Ajouté : ', 1)
    (corpus / "articles/article-ajoute.md").write_text(text, "utf-8")
    run = build(corpus, out)
    rewritten = sum(1 for p, mtime in pages.items() if p.exists() and p.stat().st_mtime_ns != mtime)
    return run, rewritten / max(1, len(pages))


def measure(size: int, work: Path, baseline_max: int, with_weights: bool = False) -> SizeResult:
    corpus = generate(size, work / f"corpus-{size}")
    result = SizeResult(size)
    out = work / f"out-{size}"
    # A full build starts from nothing: no saved environment, no output, no cached cards.
    for folder in (out, work / f"out-{size}-parallel", work / f"out-{size}-baseline"):
        shutil.rmtree(folder, ignore_errors=True)
    result.full = build(corpus, out)
    html = out / "html"
    result.article_page_bytes = (html / "articles/article-00001.html").stat().st_size
    result.output_bytes = _size(html)
    index = html / "searchindex.js"  # only built when Pagefind cannot run
    result.search_index_bytes = index.stat().st_size if index.is_file() else 0
    result.pagefind_bytes = _size(html / "pagefind")
    if size <= OFFLINE_MAX:
        result.offline_seconds = offline_seconds(corpus, html, work / f"offline-{size}")
    else:
        result.notes.append(f"offline edition skipped above {OFFLINE_MAX} articles")
    result.first_query = first_query_bytes(html)
    if result.first_query is None:
        result.notes.append("first-query bytes not measured: no Chromium or Playwright")
    cards = _card_mtimes(html)
    result.cards = len(cards)
    result.card_ms = round(card_drawing_ms(corpus), 2)
    result.typography_seconds = round(typography_seconds(out / "doctrees"), 3)
    result.history_seconds = round(history_seconds(corpus), 3)
    result.no_change = build(corpus, out)
    result.cards_redrawn_no_change = _redrawn(cards, html)
    article = corpus / "articles/article-00001.md"
    with article.open("a", encoding="utf-8") as handle:
        handle.write("\nUn paragraphe ajouté pour mesurer une reconstruction.\n")
    cards = _card_mtimes(html)
    result.body_edit = build(corpus, out)
    result.cards_redrawn_body_edit = _redrawn(cards, html)
    text = article.read_text(encoding="utf-8")
    tags_line = next(line for line in text.splitlines() if line.startswith("tags: "))
    _edit(article, tags_line, 'tags: ["mesure du banc", "stratégie"]')
    result.tags_edit = build(corpus, out)
    added = corpus / "articles/article-ajoute.md"
    added.write_text(
        text.replace(tags_line, 'tags: ["stratégie"]').replace('title: "', 'title: "Ajouté : ', 1),
        encoding="utf-8",
    )
    result.add_article = build(corpus, out)
    result.serve_seconds = serve_latency(corpus, work / f"out-{size}-serve")
    result.full_parallel = build(corpus, work / f"out-{size}-parallel", "-j", "auto")
    if size <= UNIFORM_MAX:
        result.uniform_add, result.uniform_rewritten = uniform_add(size, work)
    if with_weights:  # the first size only
        result.import_pages = IMPORT_PAGES
        result.import_seconds, result.import_build = import_and_build(IMPORT_PAGES, work)
    if size <= baseline_max:
        baseline_out = work / f"out-{size}-baseline"
        result.baseline_full = build(baseline_corpus(corpus), baseline_out, stock=True)
        if with_weights:
            result.weights = page_weights(html) or {}
            result.baseline_weights = page_weights(baseline_out / "html") or {}
    else:
        result.notes.append(f"baseline skipped above {baseline_max} articles (--baseline-max)")
    return result


def _kb(size: int, absent: str = "—") -> str:
    return f"{size / 1024:.0f} KB" if size else absent


def _versus(mine: dict[str, int], stock: dict[str, int], key: str, unit: float) -> str:
    """``ours / stock (stock÷ours×)`` for one figure of a page type."""
    digits = 2 if unit == 1000 else 0
    text = f"{mine[key] / unit:.{digits}f}"
    if stock.get(key) and mine[key]:
        text += f" / {stock[key] / unit:.{digits}f} ({stock[key] / mine[key]:.1f}×)"
    return text


def weight_table(r: SizeResult) -> list[str]:
    if not r.weights:
        return []
    lines = [
        "",
        f"first visit, slow network, {r.articles} articles: ours / stock theme (ratio)",
        f"{'page':<9} | {'requests':>14} | {'gzip KB':>16} | {'LCP s':>18}",
    ]
    for kind, mine in r.weights.items():
        stock = r.baseline_weights.get(kind, {})
        cells = [
            _versus(mine, stock, "requests", 1),
            _versus(mine, stock, "gzip_bytes", 1024),
            _versus(mine, stock, "lcp_ms", 1000),
        ]
        lines.append(f"{kind:<9} | {cells[0]:>14} | {cells[1]:>16} | {cells[2]:>18}")
    return lines


def table(results: Sequence[SizeResult]) -> str:
    def fmt(run: Run | None) -> str:
        return f"{run.seconds:.1f} s" if run else "—"

    rows = [
        ("articles", [str(r.articles) for r in results]),
        ("full build (serial)", [fmt(r.full) for r in results]),
        ("  per article", [f"{r.per_article_ms():.1f} ms" for r in results]),
        ("  peak memory", [f"{r.full.peak_mib:.0f} MiB" if r.full else "—" for r in results]),
        ("full build (-j auto)", [fmt(r.full_parallel) for r in results]),
        (
            "  peak memory",
            [f"{r.full_parallel.peak_mib:.0f} MiB" if r.full_parallel else "—" for r in results],
        ),
        (
            "offline edition (PDF + EPUB)",
            [
                f"{r.offline_seconds:.1f} s ({r.offline_seconds / r.full.seconds:.2f}× full)"
                if r.offline_seconds and r.full
                else "—"
                for r in results
            ],
        ),
        (
            f"import {IMPORT_PAGES} MkDocs pages + build",
            [
                f"{r.import_seconds:.1f} s + {r.import_build.seconds:.1f} s "
                f"({r.import_ratio():.2f}× per article)"
                if r.import_build and r.import_seconds is not None and r.import_ratio()
                else "—"
                for r in results
            ],
        ),
        ("no-change rebuild", [fmt(r.no_change) for r in results]),
        ("one body edit", [fmt(r.body_edit) for r in results]),
        ("one tags edit", [fmt(r.tags_edit) for r in results]),
        ("add one article", [fmt(r.add_article) for r in results]),
        (
            "serve: save → page",
            [f"{r.serve_seconds:.2f} s" if r.serve_seconds else "—" for r in results],
        ),
        ("baseline: stock sidebar", [fmt(r.baseline_full) for r in results]),
        (
            "  baseline / ours",
            [f"{r.ratio_to_baseline():.1f}×" if r.ratio_to_baseline() else "—" for r in results],
        ),
        ("article page", [f"{r.article_page_bytes / 1024:.1f} KB" for r in results]),
        ("Sphinx searchindex.js", [_kb(r.search_index_bytes, "not built") for r in results]),
        ("Pagefind bundle", [f"{r.pagefind_bytes / 1024:.0f} KB" for r in results]),
        (
            "first query: search (gzip)",
            [
                f"{r.first_query['search_bytes'] / 1024:.0f} KB" if r.first_query else "—"
                for r in results
            ],
        ),
        (
            "  index / meta / wasm",
            [
                "/".join(
                    f"{r.first_query.get(f'{part}_bytes', 0) / 1024:.0f}"
                    for part in ("index", "meta", "wasm")
                )
                + " KB"
                if r.first_query
                else "—"
                for r in results
            ],
        ),
        (
            "first query: all (gzip)",
            [
                f"{r.first_query['page_bytes'] / 1024:.0f} KB" if r.first_query else "—"
                for r in results
            ],
        ),
        (
            "French spacing (share of full)",
            [
                f"{r.typography_seconds:.2f} s ({r.typography_seconds / r.full.seconds:.1%})"
                if r.full
                else "—"
                for r in results
            ],
        ),
        (
            "add one article, uniform corpus",
            [
                f"{r.uniform_add.seconds:.1f} s, {r.uniform_rewritten:.1%} pages rewritten"
                if r.uniform_add
                else "—"
                for r in results
            ],
        ),
        (
            "git history, one log (share of full)",
            [
                f"{r.history_seconds:.2f} s ({r.history_seconds / r.full.seconds:.1%})"
                if r.full
                else "—"
                for r in results
            ],
        ),
        ("share cards", [str(r.cards) for r in results]),
        ("  drawing one card", [f"{r.card_ms:.1f} ms" for r in results]),
        ("  drawing all of them", [f"{r.card_ms * r.cards / 1000:.1f} s" for r in results]),
        ("  redrawn: no change", [str(r.cards_redrawn_no_change) for r in results]),
        ("  redrawn: body edit", [str(r.cards_redrawn_body_edit) for r in results]),
        ("whole output", [f"{r.output_bytes / 2**20:.1f} MB" for r in results]),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [
        f"{label:<{width}} | " + " | ".join(f"{v:>12}" for v in values) for label, values in rows
    ]
    first = results[0].per_article_ms() if results else None
    for r in results:
        lines += weight_table(r)
    for r in results[1:]:
        if first:
            lines.append(
                f"per-article time at {r.articles} / at {results[0].articles}: "
                f"{r.per_article_ms() / first:.2f}"
            )
    for r in results:
        lines += [f"note ({r.articles}): {note}" for note in r.notes]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=None)
    parser.add_argument(
        "--imports",
        type=Path,
        help="a folder of fetched sites (WXR files, GitBook spaces, Markdown folders): each is "
        "imported into a new base and built; the import's measure is reported",
    )
    parser.add_argument(
        "--telecharger-medias",
        action="store_true",
        help="with --imports: fetch the sites' remote images (needs the network)",
    )
    parser.add_argument("--baseline-max", type=int, default=1000)
    parser.add_argument("--work", type=Path, default=REPO / "_build" / "bench")
    options = parser.parse_args(argv)
    options.work.mkdir(parents=True, exist_ok=True)
    if options.imports is not None:
        rows = import_fidelity(options.imports, options.work, options.telecharger_medias)
        print("\n".join(rows))
        if options.sizes is None:
            return 0
    results = []
    for size in sorted(options.sizes or [100, 1000, 10000]):
        print(f"bench: {size} articles…", file=sys.stderr, flush=True)
        first = not results
        results.append(measure(size, options.work, options.baseline_max, with_weights=first))
        # Written after each size, so a long run that is stopped keeps what it measured.
        payload = {
            "machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
            "results": [
                asdict(r)
                | {"per_article_ms": r.per_article_ms(), "baseline_ratio": r.ratio_to_baseline()}
                for r in results
            ],
        }
        (options.work / "results.json").write_text(json.dumps(payload, indent=2) + "\n", "utf-8")
        print(table(results), file=sys.stderr, flush=True)
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
