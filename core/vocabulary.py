"""The office vocabulary: the words people write for the schema's enumerated values.

One table, keyed by the stable ids of :mod:`core.schema` (``status``, ``sector``,
``funding_source``, ``quality``): for each id, the words a governor's office, an
agency or an English speaker commonly writes for it.  The catalogue's own labels
(``status.completed`` → «تکمیل‌شده» / "Completed") are added by the validator
(:func:`analytics.validation.enum_lookup`, which sits above :mod:`i18n`); this module
holds only what the catalogue does not say.

Every word is compared through :func:`value_key` — the one normaliser's form
(:func:`core.text.normalise_text`: Arabic ي/ك, Persian/Arabic digits, kashida,
diacritics…), case-folded, without spaces, ZWNJ, hyphens, underscores and dots — so
«تکمیل شده», «تکمیل‌شده», «تكميل‌شده» and "Completed" meet whatever way they are typed.

:func:`check_vocabulary` proves the table is sound (every id exists, no word names two
values of one column); the tests run it.
"""

from __future__ import annotations

import re

from core.schema import FUNDING_SOURCES, QUALITIES, SECTORS, STATUSES
from core.text import normalise_text

__all__ = ["ENUM_COLUMNS", "LABEL_PREFIX", "SYNONYMS", "check_vocabulary", "value_key"]

#: Enumerated column → its allowed ids (the same tuples as :mod:`core.schema`).
ENUM_COLUMNS: dict[str, tuple[str, ...]] = {
    "status": STATUSES,
    "sector": SECTORS,
    "funding_source": FUNDING_SOURCES,
    "quality": QUALITIES,
}

#: Enumerated column → the catalogue prefix of its labels (``status.completed`` …).
LABEL_PREFIX: dict[str, str] = {"sector": "sector.", "status": "status.",
                                "funding_source": "funding.", "quality": "quality."}

