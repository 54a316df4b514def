"""Briefing-grade output (issue 16): stand-alone chart files, finding titles of the deck's
slides, the county and constituency briefs."""

MESSAGES = {
    # the source line of a stand-alone chart file or a slide
    "quality.source.default": (
        "منبع: مرکز آمار ایران (سرشماری‌های ۱۳۹۰ و ۱۳۹۵)، ثبت پروژه‌های پیشران؛ داشبورد پیشران",
        "Source: Statistical Centre of Iran (1390 and 1395 censuses), driver-project "
        "registry; Pishran dashboard"),
    "quality.source.projects": (
        "منبع: ثبت پروژه‌های پیشران (بیشتر پروژه‌ها نمونه‌اند)، جمعیت سرشماری ۱۳۹۵",
        "Source: driver-project registry (most projects are sample), 1395 census population"),
    "quality.source.census": (
        "منبع: مرکز آمار ایران، سرشماری ۱۳۹۵؛ مرز شهرستان‌ها © OpenStreetMap contributors",
        "Source: Statistical Centre of Iran, 1395 census; boundaries © OpenStreetMap "
        "contributors"),
    "quality.source.labour": (
        "منبع: مرکز آمار ایران، سرشماری ۱۳۹۵ (بیکاری)؛ خالص مهاجرت برآورد است",
        "Source: Statistical Centre of Iran, 1395 census (unemployment); net migration is "
        "an estimate"),
    "quality.source.scenario": (
        "منبع: سناریوی «{name}» روی داده‌های جاری داشبورد پیشران",
        "Source: scenario “{name}” on the Pishran dashboard's current data"),
    "quality.sample_note": (
        "✱ نمونه یا برآورد است، نه رقم رسمی",
        "✱ sample or estimate, not an official figure"),
    "quality.estimates_note": (
        "✱ {n} از {total} مقدار برآورد یا نمونه است، نه رقم رسمی",
        "✱ {n} of {total} values are estimates or samples, not official figures"),
}
