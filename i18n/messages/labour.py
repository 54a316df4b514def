"""Labour and migration page: quadrants, thresholds, the scatter."""

MESSAGES = {
    "labour.title": ("اشتغال و مهاجرت", "Labour and migration"),
    "labour.intro": (
        "هر نقطه یک شهرستان است: نرخ بیکاری در برابر نرخ خالص مهاجرت. دو خط آستانه (پیش‌فرض: مقدار "
        "استان) شهرستان‌ها را به چهار گروه تقسیم می‌کند. اندازه نقطه جمعیت و رنگ آن بودجه سرانه "
        "پروژه‌های پیشران است.",
        "Each point is a county: unemployment rate against net migration rate. Two threshold "
        "lines (default: the province values) split the counties into four groups. Point size "
        "is population, colour the driver-project budget per person."),
    "labour.u_threshold": ("آستانه نرخ بیکاری (٪)", "Unemployment threshold (%)"),
    "labour.m_threshold": ("آستانه نرخ خالص مهاجرت (در هزار)", "Net migration threshold (per 1,000)"),
    "labour.threshold_help": ("پیش‌فرض: مقدار استان، {value}", "Default: the province value, {value}"),
    "labour.u_threshold_help": (
        "پیش‌فرض: مقدار استان، {value} (بیکاران بر جمعیت فعال همه شهرستان‌ها؛ همان سری "
        "سرشماری ۱۳۹۵ که نرخ شهرستان‌ها از آن است)",
        "Default: the province value, {value} (unemployed over labour force of all counties; "
        "the same census 1395 series as the county rates)"),
    "labour.reset": ("بازگشت به مقدارهای استان", "Province values"),
    "labour.thresholds_note": (
        "آستانه‌ها: بیکاری {u}٪ و مهاجرت {m} در هزار {source}.",
        "Thresholds: unemployment {u}% and migration {m} per 1,000 {source}."),
    "labour.source.province": ("(مقدار استان)", "(province values)"),
    "labour.source.custom": ("(تغییر داده شده)", "(adjusted)"),
    "labour.quadrant.industrial_magnet": ("قطب صنعتی جاذب", "Industrial magnet"),
    "labour.quadrant.thriving": ("شکوفا", "Thriving"),
    "labour.quadrant.declining": ("رو به افول", "Declining"),
    "labour.quadrant.draining": ("در حال تخلیه", "Draining"),
    "labour.quadrant_desc.industrial_magnet": (
        "مهاجرپذیر با بیکاری بالا: مهاجران سریع‌تر از فرصت‌های شغلی می‌رسند",
        "In-migration with high unemployment: people arrive faster than jobs open"),
    "labour.quadrant_desc.thriving": ("مهاجرپذیر با بیکاری پایین", "In-migration with low unemployment"),
    "labour.quadrant_desc.declining": ("مهاجرفرست با بیکاری بالا", "Out-migration with high unemployment"),
    "labour.quadrant_desc.draining": (
        "مهاجرفرست با بیکاری پایین: جویندگان کار رفته‌اند",
        "Out-migration with low unemployment: job seekers have left"),
    "labour.table_heading": ("شهرستان‌های هر گروه", "Counties in each group"),
    "labour.col.group": ("گروه", "Group"),
    "labour.col.meaning": ("یعنی", "Meaning"),
    "labour.col.counties": ("شهرستان‌ها", "Counties"),
    "labour.col.n": ("تعداد", "Count"),
    "labour.magnet_note": (
        "الگوی «قطب صنعتی جاذب» در {names}: این شهرستان‌ها بیش از آستانه مهاجر می‌پذیرند و با این حال "
        "بیکاری‌شان از آستانه بیشتر است؛ صنایع بزرگ (فولاد و ذوب‌آهن) جمعیت را جذب می‌کنند، ولی "
        "شغل‌های تازه به پای مهاجران نمی‌رسد.",
        "The 'industrial magnet' pattern in {names}: these counties take in more migrants than the "
        "threshold and still have unemployment above it; big industry (steel) draws people, but new "
        "jobs do not keep up with the newcomers."),
    "labour.no_magnet": ("با این آستانه‌ها هیچ شهرستانی در گروه «قطب صنعتی جاذب» نیست.",
                         "With these thresholds no county is an 'industrial magnet'."),
    "labour.details_heading": ("جدول شهرستان‌ها", "County table"),
    "labour.col.distance": ("فاصله از خط‌ها (انحراف معیار)", "Distance from the lines (sd)"),
    "labour.missing": ("بدون داده بیکاری یا مهاجرت، گروه‌بندی‌نشده: {names}",
                       "No unemployment or migration data, not grouped: {names}"),
    "labour.group_note": (
        "{mark} {names}: نرخ بیکاری سرشماری ۱۳۹۵ تنها برای شهرستان اصفهان پیش از ۱۴۰۰ (واحد بزرگ‌تری "
        "که این شهرستان‌ها بخشی از آن بوده‌اند) منتشر شده است؛ آن رقم، رقم خود این شهرستان‌ها نیست، "
        "پس در هیچ گروهی شمرده نشده‌اند و در نمودار رسم نشده‌اند (جدول پایین رقم گروه را با {mark} "
        "نشان می‌دهد).",
        "{mark} {names}: the census 1395 unemployment rate exists only for pre-2021 Isfahan county "
        "(the larger unit they were part of); it is not their own figure, so they are counted in "
        "no group and not drawn on the chart (the table below shows the group's value with "
        "{mark})."),
    "labour.sample_note": (
        "✱ {n} نقطه از {total} نقطه بر پایه رقم نمونه یا برآورد است (نرخ مهاجرت همه شهرستان‌ها نمونه است).",
        "✱ {n} of {total} points rest on a sample or estimated figure (every county's migration rate is sample)."),
    # chart labels
    "labour.chart.colour": ("بودجه سرانه (میلیون ریال)", "Budget per person (million rials)"),
    "labour.chart.hover": (
        "{county}<br>بیکاری: {u}٪<br>خالص مهاجرت: {m} در هزار<br>جمعیت: {pop}<br>بودجه سرانه: {b} میلیون ریال<br>{quadrant}",
        "{county}<br>Unemployment: {u}%<br>Net migration: {m} per 1,000<br>Population: {pop}<br>"
        "Budget per person: {b} million rials<br>{quadrant}"),
    "labour.chart.u_line": ("بیکاری {value}٪", "unemployment {value}%"),
    # the line above the scatter naming the counties left off it (a larger unit's value)
    "labour.chart.group_left_out": ("{mark} {n} شهرستان با مقدار گروه رسم نشده‌اند: {names}",
                                    "{mark} {n} counties with a group value are not drawn: {names}"),
    "labour.chart.group_left_out_named": (
        "{mark} {n} شهرستان با مقدار گروه ({group}) رسم نشده‌اند: {names}",
        "{mark} {n} counties with a group value ({group}) are not drawn: {names}"),
    "labour.chart.m_line": ("مهاجرت {value}", "migration {value}"),
}
