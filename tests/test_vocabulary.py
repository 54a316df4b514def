"""The office vocabulary: Persian labels and office words in enumerated columns, office
headings, an optional sample column, unknown words reported in the reader's language —
and a registry file written the way a governor's office writes it imports cleanly."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from analytics.validation import allowed_text, enum_value, validate_table
from core.schema import INDICATORS, PROJECTS
from core.vocabulary import ENUM_COLUMNS, LABEL_PREFIX, SYNONYMS, check_vocabulary, value_key
from i18n import catalogue
from store import open_store
from store.headers import canonical_header
from store.importing import import_file
from store.reading import read_table_file

ROOT = Path(__file__).resolve().parent.parent


def test_the_vocabulary_is_sound_with_the_catalogue_labels():
    labels = {column: {value: catalogue()[LABEL_PREFIX[column] + value]
                       for value in values if LABEL_PREFIX[column] + value in catalogue()}
              for column, values in ENUM_COLUMNS.items()}
    assert check_vocabulary() == []
    assert check_vocabulary(labels) == []
    assert set(SYNONYMS) <= set(ENUM_COLUMNS)


@pytest.mark.parametrize("column,words,value", [
    ("status", ["مطالعاتی", "در مطالعه", "study", "Study"], "study"),
    ("status", ["تکمیل شده", "تکمیل‌شده", "تکمیل  شده", "تكميل شده", "Completed", "completed"], "completed"),
    ("status", ["تعریف شده", "تعریف‌شده", "defined"], "defined"),
    ("status", ["در حال اجرا", "درحال اجرا", "در دست اجرا"], "in_progress"),
    ("sector", ["دانش‌بنیان", "دانش بنیان", "دانش‌بنیان و فناوری", "knowledge_tech"],
     "knowledge_tech"),
    ("sector", ["آموزش فنی و حرفه‌ای", "آموزش فنی و حرفه ای", "آموزش فني و حرفه‌اي"], "skills"),
    ("sector", ["بازرگانی", "بازرگاني", "تجارت، لجستیک و منطقه ویژه"], "trade_logistics_sez"),
    ("funding_source", ["مشترک", "مشترك", "ترکیبی", "Mixed"], "mixed"),
    ("funding_source", ["ملی", "ملي", "national"], "national"),
])
def test_office_words_name_schema_values(column, words, value):
    col = PROJECTS.column(column)
    for word in words:
        assert enum_value(col, word) == value, word


def test_value_key_ignores_zwnj_spaces_arabic_letters_and_digits():
    assert value_key("تکمیل شده") == value_key("تکمیل‌شده") == value_key("تكميل‌شده")
    assert value_key("فاز ۲") == value_key("فاز ٢") == value_key("فاز 2")


@pytest.mark.parametrize("heading,column", [
    ("اشتغال مستقیم", "expected_jobs"),
    ("پیشرفت ریالی", "financial_progress_pct"),
    ("پیشرفت مالی", "financial_progress_pct"),
    ("اعتبار مصوب", "budget_billion_rials"),
    ("اعتبار مصوب (میلیارد ریال)", "budget_billion_rials"),
    ("دستگاه اجرایی", "agency_fa"),
    ("دستگاه اجرايي", "agency_fa"),
    ("منبع تأمین اعتبار", "funding_source"),
    ("پایان برنامه", "planned_end"),
])
def test_office_headings(heading, column):
    assert canonical_header(heading, "projects") == column


def test_a_budget_in_another_unit_is_not_taken_for_billion_rials():
    assert canonical_header("اعتبار مصوب (میلیون تومان)", "projects") is None


def _raw(**changes) -> pd.DataFrame:
    row = {"project_id": "p1", "county_code": "لنجان", "title_fa": "طرح", "sector": "صنعت",
           "status": "در حال اجرا", "physical_progress_pct": "10", "budget_billion_rials": "5",
           "funding_source": "ملی", "expected_jobs": "3", "is_sample": "خیر"}
    row.update(changes)
    return pd.DataFrame([row])


def test_an_unknown_word_is_reported_in_the_readers_language_with_the_nearest_value():
    from core.counties import CountyResolver
    from store.loading import load_dataset

    resolver = CountyResolver(load_dataset().counties)
    _, problems = validate_table(_raw(status="تکمیلل شده"), PROJECTS, "gov.xlsx",
                                 resolver=resolver, sheet="برگه۱")
    problem, = problems
    assert (problem.rule, problem.row, problem.column, problem.value) == (
        "not_allowed", 2, "status", "تکمیلل شده")
    fa, en = problem.message("fa"), problem.message("en")
    assert "gov.xlsx" in fa and "ردیف ۲" in fa and "status" in fa
    assert allowed_text(PROJECTS.column("status"), "fa") in fa
    assert "آیا منظور «تکمیل‌شده» بود؟" in fa
    assert "in_progress" not in fa and "cancelled" not in fa  # no English codes for fa
    assert "Completed" in en and "did you mean 'Completed'?" in en and "row 2" in en
    # nothing close: the allowed values, no guess
    _, problems = validate_table(_raw(funding_source="xyz"), PROJECTS, "gov.xlsx",
                                 resolver=resolver)
    assert "آیا منظور" not in problems[0].message("fa")
    assert "ملی، استانی، خصوصی، ترکیبی" in problems[0].message("fa")


def test_is_sample_is_optional_in_a_file():
    sheet, = read_table_file("شناسه پروژه,وضعیت\np1,متوقف\n".encode(), "x.csv",
                             kind="projects")
    assert sheet.frame["is_sample"].tolist() == ["false"]
    text = "شهرستان,شاخص,سال,مقدار,منبع,کیفیت داده\nکاشان,x,1400,1,a,برآورد\nکاشان,y,1400,2,a,منبع‌دار\n"
    sheet, = read_table_file(text.encode(), "i.csv", kind="indicators")
    assert sheet.frame["is_sample"].tolist() == ["true", "false"]
    _, problems = validate_table(sheet.frame, INDICATORS, "i.csv")
    assert problems == []


# --- a registry as a governor's office writes it ---------------------------------------------

OFFICE_HEADERS = ["کد طرح", "شهرستان", "عنوان طرح", "بخش", "دستگاه اجرایی", "وضعیت",
                  "پیشرفت فیزیکی", "پیشرفت ریالی", "اعتبار مصوب", "منبع تامین اعتبار",
                  "اشتغال مستقیم", "تاریخ شروع", "تاریخ پایان"]
OFFICE_ROWS = [
    ["lenjan-91", "لنجان", "شهرک فناوری ذوب‌آهن", "دانش‌بنیان", "پارک علم و فناوری",
     "مطالعاتی", "۰", "۰", "۱٬۲۰۰", "مشترک", "۸۰", "۱۴۰۴/۰۲/۰۱", "۱۴۰۶/۱۲/۲۹"],
    ["lenjan-92", "لنجان", "مرکز آموزش مهارت فولاد", "آموزش فنی و حرفه‌ای",
     "اداره کل آموزش فنی و حرفه‌ای", "تکمیل شده", "۱۰۰", "۹۵", "۳۰۰", "استانی", "۲۵",
     "۱۴۰۱/۰۱/۱۵", "۱۴۰۳/۰۶/۳۱"],
    ["lenjan-93", "لنجان", "بازارچه محصولات فولادی", "بازرگاني", "سازمان صمت",
     "تعریف شده", "0", "", "۵۰", "خصوصي", "۴۰", "", ""],
    ["lenjan-94", "لنجان", "خط انتقال آب صنعتی", "آب", "شرکت آب منطقه‌ای", "تکمیل‌شده",
     "١٠٠", "١٠٠", "٢٬٥٠٠", "ملی", "۱۲", "۱۳۹۹/۰۷/۰۱", "۱۴۰۲/۱۲/۲۹"],
    ["lenjan-95", "لنجان", "احیای گردشگری زاینده‌رود", "گردشگری", "میراث فرهنگی",
     "در حال اجرا", "۳۵٫۵", "۲۰", "۸۰۰", "ترکیبی", "۶۰", "۱۴۰۳/۰۱/۱۰", "۱۴۰۵/۱۲/۲۹"],
]


def office_workbook() -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "طرح‌های پیشران"
    ws.sheet_view.rightToLeft = True
    ws.append(["فهرست پروژه‌های پیشران شهرستان لنجان"])  # a title block above the headers
    ws.append([])
    ws.append(OFFICE_HEADERS)
    for row in OFFICE_ROWS:
        ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


@pytest.fixture
def office_store(tmp_path, monkeypatch):
    monkeypatch.setenv("PISHRAN_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("PISHRAN_AUTH_STATE", str(tmp_path / "failures.json"))
    monkeypatch.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{tmp_path / 'default.db'}")
    store = open_store(f"sqlite:///{tmp_path / 'store.db'}", data_directory=ROOT / "data")
    store.ensure_seeded()
    yield store
    store.close()


def test_an_office_registry_imports_with_no_problems(office_store):
    result = import_file(office_store, office_workbook(), "لنجان.xlsx", None, "tester")
    assert result.ok, [p.message("fa") for p in result.problems]
    assert result.problems == []
    assert not [w for w in result.warnings if w.rule == "unknown_column"]
    projects = office_store.current_dataset().projects.set_index("project_id")
    got = projects.loc[[r[0] for r in OFFICE_ROWS],
                       ["county_code", "sector", "status", "funding_source", "is_sample"]]
    assert got.to_dict("index") == {
        "lenjan-91": {"county_code": "lenjan", "sector": "knowledge_tech", "status": "study",
                      "funding_source": "mixed", "is_sample": False},
        "lenjan-92": {"county_code": "lenjan", "sector": "skills", "status": "completed",
                      "funding_source": "provincial", "is_sample": False},
        "lenjan-93": {"county_code": "lenjan", "sector": "trade_logistics_sez",
                      "status": "defined", "funding_source": "private", "is_sample": False},
        "lenjan-94": {"county_code": "lenjan", "sector": "water", "status": "completed",
                      "funding_source": "national", "is_sample": False},
        "lenjan-95": {"county_code": "lenjan", "sector": "tourism", "status": "in_progress",
                      "funding_source": "mixed", "is_sample": False},
    }
    row = projects.loc["lenjan-92"]
    assert (row["budget_billion_rials"], row["expected_jobs"], row["financial_progress_pct"],
            row["agency_fa"]) == (300, 25, 95, "اداره کل آموزش فنی و حرفه‌ای")
    assert projects.at["lenjan-94", "budget_billion_rials"] == 2500
    assert projects.at["lenjan-95", "physical_progress_pct"] == 35.5
    assert projects.at["lenjan-91", "planned_end"] == "1406/12/29"


def test_an_unknown_office_word_refuses_the_file_naming_row_and_column(office_store):
    rows = [list(r) for r in OFFICE_ROWS]
    rows[1][5] = "تکمیل‌شدده"
    workbook = Workbook()
    ws = workbook.active
    ws.append(OFFICE_HEADERS)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    workbook.save(out)
    before = office_store.current_version_id()
    result = import_file(office_store, out.getvalue(), "لنجان.xlsx", None, "tester")
    assert not result.ok and office_store.current_version_id() == before
    problem, = result.problems
    assert (problem.row, problem.column, problem.params.get("cell")) == (3, "وضعیت", "F3")
    message = problem.message("fa")
    assert "لنجان.xlsx" in message and "ردیف ۳" in message and "«وضعیت»" in message
    assert "آیا منظور «تکمیل‌شده» بود؟" in message
    assert "تعریف‌شده، در مطالعه، در حال اجرا، متوقف، تکمیل‌شده، لغوشده" in message


def test_a_callers_own_words_extend_the_vocabulary():
    """``validate_table(vocabulary=…)``: words the caller knows (e.g. stored by an editor)."""
    raw = _raw(funding_source="هیئت امنایی")
    _, problems = validate_table(raw, PROJECTS, "f.csv")
    assert [p.rule for p in problems if p.column == "funding_source"] == ["not_allowed"]
    clean, problems = validate_table(raw, PROJECTS, "f.csv",
                                     vocabulary={"funding_source": {"هیئت‌امنایی": "mixed"}})
    assert not [p for p in problems if p.column == "funding_source"]
    assert clean.at[0, "funding_source"] == "mixed"
