"""``base-de-connaissances import``: a team's existing content brought into a base made with
``new``. One reader per source (``gitbook``, ``folder`` for Markdown folders such as MkDocs and
VuePress, ``wordpress`` for a WXR export) turns it into ``model.Source``: pages in the source's
order, with their MyST body, dates, authors, category, tags and old addresses, and the files
they use; ``write`` then places them in the base (articles, images, data files, reading paths),
never overwriting, the same files on every run. What cannot be converted is a ``Note`` with
its file and line, in French."""
