"""What a visitor sees when a page fails: a friendly Persian (or English) message with an
incident id — never a traceback or a server path.  The traceback goes to the server log
under the same id, so the office can quote the id and the operator find the cause.

``app.py`` runs every page inside :func:`guarded`; Streamlit's own error display is the
second line of defence (``client.showErrorDetails = "none"`` in ``.streamlit/config.toml``).
``pishran run --dev`` (``PISHRAN_DEV=1``, ``showErrorDetails = "full"``) shows tracebacks
for development; the tests run in development mode so a failing page fails its test.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

import streamlit as st

from core import settings
from i18n import t
from ui import state

__all__ = ["guarded", "report_incident"]

log = logging.getLogger("pishran.incident")


def report_incident(error: BaseException) -> str:
    """Log ``error`` with its traceback under a new incident id; show the visitor the
    friendly message naming the id.  Returns the id."""
    incident = secrets.token_hex(4).upper()
    log.error("incident %s: %s: %s", incident, type(error).__name__, error,
              exc_info=(type(error), error, error.__traceback__))
    lang = st.session_state.get(state.LANG, "fa")
    st.error(t("incident.message", lang, incident=incident))
    return incident


def guarded(run: Callable[[], object]) -> None:
    """Run one page; any exception becomes an incident (Streamlit's rerun/stop controls are
    ``BaseException`` and pass through untouched).  In development (``PISHRAN_DEV``, set by
    ``pishran run --dev`` and the tests) the exception is raised: Streamlit shows it."""
    try:
        run()
    except Exception as error:  # noqa: BLE001 - every failure is logged and shown as an incident
        if settings.development():
            raise
        report_incident(error)
