"""Accounts: users.toml, bcrypt, roles, rate limiting across processes, read-only default."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tomllib

import pytest

from core.settings import users_file
from store import (
    AccountError,
    User,
    add_user,
    authenticate,
    has_accounts,
    list_users,
    lockout_remaining,
    remove_user,
    write_allowed,
)
from store.accounts import LOCKOUT_FAILURES, LOCKOUT_SECONDS

from .conftest import worker_env


def test_no_accounts_means_read_only():
    assert not has_accounts() and list_users() == []
    assert authenticate("admin", "admin") is None
    assert not write_allowed(None)
    assert not write_allowed(User("admin", "editor"))


def test_add_list_remove(tmp_path):
    add_user("زهرا", "correct horse battery", "editor")
    add_user('o"brien \\ x', "another-password", "viewer")
    assert [(u.name, u.role) for u in list_users()] == [('o"brien \\ x', "viewer"),
                                                       ("زهرا", "editor")]
    path = users_file()
    text = path.read_text(encoding="utf-8")
    assert "correct horse" not in text and "$2b$" in text
    assert set(tomllib.loads(text)["users"]) == {"زهرا", 'o"brien \\ x'}
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    with pytest.raises(AccountError):
        add_user("زهرا", "whatever-password")
    add_user("زهرا", "new password!", "viewer", replace=True)
    assert authenticate("زهرا", "correct horse battery") is None
    assert authenticate("زهرا", "new password!") == User("زهرا", "viewer")
    assert remove_user("زهرا") and not remove_user("زهرا")
    assert [u.name for u in list_users()] == ['o"brien \\ x']


@pytest.mark.parametrize("name,password,role,key", [
    ("", "long-enough", "editor", "store.account.bad_name"),
    ("ok", "short", "editor", "store.account.short_password"),
    ("ok", "ب" * 40, "editor", "store.account.long_password"),  # 80 bytes > 72
    ("ok", "long-enough", "admin", "store.account.bad_role"),
])
def test_invalid_accounts(name, password, role, key):
    with pytest.raises(AccountError) as err:
        add_user(name, password, role)
    assert err.value.key == key


def test_authenticate_and_roles():
    add_user("Editor", "editor-password", "editor")
    add_user("viewer", "viewer-password", "viewer")
    editor = authenticate("editor", "editor-password")  # names are case-insensitive
    assert editor == User("Editor", "editor") and write_allowed(editor)
    viewer = authenticate("viewer", "viewer-password")
    assert viewer.role == "viewer" and not write_allowed(viewer)
    assert authenticate("editor", "wrong") is None
    assert authenticate("nobody", "editor-password") is None
    remove_user("Editor")
    assert not write_allowed(editor)  # a removed account loses the right at once


def test_lockout_after_failures_and_expiry():
    add_user("ali", "the-right-password", "editor")
    now = 1_000_000.0
    for i in range(LOCKOUT_FAILURES - 1):
        assert authenticate("ali", "wrong", now=now + i) is None
    assert authenticate("ali", "the-right-password", now=now + 5) is not None  # resets
    for i in range(LOCKOUT_FAILURES):
        assert authenticate("ali", "wrong", now=now + 10 + i) is None
    locked_at = now + 10 + LOCKOUT_FAILURES - 1
    assert lockout_remaining("ali", now=locked_at + 1) == pytest.approx(LOCKOUT_SECONDS - 1)
    assert authenticate("ali", "the-right-password", now=locked_at + 60) is None
    assert authenticate("ALI", "the-right-password", now=locked_at + 60) is None
    assert authenticate("ali", "the-right-password", now=locked_at + LOCKOUT_SECONDS + 1)


def test_failures_outside_the_window_do_not_count():
    add_user("ali", "the-right-password", "editor")
    for i in range(LOCKOUT_FAILURES * 2):
        authenticate("ali", "wrong", now=1_000_000.0 + i * 100)  # one per 100 s
    assert authenticate("ali", "the-right-password", now=1_000_000.0 + 1001) is not None


def test_lockout_is_shared_between_processes():
    add_user("ali", "the-right-password", "editor")
    code = ("from store import authenticate\n"
            f"for _ in range({LOCKOUT_FAILURES}): authenticate('ali', 'guess')\n")
    subprocess.run([sys.executable, "-c", code], check=True, env=worker_env(), timeout=60)
    assert lockout_remaining("ali") > 0
    assert authenticate("ali", "the-right-password") is None
