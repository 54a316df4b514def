"""Office words an editor maps once: stored, audited, reused by later imports; refused for
viewers, unknown accounts, built-in and conflicting words; the ``vocabulary`` commands."""

from __future__ import annotations

import json

import pytest

from pishran.cli import main
from store import add_user
from store.importing import import_file
from store.vocabulary import (
    VocabularyError,
    add_word,
    list_words,
    words_for_import,
    words_frame,
)

from .conftest import snapshot
from .sample import PROJECT_COLUMNS, csv_text, project_rows

PASSWORD = "a-long-password"
WORD = "ملی و استانی"  # not a built-in word: the office's "national and provincial" funding


def _file(word: str = WORD) -> bytes:
    rows = project_rows()
    column = PROJECT_COLUMNS.index("funding_source")
    rows[0][column] = word
    rows[3][column] = word
    return csv_text(PROJECT_COLUMNS, rows).encode("utf-8")


def _unknown(result) -> list:
    return [p for p in result.problems if p.rule == "not_allowed"]


def test_a_mapped_word_is_stored_and_reused_by_later_imports(store):
    editor = add_user("editor1", PASSWORD, "editor", by="tests")
    before = snapshot(store)
    refused = import_file(store, _file(), "returns.csv", "projects", editor)
    assert not refused.ok and snapshot(store) == before
    assert {p.value for p in _unknown(refused)} == {WORD} and len(_unknown(refused)) == 2
    added = add_word(store, "funding_source", WORD, "mixed", by=editor)
    assert (added.column, added.word, added.value, added.created_by) == (
        "funding_source", WORD, "mixed", "editor1")
    assert words_for_import(store) == {"funding_source": {WORD: "mixed"}}
    # the same file — and the word typed another way (ZWNJ, Arabic ي) — now imports
    preview = import_file(store, _file("ملي‌واستاني"), "returns.csv", "projects", dry_run=True)
    assert preview.ok, [p.message("en") for p in preview.problems]
    result = import_file(store, _file(), "returns.csv", "projects", editor)
    assert result.ok, [p.message("en") for p in result.problems]
    projects = store.current_dataset().projects.set_index("project_id")
    assert projects.loc["P-001", "funding_source"] == "mixed"
    assert projects.loc["P-004", "funding_source"] == "mixed"
    assert projects.loc["P-002", "funding_source"] == "provincial"
    audit = store.audit_frame(actions=("vocabulary_add",))
    assert len(audit) == 1 and audit.iloc[0]["user_name"] == "editor1"
    assert audit.iloc[0]["detail"] == {"id": added.id, "column": "funding_source",
                                       "word": WORD, "value": "mixed"}


def test_only_editors_map_words(store):
    viewer = add_user("viewer1", PASSWORD, "viewer", by="tests")
    with pytest.raises(PermissionError):
        add_word(store, "funding_source", WORD, "mixed", by=viewer)
    with pytest.raises(PermissionError):
        add_word(store, "funding_source", WORD, "mixed", by=None)
    assert list_words(store) == []
    assert store.audit_frame(actions=("vocabulary_add",)).empty


def test_builtin_conflicting_and_bad_words_are_refused(store):
    editor = add_user("editor1", PASSWORD, "editor", by="tests")
    # «ترکیبی» already means mixed (core.vocabulary); «ملی» means national: refused either way
    with pytest.raises(VocabularyError) as builtin:
        add_word(store, "funding_source", "ترکیبی", "mixed", by=editor)
    assert builtin.value.key == "vocabulary.error.builtin"
    with pytest.raises(VocabularyError) as other:
        add_word(store, "funding_source", "ملی", "private", by=editor)
    assert "ملی" in other.value.message("fa") and "National" in other.value.message("en")
    add_word(store, "funding_source", WORD, "mixed", by=editor)
    with pytest.raises(VocabularyError) as conflict:  # the stored word, spelt another way
        add_word(store, "funding_source", "ملي‌ و استاني", "national", by=editor)
    assert conflict.value.key == "vocabulary.error.stored"
    assert "editor1" in conflict.value.message("en")
    with pytest.raises(VocabularyError) as bad_value:
        add_word(store, "funding_source", "خیرین", "charity", by=editor)
    assert bad_value.value.key == "vocabulary.error.value"
    with pytest.raises(VocabularyError) as bad_column:
        add_word(store, "title_fa", "خیرین", "mixed", by=editor)
    assert bad_column.value.key == "vocabulary.error.column"
    with pytest.raises(VocabularyError):
        add_word(store, "status", " \u200c ", "stalled", by=editor)
    # the same word may mean something in another column
    add_word(store, "status", "نیمه تمام", "stalled", by=editor)
    words = list_words(store)
    assert [(w.column, w.word, w.value) for w in words] == [
        ("funding_source", WORD, "mixed"), ("status", "نیمه تمام", "stalled")]
    assert [w.word for w in list_words(store, "status")] == ["نیمه تمام"]
    frame = words_frame(store, "fa")
    assert list(frame["value_label"]) == ["ترکیبی", "متوقف"]
    assert len(store.audit_frame(actions=("vocabulary_add",))) == 2


def test_cli_vocabulary_add_and_list(db_url, data_dir, monkeypatch, capsys):
    monkeypatch.setenv("PISHRAN_DATABASE_URL", db_url)
    add_user("operator", PASSWORD, "editor", by="tests")
    add_user("reader", PASSWORD, "viewer", by="tests")
    assert main(["vocabulary", "list"]) == 0
    assert "هنوز واژه‌ای" in capsys.readouterr().out
    assert main(["vocabulary", "add", "funding_source", WORD, "mixed", "--user", "nobody"]) == 2
    assert main(["vocabulary", "add", "funding_source", WORD, "mixed", "--user", "reader"]) == 2
    capsys.readouterr()
    assert main(["vocabulary", "add", "funding_source", WORD, "mixed", "--user",
                 "operator"]) == 0
    assert WORD in capsys.readouterr().out
    assert main(["vocabulary", "add", "funding_source", "ترکیبی", "mixed", "--user",
                 "operator", "--lang", "en"]) == 1
    assert "already known" in capsys.readouterr().err
    assert main(["vocabulary", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(w["column"], w["word"], w["value"], w["created_by"]) for w in listed] == [
        ("funding_source", WORD, "mixed", "operator")]
    assert main(["vocabulary", "list"]) == 0
    assert WORD in capsys.readouterr().out
