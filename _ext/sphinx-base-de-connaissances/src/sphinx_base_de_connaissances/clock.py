"""The build's "today", one definition for every rule that depends on the date (publication,
review, dates that may not be in the future)."""

from __future__ import annotations

import datetime as dt
import os


def today() -> dt.date:
    """The build's "today": from ``SOURCE_DATE_EPOCH`` when set, so that builds reproduce."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()
