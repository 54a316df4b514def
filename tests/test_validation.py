import pandas as pd
import pytest

from analytics.validation import DataValidationError, problems_frame, validate_table
from core.counties import CountyResolver
from core.schema import PROJECTS
from store.loading import load_dataset


@pytest.fixture
def resolver(tiny_counties):
    return CountyResolver(tiny_counties)


def raw_projects(**changes) -> pd.DataFrame:
    row = {
        "project_id": "p1", "county_code": "لنجان", "title_fa": "هنرستان", "sector": "skills",
        "status": "در حال اجرا", "physical_progress_pct": "۴۵٪", "financial_progress_pct": "30",
        "budget_billion_rials": "۱٬۲۵۰", "funding_source": "mixed", "expected_jobs": "٤٠",
        "planned_start": "۱۴۰۳/۰۲/۰۱", "planned_end": "1405-6-31", "is_sample": "بله",
    }
    row.update(changes)
    return pd.DataFrame([row])


def test_tolerant_coercion(resolver):
    clean, problems = validate_table(raw_projects(), PROJECTS, "x.csv", resolver=resolver)
    assert problems == []
    row = clean.iloc[0]
    assert row["county_code"] == "lenjan" and row["status"] == "in_progress"
    assert row["physical_progress_pct"] == 45 and row["budget_billion_rials"] == 1250
    assert row["expected_jobs"] == 40 and bool(row["is_sample"]) is True
    assert row["planned_start"] == "1403/02/01" and row["planned_end"] == "1405/06/31"


@pytest.mark.parametrize("column,value,rule", [
    ("planned_start", "1404/13/40", "date_month"),
    ("planned_end", "1404/12/30", "date_day"),
    ("county_code", "تهران", "unknown_county"),
    ("status", "done-ish", "not_allowed"),
    ("budget_billion_rials", "-5", "below_minimum"),
    ("physical_progress_pct", "140", "above_maximum"),
    ("expected_jobs", "12.5", "not_integer"),
    ("expected_jobs", "many", "not_number"),
    ("is_sample", "maybe", "not_bool"),
    ("title_fa", "", "required"),
])
def test_each_rule_names_file_row_column_value(resolver, column, value, rule):
    _, problems = validate_table(raw_projects(**{column: value}), PROJECTS, "gov.xlsx",
                                 resolver=resolver, sheet="Sheet1")
    assert [p.rule for p in problems] == [rule]
    p = problems[0]
    assert (p.file, p.sheet, p.row, p.column) == ("gov.xlsx", "Sheet1", 2, column)
    fa, en = p.message("fa"), p.message("en")
    assert "gov.xlsx" in fa and column in fa and "ردیف ۲" in fa
    assert "row 2" in en and column in en and (value in en or value == "")


def test_unknown_county_suggests_names(resolver):
    _, problems = validate_table(raw_projects(county_code="لنجن"), PROJECTS, "f.csv",
                                 resolver=resolver)
    assert "لنجان" in problems[0].message("fa")


def test_all_problems_are_collected(resolver):
    raw = pd.concat([raw_projects(), raw_projects(project_id="p1", status="?", planned_end="1403/01/01")],
                    ignore_index=True)
    raw = raw.drop(columns=["sector"])
    _, problems = validate_table(raw, PROJECTS, "f.csv", resolver=resolver)
    rules = sorted(p.rule for p in problems)
    assert rules == ["duplicate", "duplicate", "end_before_start", "missing_column", "not_allowed"]
    frame = problems_frame(problems, "en")
    assert list(frame.columns) == ["file", "sheet", "row", "column", "value", "rule", "message"]
    assert frame.loc[frame["rule"] == "not_allowed", "row"].item() == 3


def test_loading_never_half_succeeds(tmp_path):
    src = load_dataset()
    for name in ("counties", "indicators", "projects", "places"):
        getattr(src, name).to_csv(tmp_path / f"{name}.csv", index=False)
    assert len(load_dataset(tmp_path).projects) == len(src.projects)
    broken = pd.read_csv(tmp_path / "projects.csv", dtype=str)
    broken.loc[3, "planned_end"] = "1404/13/40"
    broken.loc[7, "county_code"] = "Atlantis"
    broken.to_csv(tmp_path / "projects.csv", index=False)
    with pytest.raises(DataValidationError) as err:
        load_dataset(tmp_path)
    found = {(p.file, p.row, p.column) for p in err.value.problems}
    assert found == {("projects.csv", 5, "planned_end"), ("projects.csv", 9, "county_code")}


def test_all_blank_optional_columns_are_fine(resolver):
    raw = raw_projects(financial_progress_pct=None, actual_start=None)
    clean, problems = validate_table(raw, PROJECTS, "f.csv", resolver=resolver)
    assert problems == []
    assert clean["financial_progress_pct"].isna().all() and clean["actual_start"].isna().all()


def test_problem_messages_put_every_number_in_the_readers_digits():
    """Rule parameters that are numbers or number-shaped text (a size "12.3", a limit
    "200,000", a count 5000) are in Persian digits in Persian and unchanged in English —
    no sentence mixes the two kinds of digits."""
    from analytics.validation import Problem

    cases = [("file_too_large", {"size": "12.3", "limit": 10}, "۱۲٫۳", "۱۰", "12.3"),
             ("too_many_rows", {"limit": "200,000"}, "۲۰۰٬۰۰۰", "۲۰۰٬۰۰۰", "200,000"),
             ("text_too_long", {"limit": 5000}, "۵۰۰۰", "۵۰۰۰", "5000"),
             ("many_removed", {"removed": 5, "before": 40}, "۵", "۴۰", "5 of the 40")]
    for rule, params, fa_a, fa_b, en in cases:
        problem = Problem("p.xlsx", 3, "budget", "x", rule, params)
        fa = problem.message("fa")
        assert fa_a in fa and fa_b in fa and not any(d in fa.split("«")[0] for d in "0123456789")
        assert en in problem.message("en")
