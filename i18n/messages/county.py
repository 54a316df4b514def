"""County profile page."""

MESSAGES = {
    "county.pick": ("شهرستان", "County"),
    "county.title": ("شهرستان {name}", "{name} County"),
    "county.centre_badge": ("مرکز استان", "province centre"),
    "county.metric.population": ("جمعیت ({year})", "Population ({year})"),
    "county.metric.projects": ("پروژه‌های پیشران", "Driver projects"),
    "county.metric.budget": ("بودجه (میلیارد ریال)", "Budget (bn rials)"),
    "county.metric.jobs": ("اشتغال پیش‌بینی‌شده", "Expected jobs"),
    "county.metric.level": ("سطح توسعه", "Development level"),
    "county.filter_note": ("ارقام پروژه‌ها با پالایش نوار کناری حساب شده‌اند.",
                           "Project figures follow the sidebar filter."),
    "county.projects_heading": ("پروژه‌های شهرستان", "Projects of the county"),
    "county.no_projects": ("با پالایش کنونی پروژه‌ای در این شهرستان نیست.",
                           "No project of this county matches the filter."),
    "county.filter_counties_note": (
        "انتخاب شهرستان در پالایش این صفحه را محدود نمی‌کند؛ شهرستان همین صفحه ملاک است.",
        "The filter's county choice does not apply here: this page shows the county picked above."),
    "county.open_project": ("دیدن پروژه‌های این شهرستان و جزئیات هر پروژه در صفحه «پروژه‌ها»",
                            "Open these projects and their details on the Projects page"),
    "county.indicators_heading": ("شاخص‌های شهرستان در برابر استان",
                                  "The county's indicators against the province"),
    "county.col.indicator": ("شاخص", "Indicator"),
    "county.col.value": ("مقدار شهرستان", "County value"),
    "county.col.province": ("استان", "Province"),
    "county.col.year": ("سال", "Year"),
    "county.col.rank": ("رتبه (۱ = بهترین)", "Rank (1 = best)"),
    "county.col.quality": ("منشأ داده", "Provenance"),
    "county.col.source": ("منبع", "Source"),
    "county.rank_of": ("{rank} از {n}", "{rank} of {n}"),
    "county.chart_title": ("{name} در برابر استان", "{name} against the province"),
    "county.chart.province": ("استان", "Province"),
    "county.indicators_note": ("✱ مقدار نمونه یا برآورد است، نه رقم سرشماری. † رقم استان در داده نیست؛ میانگین وزنی (به جمعیت) شهرستان‌ها آمده است. رتبه در میان شهرستان‌هایی است که رقم خودشان را دارند.",
                               "✱ a sample or estimated value, not a census figure. † the data "
                               "have no province figure: the population-weighted mean of the "
                               "counties is shown. Ranks are among the counties with a figure "
                               "of their own."),
    # a county value that is a larger unit's (quality group): no rank, and who is left out
    "county.rank_group": ("{mark} بدون رتبه", "{mark} not ranked"),
    "county.profile_group": (
        "{mark} {indicators}: این رقم، رقم {group} است (واحد بزرگ‌تری که {name} بخشی از آن است)، "
        "نه رقم خود {name}؛ پس در رتبه شمرده نمی‌شود.",
        "{mark} {indicators}: this is the figure of {group} (the larger unit {name} is part of), "
        "not {name}'s own, so it is not ranked."),
    "county.profile_left_out": (
        "رتبه {indicators} در میان {n} شهرستانی است که رقم خودشان را دارند؛ {left_out} تنها رقم "
        "{group} را دارند ({mark}) و کنار گذاشته شده‌اند.",
        "The rank in {indicators} is among the {n} counties with a figure of their own; "
        "{left_out} have only the figure of {group} ({mark}) and are left out."),
    "county.ranks_heading": ("رتبه توسعه‌یافتگی", "Development rank"),
    "county.ranks_spec": ("شاخص‌ها: نرخ بیکاری (کمتر بهتر)، باسوادی، شهرنشینی، سهم اشتغال صنعتی و خالص مهاجرت (بیشتر بهتر)، با وزن برابر.",
                          "Indicators: unemployment rate (lower is better), literacy, "
                          "urbanisation, industrial employment share and net migration "
                          "(higher is better), equal weights."),
    "county.col.method": ("روش", "Method"),
    "county.col.method_rank": ("رتبه", "Rank"),
    "county.method.zscore_sum": ("مجموع نمره استاندارد (Z)", "Sum of z-scores"),
    "county.method.morris": ("شاخص موریس", "Morris index"),
    "county.method.hellwig": ("تاکسونومی هلویگ", "Hellwig taxonomy"),
    "county.method.topsis": ("تاپسیس", "TOPSIS"),
    "county.level_note": ("سطح توسعه از میانگین روش‌ها (میانگین ± یک انحراف معیار): {level}. بهترین رتبه {best}، بدترین {worst}.",
                          "Level from the consensus of the methods (mean ± one standard "
                          "deviation): {level}. Best rank {best}, worst {worst}."),
    "county.ranks_sample": ("✱ این رتبه‌ها بر مقدارهای نمونه یا برآورد تکیه دارند: {names}",
                            "✱ These ranks rest on sample or estimated values: {names}"),
    "county.excluded": ("این شهرستان رتبه نگرفت، چون این شاخص‌ها را ندارد: {names}",
                        "This county is not ranked: it lacks {names}"),
    "county.excluded_group": (
        "این شهرستان رتبه نگرفت: برای {names} تنها رقم {group} را دارد ({mark})، نه رقم خودش.",
        "This county is not ranked: for {names} it has only the figure of {group} ({mark}), "
        "not its own."),
    "county.ranks_left_out": (
        "رتبه در میان {n} شهرستان است؛ {k} شهرستان رتبه نگرفته‌اند: {names}.",
        "Ranks are among {n} counties; {k} are not ranked: {names}."),
    "county.places_heading": ("دارایی‌های توسعه شهرستان ({n})",
                              "Development assets of the county ({n})"),
    "county.no_places": ("در داده‌ها دارایی توسعه‌ای به نام این شهرستان ثبت نشده است (دارایی‌هایی "
                         "که منبع شهرستانشان را نگفته، در صفحه «نقشه» آمده‌اند).",
                         "The data record no development asset for this county (assets whose "
                         "county the source does not state are on the Map page)."),
    "county.places_town_note": ("شمار {n} دارایی در نقطه شهری نشسته که منبع نام برده (ستاره توخالی روی "
                                "نقشه)، نه در محل خود؛ دارایی‌هایی که روی نقشه استان نزدیک هم‌اند یک "
                                "دایره با عدد شمارشان‌اند (دقت هر یک در کارت آن و در جدول).",
                                "{n} asset(s) sit at the point of the town the source names "
                                "(open star on the map), not at their own site; assets close "
                                "together on the province map are one disc with their number "
                                "(each one's precision is in its card and in the table)."),
    "county.map_heading": ("جایگاه در استان", "Place in the province"),
    "county.map_note": ("شهرستان انتخاب‌شده پررنگ و با مرز نارنجی است. با بردن نشانگر روی هر شهرستان، شمار پروژه‌های آن (با پالایش کنونی) دیده می‌شود.",
                        "The chosen county is filled and outlined in orange. Hover a county "
                        "for its number of projects under the current filter."),
    "county.followups_heading": ("سابقه پیگیری پروژه‌ها ({n} گزارش)",
                                 "Follow-up history of the projects ({n} entries)"),
    "county.followups_empty": ("برای پروژه‌های این شهرستان هنوز پیگیری‌ای ثبت نشده است.",
                               "No follow-up has been recorded for this county's projects yet."),
}
