"""Accounts: ``users.toml`` with bcrypt hashes and roles ``viewer`` / ``editor``.

* The file (``PISHRAN_USERS_FILE``, default ``var/users.toml``, gitignored) is written
  atomically (temporary file + rename, mode 0600) under an exclusive ``flock``.
* Without any account the app is read-only: :func:`write_allowed` is false for
  everybody, because nobody can authenticate.
* Failed logins are rate limited per account name AND per client address: 5 failures
  of a name from one address within 5 minutes lock that name from that address for
  5 minutes (``LOCKOUT_*``; without an address — the command line — the name itself);
  20 failures of a name from any addresses lock the name everywhere (guessing from many
  addresses); 20 failures from one address, whatever the names, lock the address for 15
  minutes (one password sprayed across names).  So one visitor can no longer lock an
  editor out from the editor's own address.  The counters live in a small JSON file
  (``PISHRAN_AUTH_STATE``, default ``login_failures.json`` beside the users file)
  updated under ``flock``, so every process on the machine shares them.  While a name
  is locked even the right password is refused.  Unknown names are counted too and
  cost one bcrypt check, so they cannot be told apart from known ones by timing.
* The store takes writers by name; :func:`writer_name` checks a signed-in
  :class:`User`'s right to write and gives the name to record (so the store never
  imports the accounts).
* Passwords: 8 characters at least, 72 bytes at most (bcrypt's limit; longer ones are
  refused instead of being silently truncated).
* Every change — account added or removed, password set, role changed — is written to
  the store's append-only ``audit_log`` (actions :data:`ACCOUNT_ACTIONS`; who: ``by``,
  else ``os:<login name>``; the process's login name as ``os_user``; never the password
  or its hash).  The entry is inserted, the file replaced, then the transaction
  committed (a failed commit puts the old file back), so a change is never made without
  its entry: when the database cannot be written the account is left unchanged and the
  error is raised.  ``store`` defaults to :func:`~store.db.open_store` (the
  database of ``PISHRAN_DATABASE_URL``).
* A process killed between replacing the file and committing (``kill -9``, power loss)
  cannot put the old file back itself.  So before the file is replaced, a journal
  (``users.toml.pending``: a change id and the file's previous text) is written; the
  change's audit entries carry the same id (``detail["change"]``), and the journal is
  removed once the transaction has committed.  Whoever next reads or changes the
  accounts and finds a journal settles it first: the entries are in the store → the
  change stands; they are not → the previous file is put back (:func:`_settle`).
"""

from __future__ import annotations

import contextlib
import fcntl
import getpass
import json
import secrets
import time
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import bcrypt

from core.clock import utcnow
from core.files import write_atomic
from core.settings import auth_state_file, bcrypt_rounds, users_file
from core.text import normalise_text
from store.db import open_store, recorded_name

__all__ = [
    "User",
    "ROLES",
    "AccountError",
    "add_user",
    "remove_user",
    "set_password",
    "set_role",
    "account_log",
    "ACCOUNT_ACTIONS",
    "list_users",
    "authenticate",
    "lockout_remaining",
    "write_allowed",
    "writer_name",
    "has_accounts",
    "LOCKOUT_FAILURES",
    "LOCKOUT_WINDOW_S",
    "LOCKOUT_SECONDS",
    "NAME_ANY_ADDRESS_FAILURES",
    "ADDRESS_FAILURES",
    "ADDRESS_LOCKOUT_SECONDS",
    "lockout_until",
]

ROLES = ("viewer", "editor")
ACCOUNT_ACTIONS = ("user_add", "user_remove", "user_password", "user_role")
LOCKOUT_FAILURES = 5
LOCKOUT_WINDOW_S = 300.0
LOCKOUT_SECONDS = 300.0
NAME_ANY_ADDRESS_FAILURES = 20  # one name, from any addresses, within the window
ADDRESS_FAILURES = 20  # one client address, for any names, within the window
ADDRESS_LOCKOUT_SECONDS = 900.0
_SEP = "\x1f"  # name␟address in the counters file
_ADDRESS = "\x1faddress\x1f"
MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72
MAX_NAME = 64


class AccountError(ValueError):
    """Invalid account input; ``key`` is a catalogue key (``store.account.*``)."""

    def __init__(self, key: str, detail: str = ""):
        self.key = key
        self.detail = detail
        super().__init__(f"{key}{': ' + detail if detail else ''}")


@dataclass(frozen=True)
class User:
    name: str
    role: str

    @property
    def can_write(self) -> bool:
        return self.role == "editor"


def _clean_name(name: object) -> str:
    text = normalise_text(name)
    if not text or len(text) > MAX_NAME or any(ord(c) < 32 or ord(c) == 127 for c in text):
        raise AccountError("store.account.bad_name", repr(name))
    return text