#: column → id → words (beside the id itself and the catalogue's fa/en labels).
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "status": {
        "defined": ("تعریف شده", "تعریف", "تعریف‌شده", "مصوب", "مصوب شده", "ابلاغ شده",
                    "در دست تعریف", "جدید", "new", "planned", "approved"),
        "study": ("مطالعاتی", "در مطالعه", "در دست مطالعه", "در حال مطالعه", "مطالعه",
                  "مطالعات", "مرحله مطالعه", "مرحله مطالعات", "امکان سنجی", "در حال امکان سنجی",
                  "طراحی", "در حال طراحی", "studies", "feasibility", "design", "study phase"),
        "in_progress": ("در حال اجرا", "در دست اجرا", "اجرایی", "در حال ساخت", "در دست ساخت",
                        "اجرا", "فعال", "عملیات اجرایی", "در حال احداث", "ongoing",
                        "in progress", "in-progress", "under construction", "active",
                        "running", "implementation"),
        "stalled": ("متوقف", "متوقف شده", "راکد", "معطل", "تعطیل", "تعطیل شده", "stopped",
                    "on hold", "suspended", "halted"),
        "completed": ("تکمیل شده", "تکمیل", "تکمیل شد", "تکمیل گردید", "تمام شده", "اتمام", "پایان یافته", "خاتمه یافته",
                      "بهره برداری شده", "به بهره برداری رسیده", "به بهره برداری رسید", "افتتاح شده", "done",
                      "complete", "finished", "operational"),
        "cancelled": ("لغو شده", "لغو", "منتفی", "منتفی شده", "حذف شده", "canceled",
                      "dropped", "abandoned"),
    },
    "sector": {
        "industry": ("صنعتی", "صنایع", "صنعت", "تولیدی", "industrial", "manufacturing"),
        "mining": ("معدنی", "معادن", "صنایع معدنی", "mines", "minerals"),
        "agriculture": ("کشاورزی", "جهاد کشاورزی", "دامپروری", "باغبانی", "شیلات",
                        "agricultural", "agri", "farming"),
        "tourism": ("گردشگری", "توریسم", "میراث فرهنگی و گردشگری", "گردشگری و میراث فرهنگی",
                    "میراث فرهنگی", "tourist"),
        "knowledge_tech": ("دانش بنیان", "دانش‌بنیان", "فناوری", "فن آوری", "فناوری اطلاعات",
                           "فناوری و نوآوری", "نوآوری", "پارک علم و فناوری",
                           "knowledge based", "knowledge-based", "technology", "tech", "ict",
                           "it", "innovation"),
        "transport": ("حمل و نقل", "حمل‌ونقل", "حمل و نقل و ترابری", "ترابری", "راه",
                      "راه و شهرسازی", "راهسازی", "ریلی", "راه آهن", "فرودگاه",
                      "transportation", "roads", "rail", "railway"),
        "water": ("آب", "منابع آب", "آب و فاضلاب", "آبرسانی", "آبخیزداری", "سد",
                  "water supply", "water resources"),
        "energy": ("انرژی", "برق", "نیرو", "نیروگاه", "انرژی تجدیدپذیر", "انرژی های تجدیدپذیر",
                   "نفت و گاز", "گاز", "power", "electricity", "renewables", "renewable energy"),
        "skills": ("آموزش فنی و حرفه ای", "فنی و حرفه ای", "مهارت", "مهارت آموزی",
                   "آموزش مهارت", "هنرستان", "آموزش و مهارت", "vocational", "skills training",
                   "training", "tvet"),
        "health": ("سلامت", "بهداشت", "بهداشت و درمان", "درمان", "بیمارستان", "healthcare",
                   "medical"),
        "trade_logistics_sez": ("بازرگانی", "تجارت", "تجاری", "لجستیک", "لجستیکی",
                                "منطقه ویژه", "منطقه ویژه اقتصادی", "منطقه آزاد",
                                "تجارت و لجستیک", "خدمات بازرگانی", "trade", "commerce",
                                "logistics", "sez", "special economic zone"),
        "international": ("بین المللی", "همکاری بین المللی", "همکاری های بین المللی",
                          "خارجی", "foreign", "international"),
    },
    "funding_source": {
        "national": ("ملی", "اعتبارات ملی", "اعتبار ملی", "منابع ملی", "national budget"),
        "provincial": ("استانی", "اعتبارات استانی", "اعتبار استانی", "منابع استانی",
                       "province", "provincial budget"),
        "private": ("خصوصی", "بخش خصوصی", "سرمایه گذار خصوصی", "سرمایه گذاری خصوصی",
                    "سرمایه گذار", "private sector", "investor"),
        "mixed": ("ترکیبی", "مشترک", "مختلط", "مشارکتی", "مشارکت عمومی خصوصی",
                  "دولتی و خصوصی", "joint", "ppp", "public private", "mixed funding"),
    },
    "quality": {
        "sourced": ("منبع دار", "رسمی", "official", "reported"),
        "derived": ("محاسبه شده", "مشتق", "computed"),
        "group": ("گروهی", "group value"),
        "estimate": ("برآورد", "برآوردی", "تخمین", "تخمینی", "estimated"),
        "sample": ("نمونه", "ساختگی", "sample data"),
    },
}

_KEY_STRIP = re.compile(r"[\s\u200c\-_.]+")


def value_key(text: object) -> str:
    """The comparison form of an enumerated cell (see the module docstring)."""
    return _KEY_STRIP.sub("", normalise_text(text).casefold())


def check_vocabulary(extra: dict[str, dict[str, tuple[str, ...]]] | None = None) -> list[str]:
    """What is wrong with :data:`SYNONYMS` (plus ``extra`` words, e.g. the catalogue's
    labels): unknown columns or ids, and words whose key names two values of one column.
    An empty list means the table is sound."""
    errors: list[str] = []
    tables = [SYNONYMS] + ([extra] if extra else [])
    for column in {c for table in tables for c in table}:
        if column not in ENUM_COLUMNS:
            errors.append(f"unknown column {column!r}")
            continue
        seen: dict[str, str] = {value_key(v): v for v in ENUM_COLUMNS[column]}
        for table in tables:
            for value, words in table.get(column, {}).items():
                if value not in ENUM_COLUMNS[column]:
                    errors.append(f"{column}: unknown value {value!r}")
                    continue
                for word in words:
                    key = value_key(word)
                    if not key:
                        errors.append(f"{column}.{value}: empty word {word!r}")
                    elif seen.setdefault(key, value) != value:
                        errors.append(f"{column}: {word!r} names both {seen[key]!r} and "
                                      f"{value!r}")
    return sorted(set(errors))
