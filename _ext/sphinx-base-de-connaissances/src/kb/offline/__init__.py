"""The offline edition: the base and each reading path as a PDF (WeasyPrint, from the built
HTML and a print stylesheet) and an EPUB 3 (EbookLib), for reading away from the network.

- ``plan``: which books, and which published articles each holds, in which order (pure);
- ``assemble``: one book's HTML from the built pages (links inside the book stay inside, the
  others point to the site), with its cover and table of contents;
- ``pdf`` and ``epub``: the two files, the same bytes for the same inputs.

``python -m kb offline`` runs it after the HTML build (``nox -s offline``).
"""
