"""Column headers → schema column names (Persian or English, common synonyms).

Every schema column is recognised by its own name, its catalogue labels
(``store.col.<table>.<column>`` in fa and en — the template's headers) and the
synonyms below.  Matching compares :func:`header_key` forms: normalised with the one
Persian normaliser, case-folded, without spaces, ZWNJ, ``_ - . : * #`` and quotes, so
«نام‌شهرستان», «نام شهرستان» and "Name_Shahrestan"-style variants of the same
spelling meet.  Units in parentheses are part of the header on purpose: «بودجه
(میلیون تومان)» is *not* taken for «بودجه (میلیارد ریال)»; a budget header naming no
unit («اعتبار مصوب», the app's own «بودجه») means the app's unit, billion rials.
"""

from __future__ import annotations

import re
from functools import cache

from core.marks import SAMPLE_MARK
from core.schema import INDICATORS, PROJECTS, TableSchema
from core.text import normalise_text
from i18n import catalogue

__all__ = ["SYNONYMS", "EXTRA_SYNONYMS", "KIND_SCHEMAS", "APP_LABELS", "APP_DERIVED",
           "header_key", "lookup", "canonical_header", "detect_kind", "label", "is_app_derived"]

KIND_SCHEMAS: dict[str, TableSchema] = {"projects": PROJECTS, "indicators": INDICATORS}

_COUNTY = ("شهرستان", "نام شهرستان", "کد شهرستان", "شهرستان محل اجرا", "محل اجرا",
           "county", "county name", "county code", "shahrestan")
_SOURCE = ("منبع", "منبع داده", "مأخذ", "ماخذ", "source", "data source")
_SAMPLE = ("نمونه", "داده نمونه", "نمونه است", "is sample", "sample", "sample data")

SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "projects": {
        "project_id": ("شناسه", "شناسه پروژه", "کد پروژه", "کد طرح", "شناسه طرح", "id",
                       "project id", "project code"),
        "county_code": _COUNTY,
        "title_fa": ("عنوان", "عنوان پروژه", "نام پروژه", "عنوان طرح", "نام طرح",
                     "عنوان فارسی", "عنوان پروژه پیشران", "نام پروژه پیشران", "پروژه پیشران",
                     "عنوان طرح پیشران", "پروژه", "title", "project title", "title fa",
                     "name"),
        "title_en": ("عنوان انگلیسی", "نام انگلیسی", "title en", "english title"),
        "sector": ("بخش", "بخش اقتصادی", "حوزه", "حوزه فعالیت", "زمینه فعالیت", "بخش فعالیت",
                   "sector"),
        "agency_fa": ("دستگاه اجرایی", "دستگاه", "دستگاه مجری", "مجری", "دستگاه اجرایی مسئول",
                      "دستگاه اجرایی مربوط", "دستگاه متولی", "متولی", "دستگاه مسئول",
                      "نهاد مجری", "agency", "executing agency"),
        "status": ("وضعیت", "وضعیت پروژه", "وضعیت طرح", "وضعیت فعلی", "وضعیت اجرایی",
                   "آخرین وضعیت", "status", "project status"),
        "physical_progress_pct": ("پیشرفت فیزیکی", "پیشرفت فیزیکی (درصد)", "پیشرفت فیزیکی (%)",
                                  "پیشرفت فیزیکی %", "درصد پیشرفت فیزیکی", "پیشرفت",
                                  "درصد پیشرفت", "پیشرفت کار", "درصد پیشرفت کار",
                                  "physical progress", "physical progress (%)",
                                  "physical progress %", "physical %", "progress"),
        "financial_progress_pct": ("پیشرفت مالی", "پیشرفت مالی (درصد)", "پیشرفت مالی (%)",
                                   "پیشرفت مالی %", "درصد پیشرفت مالی", "پیشرفت ریالی",
                                   "پیشرفت ریالی (درصد)", "پیشرفت ریالی (%)",
                                   "پیشرفت ریالی %", "درصد پیشرفت ریالی", "پیشرفت اعتباری",
                                   "financial progress",
                                   "financial progress (%)", "financial progress %",
                                   "financial %"),
        "budget_billion_rials": ("بودجه (میلیارد ریال)", "اعتبار (میلیارد ریال)",
                                 "بودجه میلیارد ریال", "اعتبار میلیارد ریال",
                                 "مبلغ (میلیارد ریال)", "اعتبار مصوب (میلیارد ریال)",
                                 "اعتبار مصوب میلیارد ریال", "اعتبار مصوب",
                                 "اعتبار کل (میلیارد ریال)",
                                 "کل اعتبار (میلیارد ریال)", "budget (billion rials)",
                                 "approved budget (billion rials)",
                                 "budget billion rials", "budget (bn rials)"),
        "funding_source": ("منبع اعتبار", "منبع تامین اعتبار", "منبع تأمین اعتبار",
                           "نوع اعتبار", "منبع تامین مالی", "منبع تأمین مالی", "منابع مالی",
                           "محل تامین اعتبار", "محل تأمین اعتبار", "نوع منابع",
                           "منبع اعتبارات", "funding", "funding source",
                           "source of funds"),
        "expected_jobs": ("اشتغال", "اشتغال پیش بینی شده", "اشتغال پیش‌بینی‌شده",
                          "اشتغال پیش‌بینی‌شده (نفر)", "اشتغال (نفر)", "اشتغالزایی",
                          "اشتغال‌زایی", "تعداد اشتغال", "اشتغال مستقیم", "اشتغال مستقیم (نفر)",
                          "اشتغال مستقیم پیش‌بینی‌شده", "اشتغال‌زایی مستقیم",
                          "اشتغال مستقیم ایجادشده", "jobs", "expected jobs", "direct jobs"),
        "planned_start": ("تاریخ شروع", "شروع", "تاریخ شروع برنامه ای", "تاریخ شروع برنامه‌ای",
                          "شروع برنامه ریزی شده", "تاریخ آغاز", "آغاز", "زمان شروع",
                          "planned start", "start date", "start"),
        "planned_end": ("تاریخ پایان", "پایان", "تاریخ پایان برنامه ای", "تاریخ پایان برنامه‌ای",
                        "تاریخ خاتمه", "تاریخ اتمام", "زمان اتمام", "تاریخ پیش‌بینی اتمام",
                        "زمان پیش‌بینی‌شده اتمام", "planned end", "end date", "end"),
        "actual_start": ("تاریخ شروع واقعی", "شروع واقعی", "actual start"),
        "actual_end": ("تاریخ پایان واقعی", "پایان واقعی", "تاریخ بهره برداری",
                       "تاریخ بهره‌برداری", "actual end"),
        "last_followup": ("آخرین پیگیری", "تاریخ آخرین پیگیری", "تاریخ پیگیری",
                          "last followup", "last follow-up", "last follow up"),
        "followup_officer": ("مسئول پیگیری", "کارشناس پیگیری", "پیگیری کننده",
                             "کارشناس مسئول", "کارشناس مسئول پیگیری",
                             "followup officer", "follow-up officer"),
        "lat": ("عرض جغرافیایی", "عرض", "latitude", "lat"),
        "lon": ("طول جغرافیایی", "طول", "longitude", "lon", "lng"),
        "source": _SOURCE,
        "is_sample": _SAMPLE,
    },
    "indicators": {
        "county_code": _COUNTY,
        "indicator": ("شاخص", "نام شاخص", "کد شاخص", "indicator", "indicator id"),
        "year": ("سال", "سال شمسی", "year"),
        "value": ("مقدار", "مقدار شاخص", "ارزش", "value"),
        "unit": ("واحد", "واحد اندازه گیری", "unit"),
        "source": _SOURCE,
        "quality": ("کیفیت", "کیفیت داده", "نوع داده", "quality", "data quality"),
        "is_sample": _SAMPLE,
    },
}

# Extra columns of the embedded data (kept by the store beside the schema columns).
EXTRA_SYNONYMS: dict[str, tuple[str, ...]] = {
    "notes": ("توضیحات", "توضیح", "یادداشت", "ملاحظات", "note", "remarks", "comments"),
    "coord_quality": ("کیفیت مختصات", "coordinate quality"),
    "sample_fields": ("فیلدهای نمونه", "sample fields"),
    "value_text": ("مقدار متنی", "value text"),
}

