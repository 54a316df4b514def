"""Sign-in throttling per client address as well as per name (issue 17, fault 11): one
visitor can no longer lock an editor out, nor spray a password across names; a lockout
says until when."""

from __future__ import annotations

import pytest

from store import add_user, authenticate, lockout_remaining, lockout_until
from store.accounts import (
    ADDRESS_FAILURES,
    ADDRESS_LOCKOUT_SECONDS,
    LOCKOUT_FAILURES,
    LOCKOUT_SECONDS,
    NAME_ANY_ADDRESS_FAILURES,
)

NOW = 2_000_000.0
ATTACKER, EDITOR_DESK = "203.0.113.9", "10.0.0.5"


@pytest.fixture
def accounts():
    add_user("ali", "the-right-password", "editor")
    add_user("sara", "sara-password-1", "editor")


def test_a_visitor_cannot_lock_an_editor_out_from_the_editors_own_address(accounts):
    for i in range(LOCKOUT_FAILURES):
        assert authenticate("ali", "guess", now=NOW + i, address=ATTACKER) is None
    until, reason = lockout_until("ali", ATTACKER, now=NOW + 10)
    assert reason == "name" and until == pytest.approx(NOW + LOCKOUT_FAILURES - 1
                                                       + LOCKOUT_SECONDS)
    # the attacker is locked for this name; the editor at her desk is not
    assert authenticate("ali", "the-right-password", now=NOW + 10, address=ATTACKER) is None
    assert lockout_until("ali", EDITOR_DESK, now=NOW + 10) is None
    assert authenticate("ali", "the-right-password", now=NOW + 11,
                        address=EDITOR_DESK) is not None


def test_spraying_one_password_across_names_locks_the_address(accounts):
    names = [f"user{i}" for i in range(ADDRESS_FAILURES)]
    for i, name in enumerate(names):
        assert authenticate(name, "Winter2026!", now=NOW + i, address=ATTACKER) is None
    found = lockout_until("sara", ATTACKER, now=NOW + ADDRESS_FAILURES)
    assert found is not None and found[1] == "address"
    assert found[0] == pytest.approx(NOW + ADDRESS_FAILURES - 1 + ADDRESS_LOCKOUT_SECONDS)
    # even the right password of another account is refused from that address …
    assert authenticate("sara", "sara-password-1", now=NOW + 30, address=ATTACKER) is None
    # … and accepted from elsewhere
    assert authenticate("sara", "sara-password-1", now=NOW + 31, address=EDITOR_DESK)


def test_guessing_one_name_from_many_addresses_locks_the_name_everywhere(accounts):
    for i in range(NAME_ANY_ADDRESS_FAILURES):
        authenticate("ali", "guess", now=NOW + i, address=f"198.51.100.{i}")
    assert lockout_remaining("ali", now=NOW + 30, address=EDITOR_DESK) > 0
    assert authenticate("ali", "the-right-password", now=NOW + 30, address=EDITOR_DESK) is None


def test_without_an_address_the_name_is_locked_as_before(accounts):
    for i in range(LOCKOUT_FAILURES):
        authenticate("ali", "guess", now=NOW + i)
    assert lockout_remaining("ali", now=NOW + 10) > 0


def test_the_editor_is_told_until_when(accounts):
    from i18n import t
    from ui.auth import _locked_message

    for _ in range(LOCKOUT_FAILURES):
        authenticate("ali", "guess", address=ATTACKER)
    message = _locked_message("ali", "fa", ATTACKER)
    prefix = t("auth.locked_name", "fa", until="X", minutes="Y").split("X")[0]
    assert message.startswith(prefix) and ":" in message
    assert _locked_message("ali", "en", EDITOR_DESK) is None
