/* Search with Pagefind: as-you-type results, filters, sort; first-party only.
   Falls back to Sphinx's own search page when the Pagefind bundle is missing.
   Also the copy buttons of kb's blocks and the popovers of glossary terms and link previews
   (one script for kb: one request less per page). */
(() => {
  "use strict";
  const root = new URL(document.documentElement.dataset.content_root || "./", document.baseURI);
  let engine = null;

  function loadEngine() {
    if (!engine) {
      const options = { baseUrl: root.pathname, excerptLength: 24 };
      engine = import(new URL("pagefind/pagefind.js", root).href).then(async (pagefind) => {
        await pagefind.options(options);
        pagefind.init();
        // A large site's index is split into shards (search/indexer.py): the others are merged in,
        // and a shard that cannot be loaded leaves the rest searchable.
        const listing = await fetch(new URL("pagefind/kb-shards.json", root), { cache: "no-cache" })
          .then((response) => (response.ok ? response.json() : {}))
          .catch(() => ({}));
        for (const bundle of listing.bundles || []) {
          await pagefind.mergeIndex(new URL(`${bundle}/`, root).href, options)
            .catch((error) => console.warn(`kb-search: ${bundle}`, error));
        }
        return pagefind;
      });
    }
    return engine;
  }

  // Everything a result shows is built as DOM nodes and text, never as HTML strings.
  // Pagefind's text is HTML-escaped: each word is decoded on its own (a textarea parses
  // entities, never tags), so "<script>" in a page reads "<script>" and no space is lost.
  const decoder = document.createElement("textarea");
  const decode = (html) => { decoder.innerHTML = html; return decoder.value; };
  // What a result quotes of a page is the page's own text around the matches: never the
  // title, category and tags that lead its indexed text (searchable and weighted, they are
  // shown above the quote). The page names them in its "kb_lead" metadata (templates/kb/article-header.html).
  const EXCERPT_WORDS = 24;
  const squash = (text) => text.replace(/[\s.]+/g, "");
  const leadLength = (words, lead) => {
    const wanted = squash(lead).length;
    let seen = 0;
    let index = 0;
    while (index < words.length && seen < wanted) seen += squash(decode(words[index++])).length;
    return index;
  };
  const excerptOf = (data) => {
    const words = (data.raw_content || "").split(/[\r\n\s]+/g); // Pagefind's own split
    const lead = leadLength(words, `${data.meta.title || ""}${data.meta.kb_lead || ""}`);
    const hits = [...new Set(data.locations || [])].filter((at) => at >= lead).sort((a, b) => a - b);
    // The first window of EXCERPT_WORDS words that holds the most matches, a few words before.
    let first = lead;
    let most = 0;
    for (let end = 0, begin = 0; end < hits.length; end++) {
      while (hits[end] - hits[begin] >= EXCERPT_WORDS) begin++;
      if (end - begin + 1 > most) { most = end - begin + 1; first = hits[begin]; }
    }
    const start = Math.max(lead, Math.min(first - 3, words.length - EXCERPT_WORDS));
    return { words, start, end: Math.min(words.length, start + EXCERPT_WORDS), hits: new Set(hits) };
  };
  const excerptNodes = ({ words, start, end, hits }) => {
    const fragment = document.createDocumentFragment();
    if (start > 0) fragment.append("… ");
    for (let at = start; at < end; at++) {
      if (at > start) fragment.append(" ");
      const text = decode(words[at]);
      if (hits.has(at)) {
        const mark = document.createElement("mark");
        mark.textContent = text;
        fragment.append(mark);
      } else {
        fragment.append(text);
      }
    }
    if (end < words.length) fragment.append(" …");
    return fragment;
  };
  // Only this site's pages are linked: anything else (another scheme, another host) is dropped.
  const siteUrl = (url) => {
    const target = new URL(url, root);
    return target.origin === root.origin ? target.href : null;
  };
  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const frenchDate = (iso) => {
    const date = new Date(`${iso}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? "" : date.toLocaleDateString("fr-FR",
      { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
  };
  // Pagefind needs every word of a query: "e-reputation" or "l’agence" would ask for "e" or
  // "l", which it never indexes alone. Hyphens and elisions split words; one-letter ones go.
  const terms = (text) => text.split(/[\s\-‐’']+/).filter((word) => word.length > 1).join(" ");
  const plural = (count, word) => `${count} ${word}${count > 1 ? "s" : ""}`;

  // Results come ten at a time: each one loads its page's fragment (~3 KB), so a first query
  // costs what a reader sees; a button under the list brings the next ten.
  const BATCH = 10;

  async function append(list, results, from) {
    const shown = await Promise.all(results.slice(from, from + BATCH).map((r) => r.data()));
    for (const data of shown) {
      const quote = excerptOf(data);
      // The section holding the quote's first match, when the page has sections.
      const firstHit = [...quote.hits].find((at) => at >= quote.start);
      const passage = (data.sub_results || []).find(
        (sub) => sub.url.includes("#") && (sub.locations || []).includes(firstHit));
      const href = siteUrl(passage ? passage.url : data.url);
      if (href === null) continue;
      const item = element("li", "kb-search__result");
      const link = element("a", "kb-search__title", data.meta.title || data.url);
      link.href = href;
      item.append(link);
      const meta = [data.meta.category, frenchDate(data.meta.date || "")].filter(Boolean);
      if (meta.length) item.append(element("p", "kb-search__meta", meta.join(" · ")));
      const excerpt = element("p", "kb-search__excerpt");
      excerpt.append(excerptNodes(quote));
      item.append(excerpt);
      list.appendChild(item);
    }
    const next = from + BATCH;
    if (next < results.length) {
      const more = element("button", "kb-search__more", `Afficher ${Math.min(BATCH, results.length - next)} résultats de plus`);
      more.type = "button";
      const holder = element("li", "kb-search__more-item");
      holder.append(more);
      list.append(holder);
      more.addEventListener("click", async () => {
        holder.remove();
        const first = list.children.length;
        await append(list, results, next);
        list.children[first]?.querySelector("a")?.focus();
      });
    }
  }

  async function render(list, status, term, results) {
    list.replaceChildren();
    await append(list, results, 0);
    status.textContent = results.length
      ? `${plural(results.length, "résultat")} pour «\u202f${term}\u202f»`
      : `Aucun résultat pour «\u202f${term}\u202f»`;
  }

  // Opened from the disk, the browser refuses Pagefind's module scripts: say what to do instead
  // of staying blank.
  const FROM_DISK = window.location.protocol === "file:";
  const DISK_NOTICE =
    "La recherche demande un serveur\u00a0: lancez «\u202fnox -s serve\u202f», puis ouvrez http://127.0.0.1:8000/.";

  function setup(box) {
    const input = box.querySelector("input[name=q]");
    const status = box.querySelector(".kb-search__status");
    if (FROM_DISK) {
      const notice = box.querySelector(".kb-search__notice");
      notice.textContent = DISK_NOTICE;
      notice.hidden = false;
      return;
    }
    const list = box.querySelector(".kb-search__results");
    const selects = [...box.querySelectorAll("select[data-kb-filter]")];
    const sortSelect = box.querySelector("select[data-kb-sort]");
    const onPage = box.dataset.kbSearch === "page";

    async function run() {
      const term = input.value.trim();
      if (onPage) {
        const url = new URL(window.location.href);
        if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
        window.history.replaceState(null, "", url);
      }
      const filters = {};
      for (const select of selects) if (select.value) filters[select.dataset.kbFilter] = select.value;
      if (!term && !Object.keys(filters).length) {
        list.replaceChildren();
        status.textContent = "";
        return;
      }
      const pagefind = await loadEngine();
      const options = { filters };
      if (sortSelect && sortSelect.value) options.sort = { [sortSelect.value]: "desc" };
      const search = await pagefind.debouncedSearch(terms(term) || null, options, 150);
      if (search) await render(list, status, term || "…", search.results);
    }

    // The page lists the choices (writing/pages.py); asking Pagefind for them would load every
    // filter index up front. Only a page without them (an older build) asks.
    async function fillFilters() {
      if (selects.every((select) => select.options.length > 1)) return;
      const pagefind = await loadEngine();
      const available = await pagefind.filters();
      for (const select of selects) {
        const values = available[select.dataset.kbFilter] || {};
        for (const name of Object.keys(values).sort((a, b) => a.localeCompare(b, "fr"))) {
          select.add(new Option(`${name} (${values[name]})`, name));
        }
      }
    }

    box.querySelector("form")?.addEventListener("submit", (event) => { event.preventDefault(); run(); });
    input.addEventListener("input", run);
    for (const select of [...selects, sortSelect].filter(Boolean)) select.addEventListener("change", run);
    if (box.dataset.kbPending) watchIndex(box);
    if (onPage) {
      input.value = new URLSearchParams(window.location.search).get("q") || "";
      input.focus();
      fillFilters().then(run).catch(fallback);
    }
  }

  // Live preview (nox -s serve): the index is rebuilt after the pages, in the background; say
  // so while its marker file is there, and when the new index has replaced it.
  async function watchIndex(box) {
    const notice = box.querySelector(".kb-search__notice");
    const pending = async () =>
      (await fetch(box.dataset.kbPending, { method: "HEAD", cache: "no-store" })).ok;
    if (!notice || !(await pending())) return;
    notice.textContent =
      "L’index de recherche est en cours de mise à jour\u00a0: les résultats peuvent dater de la version précédente.";
    notice.hidden = false;
    const timer = setInterval(async () => {
      if (await pending()) return;
      clearInterval(timer);
      notice.textContent = "L’index de recherche est à jour\u00a0: rechargez la page pour en profiter.";
    }, 2000);
  }

  // Without the Pagefind bundle, the search page uses Sphinx's own index.
  function fallback() {
    const box = document.querySelector("[data-kb-search=page]");
    if (!box || box.dataset.fallback) return;
    box.dataset.fallback = "true";
    box.querySelector(".kb-search__controls")?.setAttribute("hidden", "");
    box.querySelector("#search-results").hidden = false;
    const scripts = ["_static/language_data.js", "_static/searchtools.js", "searchindex.js"];
    scripts.reduce((previous, path) => previous.then(() => new Promise((resolve) => {
      const script = document.createElement("script");
      script.src = new URL(path, root).href;
      script.onload = resolve;
      script.onerror = resolve;
      document.head.appendChild(script);
    })), Promise.resolve());
  }

  // The theme's search dialog (button, Ctrl+K, and "/" added here): results as you type.
  function setupDialog() {
    const dialog = document.getElementById("pst-search-dialog");
    const input = dialog?.querySelector("input[name=q]");
    if (!dialog || !input) return;
    dialog.classList.add("kb-search");
    const status = document.createElement("p");
    status.className = "kb-search__status";
    status.setAttribute("role", "status");
    const list = document.createElement("ol");
    list.className = "kb-search__results";
    dialog.append(status, list);
    let pending = 0;
    input.addEventListener("input", async () => {
      const term = input.value.trim();
      const ticket = ++pending;
      if (!term) { list.replaceChildren(); status.textContent = ""; return; }
      if (FROM_DISK) { status.textContent = DISK_NOTICE; return; }
      try {
        const pagefind = await loadEngine();
        const search = await pagefind.debouncedSearch(terms(term), {}, 150);
        if (search && ticket === pending) await render(list, status, term, search.results);
      } catch (error) {
        status.textContent = "Appuyez sur Entrée pour lancer la recherche.";
      }
    });
    document.addEventListener("keydown", (event) => {
      const target = event.target;
      const typing = target instanceof HTMLElement &&
        (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        if (!dialog.open) dialog.showModal();
        input.focus();
      }
    });
  }

  // Copy buttons of kb's blocks: the text of the element they name (« Citer cet article »), or
  // the file at their address (« Copier en Markdown »: the page's twin, from the site itself).
  // The file is fetched inside the clipboard item, so the click still counts as the reader's.
  function copied(url) {
    const text = fetch(url).then((response) => {
      if (!response.ok) throw new Error(response.statusText);
      return response.text();
    });
    if (window.ClipboardItem && navigator.clipboard.write) {
      const blob = text.then((body) => new Blob([body], { type: "text/plain" }));
      return navigator.clipboard.write([new ClipboardItem({ "text/plain": blob })]);
    }
    return text.then((body) => navigator.clipboard.writeText(body));
  }
  function setupCopy() {
    document.addEventListener("click", async (event) => {
      const button = event.target instanceof Element &&
        event.target.closest("[data-kb-copy], [data-kb-copy-url]");
      if (!button) return;
      const status = button.closest("section, details, div").querySelector(".kb-copy__status");
      try {
        if (button.dataset.kbCopyUrl) {
          await copied(button.dataset.kbCopyUrl);
          if (status) status.textContent = "Copié dans le presse-papiers.";
          return;
        }
        const source = document.getElementById(button.dataset.kbCopy);
        await navigator.clipboard.writeText(source.textContent.trim());
        if (status) status.textContent = "Copié dans le presse-papiers.";
      } catch (error) {
        if (status) status.textContent = "La copie a échoué\u00a0: sélectionnez le texte et copiez-le.";
      }
    });
  }

  // Popovers (writing/popovers.py): a glossary term's definition, an article's preview. Their
  // text is in the page; shown on hover and keyboard focus, closed by Escape or leaving. On
  // touch, a tap on a term shows its definition (with a link to the entry); previews are not
  // shown on touch, where the link is followed at once.
  function setupPopovers() {
    const layer = document.querySelector(".kb-popovers");
    if (!layer) return;
    document.body.append(layer); // coordinates of the page, above the theme's columns
    const previews = new Map();
    layer.querySelectorAll("[data-kb-href]").forEach((pop) => {
      previews.set(new URL(pop.dataset.kbHref, document.baseURI).pathname, pop);
    });
    let shown = null;
    let owner = null;
    let timer = 0;
    let pointer = "mouse";

    function place(link, pop) {
      pop.hidden = false;
      const box = link.getBoundingClientRect();
      const width = document.documentElement.clientWidth;
      const left = Math.max(8, Math.min(box.left, width - pop.offsetWidth - 8));
      const below = box.bottom + 6 + pop.offsetHeight <= window.innerHeight;
      const top = below ? box.bottom + 6 : Math.max(8, box.top - 6 - pop.offsetHeight);
      pop.style.left = `${left + window.scrollX}px`;
      pop.style.top = `${top + window.scrollY}px`;
    }
    function show(link, pop) {
      clearTimeout(timer);
      if (shown && shown !== pop) shown.hidden = true;
      place(link, pop);
      shown = pop;
      owner = link;
    }
    function hide() {
      clearTimeout(timer);
      if (shown) shown.hidden = true;
      shown = owner = null;
    }
    function later(action, delay) {
      clearTimeout(timer);
      timer = setTimeout(action, delay);
    }

    const main = document.querySelector("main") || document.body;
    main.querySelectorAll("a.reference.internal[href]").forEach((link) => {
      const term = link.querySelector(":scope > .std-term");
      const pop = term
        ? document.getElementById(`kb-def-${decodeURIComponent(link.hash.slice(1))}`)
        : previews.get(link.pathname);
      if (!pop || (!term && link.closest(".kb-popovers"))) return;
      link.setAttribute("aria-describedby", pop.id);
      link.addEventListener("pointerenter", (event) => {
        if (event.pointerType !== "touch") later(() => show(link, pop), term ? 150 : 300);
      });
      link.addEventListener("pointerleave", (event) => {
        if (event.pointerType !== "touch") later(hide, 200);
      });
      link.addEventListener("focus", () => show(link, pop));
      link.addEventListener("blur", () => later(hide, 200));
      if (term) {
        let wasShown = false; // before this tap: a tap also focuses the link, which shows it
        link.addEventListener("pointerdown", () => { wasShown = shown === pop; });
        link.addEventListener("click", (event) => {
          if ((event.pointerType || pointer) === "touch" && !wasShown) {
            event.preventDefault(); // the first tap shows the definition and its link
            show(link, pop);
          }
        });
      }
    });
    layer.addEventListener("pointerenter", () => clearTimeout(timer), true);
    layer.addEventListener("pointerleave", (event) => {
      if (event.target === shown && event.pointerType !== "touch") later(hide, 200);
    }, true);
    document.addEventListener("pointerdown", (event) => {
      pointer = event.pointerType || "mouse";
      const inside = event.target instanceof Node &&
        ((shown && shown.contains(event.target)) || (owner && owner.contains(event.target)));
      if (shown && !inside) hide();
    }, true);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && shown) hide();
    });
    window.addEventListener("resize", () => shown && owner && place(owner, shown));
  }

  function start() {
    document.querySelectorAll("[data-kb-search=page]").forEach(setup);
    setupDialog();
    setupCopy();
    setupPopovers();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