def _key(name: str) -> str:
    return normalise_text(name).casefold()


@contextlib.contextmanager
def _flock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _atomic_write(path: Path, text: str) -> None:
    """Accounts and the sign-in state: replaced in one step, readable by the owner only."""
    write_atomic(path, text, mode=0o600)


def _read_users(path: Path) -> dict[str, dict]:
    if not path.exists():
        return {}
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    users = data.get("users", {})
    return {name: entry for name, entry in users.items()
            if isinstance(entry, dict) and entry.get("role") in ROLES
            and isinstance(entry.get("password_hash"), str)}


def _toml_string(value: str) -> str:
    # JSON string escapes (\" \\ \n \uXXXX …) are valid TOML basic-string escapes.
    return json.dumps(value, ensure_ascii=False)


def _write_users(path: Path, users: dict[str, dict]) -> None:
    lines = ["# Pishran accounts — written by `pishran users`; bcrypt hashes, never passwords.",
             ""]
    for name in sorted(users):
        entry = users[name]
        lines.append(f"[users.{_toml_string(name)}]")
        for field in ("role", "password_hash", "created_at"):
            if entry.get(field):
                lines.append(f"{field} = {_toml_string(str(entry[field]))}")
        lines.append("")
    _atomic_write(path, "\n".join(lines))


def _check_password(password: str) -> bytes:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AccountError("store.account.short_password")
    raw = password.encode("utf-8")
    if len(raw) > MAX_PASSWORD_BYTES:
        raise AccountError("store.account.long_password")
    return raw


# --- changes, each with its audit entry -----------------------------------------------------

def _os_user() -> str | None:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return None


def _actor(by: User | str | None) -> str:
    if isinstance(by, User):
        return by.name
    if isinstance(by, str) and by.strip():
        return by.strip()[:200]
    login = _os_user()
    return f"os:{login}" if login else "unknown"


@contextlib.contextmanager
def _audit_store(store):
    if store is not None:
        yield store
        return
    opened = open_store()
    try:
        yield opened
    finally:
        opened.close()


def _restore_file(path: Path, before: str | None) -> None:
    """Put back the file's previous text (``None``: there was no file)."""
    if before is None:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    else:
        _atomic_write(path, before)


def _journal(path: Path) -> Path:
    return path.with_name(path.name + ".pending")


