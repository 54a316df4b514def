"""The translation catalogue (fa first, en second) and locale-aware formatting.

Every user-facing string is looked up here by a stable key.  The catalogue is split
into sections under :mod:`i18n.messages` (one module per area, each a dict
``key -> (fa, en)``) and merged once; a key defined twice is an error.
"""

import i18n.problems  # noqa: F401 - registers the wording of core.problems.Problem
from i18n.catalogue import LANGUAGES, catalogue, has_key, t
from i18n.formatting import (
    fmt_date,
    fmt_int,
    fmt_number,
    fmt_percent,
    fmt_share_pair,
    join_list,
    list_separator,
    localise_digits,
    ltr_sign,
    rtl_label,
)

__all__ = [
    "LANGUAGES",
    "catalogue",
    "has_key",
    "t",
    "fmt_date",
    "fmt_int",
    "fmt_number",
    "fmt_percent",
    "fmt_share_pair",
    "join_list",
    "list_separator",
    "localise_digits",
    "ltr_sign",
    "rtl_label",
]
