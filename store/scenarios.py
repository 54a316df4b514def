"""Named scenarios on disk and in links.

Files: one JSON file per scenario, ``<name>.json``, in the directory named by the
environment variable ``PISHRAN_SCENARIO_DIR`` (default ``<project root>/var/scenarios``,
gitignored).  JSON only — never pickle, never ``eval``.  Writes are atomic (a temporary
file in the same directory, flushed and fsynced, then ``os.replace``), so a crash or a
refused scenario never leaves a half-written file or touches other saved scenarios.
A scenario is validated before it is written and again when it is read; an invalid file
is refused with every problem listed (:class:`~analytics.scenario.ScenarioError`).  The
JSON text itself is made and read by :mod:`analytics.scenario.files`.

Names: 1–80 characters — letters (any script, e.g. Persian), digits, space, ``-``, ``_``
and ZWNJ — starting with a letter or digit; no ``.``, ``/`` or ``\\`` so a name can never
leave the directory.

Writers: saving, overwriting and deleting need a person (``by``): a signed-in
:class:`~store.accounts.User` whose account still exists (any role may save a new
scenario; an existing file may be overwritten or deleted by its author or by an editor),
or a plain name — a trusted local caller (a script; the operator has the files in hand),
treated like an editor.  ``None`` is refused (:class:`ScenarioPermissionError`, with a
catalogue key).  The author is recorded in the file (``"author"``, beside the scenario's
own fields; links never carry it).  Files written before authors were recorded have none:
only an editor may overwrite or delete them.  Reading (load, list, links) needs nobody.

Links: :func:`scenario_to_query` packs a scenario as ``z1.`` + base64url(zlib(compact
JSON)), at most :data:`MAX_QUERY_CHARS` characters; :func:`scenario_from_query` also
accepts the compact JSON itself and never raises — malformed input gives
``(None, problems)``.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import unicodedata
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from analytics.scenario import Scenario, ScenarioError, apply_scenario
from analytics.scenario.files import compact_json, file_text, loads_strict, scenario_from_text
from core.clock import jalali_datetime
from core.files import write_atomic
from core.problems import Problem
from core.settings import scenario_dir  # PISHRAN_SCENARIO_DIR
from core.text import normalise_text
from i18n import t
from store.accounts import User, list_users
from store.db import recorded_name

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_QUERY_CHARS",
    "QUERY_PREFIX",
    "ScenarioInfo",
    "ScenarioPermissionError",
    "Writer",
    "delete_scenario",
    "scenario_author",
    "scenario_writer",
    "list_scenarios",
    "load_scenario",
    "save_scenario",
    "scenario_dir",
    "scenario_from_query",
    "scenario_to_query",
    "validate_name",
]

MAX_FILE_BYTES = 512 * 1024
MAX_QUERY_CHARS = 4096
MAX_QUERY_JSON_BYTES = 64 * 1024
QUERY_PREFIX = "z1."
_NAME = re.compile(r"[^\W_][\w\- \u200c]{0,79}")


def _problem(field: str, value: object, rule: str, **params: object) -> Problem:
    return Problem.in_scenario(None, field, str(value)[:200], rule, params)


def validate_name(name: object) -> str:
    """The normalised (NFC, stripped) name, or :class:`ScenarioError` (rule ``bad_name``)."""
    if not isinstance(name, str):
        raise ScenarioError([_problem("name", name, "bad_name")])
    clean = unicodedata.normalize("NFC", name).strip()
    if not _NAME.fullmatch(clean):
        raise ScenarioError([_problem("name", name, "bad_name")])
    return clean


def _path(name: str, directory: Path | None) -> Path:
    return (directory or scenario_dir()) / f"{validate_name(name)}.json"


def _check_against(dataset: Any, scenario: Scenario) -> None:
    if dataset is not None:
        apply_scenario(dataset, scenario)  # raises ScenarioError with every problem


# --- writers ---------------------------------------------------------------------------------

class ScenarioPermissionError(PermissionError):
    """A save, overwrite or delete the writer may not make; ``key`` (with ``params``) is
    the catalogue message (:meth:`message`)."""

    def __init__(self, key: str, **params: object):
        self.key = key
        self.params = params
        super().__init__(t(key, "en", **params))

    def message(self, lang: str = "fa") -> str:
        return t(self.key, lang, **self.params)


@dataclass(frozen=True)
class Writer:
    """Who writes: the name recorded as author, and whether they may change any file."""

    name: str
    editor: bool

    def may_change(self, author: str | None) -> bool:
        """May this writer overwrite or delete a file written by ``author``?"""
        return self.editor or (author is not None and _same_name(author, self.name))


def _same_name(a: str, b: str) -> bool:
    return normalise_text(a).casefold() == normalise_text(b).casefold()


def scenario_writer(by: User | str | None) -> Writer:
    """The writer ``by`` stands for (module docstring), or
    :class:`ScenarioPermissionError` (``store.scenario.sign_in``) for nobody or an
    account that no longer exists."""
    if isinstance(by, User):
        account = next((u for u in list_users() if _same_name(u.name, by.name)), None)
        if account is None:
            raise ScenarioPermissionError("store.scenario.sign_in")
        return Writer(account.name, account.role == "editor")
    if isinstance(by, str) and by.strip():
        return Writer(recorded_name(by), True)
    raise ScenarioPermissionError("store.scenario.sign_in")


def _check_change(path: Path, name: str, writer: Writer) -> None:
    """Refuse to overwrite or delete an existing file the writer may not change."""
    if not path.is_file():
        return
    author = _author_of(path)
    if writer.may_change(author):
        return
    if author is None:
        raise ScenarioPermissionError("store.scenario.editors_only", name=name)
    raise ScenarioPermissionError("store.scenario.not_author", name=name, author=author)


def _with_author(text: str, author: str) -> str:
    data = json.loads(text)
    data["author"] = author
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def _split_author(text: str) -> tuple[str, str | None]:
    """The file's text without its ``"author"`` (for the scenario parser, which allows only
    the scenario's own fields) and the author (``None``: none recorded, or not a name)."""
    try:
        data = loads_strict(text)
    except (ValueError, RecursionError):
        return text, None  # the parser reports it
    if not isinstance(data, dict) or "author" not in data:
        return text, None
    data = dict(data)
    raw = data.pop("author")
    author = raw.strip()[:200] if isinstance(raw, str) and raw.strip() else None
    return json.dumps(data, ensure_ascii=False), author


