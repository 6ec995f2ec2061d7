"""``python -m sphinx_base_de_connaissances.search OUTDIR DOCTREEDIR``: the background
indexer of the live preview."""

import sys

from .indexer import main

sys.exit(main())
