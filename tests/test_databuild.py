"""The data builder package (``scripts/databuild``): its literal files and a run on the shared facts.

The literal files beside the package (``tables.toml``, ``sample_projects.csv``) must load and use
only the enumerations of :mod:`core.schema` and the county codes of ``data/counties.csv``.  Where
the shared fact tables are present (``../shared/data`` next to the repository) the builder is run
into a temporary folder and its output is compared byte for byte with the committed ``data/``
(issue 14, point 5: the test fails when either side changes alone).
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from core.schema import FUNDING_SOURCES, QUALITIES, SECTORS, STATUSES
from scripts.databuild import cli, common, indicators, places, projects

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
CODES = set(pd.read_csv(REPO / "data" / "counties.csv", dtype=str)["code"])
OUTPUTS = ("counties.csv", "indicators.csv", "projects.csv", "places.csv")
needs_shared = pytest.mark.skipif(
    not (SHARED / "counties.csv").is_file(),
    reason=f"shared fact tables not found at {SHARED} (they live outside the repository)",
)


def test_literal_files_sit_beside_the_package():
    assert common.TABLES_FILE.parent == common.PACKAGE == common.SAMPLE_PROJECTS_FILE.parent
    assert set(common.tables()) == {"counties", "indicators", "places", "projects"}


def test_sample_projects_use_schema_enumerations_and_known_codes():
    with common.SAMPLE_PROJECTS_FILE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(v) for v in projects.SAMPLE_PROJECTS.values()) == 126
    # the builder looks up every county's samples: all 28 counties, no unknown code
    assert set(projects.SAMPLE_PROJECTS) == CODES
    for r in rows:
        assert r["sector"] in SECTORS, r
        assert r["funding_source"] in FUNDING_SOURCES, r
        assert r["agency"] in projects.AGENCY, r
        assert int(r["budget_billion_rials"]) > 0 and int(r["expected_jobs"]) > 0, r
        assert r["title_fa"].strip() and r["title_en"].strip(), r
    assert len({r["title_en"] for r in rows}) == len(rows), "sample titles (en) not unique"
    assert len({r["title_fa"] for r in rows}) == len(rows), "sample titles (fa) not unique"
    for code, items in projects.SAMPLE_PROJECTS.items():
        assert 2 <= len(items) <= 6, code


def test_real_projects_and_lookup_tables():
    for r in projects.REAL:
        assert r["county_code"] in CODES, r
        assert r["sector"] in SECTORS and r["funding_source"] in FUNDING_SOURCES, r
        assert r["agency"] in projects.AGENCY, r
        assert isinstance(r["agency_sourced"], bool), r
        assert len(r.get("progress", [0, 0])) == 2, r
    assert set(projects.REPORTED_STATUS.values()) <= set(STATUSES)
    quota_statuses = [s for s, _n in projects.SAMPLE_STATUS_QUOTAS]
    assert set(quota_statuses) <= set(STATUSES) and "in_progress" not in quota_statuses
    assert sum(n for _s, n in projects.SAMPLE_STATUS_QUOTAS) < 126
    assert len(set(projects.AGENCY.values())) == len(projects.AGENCY)
    assert len(set(places.PLACE_IDS.values())) == len(places.PLACE_IDS), "place ids not unique"
    assert projects.FIRST_NAMES and projects.SURNAMES


def test_indicator_samples_cover_known_counties():
    # read for every county by the builder
    for table in (indicators.NETMIG_SAMPLE, indicators.INDSHARE_SAMPLE):
        assert set(table) == CODES
    # read only where no sourced figure exists (never for the five units of pre-2021 Isfahan,
    # which show the pre-2021 county's figure as a GROUP value)
    assert set(indicators.LITERACY_SAMPLE) <= CODES - set(indicators.ISFAHAN_UNITS)
    for group in (indicators.NETMIG_NEGATIVE, indicators.INDSHARE_HIGH, indicators.INDSHARE_LOW,
                  indicators.ISFAHAN_UNITS):  # fmt: skip
        assert set(group) <= CODES
    for table in (indicators.NETMIG_SAMPLE, indicators.INDSHARE_SAMPLE,
                  indicators.LITERACY_SAMPLE):  # fmt: skip
        assert all(type(v) is float for v in table.values())
    assert set(common.tables()["counties"]["derived_pop"]) <= CODES
    # the census superseded these sample tables (issue 14)
    assert not {"unemployment_1395", "participation_1395", "urbanisation_1395"} & set(
        common.tables()["indicators"])


def test_group_quality_is_flagged_like_a_sample():
    assert "group" in QUALITIES
    assert common.is_sample("group") and common.is_sample("estimate")
    assert not common.is_sample("sourced") and not common.is_sample("derived")


def _check_outputs(out: Path) -> None:
    counties = pd.read_csv(out / "counties.csv", dtype={"code": str})
    ind = pd.read_csv(out / "indicators.csv", dtype={"county_code": str})
    proj = pd.read_csv(out / "projects.csv", dtype={"project_id": str})
    assert set(counties["code"]) == CODES
    assert set(ind["quality"]) <= set(QUALITIES)
    assert (ind["is_sample"] == ind["quality"].isin(["group", "estimate", "sample"])).all()
    assert proj["project_id"].is_unique
    assert set(proj["county_code"]) <= CODES
    assert set(proj["sector"]) <= set(SECTORS) and set(proj["status"]) <= set(STATUSES)
    assert set(proj["funding_source"]) <= set(FUNDING_SOURCES)
    assert (~proj["is_sample"]).sum() == len(projects.REAL)


@needs_shared
def test_rebuild_equals_committed_data(tmp_path, capsys):
    """Issue 14, point 5: ``data/`` is exactly what the builder writes from ``../shared/data``.

    Fails when the shared tables, the builder or a committed file changes alone; rebuild with
    ``.venv/bin/python -m scripts.databuild --shared ../shared/data`` and commit the result."""
    assert cli.main(["--shared", str(SHARED), "--out", str(tmp_path)]) == 0
    for name in OUTPUTS:
        built, committed = (tmp_path / name).read_bytes(), (REPO / "data" / name).read_bytes()
        assert built == committed, f"data/{name} differs from a rebuild from {SHARED}"
    _check_outputs(tmp_path)
    out = capsys.readouterr().out
    assert "projects: 137" in out
    assert "population 1395: sum of 28 = 5,120,850 vs province 5,120,850 (+0," in out


@needs_shared
def test_builder_is_deterministic(tmp_path):
    for run in ("a", "b"):
        assert cli.main(["--shared", str(SHARED), "--out", str(tmp_path / run)]) == 0
    for name in OUTPUTS:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


@needs_shared
def test_unknown_place_type_stops_the_build(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    for name in ("counties.csv", "indicators.csv", "projects_news.csv"):
        (shared / name).write_bytes((SHARED / name).read_bytes())
    with (SHARED / "places.csv").open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    rows[0] = {**rows[0], "type": "spaceport (planned)"}
    with (shared / "places.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    with pytest.raises(SystemExit, match="unknown place type spaceport"):
        cli.main(["--shared", str(shared), "--out", str(tmp_path / "out")])
    assert not (tmp_path / "out").exists()


def test_missing_shared_folder_is_reported(tmp_path, capsys):
    assert cli.main(["--shared", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "missing" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
