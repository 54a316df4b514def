"""Exports: chart images (PNG/SVG), tables (CSV/Excel) and the briefing deck (PowerPoint).

No Streamlit here: the app and the ``pishran export`` command both call these.

* :mod:`exports.images` — ``figure_to_image``, ``prepare_for_export``, ``start_export_server``
* :mod:`exports.tables` — ``to_csv_bytes``, ``to_excel_bytes``
* :mod:`exports.deck` — ``build_deck`` (writes a :class:`briefing.slides.SlideSpec` list), ``deck_to_pdf``

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
    "build_deck": "exports.deck",
    "deck_to_pdf": "exports.deck",
}

__all__ = sorted(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'exports' has no attribute {name!r}")