def _author_of(path: Path) -> str | None:
    try:
        return _split_author(_read(path, "file"))[1]
    except ScenarioError:
        return None


def scenario_author(name: str, directory: Path | None = None) -> str | None:
    """The recorded author of the saved scenario ``name`` (``None``: no file, or a file
    without an author)."""
    path = _path(name, directory)
    return _author_of(path) if path.is_file() else None


def save_scenario(name: str, scenario: Scenario | dict, dataset: Any = None,
                  directory: Path | None = None, *, by: User | str | None = None) -> Path:
    """Validate and atomically write ``scenario`` as ``<name>.json``; returns the path.

    ``scenario`` may be a :class:`Scenario` or its dict.  With ``dataset`` the scenario is
    also applied to it (unknown counties or project ids are refused).  ``by`` is the
    writer (module docstring), recorded as the file's author; an existing file of the
    same name is replaced only when ``by`` may change it
    (:class:`ScenarioPermissionError` otherwise).  Nothing is written when refused.
    """
    path = _path(name, directory)
    writer = scenario_writer(by)
    if not isinstance(scenario, Scenario):
        scenario = Scenario.from_dict(scenario)
    _check_against(dataset, scenario)
    clean = validate_name(name)
    _check_change(path, clean, writer)
    return write_atomic(path, _with_author(file_text(scenario, clean), writer.name))


def _read(path: Path, field: str) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ScenarioError([_problem(field, path.name, "too_large", maximum=MAX_FILE_BYTES)])
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ScenarioError([_problem(field, path.name, "unreadable",
                                      detail=type(err).__name__)]) from None


def load_scenario(name_or_path: str | Path, dataset: Any = None, directory: Path | None = None,
                  allow_path: bool = True) -> Scenario:
    """A saved scenario by name, or (when ``allow_path``) a JSON file by path.

    A name is looked up first in the scenario directory; otherwise, with ``allow_path``,
    an existing file path is read (the CLI's ``--scenario FILE``).  Pages taking names
    from users should pass ``allow_path=False``.  Refused with :class:`ScenarioError` when
    missing, unreadable, not JSON, invalid, or (with ``dataset``) not applicable.
    """
    text_name = str(name_or_path)
    path = None
    try:
        candidate = _path(text_name, directory)
        if candidate.is_file():
            path = candidate
    except ScenarioError:
        candidate = None
    if path is None and allow_path and Path(text_name).is_file():
        path = Path(text_name)
    if path is None:
        rule = "not_found" if candidate is not None or allow_path else "bad_name"
        raise ScenarioError([_problem("name", text_name, rule)])
    scenario, problems = scenario_from_text(_split_author(_read(path, "file"))[0], "file")
    if problems:
        raise ScenarioError(problems)
    _check_against(dataset, scenario)
    return scenario


