"""Exports: chart images (PNG/SVG), tables (CSV/Excel) and the briefing deck (PowerPoint).

No Streamlit here: the app and the ``pishran export`` command both call these.

* :mod:`exports.images` — ``figure_to_image``, ``prepare_for_export``, ``start_export_server``
* :mod:`exports.tables` — ``to_csv_bytes``, ``to_excel_bytes``
* :mod:`exports.deck` — ``SlideSpec``, ``build_deck``, ``standard_deck``, ``deck_to_pdf``
* :mod:`pishran.export_commands` — ``add_export_commands`` for the ``pishran`` command

Names are imported lazily (``from exports import build_deck`` works) so that importing
the tables does not load kaleido or python-pptx.
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "ExportError": "exports.images",
    "figure_to_image": "exports.images",
    "prepare_for_export": "exports.images",
    "start_export_server": "exports.images",
    "stop_export_server": "exports.images",
    "to_csv_bytes": "exports.tables",
    "to_excel_bytes": "exports.tables",
    "SlideSpec": "exports.deck",
    "build_deck": "exports.deck",
    "standard_deck": "exports.deck",
    "deck_to_pdf": "exports.deck",
    "add_export_commands": "pishran.export_commands",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'exports' has no attribute {name!r}")
