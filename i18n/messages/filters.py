"""The shared filter and URL state."""

from i18n.messages.glossary import GLOSSARY

MESSAGES = {
    "filter.title": ("پالایش پروژه‌ها", "Filter projects"),
    "filter.counties": ("شهرستان‌ها", "Counties"),
    "filter.sectors": ("بخش‌ها", "Sectors"),
    "filter.statuses": ("وضعیت‌ها", "Statuses"),
    "filter.funding": GLOSSARY["glossary.funding_source"],
    "filter.years": ("بازه سال (شمسی)", "Year range (Jalali)"),
    "filter.provenance": ("منشأ داده", "Provenance"),
    "filter.provenance.all": ("همه", "All"),
    "filter.provenance.sourced": ("فقط گزارش‌شده (منبع‌دار)", "Reported only (sourced)"),
    "filter.provenance.sample": ("فقط نمونه", "Sample only"),
    "filter.text": ("جست‌وجو", "Search"),
    "url.rejected": ("پارامتر «{param}» پیوند نامعتبر بود و مقدار پیش‌فرض به کار رفت.",
                     "The link parameter '{param}' was invalid; the default was used."),
}
