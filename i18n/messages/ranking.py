"""Ranking page: indicators, methods, levels, stability, delta ranking."""

MESSAGES = {
    "ranking.title": ("رتبه‌بندی توسعه‌یافتگی شهرستان‌ها", "Development ranking of counties"),
    "ranking.intro": (
        "رتبه‌بندی بر پایه شاخص‌های سرشماری و برآوردهاست، نه پروژه‌ها؛ پالایش پروژه‌ها آن را تغییر نمی‌دهد. "
        "رتبه ۱ یعنی توسعه‌یافته‌ترین.",
        "The ranking uses census indicators and estimates, not projects; the project filter "
        "does not change it. Rank 1 = most developed."),
    "ranking.indicators": ("شاخص‌ها", "Indicators"),
    "ranking.direction": ("جهت", "Direction"),
    "ranking.direction.up": ("بیشتر = توسعه‌یافته‌تر", "more = more developed"),
    "ranking.direction.down": ("بیشتر = کمتر توسعه‌یافته", "more = less developed"),
    "ranking.weight": ("وزن", "Weight"),
    "ranking.spec_heading": ("جهت و وزن هر شاخص", "Direction and weight of each indicator"),
    "ranking.need_indicator": ("دست‌کم یک شاخص برگزینید.", "Choose at least one indicator."),
    "ranking.error": (
        "رتبه‌بندی با این گزینش ممکن نیست: یا شاخصی در همه شهرستان‌ها یکسان است، یا کمتر از دو "
        "شهرستان همه شاخص‌های انتخاب‌شده را دارند.",
        "The ranking cannot be computed with this choice: an indicator is the same in every "
        "county, or fewer than two counties have every chosen indicator."),
    "ranking.indicator.unemployment_rate": ("نرخ بیکاری (٪)", "Unemployment rate (%)"),
    "ranking.indicator.literacy_rate": ("نرخ باسوادی (٪)", "Literacy rate (%)"),
    "ranking.indicator.urbanisation_rate": ("نرخ شهرنشینی (٪)", "Urbanisation rate (%)"),
    "ranking.indicator.industrial_employment_share": ("سهم اشتغال صنعتی (٪)",
                                                      "Industrial employment share (%)"),
    "ranking.indicator.net_migration_rate": ("نرخ خالص مهاجرت (در هزار)",
                                             "Net migration rate (per 1,000)"),
    "ranking.indicator.population_growth": ("رشد سالانه جمعیت (٪)", "Annual population growth (%)"),
    "ranking.method": ("روش", "Method"),
    "ranking.method.all": ("همه روش‌ها کنار هم", "All methods side by side"),
    "ranking.method.zscore_sum": ("مجموع نمره استاندارد", "Sum of z-scores"),
    "ranking.method.morris": ("شاخص موریس", "Morris index"),
    "ranking.method.hellwig": ("تاکسونومی هلویگ", "Hellwig taxonomy"),
    "ranking.method.topsis": ("تاپسیس", "TOPSIS"),
    "ranking.hellwig_note": (
        "هلویگ: فاصله هر شهرستان از «شهرستان آرمانی» بر حد C₀ = میانگین + ۲ انحراف معیار فاصله‌ها "
        "تقسیم می‌شود (F)؛ سطح‌ها با میانگین ± یک انحراف معیار جدا می‌شوند.",
        "Hellwig: each county's distance from the 'ideal county' is divided by C₀ = mean + 2 sd "
        "of the distances (F); levels are split at mean ± one sd."),
    "ranking.levels_note": (
        "سطح‌ها: امتیاز بالاتر از میانگین + یک انحراف معیار «برخوردار»، پایین‌تر از میانگین − یک انحراف "
        "معیار «محروم»، و بقیه «نیمه‌برخوردار»؛ در حالت همه روش‌ها، امتیاز میانگین روش‌ها به کار می‌رود.",
        "Levels: a score above mean + one sd is 'developed', below mean − one sd 'deprived', "
        "otherwise 'semi-developed'; with all methods the mean of the methods' scores is used."),
    "ranking.ranks_heading": ("رتبه هر شهرستان در هر روش", "Each county's rank by method"),
    "ranking.stability_heading": ("پایداری رتبه: بهترین تا بدترین رتبه در روش‌ها",
                                  "Rank stability: best to worst rank across methods"),
    "ranking.stability_note": (
        "نوار کوتاه یعنی روش‌ها درباره جای این شهرستان هم‌نظرند؛ نوار بلند یعنی رتبه به روش بستگی دارد.",
        "A short bar means the methods agree on the county's place; a long bar means its rank "
        "depends on the method."),
    "ranking.levels_heading": ("سطح توسعه", "Development level"),
    "ranking.level": ("سطح", "Level"),
    "ranking.table_heading": ("شاخص‌ها و رتبه‌ها", "Indicators and ranks"),
    "ranking.excluded_heading": ("شهرستان‌های کنار گذاشته و داده‌ای که ندارند",
                                 "Counties left out and what they lack"),
    "ranking.excluded_row": ("{county}: {missing}", "{county}: {missing}"),
    "ranking.none_excluded": ("همه {n} شهرستان همه شاخص‌های انتخاب‌شده را دارند.",
                              "All {n} counties have every chosen indicator."),
    "ranking.inputs_note": (
        "✱ {n} مقدار از {values} مقدار {ranked} شهرستان رتبه‌بندی‌شده نمونه یا برآورد است؛ رتبه‌ها "
        "نمایشی‌اند. {group} مقدار از {total} مقدار ({counties} شهرستان) رقم واحد بزرگ‌تر است ({mark}) "
        "و مانند داده نبودن کنار گذاشته شده است.",
        "✱ {n} of the {values} values of the {ranked} ranked counties are sample or estimates; the "
        "ranks are illustrative. {group} of the {total} values ({counties} counties) are a larger "
        "unit's value ({mark}) and are left out like missing values."),
    "ranking.excluded_group": ("تنها رقم واحد بزرگ‌تر: {values}",
                               "only a larger unit's value: {values}"),
    "ranking.excluded_missing": ("بدون داده: {missing}", "no data: {missing}"),
    "ranking.group_rule": (
        "{mark} رقم واحد بزرگ‌تر (مانند شهرستان اصفهان پیش از ۱۴۰۰ برای اصفهان، هرند، ورزنه، "
        "جرقویه و کوهپایه امروز) رقم خود شهرستان نیست؛ پس در رتبه‌بندی مانند داده نبودن شمرده "
        "می‌شود و این شهرستان‌ها رتبه نمی‌گیرند.",
        "{mark} A larger unit's value (e.g. pre-2021 Isfahan county for today's Isfahan, Harand, "
        "Varzaneh, Jarqavieh and Kuhpayeh) is not the county's own figure, so the ranking treats "
        "it like a missing value and these counties are not ranked."),
    "ranking.delta_heading": ("تغییر رتبه {from_year} ← {to_year}", "Rank change {from_year} → {to_year}"),
    "ranking.delta.uses": (
        "مقایسه با همه شاخص‌هایی که هر دو سرشماری می‌دهند ({names})، هر چه در بالا برگزیده شده باشد؛ "
        "روش {method}.",
        "Compared on every indicator both censuses give ({names}), whatever is chosen above; "
        "method {method}."),
    "ranking.delta.lacking": ("برای سال {year} این شاخص‌ها داده ندارند و در مقایسه نیامده‌اند: {names}.",
                              "No data for {year}, so left out of this comparison: {names}."),
    "ranking.delta.none": (
        "هیچ شاخصی در هر دو سرشماری {from_year} و {to_year} رقم سرشماری ندارد؛ مقایسه ممکن نیست.",
        "No indicator has census figures for both {from_year} and {to_year}; no comparison is "
        "possible."),
    "ranking.delta.col_from": ("رتبه {year}", "Rank {year}"),
    "ranking.delta.col_to": ("رتبه {year}", "Rank {year}"),
    "ranking.delta.col_change": ("تغییر", "Change"),
    "ranking.delta.up": ("▲ {n} پله بالاتر", "▲ up {n}"),
    "ranking.delta.down": ("▼ {n} پله پایین‌تر", "▼ down {n}"),
    "ranking.delta.same": ("بدون تغییر", "no change"),
    "ranking.delta.sample": ("✱ بخشی از داده‌های {year} {names} نمونه یا برآورد است.",
                             "✱ Some {year} data of {names} are sample or estimates."),
    # chart labels
    "ranking.chart.rank": ("رتبه", "Rank"),
    "ranking.chart.left_out": ("رتبه‌بندی نشده ({n}): {names}", "Not ranked ({n}): {names}"),
    "ranking.chart.group_reason": ("{mark} تنها رقم {group} را دارند، نه رقم خود را",
                                   "{mark} only the figure of {group}, not their own"),
    "ranking.chart.larger_unit": ("واحد بزرگ‌تری که جزو آن‌اند", "a larger unit they belong to"),
    "ranking.chart.rank_hover": ("{county} — {method}: رتبه {rank}", "{county} — {method}: rank {rank}"),
    "ranking.chart.range": ("بازه رتبه", "Rank range"),
    "ranking.chart.mean": ("میانگین رتبه", "Mean rank"),
    "ranking.chart.range_hover": ("{county}: بهترین {best}، بدترین {worst}، میانگین {mean}",
                                  "{county}: best {best}, worst {worst}, mean {mean}"),
}
