"""The malformed-file corpus: every problem is reported where the user sees it, nothing
crashes, and a refused file leaves the store exactly as it was."""

from __future__ import annotations

import pytest

from core.text import to_persian_digits
from store import import_file, open_store, problems_to_excel

from . import corpus_hardening
from .conftest import BACKENDS, database_url, snapshot
from .corpus import MALFORMED as _MALFORMED
from .corpus import VALID as _VALID
from .corpus import materialise

# the project's own corpus and the adversarial audit's inputs (issue 17)
MALFORMED = _MALFORMED + corpus_hardening.CASES
VALID = _VALID + corpus_hardening.VALID_CASES


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_store(request, tmp_path_factory, data_dir):
    with database_url(request.param, tmp_path_factory.mktemp("corpus")) as url:
        store = open_store(url, data_directory=data_dir)
        store.ensure_seeded()
        yield store
        store.close()


def test_corpus_is_large_enough():
    assert len(MALFORMED) + len(VALID) >= 100
    assert len(MALFORMED) >= 90
    assert len(VALID) >= 15


@pytest.mark.parametrize("case", MALFORMED, ids=lambda c: c.name)
def test_malformed_file_is_refused_with_clear_problems(case, corpus_store, tmp_path):
    before = snapshot(corpus_store)
    source = materialise(case, tmp_path)
    result = import_file(corpus_store, source, case.file_name, case.kind, "tester")
    assert not result.ok and result.version_id is None
    assert result.problems, "a refused file must say why"
    found = {(p.rule, p.sheet, p.row, p.column) for p in result.problems}
    for rule, sheet, row, column in case.expect:
        matches = [f for f in found if f[0] == rule
                   and (sheet is None or f[1] == sheet)
                   and (row is None or f[2] == row)
                   and (column is None or f[3] == column)]
        assert matches, f"expected {(rule, sheet, row, column)} in {sorted(found, key=str)}"
    for problem in result.problems:
        for lang in ("fa", "en"):
            text = problem.message(lang)
            assert text and "{" not in text
            if problem.row is not None:
                row = str(problem.row)
                assert (row if lang == "en" else to_persian_digits(row)) in text
            if problem.sheet:
                assert problem.sheet in text
    assert result.message("fa") and result.message("en")
    assert snapshot(corpus_store) == before
    assert problems_to_excel(result.problems, "fa")[:2] == b"PK"


@pytest.mark.parametrize("case", VALID, ids=lambda c: c.name)
def test_tricky_but_valid_file_imports(case, corpus_store, tmp_path):
    before = snapshot(corpus_store)
    source = materialise(case, tmp_path)
    # replace mode: the stored table is exactly the file's rows (merging is test_merge.py's)
    result = import_file(corpus_store, source, case.file_name, case.kind, "tester",
                         mode="replace", confirm_removal=True)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.version_id == before[0] + 1 or result.version_id > before[0]
    version = corpus_store.version(result.version_id)
    assert version.is_current
    dataset = corpus_store.current_dataset()
    table = dataset.projects if result.kind == "projects" else dataset.indicators
    assert len(table) == case.rows
    assert corpus_store.verify() == []
