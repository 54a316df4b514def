"""The 200 MB unzipped-size guard of Excel imports (zip bombs).

The bombs are built in memory (``bombs.py``, ~0.5 s each, < 1 MB compressed): a valid
workbook plus an entry of zeros inflating just past the limit — honestly declared, or
with its uncompressed size understated in the zip headers as a hand-made bomb does."""

from __future__ import annotations

import io
import json
import tracemalloc
import zipfile

import pytest

from analytics.validation import DataValidationError
from pishran.store_commands import main
from store import add_user, import_file, read_table_file
from store.limits import MAX_UNZIPPED_BYTES

from .bombs import bomb, workbook
from .conftest import snapshot

NAME = "گزارش-پروژه‌ها.xlsx"


@pytest.fixture(scope="module")
def honest() -> bytes:
    return bomb()


@pytest.fixture(scope="module")
def lying() -> bytes:
    """Declares 1 000 bytes for an entry that inflates past the limit."""
    return bomb(declared=1000)


def _refused(data: bytes) -> DataValidationError:
    with pytest.raises(DataValidationError) as err:
        read_table_file(data, NAME, kind="projects")
    return err.value


@pytest.mark.parametrize("which", ["honest", "lying"])
def test_reading_refuses_a_bomb_with_a_clear_message(which, request):
    error = _refused(request.getfixturevalue(which))
    problem, = error.problems
    assert problem.rule == "zip_too_large" and problem.file == NAME
    for lang in ("fa", "en"):
        message = problem.message(lang)
        assert NAME in message and "rule.zip_too_large" not in message
    assert "expands to too much data (at most 200 MB unzipped)" in problem.message("en")
    assert "حداکثر ۲۰۰ مگابایت" in problem.message("fa")
    assert problem.value in ("201 MB", "> 200 MB")  # declared / measured while inflating


def test_a_lying_bomb_is_not_inflated_in_one_piece():
    """An understated entry that openpyxl reads in one go (the theme) made zipfile
    inflate up to 1 GB at once before the guard measured real sizes."""
    data = bomb(declared=1000, extra_mb=100, name="xl/theme/theme1.xml")
    tracemalloc.start()
    try:
        problem, = _refused(data).problems
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problem.rule == "zip_too_large"
    assert peak < 32 * 1024 * 1024, f"peak {peak / 1024 / 1024:.0f} MB while checking"


def test_just_under_the_limit_is_read():
    data = bomb(extra_mb=-2)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        inflated = sum(i.file_size for i in archive.infolist())
    assert MAX_UNZIPPED_BYTES - 3 * 2**20 < inflated <= MAX_UNZIPPED_BYTES
    sheet, = read_table_file(data, NAME, kind="projects")
    assert len(sheet.frame) == 3


def test_other_compression_methods_are_refused():
    buffer = io.BytesIO(workbook())
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_BZIP2) as archive:
        archive.writestr("xl/media/x.bin", bytes(1000))
    problem, = _refused(buffer.getvalue()).problems
    assert problem.rule == "unreadable_file" and "compression method" in problem.params["detail"]


def test_import_of_a_bomb_stores_nothing(store, honest, lying):
    before = snapshot(store)
    current = store.current_dataset()
    for data in (honest, lying):
        for dry_run in (True, False):
            result = import_file(store, data, NAME, "projects", "editor", dry_run=dry_run)
            assert not result.ok and result.version_id is None
            assert [p.rule for p in result.problems] == ["zip_too_large"]
            assert NAME in result.problems[0].message("fa")
    assert snapshot(store) == before
    assert store.current_dataset().projects.equals(current.projects)
    assert [v.id for v in store.list_versions() if v.is_current] == [before[0]]
    assert store.audit_frame()["action"].tolist() == ["seed"]
    # the same workbook without the padding is imported: the padding alone was refused
    assert import_file(store, workbook(), NAME, "projects", "editor").ok


def test_cli_import_of_a_bomb(store, db_url, monkeypatch, tmp_path, capsys, lying):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    monkeypatch.setenv("PISHRAN_USER", "operator")  # command-line writes need an editor account
    add_user("operator", "a long enough password 1", "editor", by="tests")
    path = tmp_path / NAME
    path.write_bytes(lying)
    assert main(["import", str(path), "--kind", "projects"]) == 1
    err = capsys.readouterr().err
    assert NAME in err and "expands to too much data" in err
    assert main(["versions", "list", "--json"]) == 0
    assert [v["id"] for v in json.loads(capsys.readouterr().out)] == [1]
