"""Content: what a valid article and data file are, and which articles are published.

Pure Python (no ``sphinx`` or ``docutils`` import, enforced by a test): shared by the build and
the standalone check, ``base-de-connaissances check``. It reads nothing but its arguments: files and
git are read by the reading layer (``source/files.py``, ``source/git.py``,
``source/lost.py``). ``style`` reads Markdown with MyST's parser
(which loads docutils), only when the style check runs.
"""
