"""Dataset versions: list, read, restore (functions over :class:`~store.db.Store`).

Every successful import, and every restore, is a new version: who, when (UTC; shown
in Jalali Tehran time), file name and SHA-256, row counts and a diff summary against
the previous current version (added/changed/removed project ids).  Nothing is ever
deleted: :func:`restore` makes an old version current again by writing a NEW version
that copies it, so the history keeps the versions in between.
"""

from __future__ import annotations

import pandas as pd

from store.accounts import User, writer_name
from store.db import Store, VersionInfo
from store.loading import Dataset

__all__ = ["VersionInfo", "list_versions", "dataset_at", "restore", "versions_frame"]


def list_versions(store: Store) -> list[VersionInfo]:
    """All versions, newest first (``is_current`` marks the current one)."""
    return store.list_versions()


def dataset_at(store: Store, version_id: int) -> Dataset:
    """Version ``version_id`` as imported (follow-ups not applied)."""
    return store.dataset_at(version_id)


def restore(store: Store, version_id: int, user: User | str) -> VersionInfo:
    """Make ``version_id`` current again as a new version (returns the new version).

    ``user``: a signed-in :class:`User` (must be allowed to write) or a trusted name."""
    return store.restore(version_id, writer_name(user))


def versions_frame(store: Store) -> pd.DataFrame:
    """The version history as a table for display (newest first)."""
    rows = []
    for v in store.list_versions():
        rows.append({
            "id": v.id, "current": v.is_current, "created_at_jalali": v.created_at_jalali,
            "created_at_utc": v.created_at, "created_by": v.created_by, "kind": v.kind,
            "file_name": v.file_name or "", "file_sha256": v.file_sha256 or "",
            "n_projects": v.n_projects, "n_indicators": v.n_indicators,
            "added": v.diff.get("n_added", 0), "changed": v.diff.get("n_changed", 0),
            "removed": v.diff.get("n_removed", 0), "restored_from": v.restored_from,
        })
    return pd.DataFrame(rows, columns=[
        "id", "current", "created_at_jalali", "created_at_utc", "created_by", "kind",
        "file_name", "file_sha256", "n_projects", "n_indicators", "added", "changed",
        "removed", "restored_from"])
