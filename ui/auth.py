"""Sign-in panel: user name and password → :func:`store.authenticate`.

The signed-in :class:`~store.User` lives in session state (``auth:user``);
whether it may write is checked again at every write by the store
(:func:`~store.write_allowed`: an editor whose account still exists).  Failed sign-ins are
throttled per name and per client address (:func:`client_address`); a locked name or
address is told until when (Tehran time), and why.
Without any account configured the app is read-only and says so.
"""

from __future__ import annotations

import datetime as _dt
import math
import time

import streamlit as st

from core.clock import TEHRAN
from i18n import fmt_int, localise_digits, t
from store import User, authenticate, has_accounts, lockout_until, write_allowed
from store.accounts import AccountError

USER_KEY = "auth:user"
MESSAGE_KEY = "auth:message"

__all__ = ["USER_KEY", "current_user", "can_write", "client_address", "sign_in_panel",
           "sign_out"]


def current_user() -> User | None:
    user = st.session_state.get(USER_KEY)
    return user if isinstance(user, User) else None


def can_write(user: User | None = None) -> bool:
    """True for a signed-in editor whose account still exists (False — read-only — while
    the accounts file cannot be settled, e.g. a damaged journal)."""
    try:
        return write_allowed(user if user is not None else current_user())
    except AccountError:
        return False


def _account_problem(err: AccountError, lang: str) -> str:
    return t(err.key, lang) + (f" ({err.detail})" if err.detail else "")


def sign_out() -> None:
    st.session_state.pop(USER_KEY, None)


_LOOPBACK = {"127.0.0.1", "::1", "localhost"}


def client_address() -> str | None:
    """The visitor's address (``st.context.ip_address``: the websocket's peer; None on
    localhost).  Behind a reverse proxy on this machine the peer is the proxy: the last
    ``X-Forwarded-For`` entry (the one the proxy appended; else ``X-Real-IP``) is the
    visitor.  Headers are trusted only from a loopback peer, never from the internet."""
    try:
        address = st.context.ip_address
        headers = st.context.headers
    except Exception:  # noqa: BLE001 - outside a browser session (bare scripts): no address
        return None
    if not isinstance(address, str):  # None on localhost (and no str in a test harness)
        address = None
    if address is None or address in _LOOPBACK:
        for header in ("X-Forwarded-For", "X-Real-Ip"):
            forwarded = headers.get(header) if hasattr(headers, "get") else None
            last = forwarded.split(",")[-1].strip() if isinstance(forwarded, str) else ""
            if last:
                return last[:64]
    return address


def _locked_message(name: str, lang: str, address: str | None = None) -> str | None:
    found = lockout_until(name, address)
    if found is None:
        return None
    until, reason = found
    remaining = max(1, math.ceil((until - time.time()) / 60))
    when = _dt.datetime.fromtimestamp(until, tz=_dt.UTC).astimezone(TEHRAN).strftime("%H:%M")
    key = "auth.locked_address" if reason == "address" else "auth.locked_name"
    return t(key, lang, until=localise_digits(when, lang), minutes=fmt_int(remaining, lang))


def _submit(lang: str) -> None:
    name = str(st.session_state.get("auth_name") or "").strip()
    password = str(st.session_state.get("auth_password") or "")
    st.session_state["auth_password"] = ""  # never keep the password in the session
    if not name:
        return
    address = client_address()
    locked = _locked_message(name, lang, address)
    if locked:
        st.session_state[MESSAGE_KEY] = ("error", locked)
        return
    try:
        user = authenticate(name, password, address=address)
    except AccountError as err:
        st.session_state[MESSAGE_KEY] = ("error", _account_problem(err, lang))
        return
    if user is None:
        st.session_state[MESSAGE_KEY] = ("error", _locked_message(name, lang, address)
                                         or t("store.account.failed", lang))
        return
    st.session_state[USER_KEY] = user
    st.session_state.pop(MESSAGE_KEY, None)


def sign_in_panel(lang: str, container=None) -> User | None:
    """Draw the sign-in form (or who is signed in, with a sign-out button) in
    ``container`` (default the sidebar); returns the signed-in user."""
    box = container if container is not None else st.sidebar
    user = current_user()
    with box:
        st.subheader(t("data_page.auth.heading", lang))
        if user is not None:
            st.text(t("data_page.auth.signed_in", lang, name=user.name,
                      role=t(f"store.role.{user.role}", lang)))
            if not user.can_write:
                st.caption(t("data_page.auth.viewer_only", lang))
            if st.button(t("data_page.auth.sign_out", lang), key="auth_sign_out"):
                sign_out()
                st.rerun()
            return user
        try:
            accounts = has_accounts()
        except AccountError as err:
            st.error(_account_problem(err, lang))
            return None
        if not accounts:
            st.info(t("data_page.auth.read_only_note", lang))
            return None
        with st.form("auth_form", clear_on_submit=False, enter_to_submit=True):
            st.text_input(t("data_page.auth.name", lang), key="auth_name", max_chars=64,
                          autocomplete="username")
            st.text_input(t("data_page.auth.password", lang), key="auth_password",
                          type="password", max_chars=200, autocomplete="current-password")
            st.form_submit_button(t("data_page.auth.submit", lang), on_click=_submit,
                                  args=(lang,))
        message = st.session_state.pop(MESSAGE_KEY, None)
        if message:
            st.error(message[1])
    return current_user()
