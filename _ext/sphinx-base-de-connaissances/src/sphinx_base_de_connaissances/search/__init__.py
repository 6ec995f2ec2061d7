"""Search: the site's pages indexed by Pagefind, in shards of at most
``kb_search_shard_pages`` pages (one bundle each, merged in the browser), each indexed again only
when the indexed text of one of its pages changed; in the live preview, after the build returns,
in a detached process (``base-de-connaissances.search``). See ``indexer``."""
