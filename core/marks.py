"""The marks the app puts beside a value or a cell, in one place: the figures write them,
the importer strips them again when the app's own downloads come back (store/reading.py).

====================  =====  ===========================================================
``SAMPLE_MARK``       ✱      a sample or estimate, not a sourced figure
``GROUP_MARK``        ▣      the value of a larger unit (pre-2021 Isfahan), not the county's
``WEIGHTED_MARK``     †      a province value computed as the population-weighted county mean
``OVERDUE_MARK``      ⚠      a project past its planned end and not finished
``STALE_MARK``        ⌛      a project without a follow-up for ``PISHRAN_STALE_DAYS`` days
====================  =====  ===========================================================
"""

from __future__ import annotations

__all__ = ["APP_MARKS", "GROUP_MARK", "OVERDUE_MARK", "SAMPLE_MARK", "STALE_MARK",
           "WEIGHTED_MARK"]

SAMPLE_MARK = "✱"
GROUP_MARK = "▣"
WEIGHTED_MARK = "†"
OVERDUE_MARK = "⚠"
STALE_MARK = "⌛"
#: Every mark, as one string (for ``str.strip``).
APP_MARKS = OVERDUE_MARK + SAMPLE_MARK + STALE_MARK + GROUP_MARK + WEIGHTED_MARK
