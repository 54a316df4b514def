"""Download file names as the reader's browser will keep them.

The app names a download after its title and the Jalali date
(:func:`figures.theme.export_filename`), ZWNJ included («پروژه‌ها_1405-09-16.xlsx»), and
Streamlit 1.67 sends it whole (``Content-Disposition: attachment;
filename*=utf-8''…%E2%80%8C…``, RFC 5987).  Firefox and Safari save that name as sent.
Chromium-based browsers (Chrome, Edge, Opera, Yandex) replace every "Other, Format" (Cf)
character — ZWNJ is one — with ``_`` when they save a download (Chromium's
``base/i18n/file_util_icu.cc``: ``[:Cf:]`` is among its illegal file-name characters),
which gives «پروژه_ها».  For those browsers the ZWNJ is sent as a space instead («پروژه
ها»), the way Persian is written where a ZWNJ cannot be typed; every other browser gets
the ZWNJ.  Measured in Debian's Chromium with Playwright (``suggested_filename``).
"""

from __future__ import annotations

import re

import streamlit as st

from core.text import ZWNJ
from figures.theme import export_filename

__all__ = ["download_name", "keeps_zwnj"]

_CHROMIUM = re.compile(r"(Chrome|Chromium|CriOS|Edg|OPR|YaBrowser)/")  # HeadlessChrome too


def keeps_zwnj(user_agent: str | None) -> bool:
    """Whether a browser with this ``User-Agent`` saves a ZWNJ in a download's name
    (Chromium-based ones do not; an unknown browser is assumed to)."""
    return not (user_agent and _CHROMIUM.search(user_agent))


def browser_name(name: str, user_agent: str | None) -> str:
    """``name`` for a browser with ``user_agent``: unchanged, or with each ZWNJ sent as a
    space where the browser would turn it into ``_``."""
    return name if keeps_zwnj(user_agent) else name.replace(ZWNJ, " ")


def _user_agent() -> str | None:
    try:
        return st.context.headers.get("User-Agent")
    except Exception:  # no browser session (AppTest, a bare script run)
        return None


def download_name(title: str, lang: str) -> str:
    """:func:`figures.theme.export_filename` of ``title`` for the reader's browser (module
    doc): the stem of a ``st.download_button`` ``file_name``."""
    return browser_name(export_filename(title, lang), _user_agent())
