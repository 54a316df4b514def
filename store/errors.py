"""One error type for a refused store write whose message lives in the catalogue.

A round, a person or seat, or an office word that cannot be stored raises a subclass of
:class:`KeyedError`: ``key`` is the catalogue key and ``params`` fill it, so the Data page
and the command line word the same refusal in the reader's language (:meth:`message`).
Problems in a file being imported use :class:`core.problems.Problem` instead (they name a
file, row and column).
"""

from __future__ import annotations

from i18n import t

__all__ = ["KeyedError"]


class KeyedError(ValueError):
    """A refused write; ``key``/``params``: the catalogue message."""

    def __init__(self, key: str, **params: object):
        self.key, self.params = key, params
        super().__init__(key)

    def message(self, lang: str = "fa") -> str:
        return t(self.key, lang, **self.params)
