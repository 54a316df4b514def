"""The Data page's "map an unknown word once": for a refused import whose enumerated cells
hold words the app does not know, a select box of the allowed values per distinct word and
a "remember this word" button (:func:`store.vocabulary.add_word`, editors only, audited).

Called by :mod:`ui.pages.data` under a refused import's problems.  After a word is saved the
cached import preview is dropped, so the next run checks the file again with the new word.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from analytics.validation import nearest_value
from core.schema import INDICATORS, PROJECTS
from core.vocabulary import ENUM_COLUMNS
from i18n import t
from store.headers import canonical_header, label
from store.vocabulary import VocabularyError, add_word, value_label
from ui import auth, layout, state

__all__ = ["unknown_words", "vocabulary_messages", "render_unknown_words"]

PREVIEW_KEY = "data:preview"  # ui.pages.data's cached import preview
_FLASH = "data:vocab_flash"
_ERROR = "data:vocab_error"


def unknown_words(problems, kind: str | None) -> list[tuple[str, str]]:
    """(schema column, word) of each distinct unknown word of an enumerated column, in the
    order the problems list them."""
    found: dict[tuple[str, str], None] = {}
    for p in problems:
        if p.rule != "not_allowed" or not str(p.value).strip():
            continue
        column = p.column if p.column in ENUM_COLUMNS else canonical_header(p.column, kind)
        if column in ENUM_COLUMNS:
            found.setdefault((column, str(p.value).strip()), None)
    return list(found)


def _schema_column(column: str):
    schema = PROJECTS if column in PROJECTS.names else INDICATORS
    return schema.column(column)


def _remember(store, column: str, word: str, widget: str, lang: str) -> None:
    value = st.session_state.get(widget)
    try:
        added = add_word(store, column, word, value, auth.current_user())
    except PermissionError:
        st.session_state[_ERROR] = t("store.account.forbidden", lang)
        return
    except VocabularyError as err:
        st.session_state[_ERROR] = err.message(lang)
        return
    st.session_state[_FLASH] = t("vocabulary.saved", lang, word=added.word,
                                 label=value_label(column, added.value, lang))
    st.session_state.pop(PREVIEW_KEY, None)  # check the file again with the new word


def vocabulary_messages() -> None:
    """The outcome of the last "remember this word" (saved, or why not), once."""
    flash = st.session_state.pop(_FLASH, None)
    if flash:
        st.success(flash)
    error = st.session_state.pop(_ERROR, None)
    if error:
        st.error(error)


def render_unknown_words(store, problems, kind: str | None, lang: str, writer: bool) -> None:
    """Draw the section for the unknown words among ``problems`` (nothing when none)."""
    words = unknown_words(problems, kind)
    if not words:
        return
    st.markdown(f"**{t('vocabulary.heading', lang)}**")
    layout.note(t("vocabulary.note", lang))
    for column, word in words:
        allowed = list(ENUM_COLUMNS[column])
        nearest = nearest_value(_schema_column(column), word)
        digest = hashlib.sha256(f"{column}|{word}".encode()).hexdigest()[:12]
        widget = f"data_vocab_value_{digest}"
        with st.container(horizontal=True, vertical_alignment="bottom"):
            st.selectbox(t("vocabulary.means", lang, word=word,
                           column=label(kind or "projects", column, lang)),
                         allowed, disabled=not writer,  # seeded (see ui/rounds.py)
                         key=state.seed(widget, nearest if nearest in allowed else allowed[0],
                                        options=allowed),
                         format_func=lambda v, c=column: value_label(c, v, lang),
                         placeholder=t("common.choose", lang))
            st.button(t("vocabulary.remember", lang), key=f"data_vocab_save_{digest}",
                      disabled=not writer, on_click=_remember,
                      args=(store, column, word, widget, lang))
