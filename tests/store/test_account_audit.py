"""Account changes (add, remove, password, role) leave append-only audit entries in the
store — who, what, when, never the password or its hash — and are not made at all when
their entry cannot be written."""

from __future__ import annotations

import getpass
import io
import json
import subprocess
import sys
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError, OperationalError

from core.settings import users_file
from pishran.store_commands import main
from store import (
    ACCOUNT_ACTIONS,
    User,
    account_log,
    add_user,
    authenticate,
    list_users,
    open_store,
    remove_user,
    set_password,
    set_role,
)
from store.accounts import AccountError
from store.models import audit_log

from .conftest import DEFAULT_DB, worker_env

PASSWORDS = ["first-password-1", "second-password-2", "third-password-3"]


def _login() -> str | None:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001
        return None


def _raw_audit(store) -> list[tuple]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(select(audit_log).order_by(audit_log.c.id))]


def test_every_account_change_is_audited(store):
    hashes = []

    def remember_hash():
        hashes.extend(line.split('"')[1] for line in users_file().read_text().splitlines()
                      if line.startswith("password_hash"))

    add_user("زهرا", PASSWORDS[0], "editor", by="admin", store=store)
    remember_hash()
    add_user("زهرا", PASSWORDS[1], "viewer", replace=True, by="admin", store=store)
    remember_hash()
    assert set_password("زهرا", PASSWORDS[2], by=User("boss", "editor"), store=store)
    remember_hash()
    assert set_role("زهرا", "editor", by="admin", store=store) == User("زهرا", "editor")
    # no change, no entry
    assert set_role("زهرا", "editor", by="admin", store=store) == User("زهرا", "editor")
    assert set_password("nobody", PASSWORDS[0], store=store) is None
    assert set_role("nobody", "viewer", store=store) is None
    assert not remove_user("nobody", store=store)
    assert authenticate("زهرا", PASSWORDS[2]) == User("زهرا", "editor")
    assert remove_user("زهرا", store=store)  # by nobody in particular: the OS login
    assert list_users() == []

    log = account_log(store)
    assert log["action"].tolist() == ["user_remove", "user_role", "user_password", "user_role",
                                      "user_password", "user_add"]
    login = _login()
    assert log["user_name"].tolist() == [f"os:{login}" if login else "unknown", "admin", "boss",
                                         "admin", "admin", "admin"]
    details = log["detail"].tolist()
    assert all(d["account"] == "زهرا" and d["os_user"] == login for d in details)
    assert details[0]["role"] == "editor" and details[5]["role"] == "editor"
    assert (details[1]["old_role"], details[1]["new_role"]) == ("viewer", "editor")
    assert (details[3]["old_role"], details[3]["new_role"]) == ("editor", "viewer")
    assert log["version_id"].isna().all()
    at = log["at"].tolist()
    assert at == sorted(at, reverse=True)
    # the other history is untouched and filtered out of the account log
    assert store.audit_frame()["action"].tolist() == [*log["action"], "seed"]
    assert set(ACCOUNT_ACTIONS) == set(log["action"])

    raw = repr(_raw_audit(store))
    assert len(hashes) == 3 and "$2b$" not in raw
    for secret in [*PASSWORDS, *hashes, *(h[-31:] for h in hashes)]:
        assert secret not in raw


def test_account_entries_are_append_only(store):
    add_user("ali", PASSWORDS[0], store=store)
    for statement in ("UPDATE audit_log SET user_name = 'x' WHERE action = 'user_add'",
                      "DELETE FROM audit_log WHERE action = 'user_add'"):
        with pytest.raises(DBAPIError, match="append-only"):
            with store.engine.begin() as conn:
                conn.execute(text(statement))
    assert account_log(store)["action"].tolist() == ["user_add"]


