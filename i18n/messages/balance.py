"""Balance page and the balance measures (names and one-line plain readings)."""

MESSAGES = {
    # page
    "balance.title": ("توازن توزیع میان شهرستان‌ها", "Balance across counties"),
    "balance.intro": (
        "هر شاخص می‌سنجد سهم شهرستان‌ها از X چقدر با سهمشان از جمعیت فاصله دارد. "
        "«وزن جمعیتی» یعنی هر نفر یک واحد است؛ «هر شهرستان یک واحد» یعنی شهرستان کوچک و بزرگ هم‌وزن‌اند.",
        "Each measure tells how far the counties' shares of X are from their shares of "
        "population. 'Population-weighted' counts every person once; 'each county one unit' "
        "weighs small and large counties alike."),
    "balance.x": ("چه چیزی توزیع می‌شود؟ (X)", "What is distributed? (X)"),
    "balance.measures_heading": ("شاخص‌های توازن: {x}", "Balance measures: {x}"),
    "balance.col.measure": ("شاخص", "Measure"),
    "balance.col.value": ("مقدار", "Value"),
    "balance.col.reading": ("به زبان ساده", "In plain words"),
    "balance.col.weighted": ("وزن", "Weighting"),
    "balance.col.coverage": ("پوشش", "Coverage"),
    "balance.weighted.yes": ("وزن جمعیتی", "population-weighted"),
    "balance.weighted.no": ("هر شهرستان یک واحد", "each county one unit"),
    "balance.coverage": ("{n} از {total} شهرستان", "{n} of {total} counties"),
    "balance.dropped": ("کنار گذاشته‌شده (بدون جمعیت یا {x}): {names}",
                        "Left out (no population or {x}): {names}"),
    "balance.all_covered": ("همه {n} شهرستان در محاسبه آمده‌اند.",
                            "All {n} counties are included."),
    # need alignment covers only the counties with their own unemployment rate
    "balance.need_left_out": (
        "همسویی با نیاز بر {n} شهرستان از {total} شهرستان است؛ بیرون مانده: {names}.",
        "Alignment with need covers {n} of {total} counties; left out: {names}."),
    "balance.need_group_reason": (
        "{mark} نرخ بیکاری این شهرستان‌ها تنها رقم {group} است، نه رقم خودشان؛ پس در همسویی با "
        "نیاز شمرده نشده‌اند.",
        "{mark} these counties' unemployment rate is only the figure of {group}, not their own, "
        "so need alignment leaves them out."),
    "balance.no_x": ("در این گزینش هیچ مقداری از «{x}» نیست؛ شاخص‌های توازن محاسبه‌پذیر نیستند.",
                     "The selection holds no '{x}'; the balance measures cannot be computed."),
    "balance.sample_projects": (
        "✱ {sample} پروژه از {n} پروژه این گزینش نمونه است ({share} بودجه)؛ شاخص‌های پروژه‌ای "
        "این صفحه نمایشی‌اند، نه رقم واقعی.",
        "✱ {sample} of the {n} projects in this selection are sample ({share} of the budget); "
        "the project-based measures on this page are illustrative, not real figures."),
    "balance.lorenz_heading": ("منحنی لورنز", "Lorenz curve"),
    "balance.lorenz_note": (
        "شهرستان‌ها از کمترین تا بیشترین {x} سرانه چیده شده‌اند؛ هرچه منحنی از قطر دورتر، توزیع نابرابرتر.",
        "Counties are ordered from the lowest to the highest {x} per person; the further the "
        "curve from the diagonal, the more unequal the distribution."),
    "balance.theil_heading": ("تجزیه شاخص تایل", "Theil decomposition"),
    "balance.grouping": ("گروه‌بندی شهرستان‌ها", "Grouping of counties"),
    "balance.grouping.centre": ("مرکز استان در برابر سایر", "Centre vs the rest"),
    "balance.grouping.ring": ("حلقه کلان‌شهری در برابر سایر", "Metropolitan ring vs the rest"),
    "balance.ring": ("شهرستان‌های حلقه کلان‌شهری", "Counties of the metropolitan ring"),
    "balance.ring_help": ("پیش‌فرض: اصفهان و شهرستان‌های پیوسته به آن", "Default: Isfahan and the counties around it"),
    "balance.ring_empty": ("دست‌کم یک شهرستان برای حلقه برگزینید؛ گروه‌بندی مرکز/سایر به کار رفت.",
                           "Choose at least one county for the ring; centre vs rest is used."),
    "balance.group.centre": ("مرکز استان", "Centre"),
    "balance.group.rest": ("سایر شهرستان‌ها", "Other counties"),
    "balance.group.ring": ("حلقه کلان‌شهری", "Metropolitan ring"),
    "balance.group.other": ("بیرون از حلقه", "Outside the ring"),
    "balance.theil_note": (
        "شاخص تایل T برابر {total} است؛ {between} آن میان گروه‌ها و {within} درون گروه‌هاست.",
        "Theil T = {total}: {between} of it lies between the groups and {within} within them."),
    "balance.centre_heading": ("مرکز استان در برابر سایر شهرستان‌ها",
                               "The centre against the other counties"),
    # chart labels
    "balance.chart.cum_population": ("سهم تجمعی جمعیت", "Cumulative share of population"),
    "balance.chart.cum_x": ("سهم تجمعی {x}", "Cumulative share of {x}"),
    "balance.chart.equality": ("برابری کامل با جمعیت", "Equal to population"),
    "balance.chart.lorenz": ("منحنی لورنز", "Lorenz curve"),
    "balance.chart.lorenz_hover": (
        "{county}<br>تا این شهرستان: {pop} جمعیت، {x} {label}",
        "{county}<br>Up to this county: {pop} of population, {x} of {label}"),
    "balance.chart.between": ("میان گروه‌ها", "Between groups"),
    "balance.chart.within": ("درون گروه", "Within group"),
    "balance.chart.theil_axis": ("سهم از شاخص تایل", "Contribution to Theil T"),
    "balance.chart.theil_hover": ("{part}: {value} ({share} کل)", "{part}: {value} ({share} of total)"),
    "balance.chart.within_of": ("درون {group}", "Within {group}"),
    "balance.chart.share_population": ("سهم از جمعیت", "Share of population"),
    "balance.chart.share_x": ("سهم از {x}", "Share of {x}"),
    "balance.chart.share_hover": ("{group} — {series}: {value}", "{group} — {series}: {value}"),
    # measure names
    "measure_id.centre_share_x": ("سهم مرکز از X", "Centre's share of X"),
    "measure_id.centre_share_population": ("سهم مرکز از جمعیت", "Centre's share of population"),
    "measure_id.centre_ratio": ("نسبت سهم مرکز", "Centre ratio"),
    "measure_id.hoover": ("شاخص هوور", "Hoover index"),
    "measure_id.gini_weighted": ("ضریب جینی (وزن جمعیتی)", "Gini (population-weighted)"),
    "measure_id.gini_unweighted": ("ضریب جینی (بی‌وزن)", "Gini (unweighted)"),
    "measure_id.theil_t": ("شاخص تایل T", "Theil T"),
    "measure_id.theil_t_between": ("تایل T میان گروه‌ها", "Theil T between groups"),
    "measure_id.theil_t_within": ("تایل T درون گروه‌ها", "Theil T within groups"),
    "measure_id.theil_l": ("شاخص تایل L", "Theil L"),
    "measure_id.theil_l_between": ("تایل L میان گروه‌ها", "Theil L between groups"),
    "measure_id.theil_l_within": ("تایل L درون گروه‌ها", "Theil L within groups"),
    "measure_id.williamson": ("ضریب ویلیامسون", "Williamson coefficient"),
    "measure_id.cv_unweighted": ("ضریب تغییرات (بی‌وزن)", "Coefficient of variation (unweighted)"),
    "measure_id.hhi": ("شاخص هرفیندال–هیرشمن", "Herfindahl–Hirschman index"),
    "measure_id.top_bottom_ratio": ("نسبت ۲۰٪ بالا به ۲۰٪ پایین", "Top 20% / bottom 20% ratio"),
    "measure_id.range_ratio": ("نسبت بیشترین به کمترین سرانه", "Highest / lowest per-capita ratio"),
    "measure_id.range_difference": ("فاصله بیشترین و کمترین سرانه", "Highest − lowest per capita"),
    "measure_id.need_alignment": ("همسویی با نیاز (بیکاری)", "Alignment with need (unemployment)"),
    # plain readings
    "balance.reading.centre_share_population": (
        "مرکز استان {pop} جمعیت استان را دارد", "The centre holds {pop} of the province's population"),
    "balance.reading.centre_ratio": (
        "سهم مرکز از {x} {value} برابر سهمش از جمعیت است؛ ۱ یعنی متناسب با جمعیت",
        "The centre's share of {x} is {value} times its share of population; 1 = proportional"),
    "balance.reading.hoover": (
        "برای توزیعی متناسب با جمعیت باید {pct} از {x} میان شهرستان‌ها جابه‌جا شود",
        "{pct} of {x} would have to move between counties to match population"),
    "balance.reading.gini_weighted": (
        "{value} — ۰ یعنی توزیع کاملاً برابر با جمعیت، ۱ یعنی همه در یک شهرستان",
        "{value} — 0 means exactly in proportion to population, 1 means all in one county"),
    "balance.reading.gini_unweighted": (
        "{value} — همان جینی بر پایه {x} سرانه، با هر شهرستان یک واحد",
        "{value} — the same Gini on {x} per person, each county counted once"),
    "balance.reading.theil_t": (
        "{value} — ۰ یعنی برابر با جمعیت؛ {between} آن میان گروه‌ها، {within} درون گروه‌ها",
        "{value} — 0 means equal to population; {between} between groups, {within} within"),
    "balance.reading.theil_between": (
        "{share} کل نابرابری میان {groups} است", "{share} of all inequality lies between {groups}"),
    "balance.reading.theil_within": (
        "{share} کل نابرابری درون گروه‌هاست", "{share} of all inequality lies within the groups"),
    "balance.reading.theil_l": (
        "{value} — مانند تایل T ولی حساس‌تر به شهرستان‌هایی که سهم کمی گرفته‌اند",
        "{value} — like Theil T but more sensitive to counties that received little"),
    "balance.reading.williamson": (
        "{value} — پراکندگی {x} سرانه با وزن جمعیت؛ ۰ یعنی سرانه همه یکسان",
        "{value} — spread of {x} per person, population-weighted; 0 = same everywhere"),
    "balance.reading.cv_unweighted": (
        "{value} — پراکندگی {x} سرانه، هر شهرستان یک واحد",
        "{value} — spread of {x} per person, each county counted once"),
    "balance.reading.hhi": (
        "{value} — تمرکز {x}؛ تقسیم مساوی میان {n} شهرستان = {equal}، همه در یک شهرستان = ۱",
        "{value} — concentration of {x}; an equal split over {n} counties = {equal}, all in one = 1"),
    "balance.reading.top_bottom_ratio": (
        "{x} سرانه ۲۰٪ جمعیتِ برخوردارتر {value} برابر ۲۰٪ کم‌برخوردارتر است",
        "{x} per person of the best-served 20% of people is {value} times that of the least-served 20%"),
    "balance.reading.range_ratio": (
        "سرانه {max_name} ({max}) {value} برابر سرانه {min_name} ({min}) است؛ واحد: {unit}",
        "{max_name} ({max}) has {value} times the per-person amount of {min_name} ({min}); unit: {unit}"),
    "balance.reading.range_difference": (
        "فاصله بیشترین و کمترین سرانه: {diff} {unit} (میانگین استان {mean})",
        "Highest minus lowest per person: {diff} {unit} (province mean {mean})"),
    "balance.reading.need_alignment": (
        "{value} — همبستگی رتبه‌ای {x} سرانه با نرخ بیکاری؛ مثبت یعنی سهم بیشتر به شهرستان‌های "
        "پربیکارتر رسیده، منفی یعنی برعکس",
        "{value} — rank correlation of {x} per person with unemployment; positive = more went "
        "where unemployment is higher, negative = the opposite"),
    "balance.groups.centre": ("مرکز و سایر شهرستان‌ها", "the centre and the rest"),
    "balance.groups.ring": ("حلقه کلان‌شهری و بیرون آن", "the metropolitan ring and the rest"),
    # per-capita units of each X
    "balance.unit.budget_total": ("میلیون ریال برای هر نفر", "million rials per person"),
    "balance.unit.completed_budget": ("میلیون ریال برای هر نفر", "million rials per person"),
    "balance.unit.jobs_total": ("شغل در هر هزار نفر", "jobs per 1,000 people"),
    "balance.unit.n_projects": ("پروژه در هر صد هزار نفر", "projects per 100,000 people"),
}
