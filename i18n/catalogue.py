"""Merge the message sections and look keys up: ``t("overview.title", "fa")``."""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

import i18n.messages as _messages_pkg

LANGUAGES = ("fa", "en")


@lru_cache(maxsize=1)
def catalogue() -> dict[str, tuple[str, str]]:
    """All messages, ``key -> (fa, en)``; raises if two sections define one key."""
    merged: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(_messages_pkg.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"i18n.messages.{info.name}")
        for key, pair in module.MESSAGES.items():
            if key in merged:
                raise KeyError(f"translation key {key!r} defined twice (section {info.name})")
            if len(pair) != 2 or not all(isinstance(s, str) and s for s in pair):
                raise ValueError(f"translation key {key!r} needs a non-empty (fa, en) pair")
            merged[key] = pair
    return merged


def has_key(key: str) -> bool:
    return key in catalogue()


def t(key: str, lang: str = "fa", **params: object) -> str:
    """The message ``key`` in ``lang`` with ``{param}`` placeholders filled.

    Numbers passed as params are not localised here: format them first with
    :mod:`i18n.formatting`.  An unknown key raises ``KeyError`` (tests catch it early).
    """
    pair = catalogue()[key]
    text = pair[0] if lang == "fa" else pair[1]
    return text.format(**params) if params else text
