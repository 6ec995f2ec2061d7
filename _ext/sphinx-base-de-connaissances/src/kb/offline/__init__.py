"""The offline edition: the base and each reading path as a PDF (typeset by Typst from the
built pages' text) and an EPUB 3 (EbookLib), for reading away from the network.

- ``plan``: which books, and which published articles each holds, in which order (pure);
- ``assemble``: one book's chapters from the built pages, each page read once per edition;
- ``typeset`` and ``render``: a chapter's HTML as Typst markup, and the whole book's source
  (cover, contents, parts, chapters) under the preamble ``templates/book.typ``;
- ``pdf`` and ``epub``: the two files, the same bytes for the same inputs;
- ``edition``: which books to make again (what they show changed), ``build``: in the build.

``python -m kb offline`` runs it after the HTML build (``nox -s offline``).
"""