def _settle(path: Path, store=None) -> None:
    """Finish a change whose process died between replacing ``path`` and committing its
    audit entries (caller holds the file lock): keep the file when the entries of the
    journal's change id are in the store, else put the previous file back; then drop the
    journal.  No journal: nothing to do."""
    journal = _journal(path)
    try:
        pending = json.loads(journal.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return
    except (OSError, ValueError) as err:  # written atomically: only damaged from outside
        raise AccountError("store.account.bad_journal", f"{journal}: {err}") from err
    with _audit_store(store) as target:
        committed = target.audit_change_recorded(str(pending.get("change", "")))
    if not committed:
        _restore_file(path, pending.get("before"))
    journal.unlink(missing_ok=True)


@contextlib.contextmanager
def _settled_lock(path: Path, store=None):
    """The file lock, with any unfinished change settled first."""
    with _flock(path):
        _settle(path, store)
        yield


def _settle_if_pending(path: Path) -> None:
    """For readers (sign-in, lists): settle an unfinished change before reading."""
    if _journal(path).exists():
        with _settled_lock(path):
            pass


def _commit(path: Path, users: dict[str, dict], events: list[tuple[str, dict]],
            by: User | str | None, store) -> None:
    """Write ``users`` with the audit entries ``events`` (caller holds the file lock):
    journal, entries, file, commit, then the journal goes (see the module docstring)."""
    actor, os_user = _actor(by), _os_user()
    # the text exactly as stored (read_text would turn CRLF line ends into LF)
    before = path.read_bytes().decode("utf-8") if path.exists() else None
    change = secrets.token_hex(8)
    journal = _journal(path)
    _atomic_write(journal, json.dumps({"change": change, "before": before},
                                      ensure_ascii=False))
    replaced = False
    with _audit_store(store) as target:
        try:
            with target.write() as (conn, _current):
                for action, detail in events:
                    target.audit(conn, actor, action, None,
                                 detail | {"os_user": os_user, "change": change})
                _write_users(path, users)
                replaced = True
        except BaseException:
            if replaced:  # the commit failed: the file goes back to what it was
                _restore_file(path, before)
            journal.unlink(missing_ok=True)
            raise
    _drop_journal(journal)


def _drop_journal(journal: Path) -> None:
    """The change is committed: its journal is no longer needed."""
    journal.unlink(missing_ok=True)


def _find(users: dict[str, dict], name: object) -> str | None:
    if not isinstance(name, str):
        return None
    return next((n for n in users if _key(n) == _key(name)), None)


def add_user(name: str, password: str, role: str = "editor", *, replace: bool = False,
             by: User | str | None = None, store=None, path: Path | None = None) -> User:
    """Create an account (or, with ``replace``, set a new password/role).

    Audit entries: ``user_add`` for a new account; when replacing, ``user_password``
    (a new hash is always written) and ``user_role`` when the role differs."""
    path = Path(path or users_file())
    clean = _clean_name(name)
    if role not in ROLES:
        raise AccountError("store.account.bad_role", role)
    hashed = bcrypt.hashpw(_check_password(password), bcrypt.gensalt(bcrypt_rounds()))
    with _settled_lock(path, store):
        users = _read_users(path)
        existing = _find(users, clean)
        if existing is not None and not replace:
            raise AccountError("store.account.exists", clean)
        events: list[tuple[str, dict]] = []
        if existing is None:
            events.append(("user_add", {"account": clean, "role": role}))
        else:
            old = users.pop(existing)
            renamed = {"previous_name": existing} if existing != clean else {}
            events.append(("user_password", {"account": clean} | renamed))
            if old["role"] != role:
                events.append(("user_role", {"account": clean, "old_role": old["role"],
                                             "new_role": role}))
        users[clean] = {"role": role, "password_hash": hashed.decode("ascii"),
                        "created_at": utcnow().isoformat(timespec="seconds") + "Z"}
        _commit(path, users, events, by, store)
    return User(clean, role)


def set_password(name: str, password: str, *, by: User | str | None = None, store=None,
                 path: Path | None = None) -> User | None:
    """A new password for an existing account (audit ``user_password``); ``None`` when
    there is no account of that name."""
    path = Path(path or users_file())
    hashed = bcrypt.hashpw(_check_password(password), bcrypt.gensalt(bcrypt_rounds()))
    with _settled_lock(path, store):
        users = _read_users(path)
        existing = _find(users, name)
        if existing is None:
            return None
        users[existing] = users[existing] | {"password_hash": hashed.decode("ascii")}
        _commit(path, users, [("user_password", {"account": existing})], by, store)
        return User(existing, users[existing]["role"])


def set_role(name: str, role: str, *, by: User | str | None = None, store=None,
             path: Path | None = None) -> User | None:
    """Change an account's role (audit ``user_role``; nothing is written when the role is
    already ``role``); ``None`` when there is no account of that name."""
    path = Path(path or users_file())
    if role not in ROLES:
        raise AccountError("store.account.bad_role", role)
    with _settled_lock(path, store):
        users = _read_users(path)
        existing = _find(users, name)
        if existing is None:
            return None
        old_role = users[existing]["role"]
        if old_role != role:
            users[existing] = users[existing] | {"role": role}
            _commit(path, users, [("user_role", {"account": existing, "old_role": old_role,
                                                 "new_role": role})], by, store)
        return User(existing, role)


def remove_user(name: str, *, by: User | str | None = None, store=None,
                path: Path | None = None) -> bool:
    """Delete an account (audit ``user_remove``); False when there was none of that name."""
    path = Path(path or users_file())
    with _settled_lock(path, store):
        users = _read_users(path)
        existing = _find(users, name)
        if existing is None:
            return False
        old = users.pop(existing)
        _commit(path, users, [("user_remove", {"account": existing, "role": old["role"]})],
                by, store)
    return True


def account_log(store, limit: int = 500):
    """The latest ``limit`` account changes (audit entries of :data:`ACCOUNT_ACTIONS`),
    newest first: a frame with ``id``, ``at`` (naive UTC), ``user_name``, ``action``,
    ``detail``."""
    return store.audit_frame(limit, actions=ACCOUNT_ACTIONS)


def list_users(*, path: Path | None = None) -> list[User]:
    """All accounts (name, role), sorted by name."""
    path = Path(path or users_file())
    _settle_if_pending(path)
    users = _read_users(path)
    return [User(name, entry["role"]) for name, entry in sorted(users.items())]


def has_accounts(*, path: Path | None = None) -> bool:
    return bool(list_users(path=path))


def write_allowed(user: User | None, *, path: Path | None = None) -> bool:
    """True only for an authenticated editor whose account still exists as an editor."""
    if not isinstance(user, User) or user.role != "editor":
        return False
    return any(_key(u.name) == _key(user.name) and u.role == "editor"
               for u in list_users(path=path))


def writer_name(user: User | str | None) -> str:
    """The name recorded for a write, after checking the right to write.

    A :class:`User` (from :func:`authenticate`) must be an editor whose account still
    exists.  A plain string is a trusted caller (the command line: the operator already
    has the database in hand) and is recorded as given (:func:`store.db.recorded_name`).
    """
    if isinstance(user, User):
        if not write_allowed(user):
            raise PermissionError(f"user {user.name!r} may not write (read-only)")
        return user.name
    return recorded_name(user)


# --- rate limiting -----------------------------------------------------------------------

@lru_cache(maxsize=1)
def _dummy_hash() -> bytes:
    return bcrypt.hashpw(b"pishran-dummy-password", bcrypt.gensalt(bcrypt_rounds()))


def _read_state(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _prune(state: dict, now: float) -> dict:
    out = {}
    for key, entry in state.items():
        if not isinstance(entry, dict):
            continue
        failures = [t for t in entry.get("failures", []) if now - t < LOCKOUT_WINDOW_S]
        locked = float(entry.get("locked_until", 0))
        if failures or locked > now:
            out[key] = {"failures": failures, "locked_until": locked}
    return out


def _keys(name: str, address: str | None) -> dict[str, tuple[int, float]]:
    """The counters one attempt touches → (failures that lock it, seconds it stays locked):
    the name from this address (the old per-name lock when there is no address), the name
    from any address (a higher bar, against guessing from many addresses) and the address
    for any name (against one password sprayed across names)."""
    keys = {_key(name) if address is None else f"{_key(name)}{_SEP}{address}":
            (LOCKOUT_FAILURES, LOCKOUT_SECONDS)}
    if address is not None:
        keys[f"{_key(name)}{_SEP}*"] = (NAME_ANY_ADDRESS_FAILURES, LOCKOUT_SECONDS)
        keys[f"{_ADDRESS}{address}"] = (ADDRESS_FAILURES, ADDRESS_LOCKOUT_SECONDS)
    return keys


def lockout_until(name: str, address: str | None = None, *, now: float | None = None,
                  path: Path | None = None) -> tuple[float, str] | None:
    """``(until, reason)`` while ``name`` may not sign in from ``address`` — ``until`` a Unix
    time, ``reason`` ``"name"`` (too many failures for this name) or ``"address"`` (too
    many failures from this client address, whatever the names) — else ``None``."""
    now = time.time() if now is None else now
    state = _read_state(Path(path or auth_state_file()))
    found = None
    for key in _keys(name, address):
        entry = state.get(key)
        until = float(entry.get("locked_until", 0)) if isinstance(entry, dict) else 0.0
        if until > now and (found is None or until > found[0]):
            found = (until, "address" if key.startswith(_ADDRESS) else "name")
    return found


def lockout_remaining(name: str, *, now: float | None = None, path: Path | None = None,
                      address: str | None = None) -> float:
    """Seconds until ``name`` may try again from ``address`` (0 when not locked)."""
    now = time.time() if now is None else now
    found = lockout_until(name, address, now=now, path=path)
    return max(0.0, found[0] - now) if found else 0.0


def _record(name: str, ok: bool, now: float, path: Path, address: str | None = None) -> None:
    with _flock(path):
        state = _prune(_read_state(path), now)
        for key, (limit, seconds) in _keys(name, address).items():
            if ok and not key.startswith(_ADDRESS):
                state.pop(key, None)  # the name's counters; the address keeps its count
                continue
            if ok:
                continue
            entry = state.setdefault(key, {"failures": [], "locked_until": 0.0})
            entry["failures"].append(now)
            if len(entry["failures"]) >= limit:
                entry["locked_until"] = now + seconds
                entry["failures"] = []
        _atomic_write(path, json.dumps(state))


def authenticate(name: str, password: str, *, now: float | None = None,
                 path: Path | None = None, state_path: Path | None = None,
                 address: str | None = None) -> User | None:
    """The account when ``password`` is right and neither the name nor the client
    ``address`` (the app passes the visitor's; the command line none) is locked, else
    ``None``."""
    now = time.time() if now is None else now
    state_path = Path(state_path or auth_state_file())
    if not isinstance(name, str) or not isinstance(password, str) or not normalise_text(name):
        return None
    address = _address(address)
    if lockout_until(name, address, now=now, path=state_path) is not None:
        return None
    path = Path(path or users_file())
    _settle_if_pending(path)
    users = _read_users(path)
    entry = next((e | {"name": n} for n, e in users.items() if _key(n) == _key(name)), None)
    raw = password.encode("utf-8")
    ok = False
    if len(raw) <= MAX_PASSWORD_BYTES:
        target = entry["password_hash"].encode("ascii") if entry else _dummy_hash()
        try:
            ok = bcrypt.checkpw(raw, target) and entry is not None
        except ValueError:
            ok = False
    _record(name, ok, now, state_path, address)
    return User(entry["name"], entry["role"]) if ok else None


def _address(address: object) -> str | None:
    """A client address as a counter key: stripped, at most 64 characters, None if blank."""
    if not isinstance(address, str):
        return None
    address = address.strip()[:64]
    return address or None
