"""The Projects page's own Excel and CSV downloads import back with zero changes.

The bytes are built the way the page builds them (ui/pages/projects.py): the explorer
table, its display form, the ⌛ column, every column of the grid, the grid's headers,
and the page's download builders (:func:`ui.downloads.table_excel_bytes` /
:func:`ui.downloads.table_csv_bytes`).  ``today`` is late enough for every open
project to carry the ⚠ overdue mark, and every other project is marked ⌛, so the
app's decorations are all in the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analytics.project_views import explorer_table
from figures.project_charts import explorer_display
from i18n import t
from store import open_store
from store.importing import import_file
from ui import tables
from ui.downloads import table_csv_bytes, table_excel_bytes
from ui.pages.projects import DEFAULT_COLUMNS, MORE_COLUMNS

from .conftest import snapshot

ROOT = Path(__file__).resolve().parents[2]
LATE = "1499/01/01"  # every project not completed or cancelled is overdue (⚠)


def download_bytes(ds, fmt: str, lang: str = "fa") -> bytes:
    """The Projects page's download of the whole registry, as the page builds it."""
    table = explorer_table(ds.projects, ds.counties, lang, "county", today=LATE)
    shown = explorer_display(table, lang)
    frame = shown.frame.copy()
    frame.insert(1, "stale", ["⌛" if i % 2 else "" for i in range(len(frame))])
    col_config = tables.explorer_columns(lang) | {"stale": {"label": t("data_page.stale_col",
                                                                        lang)}}
    every = list(DEFAULT_COLUMNS + MORE_COLUMNS)
    headers = tables.headers(col_config)
    if fmt == "xlsx":
        return table_excel_bytes(frame[every], t("nav.projects", lang), lang, headers)
    return table_csv_bytes(frame[every], headers)


def assert_round_trip(store, fmt: str, mode: str = "merge", lang: str = "fa") -> None:
    data = download_bytes(store.current_dataset(), fmt, lang)
    if fmt == "csv":  # the decorations are really there
        text = data.decode("utf-8-sig")
        assert "⚠" in text and "⌛" in text and "✱" in text
        assert t("projects.col.provenance", lang) in text
    before = snapshot(store)
    result = import_file(store, data, f"projects.{fmt}", "projects", "tester", dry_run=True,
                         mode=mode)
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.warnings == [], [w.message("en") for w in result.warnings]
    assert (result.diff["n_added"], result.diff["n_changed"], result.diff["n_removed"]) == (
        0, 0, 0), result.diff
    assert snapshot(store) == before
    # stored for real: the new version holds the same projects, field for field
    old = store.current_dataset().projects
    result = import_file(store, data, f"projects.{fmt}", "projects", "tester", mode=mode)
    assert result.ok and result.diff["n_changed"] == 0, result.diff
    new = store.current_dataset().projects
    assert new.sort_values("project_id").reset_index(drop=True).equals(
        old.sort_values("project_id").reset_index(drop=True))


@pytest.mark.parametrize("mode", ["merge", "replace"])
@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_projects_download_imports_back_unchanged(store, fmt, mode):
    assert_round_trip(store, fmt, mode)


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_english_download_imports_back_unchanged(store, fmt):
    """The English grid holds English titles, county names and labels: its "Project"
    column is the English title, and the rows keep their Persian titles by id."""
    data = download_bytes(store.current_dataset(), fmt, "en")
    assert "Project" in (data.decode("utf-8-sig") if fmt == "csv" else "Project")
    assert_round_trip(store, fmt, "merge", "en")


def test_new_row_without_a_persian_title_is_refused_at_its_row(store):
    """A file with ids may leave the Persian title out for stored projects — not for a
    new one, and never blank it for a stored one."""
    ds = store.current_dataset()
    frame = ds.projects.drop(columns=["title_fa"]).head(2).copy()
    frame.loc[frame.index[1], "project_id"] = "NEW-01"
    result = import_file(store, frame.to_csv(index=False).encode(), "en.csv", "projects",
                         "tester", dry_run=True)
    assert [(p.row, p.column, p.rule) for p in result.problems] == [(3, "title_fa", "required")]
    blanked = ds.projects.head(2).copy()  # (a column left wholly blank is not given)
    blanked.loc[blanked.index[0], "title_fa"] = ""
    result = import_file(store, blanked.to_csv(index=False).encode(), "b.csv", "projects",
                         "tester", dry_run=True)
    assert [(p.row, p.column, p.rule) for p in result.problems] == [(2, "title_fa", "required")]


def test_one_edited_status_in_the_download_changes_that_project_only(store):
    """The control: the round trip sees a real edit (an office word, typed in the file)."""
    ds = store.current_dataset()
    text = download_bytes(ds, "csv").decode("utf-8-sig")
    lines = text.split("\r\n")
    row = next(i for i, line in enumerate(lines) if "در حال اجرا ⚠" in line)
    lines[row] = lines[row].replace("در حال اجرا ⚠", "تکمیل شده", 1)
    result = import_file(store, "\r\n".join(lines).encode("utf-8-sig"), "projects.csv",
                         "projects", "tester")
    assert result.ok, [p.message("en") for p in result.problems]
    assert result.diff["n_changed"] == 1 and result.diff["n_added"] == 0
    changed, = result.diff["changed"]
    after = store.current_dataset().projects.set_index("project_id")
    before = ds.projects.set_index("project_id")
    assert before.at[changed, "status"] == "in_progress"
    assert after.at[changed, "status"] == "completed"


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_embedded_registry_download_imports_back_unchanged(tmp_path, fmt):
    """The 137 embedded projects: real sources, partial provenance, titles with digits."""
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}", data_directory=ROOT / "data")
    try:
        store.ensure_seeded()
        assert len(store.current_dataset().projects) > 100
        assert_round_trip(store, fmt)
    finally:
        store.close()
