"""The store's command-line sub-commands (wired into ``pishran`` by add_store_commands)."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from pishran.store_commands import add_store_commands, main
from store import add_user, authenticate, list_users, open_store

from .corpus import csv_bytes, rows
from .sample import projects_csv

PASSWORD = "a-long-password"


@pytest.fixture
def cli_url(db_url, monkeypatch):
    """The store of ``db_url``, with the editor accounts ``operator`` (``$PISHRAN_USER``)
    and ``admin``: command-line writes are made in the name of an existing account."""
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    monkeypatch.setenv("PISHRAN_USER", "operator")
    for name in ("operator", "admin"):
        add_user(name, PASSWORD, "editor", by="tests")
    return db_url


def test_commands_are_added_to_a_parser():
    parser = argparse.ArgumentParser()
    add_store_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["import", "x.csv", "--kind", "projects", "--user", "u"])
    assert (args.file, args.kind, args.user) == ("x.csv", "projects", "u") and args.func


def test_import_versions_restore_and_followup(cli_url, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_bytes(projects_csv(5))
    assert main(["import", str(good), "--kind", "projects"]) == 0
    assert "version 2 saved" in capsys.readouterr().out
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(rows(3, r1_status="paused")))
    report = tmp_path / "problems.xlsx"
    assert main(["import", str(bad), "--report", str(report), "--lang", "fa"]) == 1
    captured = capsys.readouterr()
    assert "ردیف ۳" in captured.err and report.read_bytes()[:2] == b"PK"
    assert main(["import", str(good), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True
    assert main(["versions", "list"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert listing[0].startswith("*    2") and "operator" in listing[0]
    assert main(["versions", "restore", "1", "--user", "admin"]) == 0
    assert main(["versions", "restore", "99"]) == 1
    assert main(["versions", "verify"]) == 0
    capsys.readouterr()
    assert main(["versions", "list", "--json"]) == 0
    versions = json.loads(capsys.readouterr().out)
    assert versions[0]["kind"] == "restore" and versions[0]["created_by"] == "admin"
    assert main(["followup", "add", "P-001", "--date", "1404/08/01", "--status", "stalled",
                 "--physical", "55", "--blocker", "زمین", "--role", "mp",
                 "--person", "نماینده شهر"]) == 0
    assert main(["followup", "add", "P-001", "--date", "1404/12/30", "--status", "x",
                 "--person", "نماینده شهر"]) == 1
    with pytest.raises(SystemExit) as no_person:  # every entry names a person
        main(["followup", "add", "P-001", "--date", "1404/08/01", "--status", "stalled"])
    assert no_person.value.code == 2 and "--person" in capsys.readouterr().err
    assert main(["followup", "list", "P-001"]) == 0
    out = capsys.readouterr().out
    assert "stalled" in out and "زمین" in out and "نماینده شهر" in out
    assert main(["followup", "stale", "--days", "30", "--today", "1404/09/01"]) == 0
    assert "P-002" in capsys.readouterr().out.split()
    with open_store(cli_url) as store:
        assert store.audit_frame()["user_name"].tolist()[:2] == ["operator", "admin"]


def test_users_commands(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
    assert main(["users", "add", "مینا", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", "x", "--password-stdin", "--user", "مینا"]) == 1
    assert [u.name for u in list_users()] == ["مینا"]
    assert authenticate("مینا", "a-long-password").role == "editor"
    assert main(["users", "list"]) == 0
    assert "مینا\teditor" in capsys.readouterr().out
    assert main(["users", "remove", "nobody", "--user", "مینا"]) == 1  # no such account
    assert main(["users", "remove", "مینا", "--user", "مینا"]) == 0
    out = tmp_path / "template.xlsx"
    assert main(["template", "indicators", str(out)]) == 0 and out.read_bytes()[:2] == b"PK"


def test_writes_need_an_existing_editor_account(cli_url, tmp_path, monkeypatch, capsys):
    """Issue 13, point 8: an unknown --user (or $PISHRAN_USER), a viewer, or no name at
    all is refused with a clear message and nothing is written; the OS user counts when
    an account has its login name; writes are audited under the account's name."""
    add_user("viewer1", PASSWORD, "viewer", by="tests")
    good = tmp_path / "good.csv"
    good.write_bytes(projects_csv(5))
    with open_store(cli_url) as store:
        store.ensure_seeded()
        versions, audit = len(store.list_versions()), len(store.audit_frame())

    def unchanged():
        with open_store(cli_url) as store:
            return (len(store.list_versions()) == versions
                    and len(store.audit_frame()) == audit
                    and store.followups_frame().empty)

    writes = [["import", str(good), "--kind", "projects"],
              ["versions", "restore", "1"],
              ["followup", "add", "P-001", "--date", "1404/08/01", "--status", "stalled",
               "--person", "فرمانداری"]]
    for argv in writes:
        assert main([*argv, "--user", "nobody"]) == 2, argv
        err = capsys.readouterr().err
        assert "'nobody' is not an account" in err and "admin, operator" in err, err
        assert main([*argv, "--user", "viewer1"]) == 2
        assert "viewer" in capsys.readouterr().err
    assert main([*writes[2], "--user", "nobody", "--lang", "fa"]) == 2
    assert "حساب ندارد" in capsys.readouterr().err
    monkeypatch.setenv("PISHRAN_USER", "ghost")  # the default must be an account too
    assert main(writes[0]) == 2 and "'ghost' is not an account" in capsys.readouterr().err
    # no name at all: the OS login name, when an account has it
    monkeypatch.delenv("PISHRAN_USER")
    monkeypatch.setattr("store.accounts._os_user", lambda: "someone-else")
    assert main(writes[0]) == 2
    assert "someone-else" in capsys.readouterr().err
    assert main(["users", "remove", "viewer1"]) == 2  # account changes too
    assert [u.name for u in list_users()] == ["admin", "operator", "viewer1"]
    assert unchanged()
    # a dry run writes nothing and needs nobody
    assert main(["import", str(good), "--kind", "projects", "--dry-run",
                 "--user", "nobody"]) == 0
    capsys.readouterr()

    monkeypatch.setattr("store.accounts._os_user", lambda: "Admin")  # mapped to "admin"
    assert main(writes[0]) == 0
    assert main([*writes[2], "--user", "OPERATOR"]) == 0  # names match case-insensitively
    assert main(["users", "role", "viewer1", "editor"]) == 0
    with open_store(cli_url) as store:
        log = store.audit_frame()
        assert store.list_versions()[0].created_by == "admin"
        assert store.followups_frame()["recorded_by"].tolist() == ["operator"]
    assert log["user_name"].tolist()[:3] == ["admin", "operator", "admin"]
    assert log["action"].tolist()[:3] == ["user_role", "followup", "import"]


def test_the_first_account_needs_no_account(monkeypatch, capsys):
    monkeypatch.delenv("PISHRAN_USER", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", "first", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", "second", "--password-stdin", "--user", "nobody"]) == 2
    assert "'nobody' is not an account" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert main(["users", "add", "second", "--password-stdin", "--user", "first"]) == 0
    assert [u.name for u in list_users()] == ["first", "second"]
