"""Column headers → schema column names (Persian or English, common synonyms).

Every schema column is recognised by its own name, its catalogue labels
(``store.col.<table>.<column>`` in fa and en — the template's headers) and the
synonyms below.  Matching compares :func:`header_key` forms: normalised with the one
Persian normaliser, case-folded, without spaces, ZWNJ, ``_ - . : * #`` and quotes, so
«نام‌شهرستان», «نام شهرستان» and "Name_Shahrestan"-style variants of the same
spelling meet.  Units in parentheses are part of the header on purpose: «بودجه
(میلیون تومان)» is *not* taken for «بودجه (میلیارد ریال)».
"""

from __future__ import annotations

import re
from functools import cache

from core.schema import INDICATORS, PROJECTS, TableSchema
from core.text import normalise_text
from i18n import catalogue

__all__ = ["SYNONYMS", "EXTRA_SYNONYMS", "KIND_SCHEMAS", "header_key", "lookup", "canonical_header",
           "detect_kind", "label"]

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
                     "عنوان فارسی", "title", "project title", "title fa", "name"),
        "title_en": ("عنوان انگلیسی", "نام انگلیسی", "title en", "english title"),
        "sector": ("بخش", "بخش اقتصادی", "حوزه", "حوزه فعالیت", "sector"),
        "agency_fa": ("دستگاه اجرایی", "دستگاه", "دستگاه مجری", "مجری", "agency",
                      "executing agency"),
        "status": ("وضعیت", "وضعیت پروژه", "وضعیت طرح", "status", "project status"),
        "physical_progress_pct": ("پیشرفت فیزیکی", "پیشرفت فیزیکی (درصد)", "پیشرفت فیزیکی (%)",
                                  "پیشرفت فیزیکی %", "درصد پیشرفت فیزیکی", "پیشرفت",
                                  "physical progress", "physical progress (%)",
                                  "physical progress %", "physical %", "progress"),
        "financial_progress_pct": ("پیشرفت مالی", "پیشرفت مالی (درصد)", "پیشرفت مالی (%)",
                                   "پیشرفت مالی %", "درصد پیشرفت مالی", "financial progress",
                                   "financial progress (%)", "financial progress %",
                                   "financial %"),
        "budget_billion_rials": ("بودجه (میلیارد ریال)", "اعتبار (میلیارد ریال)",
                                 "بودجه میلیارد ریال", "اعتبار میلیارد ریال",
                                 "مبلغ (میلیارد ریال)", "budget (billion rials)",
                                 "budget billion rials", "budget (bn rials)"),
        "funding_source": ("منبع اعتبار", "منبع تامین اعتبار", "منبع تأمین اعتبار",
                           "نوع اعتبار", "منبع تامین مالی", "funding", "funding source",
                           "source of funds"),
        "expected_jobs": ("اشتغال", "اشتغال پیش بینی شده", "اشتغال پیش‌بینی‌شده",
                          "اشتغال پیش‌بینی‌شده (نفر)", "اشتغال (نفر)", "اشتغالزایی",
                          "اشتغال‌زایی", "تعداد اشتغال", "jobs", "expected jobs"),
        "planned_start": ("تاریخ شروع", "شروع", "تاریخ شروع برنامه ای", "تاریخ شروع برنامه‌ای",
                          "شروع برنامه ریزی شده", "planned start", "start date", "start"),
        "planned_end": ("تاریخ پایان", "پایان", "تاریخ پایان برنامه ای", "تاریخ پایان برنامه‌ای",
                        "تاریخ خاتمه", "planned end", "end date", "end"),
        "actual_start": ("تاریخ شروع واقعی", "شروع واقعی", "actual start"),
        "actual_end": ("تاریخ پایان واقعی", "پایان واقعی", "تاریخ بهره برداری",
                       "تاریخ بهره‌برداری", "actual end"),
        "last_followup": ("آخرین پیگیری", "تاریخ آخرین پیگیری", "تاریخ پیگیری",
                          "last followup", "last follow-up", "last follow up"),
        "followup_officer": ("مسئول پیگیری", "کارشناس پیگیری", "پیگیری کننده",
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
    for col in schema.columns:
        names = [col.name, label(kind, col.name, "fa"), label(kind, col.name, "en"),
                 *SYNONYMS[kind].get(col.name, ())]
        for name in names:
            out.setdefault(header_key(name), col.name)
    return out


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