def test_default_store_is_the_configured_database(tmp_path):
    """Without ``store`` the entry goes to PISHRAN_DATABASE_URL (conftest: DEFAULT_DB)."""
    add_user("ali", PASSWORDS[0], "viewer", by="setup-script")
    remove_user("ali")
    with open_store(f"sqlite:///{tmp_path / DEFAULT_DB}") as store:
        log = account_log(store)
    assert log["action"].tolist() == ["user_remove", "user_add"]
    assert log["user_name"].tolist()[1] == "setup-script"


def _fail_at_commit(store, monkeypatch) -> None:
    """The store's write transactions fail at COMMIT, after their body ran."""
    real = store.write

    @contextmanager
    def write():
        with real() as (conn, current):
            yield conn, current
            raise OperationalError("COMMIT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(store, "write", write)


def test_no_change_without_its_entry(store, monkeypatch, tmp_path):
    add_user("ali", PASSWORDS[0], "editor", store=store)
    path = users_file()
    before = path.read_bytes()
    _fail_at_commit(store, monkeypatch)
    for change in (lambda: add_user("ali", PASSWORDS[1], "viewer", replace=True, store=store),
                   lambda: add_user("new", PASSWORDS[1], store=store),
                   lambda: set_password("ali", PASSWORDS[1], store=store),
                   lambda: set_role("ali", "viewer", store=store),
                   lambda: remove_user("ali", store=store)):
        with pytest.raises(OperationalError):
            change()
        assert path.read_bytes() == before  # the file went back to what it was
    fresh = tmp_path / "fresh" / "users.toml"
    with pytest.raises(OperationalError):
        add_user("ali", PASSWORDS[0], store=store, path=fresh)
    assert not fresh.exists()  # a file created for the change is removed again
    assert authenticate("ali", PASSWORDS[0]) == User("ali", "editor")
    assert account_log(store)["action"].tolist() == ["user_add"]


def test_an_unwritable_database_refuses_the_change(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("")
    monkeypatch.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{blocker / 'x.db'}")
    with pytest.raises(OSError):
        add_user("ali", PASSWORDS[0])
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORDS[0] + "\n"))
    assert main(["users", "add", "ali", "--password-stdin"]) == 1
    assert "account not changed" in capsys.readouterr().err
    assert not users_file().exists()


