"""Overview page."""

MESSAGES = {
    "overview.status_heading": ("{n} پروژه پیشران بر پایه وضعیت", "{n} driver projects by status"),
    "overview.centre_heading": ("سهم مرکز استان در برابر سهم جمعیت",
                                "The centre's share against its share of population"),
    "overview.centre.budget_total": ("بودجه: مرکز استان", "Budget: province centre"),
    "overview.centre.jobs_total": ("اشتغال: مرکز استان", "Jobs: province centre"),
    "overview.not_started": ("شهرستان‌های بدون پروژه آغازشده", "Counties with no project started"),
    "overview.not_started_list": ("بدون پروژه آغازشده: {names}", "No project started: {names}"),
    "overview.map_heading": ("نقشه شهرستان‌ها", "County map"),
    "overview.measure": ("شاخص نقشه", "Map measure"),
    "overview.sample_count": ("✱ مقدار {n} شهرستان از {total} شهرستان نمونه یا برآورد است.",
                              "✱ {n} of {total} counties show a sample or estimated value."),
    "overview.provenance_heading": ("کدام ارقام منبع‌دار و کدام نمونه‌اند؟",
                                    "Which figures are sourced and which are sample?"),
    "overview.col.indicator": ("شاخص", "Indicator"),
    "overview.col.year": ("سال", "Year"),
    "overview.col.missing": ("بدون مقدار", "No value"),
    "overview.provenance_note": (
        "شمار مقدارهای {n} شهرستان برای هر شاخصی که داشبورد به کار می‌برد، به تفکیک منشأ، از خود "
        "داده‌ها شمرده شده است. «رقم واحد بزرگ‌تر»: شهرستان رقم گروهی را نشان می‌دهد که جزو آن است "
        "(مثلاً اصفهان پیش از ۱۴۰۰)، نه رقم خود را.",
        "Counts of the {n} counties' values for each indicator the dashboard uses, by "
        "provenance, counted from the data itself. “Value of the larger unit”: the county shows "
        "the figure of a group it belongs to (e.g. pre-2021 Isfahan), not its own."),
    "overview.provenance_all": ("همه ردیف‌های شهرستانی جدول شاخص‌ها: {counts}.",
                                "All county rows of the indicator table: {counts}."),
    "overview.projects_provenance": ("پروژه‌ها: {real} پروژه گزارش‌شده در اخبار (با منبع)، {sample} پروژه نمونه.",
                                     "Projects: {real} reported in the news (with source), {sample} sample."),
    "geo.missing": (
        "پرونده مرز شهرستان‌ها پیدا نشد؛ نقشه کاشی‌های هم‌اندازه نشان داده می‌شود. برای نقشه مرزها، "
        "مسیر پرونده را در متغیر PISHRAN_BOUNDARIES بگذارید یا فرمان «pishran boundaries fetch IR-10» "
        "را روی رایانه‌ای با اینترنت اجرا کنید.",
        "No county boundary file was found; showing the equal-tile map. For boundaries, set "
        "PISHRAN_BOUNDARIES to a file path or run `pishran boundaries fetch IR-10` on a machine "
        "with internet access."),
    "map.hover_sample": ("✱ نمونه/برآورد", "✱ sample/estimate"),
}