# The column labels of the app's own tables (the Projects page's grid and its Excel/CSV
# downloads: ``projects.col.*``) are headers too, so a download imports back.  The grid's
# title column is headed «عنوان پروژه» / "Project" and holds the title in the reader's
# language: the Persian header names the Persian title, the English one the English title.
APP_LABELS: dict[str, tuple[str, ...]] = {
    "project_id": ("projects.col.project_id",),
    "title_fa": ("projects.col.title_fa",),
    "title_en": ("projects.col.title_en",),
    "county_code": ("projects.col.county",),
    "budget_billion_rials": ("projects.col.budget", "projects.col.budget_billion_rials"),
    **{c: (f"projects.col.{c}",) for c in (
        "sector", "agency_fa", "status", "physical_progress_pct", "financial_progress_pct",
        "funding_source", "expected_jobs", "planned_start",
        "planned_end", "actual_start", "actual_end", "last_followup", "followup_officer")},
}
_APP_FA_ONLY = {"title_fa": ("projects.col.title",)}  # «عنوان پروژه»: the Persian title
_APP_EN_ONLY = {"title_en": ("projects.col.title",)}  # "Project": the English title

#: The sample mark the app writes in its own tables (a column headed ✱, cells ✱ or blank).
#: Columns the app derives for display (never data to import): the Projects grid's
#: "no follow-up for N days" mark and the provenance label.  Catalogue keys of their headers.
APP_DERIVED = ("data_page.stale_col", "projects.col.provenance")

_STRIP = re.compile(r"[\s\u200c_\-.:*#'\"«»“”]+")
_MARKERS = re.compile(r"\((?:اختیاری|لازم|الزامی|optional|required)\)")


def header_key(text: object) -> str:
    """The comparison form of a header (see module docstring)."""
    key = normalise_text(text).casefold().replace("٪", "%").replace("أ", "ا")
    key = _MARKERS.sub("", key)
    return _STRIP.sub("", key).replace("تأ", "تا")


def label(kind: str, column: str, lang: str = "fa") -> str:
    """The template header of ``column`` in ``lang``."""
    pair = catalogue().get(f"store.col.{kind}.{column}")
    return (pair[0] if lang == "fa" else pair[1]) if pair else column


@cache
def lookup(kind: str) -> dict[str, str]:
    """``header_key`` → column name for one kind."""
    out: dict[str, str] = {}
    schema = KIND_SCHEMAS[kind]
    pairs = catalogue()
    for col in schema.columns:
        names = [col.name, label(kind, col.name, "fa"), label(kind, col.name, "en"),
                 *SYNONYMS[kind].get(col.name, ())]
        if kind == "projects":
            names += [text for key in APP_LABELS.get(col.name, ()) if key in pairs
                      for text in pairs[key]]
            names += [pairs[key][0] for key in _APP_FA_ONLY.get(col.name, ()) if key in pairs]
            names += [pairs[key][1] for key in _APP_EN_ONLY.get(col.name, ()) if key in pairs]
        if col.name == "is_sample":
            names.append(SAMPLE_MARK)
        for name in names:
            out.setdefault(header_key(name), col.name)
    return out


def is_app_derived(text: object) -> bool:
    """Whether ``text`` heads a column the app derives for display (:data:`APP_DERIVED`)."""
    key = header_key(text)
    pairs = catalogue()
    return bool(key) and any(key in {header_key(v) for v in pairs.get(k, ())}
                             for k in APP_DERIVED)


def canonical_header(text: object, kind: str | None) -> str | None:
    """The column ``text`` names in ``kind`` (any kind when ``None``), or ``None``."""
    key = header_key(text)
    if not key:
        return None
    kinds = [kind] if kind else list(KIND_SCHEMAS)
    for k in kinds:
        found = lookup(k).get(key)
        if found:
            return found
    return None


def detect_kind(headers: list[str]) -> str | None:
    """``projects`` or ``indicators``: the kind whose *own* columns the headers name
    more of (columns both have, like county and source, do not count); ``None`` on a tie."""
    own = {k: set(s.names) - set().union(*(set(o.names) for kk, o in KIND_SCHEMAS.items()
                                           if kk != k))
           for k, s in KIND_SCHEMAS.items()}
    scores = {k: len({lookup(k).get(header_key(h)) for h in headers} & own[k])
              for k in KIND_SCHEMAS}
    best = max(scores.values())
    winners = [k for k, v in scores.items() if v == best]
    return winners[0] if best > 0 and len(winners) == 1 else None
