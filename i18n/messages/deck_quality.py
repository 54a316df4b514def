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
    # the deck's slide titles: each slide's finding (briefing/findings.py)
    "finding.key_figures": (
        "{n} پروژه پیشران با {budget} میلیارد ریال بودجه؛ {started} از {counties} شهرستان "
        "پروژه آغازشده دارند",
        "{n} driver projects with {budget} billion rials of budget; {started} of {counties} "
        "counties have a project under way"),
    "finding.sources": (
        "از {total} پروژه، {real} گزارش‌شده و {sample} نمونه است؛ ارقام {mark} رسمی نیستند",
        "of {total} projects, {real} are reported and {sample} samples; figures marked "
        "{mark} are not official"),
    "finding.centre_rest": ("مرکز استان {share} {x} پیشران را با {pop} جمعیت گرفته است",
                            "The province centre has {share} of the driver {x} with {pop} of "
                            "the population"),
    "finding.map_range": ("{measure} از {low} در {low_name} تا {high} در {high_name} است",
                          "{measure} runs from {low} in {low_name} to {high} in {high_name}"),
    "finding.measure.budget_per_capita": ("بودجه سرانه پیشران", "Driver budget per head"),
    "finding.measure.unemployment_rate": ("نرخ بیکاری", "Unemployment"),
    "finding.measure.jobs_per_1000": ("اشتغال پیش‌بینی‌شده در هر هزار نفر",
                                      "Expected jobs per 1,000 people"),
    "finding.status": ("{n} از {total} پروژه پیشران هنوز آغاز نشده است",
                       "{n} of {total} driver projects have not started"),
    "finding.lorenz": ("ضریب جینی {x} پیشران به نسبت جمعیت {gini} است",
                       "The Gini coefficient of driver {x} against population is {gini}"),
    "finding.theil": ("{between} نابرابری {x} (تایل) میان مرکز و بقیه استان است",
                      "{between} of the inequality of {x} (Theil) lies between the centre "
                      "and the rest"),
    "finding.ranking": ("{best} برخوردارترین و {worst} کم‌برخوردارترین از {n} شهرستان "
                        "رتبه‌بندی‌شده است",
                        "{best} ranks most developed and {worst} least of {n} counties ranked"),
    "finding.labour": ("{n} از {total} شهرستان هم بیکاری بالاتر از استان دارند و هم "
                       "جمعیت از دست می‌دهند",
                       "{n} of {total} counties have unemployment above the province and "
                       "lose people"),
    "finding.scenario": ("با این سناریو سهم مرکز از {x} از {before} به {after} می‌رسد",
                         "With this scenario the centre's share of {x} goes from {before} "
                         "to {after}"),
    "quality.rank.best": ("{n} شهرستان برخوردارتر", "The {n} most developed"),
    "quality.rank.worst": ("{n} شهرستان کم‌برخوردارتر", "The {n} least developed"),
    "quality.rank.axis": ("میانگین رتبه در چهار روش (خط: بهترین تا بدترین رتبه) از {n}",
                          "Mean rank over four methods (line: best to worst rank) of {n}"),
    # one-page briefs (briefing/briefs.py)
    "brief.legend.chosen": ("این حوزه", "This area"),
    "brief.legend.other": ("بقیه استان", "Rest of the province"),
    "brief.col.measure": ("شاخص", "Measure"),
    "brief.col.province": ("کل استان", "Province"),
    "brief.county.title": ("{name}: بیکاری {rate} (استان {province})، {n} پروژه پیشران، "
                           "{waiting} هنوز آغاز نشده",
                           "{name}: unemployment {rate} (province {province}), {n} driver "
                           "projects, {waiting} not started"),
    "brief.county.subtitle": ("گزارش یک‌صفحه‌ای شهرستان {name}", "One-page brief: {name}"),
    "brief.seat.title": ("حوزه {seat}: {k} شهرستان، {n} پروژه پیشران، {waiting} آغازنشده، "
                         "{overdue} دیرکرد",
                         "{seat}: {k} counties, {n} driver projects, {waiting} not started, "
                         "{overdue} overdue"),
    "brief.seat.subtitle": ("گزارش نماینده مجلس — حوزه {seat}: {names}",
                            "Brief for the MP — {seat}: {names}"),
    "brief.error.seat": ("حوزه «{seat}» در جدول حوزه‌ها نیست یا شهرستانی ندارد "
                         "(pishran people seat)",
                         "Seat “{seat}” is not in the seat table or covers no county "
                         "(pishran people seat)"),
    "brief.error.county": ("شهرستان «{county}» شناخته نشد", "Unknown county “{county}”"),
    # the Scenario page's downloads (ui/pages/scenario/downloads.py)
    "scenario_dl.heading": ("دریافت سناریو، جدول‌ها و نمودارها",
                            "Download the scenario, its tables and figures"),
    "scenario_dl.file_name": ("سناریو", "scenario"),
    "scenario_dl.json": ("دریافت سناریو (JSON)", "Download the scenario (JSON)"),
    "scenario_dl.measures": ("شاخص‌های توازن: پایه، سناریو و تغییر",
                             "Balance measures: baseline, scenario and change"),
    "quality.centre_share_of": ("سهم مرکز از {x}", "Centre's share of {x}"),
    "quality.sample_note": (
        "✱ نمونه یا برآورد است، نه رقم رسمی",
        "✱ sample or estimate, not an official figure"),
    "quality.estimates_note": (
        "✱ {n} از {total} مقدار برآورد یا نمونه است، نه رقم رسمی",
        "✱ {n} of {total} values are estimates or samples, not official figures"),
}
