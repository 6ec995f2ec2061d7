"""``python -m kb.search OUTDIR DOCTREEDIR``: the background indexer of the live preview."""

import sys

from .indexer import main

sys.exit(main())
