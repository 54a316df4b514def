"""AppTest of the Data page's "map an unknown word once": a file refused for an unknown
funding word offers a select box of the allowed values (Persian labels) and a "remember
this word" button; after saving, the preview accepts the same file and the word is stored
(audited) for later imports."""

from __future__ import annotations

from i18n import t
from store import add_user
from store.headers import label
from store.vocabulary import list_words
from tests.test_page_data import (  # noqa: F401 - env/other are fixtures
    EDITOR,
    PASSWORD,
    by_label,
    env,
    other,
    projects_csv,
    run_page,
    sign_in,
    texts,
)

WORD = "ملی و استانی"


def test_editor_maps_an_unknown_word_and_the_file_then_imports(env, other):  # noqa: F811
    add_user(EDITOR, PASSWORD, "editor")
    at = sign_in(run_page())
    content = projects_csv(other, {(0, "funding_source"): WORD, (1, "funding_source"): WORD})
    at.file_uploader[0].set_value(("returns.csv", content, "text/csv")).run()
    assert not at.exception
    assert any(e.value == t("store.import.failed", "fa", count="۲") for e in at.error), texts(at)
    boxes = [s for s in at.selectbox if s.key and s.key.startswith("data_vocab_value_")]
    assert len(boxes) == 1, [s.label for s in at.selectbox]  # one distinct word
    box = boxes[0]
    assert box.label == t("vocabulary.means", "fa", word=WORD,
                          column=label("projects", "funding_source", "fa"))
    assert [box.format_func(o) for o in box.options] == [
        t(f"funding.{v}", "fa") for v in ("national", "provincial", "private", "mixed")]
    box.select("mixed").run()
    by_label(at.button, t("vocabulary.remember", "fa")).click().run()
    assert not at.exception
    saved = t("vocabulary.saved", "fa", word=WORD, label=t("funding.mixed", "fa"))
    assert any(s.value == saved for s in at.success), texts(at)
    assert [(w.column, w.word, w.value, w.created_by) for w in list_words(other)] == [
        ("funding_source", WORD, "mixed", EDITOR)]
    assert len(other.audit_frame(actions=("vocabulary_add",))) == 1
    # the preview was checked again: the file is accepted and can be saved
    assert not at.error, texts(at)
    assert not [s for s in at.selectbox if s.key and s.key.startswith("data_vocab_value_")]
    by_label(at.button, t("data_page.save", "fa")).click().run()
    assert not at.exception
    assert other.current_version_id() == 2
    ids = list(other.dataset_at(1).projects["project_id"][:2])
    projects = other.current_dataset().projects.set_index("project_id")
    assert list(projects.loc[ids, "funding_source"]) == ["mixed", "mixed"]
