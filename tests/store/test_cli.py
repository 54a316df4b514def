"""The store's command-line sub-commands (wired into ``pishran`` by add_store_commands)."""

from __future__ import annotations

import argparse
import io
import json

import pytest

from pishran.store_commands import add_store_commands, main
from store import authenticate, list_users, open_store

from .corpus import csv_bytes, rows
from .sample import projects_csv


@pytest.fixture
def cli_url(db_url, monkeypatch):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    monkeypatch.setenv("PISHRAN_USER", "operator")
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
                 "--physical", "55", "--blocker", "زمین", "--role", "mp"]) == 0
    assert main(["followup", "add", "P-001", "--date", "1404/12/30", "--status", "x"]) == 1
    assert main(["followup", "list", "P-001"]) == 0
    out = capsys.readouterr().out
    assert "stalled" in out and "زمین" in out
    assert main(["followup", "stale", "--days", "30", "--today", "1404/09/01"]) == 0
    assert "P-002" in capsys.readouterr().out.split()
    with open_store(cli_url) as store:
        assert store.audit_frame()["user_name"].tolist()[:2] == ["operator", "admin"]


def test_users_commands(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr("sys.stdin", io.StringIO("a-long-password\n"))
    assert main(["users", "add", "مینا", "--password-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", "x", "--password-stdin"]) == 1
    assert [u.name for u in list_users()] == ["مینا"]
    assert authenticate("مینا", "a-long-password").role == "editor"
    assert main(["users", "list"]) == 0
    assert "مینا\teditor" in capsys.readouterr().out
    assert main(["users", "remove", "مینا"]) == 0 and main(["users", "remove", "مینا"]) == 1
    out = tmp_path / "template.xlsx"
    assert main(["template", "indicators", str(out)]) == 0 and out.read_bytes()[:2] == b"PK"
