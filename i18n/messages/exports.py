"""Exports: chart images, CSV/Excel tables and the briefing deck (PowerPoint)."""

from i18n.messages.glossary import GLOSSARY

MESSAGES = {
    # buttons and progress (app and CLI)
    "export.deck_pdf": ("دریافت گزارش جلسه (PDF)", "Download briefing deck (PDF)"),
    "export.progress": ("ساخت اسلاید {step} از {total}: {label}",
                        "Building slide {step} of {total}: {label}"),
    "export.done": ("پرونده ساخته شد: {path}", "Written: {path}"),
    "export.sheet": ("داده‌ها", "Data"),
    "export.no_browser": (
        "مرورگر Chromium برای ساخت تصویر پیدا نشد؛ آن را نصب کنید یا BROWSER_PATH را تنظیم کنید.",
        "No Chromium browser found for image export; install it or set BROWSER_PATH.",
    ),
    "export.no_font": (
        "قلم وزیرمتن نصب نیست؛ متن فارسی تصویرها با قلم دیگری کشیده می‌شود.",
        "The Vazirmatn font is not installed; Persian text in images falls back to another font.",
    ),
    "export.unknown_view": ("نمای ناشناخته: {view}؛ نماهای موجود: {views}",
                            "Unknown view: {view}; available: {views}"),
    # the deck
    "deck.title": ("گزارش توسعه متوازن شهرستان‌های استان اصفهان",
                   "Balanced development of the counties of Isfahan Province"),
    "deck.date": ("تاریخ: {date}", "Date: {date}"),
    "deck.scenario_line": ("سناریو: {name}", "Scenario: {name}"),
    "deck.key_figures": ("ارقام کلیدی", "Key figures"),
    "deck.col.measure": ("شاخص", "Measure"),
    "deck.col.value": ("مقدار", "Value"),
    "deck.col.unit": ("واحد", "Unit"),
    "deck.comparison": ("وضع موجود در برابر سناریو", "Baseline against scenario"),
    "deck.col.baseline": GLOSSARY["glossary.baseline"],
    "deck.col.scenario": ("سناریو", "Scenario"),
    "deck.col.change": ("تغییر", "Change"),
    "deck.sources": ("منابع و انتساب", "Sources and attribution"),
    "deck.col.figure": ("رقم", "Figure"),
    "deck.col.quality": ("وضعیت", "Status"),
    "deck.col.source": ("منبع", "Source"),
    "deck.osm": ("مرز شهرستان‌ها از OpenStreetMap، با مجوز ODbL",
                 "County boundaries from OpenStreetMap, licensed under the ODbL"),
    "deck.sample_note": ("ارقام نشان‌دار (✱) نمونه یا برآوردند و رقم رسمی نیستند.",
                         "Figures marked ✱ are samples or estimates, not official figures."),
    "deck.page": ("{n} از {total}", "{n} / {total}"),
    "deck.made_with": ("ساخته‌شده با پیشران", "Made with Pishran"),
}
