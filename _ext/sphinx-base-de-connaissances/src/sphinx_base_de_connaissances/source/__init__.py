"""The base's sources as files, without Sphinx: what the build, the commands and the offline
edition read of a base, through one loader.

- ``files``: the articles Sphinx would find, their text read safely, the data files, the
  publication rule kept per file between builds;
- ``git``: the articles' history (dates and contributors) from one ``git log``;
- ``lost``: the articles published on the main branch that are gone without a redirect;
- ``boundary``: the one rule for every file a page names;
- ``base``: the base itself (settings, vocabulary, reading paths, articles with their history,
  problems), for the commands and the offline edition.

What the files mean is ``content``'s; this layer reads, ``content`` decides.
"""
