"""core.files.write_atomic: the old content or the new, never half a file."""

import os
import stat

import pytest

from core import files
from core.files import write_atomic


def test_writes_and_replaces_creating_the_folder(tmp_path):
    target = tmp_path / "a" / "b.json"
    assert write_atomic(target, "یک") == target
    assert target.read_text(encoding="utf-8") == "یک"
    write_atomic(target, "دو")
    assert target.read_text(encoding="utf-8") == "دو"
    assert sorted(p.name for p in target.parent.iterdir()) == ["b.json"]


def test_mode_is_set(tmp_path):
    target = write_atomic(tmp_path / "users.toml", "x", mode=0o600)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_a_failure_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    target = tmp_path / "s.json"
    write_atomic(target, "old")

    def broken(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(files.os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]
