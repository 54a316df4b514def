"""Office words an editor mapped to a schema value, stored and reused by every import.

The built-in vocabulary (:mod:`core.vocabulary` and the catalogue's labels) covers the
common office words; a word it does not know («ملی و استانی» in the funding column) is
refused by the import with the allowed values.  An editor maps such a word once —
:func:`add_word` — and later imports accept it: :func:`words_for_import` is the
``vocabulary`` argument :func:`analytics.validation.validate_table` takes, and
:mod:`store.importing` passes it on every check (preview and save alike).

* :func:`add_word` — editors only (:func:`store.accounts.writer_name`); the value must be
  one of the column's schema values; a word that is already a built-in word (of any value)
  or already stored is refused with :class:`VocabularyError`; audited ``vocabulary_add``.
* :func:`list_words` / :func:`words_frame` — what is stored, oldest first.

Words are compared through :func:`core.vocabulary.value_key` (the one normaliser), so
«ملی و استانی», «ملی‌واستانی» and «ملي و استاني» are one word.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
from sqlalchemy import insert, select

from analytics.validation import enum_lookup
from core.clock import as_utc, jalali_datetime, utcnow
from core.schema import INDICATORS, PROJECTS, Column
from core.vocabulary import ENUM_COLUMNS, LABEL_PREFIX, value_key
from i18n import has_key, t
from store.accounts import User, writer_name
from store.db import Store
from store.errors import KeyedError
from store.models import vocabulary

__all__ = ["Word", "VocabularyError", "add_word", "list_words", "words_frame",
           "words_for_import", "value_label"]


class VocabularyError(KeyedError):
    """A word that cannot be stored."""


@dataclass(frozen=True)
class Word:
    id: int
    column: str
    word: str
    value: str
    created_by: str
    created_at: object  # aware UTC

    @property
    def created_at_jalali(self) -> str:
        return jalali_datetime(self.created_at)


def _schema_column(column: str) -> Column:
    for schema in (PROJECTS, INDICATORS):
        if column in schema.names:
            return schema.column(column)
    raise KeyError(column)


def value_label(column: str, value: str, lang: str = "fa") -> str:
    """The catalogue label of a schema value («ترکیبی» for ``funding_source``/``mixed``)."""
    key = LABEL_PREFIX.get(column, "") + value
    return t(key, lang) if has_key(key) else value


def _word(row) -> Word:
    return Word(int(row.id), row.column_name, row.word, row.value, row.created_by,
                as_utc(row.created_at))


def list_words(store: Store, column: str | None = None) -> list[Word]:
    """The stored words (of ``column``, or all), oldest first."""
    query = select(vocabulary).order_by(vocabulary.c.id)
    if column is not None:
        query = query.where(vocabulary.c.column_name == column)
    with store.read() as conn:
        return [_word(r) for r in conn.execute(query).all()]


def words_frame(store: Store, lang: str = "fa") -> pd.DataFrame:
    columns = ["column", "word", "value", "value_label", "created_by", "created_at_jalali"]
    return pd.DataFrame([[w.column, w.word, w.value, value_label(w.column, w.value, lang),
                          w.created_by, w.created_at_jalali] for w in list_words(store)],
                        columns=columns)


def words_for_import(store: Store) -> dict[str, dict[str, str]]:
    """column → {word: value}: the ``vocabulary`` of :func:`validate_table`."""
    out: dict[str, dict[str, str]] = {}
    for w in list_words(store):
        out.setdefault(w.column, {})[w.word] = w.value
    return out


def add_word(store: Store, column: str, word: str, value: str,
             by: User | str | None) -> Word:
    """Store that ``word`` means ``value`` in ``column`` (see the module docstring).

    ``PermissionError`` for a user who may not write; :class:`VocabularyError` for an
    unknown column or value, an empty word, a built-in word or one already stored."""
    writer = writer_name(by)
    if column not in ENUM_COLUMNS:
        raise VocabularyError("vocabulary.error.column", column=str(column),
                              columns="، ".join(ENUM_COLUMNS))
    allowed = ENUM_COLUMNS[column]
    if value not in allowed:
        raise VocabularyError("vocabulary.error.value", value=str(value),
                              allowed="، ".join(allowed))
    word = " ".join(str(word or "").split())
    key = value_key(word)
    if not key:
        raise VocabularyError("vocabulary.error.empty")
    builtin = enum_lookup(_schema_column(column)).get(key)
    if builtin is not None:
        raise VocabularyError("vocabulary.error.builtin", word=word,
                              label_fa=value_label(column, builtin, "fa"),
                              label_en=value_label(column, builtin, "en"))
    with store.write() as (conn, _current):
        taken = conn.execute(select(vocabulary).where(
            vocabulary.c.column_name == column, vocabulary.c.word_key == key)).first()
        if taken is not None:
            raise VocabularyError("vocabulary.error.stored", word=word, by=taken.created_by,
                                  label_fa=value_label(column, taken.value, "fa"),
                                  label_en=value_label(column, taken.value, "en"))
        new_id = conn.execute(insert(vocabulary).values(
            column_name=column, word_key=key, word=word, value=value, created_by=writer,
            created_at=utcnow())).inserted_primary_key[0]
        store.audit(conn, writer, "vocabulary_add", None,
                    {"id": new_id, "column": column, "word": word, "value": value})
    return next(w for w in list_words(store, column) if w.id == int(new_id))