def test_cli_records_and_lists_account_changes(store, db_url, monkeypatch, capsys):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    monkeypatch.setenv("PISHRAN_USER", "operator")
    # account changes are made in the name of an existing editor (the first needs none)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORDS[2] + "\n"))
    assert main(["users", "add", "operator", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORDS[0] + "\n"))
    assert main(["users", "add", "مینا", "--password-stdin", "--role", "viewer"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORDS[1] + "\n"))
    assert main(["users", "passwd", "مینا", "--password-stdin"]) == 0
    assert main(["users", "role", "مینا", "editor"]) == 0
    assert main(["users", "role", "nobody", "editor"]) == 1
    assert authenticate("مینا", PASSWORDS[1]) == User("مینا", "editor")
    monkeypatch.delenv("PISHRAN_USER")
    assert main(["users", "remove", "مینا", "--user", "operator"]) == 0
    capsys.readouterr()

    assert main(["users", "log"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert "user_remove" in lines[0] and "operator" in lines[0]
    assert "user_add" in lines[4] and "operator" in lines[4]  # the first: by $PISHRAN_USER
    assert "user_role" in lines[1] and "operator" in lines[1] and "new_role=editor" in lines[1]
    assert "user_password" in lines[2] and "user_add" in lines[3] and "مینا" in lines[3]
    assert main(["users", "log", "--json", "--limit", "2"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [e["action"] for e in entries] == ["user_remove", "user_role"]
    assert entries[1]["by"] == "operator" and entries[1]["detail"]["os_user"] == _login()
    assert all(p not in json.dumps(entries) for p in PASSWORDS)


def test_concurrent_changes_from_processes_are_all_recorded(store, db_url):
    code = ("import sys\nfrom store import add_user, open_store\n"
            "with open_store(sys.argv[1]) as s:\n"
            "    for i in range(4): add_user(f'{sys.argv[2]}{i}', 'long-enough-pw', "
            "by=sys.argv[2], store=s)\n")
    workers = [subprocess.Popen([sys.executable, "-c", code, db_url, who], env=worker_env())
               for who in ("a", "b", "c")]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0]
    assert sorted(u.name for u in list_users()) == sorted(f"{w}{i}" for w in "abc"
                                                          for i in range(4))
    log = account_log(store)
    assert sorted(log["detail"].map(lambda d: d["account"])) == sorted(
        u.name for u in list_users())
    assert log["action"].eq("user_add").all()


# --- a process killed in the middle of a change (kill -9, power loss) ----------------------

CRASH = """
import os, sys
from store import add_user
from store import accounts

real_write = accounts._write_users

def write_then_die(path, users):
    real_write(path, users)
    os._exit(9)  # killed after the file was replaced, before the commit

def die(journal):
    os._exit(9)  # killed after the commit, before the journal was removed

if sys.argv[1] == "before_commit":
    accounts._write_users = write_then_die
else:
    accounts._drop_journal = die
add_user("new", "long-enough-pw", by="crash-test")
"""


def _killed_while_adding(stage: str) -> None:
    run = subprocess.run([sys.executable, "-c", CRASH, stage], env=worker_env(), timeout=120)
    assert run.returncode == 9


@pytest.fixture
def default_store(store, db_url, monkeypatch):
    """``store`` as the configured database (the one account changes and sign-in use)."""
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    return store


def test_killed_before_commit_the_previous_file_comes_back(default_store):
    add_user("ali", PASSWORDS[0])
    before = users_file().read_bytes()
    journal = users_file().with_name("users.toml.pending")
    _killed_while_adding("before_commit")
    # what the dead process left: the new file, no entry, its journal
    assert journal.exists() and '"new"' in users_file().read_text()
    assert account_log(default_store)["action"].tolist() == ["user_add"]
    # the next reader settles it: no entry for that change, so the old file is put back
    assert list_users() == [User("ali", "editor")]
    assert users_file().read_bytes() == before and not journal.exists()
    assert authenticate("new", "long-enough-pw") is None


def test_killed_after_commit_the_change_stands(default_store):
    add_user("ali", PASSWORDS[0])
    journal = users_file().with_name("users.toml.pending")
    _killed_while_adding("after_commit")
    assert journal.exists()
    log = account_log(default_store)
    assert log["action"].tolist() == ["user_add", "user_add"]
    assert log["user_name"].iloc[0] == "crash-test"
    # sign-in settles it: the change's entry is in the store, so the file stays
    assert authenticate("new", "long-enough-pw") == User("new", "editor")
    assert not journal.exists()
    # and a later change starts from it
    assert set_role("new", "viewer") == User("new", "viewer")
    assert account_log(default_store)["action"].tolist() == ["user_role", "user_add",
                                                              "user_add"]


def test_every_change_has_its_own_id_and_leaves_no_journal(default_store):
    add_user("ali", PASSWORDS[0])
    set_password("ali", PASSWORDS[1])
    add_user("ali", PASSWORDS[2], "viewer", replace=True)  # two entries, one change
    changes = [d["change"] for d in account_log(default_store)["detail"]]
    assert len(changes) == 4 and changes[0] == changes[1]
    assert len(set(changes)) == 3 and all(len(c) == 16 for c in changes)
    assert not users_file().with_name("users.toml.pending").exists()


def test_a_damaged_journal_is_named_and_nothing_changes(default_store, capsys):
    add_user("ali", PASSWORDS[0])
    before = users_file().read_bytes()
    journal = users_file().with_name("users.toml.pending")
    journal.write_text("{not json", encoding="utf-8")
    with pytest.raises(AccountError, match="users.toml.pending"):
        list_users()
    with pytest.raises(AccountError, match="users.toml.pending"):
        set_role("ali", "viewer")
    assert main(["users", "list"]) == 1
    assert "users.toml.pending" in capsys.readouterr().err
    assert users_file().read_bytes() == before and journal.exists()