@dataclass(frozen=True)
class ScenarioInfo:
    """One saved file: ``valid`` False lists its ``problems`` (it cannot be loaded)."""

    name: str
    path: Path
    valid: bool
    description: str
    n_edits: int
    modified: str  # the file's last change, naive UTC ISO (``2026-12-07T21:45:16``)
    problems: tuple[Problem, ...] = ()
    author: str | None = None  # None: none recorded (editors only may change the file)

    @property
    def modified_jalali(self) -> str:
        """:attr:`modified` as Jalali date and Tehran time (``1405/09/16 01:15``), the
        form the app shows every stored timestamp in (:func:`core.clock.jalali_datetime`)."""
        return jalali_datetime(datetime.fromisoformat(self.modified))


def list_scenarios(directory: Path | None = None) -> list[ScenarioInfo]:
    """Every ``<name>.json`` of the directory (sorted by name), valid or not."""
    folder = directory or scenario_dir()
    if not folder.is_dir():
        return []
    out = []
    for path in sorted(folder.glob("*.json")):
        if path.name.startswith(".") or not _NAME.fullmatch(path.stem):
            continue
        modified = (datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)
                    .isoformat(timespec="seconds"))
        author = None
        try:
            text, author = _split_author(_read(path, "file"))
            scenario, problems = scenario_from_text(text, "file")
        except ScenarioError as err:
            scenario, problems = None, err.problems
        out.append(ScenarioInfo(
            name=path.stem, path=path, valid=scenario is not None,
            description=scenario.description if scenario else "",
            n_edits=len(scenario.edits) if scenario else 0, modified=modified,
            problems=tuple(problems), author=author))
    return out


def delete_scenario(name: str, directory: Path | None = None, *,
                    by: User | str | None = None) -> bool:
    """Delete ``<name>.json``; False when there was none.  Only by its author or an
    editor (:class:`ScenarioPermissionError` otherwise; module docstring)."""
    path = _path(name, directory)
    writer = scenario_writer(by)
    _check_change(path, validate_name(name), writer)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    return True


def scenario_to_query(scenario: Scenario | dict) -> str:
    """The shareable link form: ``z1.`` + base64url(zlib(compact JSON)), ≤ 4 KB."""
    if not isinstance(scenario, Scenario):
        scenario = Scenario.from_dict(scenario)
    text = compact_json(scenario)
    packed = base64.urlsafe_b64encode(zlib.compress(text.encode("utf-8"), 9))
    query = QUERY_PREFIX + packed.rstrip(b"=").decode("ascii")
    if len(query) > MAX_QUERY_CHARS:
        raise ScenarioError([_problem("scenario", f"{len(query)} characters", "too_large",
                                      maximum=MAX_QUERY_CHARS)])
    return query


def scenario_from_query(text: object) -> tuple[Scenario | None, list[Problem]]:
    """Decode :func:`scenario_to_query` output (or compact JSON); never raises."""
    if not isinstance(text, str) or not text.strip():
        return None, [_problem("link", text, "bad_encoding")]
    text = text.strip()
    if len(text) > MAX_QUERY_CHARS:
        return None, [_problem("link", f"{len(text)} characters", "too_large",
                               maximum=MAX_QUERY_CHARS)]
    if text.startswith("{"):
        return scenario_from_text(text, "link")
    if not text.startswith(QUERY_PREFIX):
        return None, [_problem("link", text[:40], "bad_encoding")]
    body = text[len(QUERY_PREFIX):]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        inflater = zlib.decompressobj()
        data = inflater.decompress(raw, MAX_QUERY_JSON_BYTES)
        if inflater.unconsumed_tail:
            return None, [_problem("link", text[:40], "too_large",
                                   maximum=MAX_QUERY_JSON_BYTES)]
        if not inflater.eof:
            raise ValueError("truncated")
        decoded = data.decode("utf-8")
    except (ValueError, binascii.Error, zlib.error, UnicodeDecodeError):
        return None, [_problem("link", text[:40], "bad_encoding")]
    return scenario_from_text(decoded, "link")
