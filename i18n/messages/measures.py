"""Panel measures (labels and units)."""

MESSAGES = {
    "measure.budget_total": ("بودجه پروژه‌های پیشران (میلیارد ریال)", "Driver-project budget (bn rials)"),
    "measure.budget_per_capita": ("بودجه سرانه (میلیون ریال به ازای هر نفر)",
                                  "Budget per capita (million rials per person)"),
    "measure.jobs_total": ("اشتغال مستقیم پیش‌بینی‌شده (نفر)", "Expected direct jobs"),
    "measure.jobs_per_1000": ("اشتغال به ازای هر هزار نفر جمعیت", "Jobs per 1,000 inhabitants"),
    "measure.jobs_per_unemployed": ("اشتغال به ازای هر بیکار", "Jobs per unemployed person"),
    "measure.n_projects": ("تعداد پروژه‌ها", "Number of projects"),
    "measure.n_started": ("پروژه‌های آغازشده", "Projects started"),
    "measure.n_overdue": ("پروژه‌های عقب‌افتاده", "Overdue projects"),
    "measure.progress_weighted": ("پیشرفت فیزیکی وزنی (٪)", "Budget-weighted physical progress (%)"),
    "measure.completed_budget": ("بودجه پروژه‌های تکمیل‌شده (میلیارد ریال)",
                                 "Budget of completed projects (bn rials)"),
    "measure.population": ("جمعیت", "Population"),
    "measure.unemployment_rate": ("نرخ بیکاری (٪)", "Unemployment rate (%)"),
    "measure.net_migration_rate": ("نرخ خالص مهاجرت (در هزار)", "Net migration rate (per 1,000)"),
    "measure.labour_force": ("جمعیت فعال", "Labour force"),
    "measure.industrial_employment_share": ("سهم اشتغال صنعتی (٪)", "Industrial employment share (%)"),
    "measure.literacy_rate": ("نرخ باسوادی (٪)", "Literacy rate (%)"),
    "measure.urbanisation_rate": ("نرخ شهرنشینی (٪)", "Urbanisation rate (%)"),
    # provenance of a county row that shows the value of a larger unit (quality "group")
    "quality.group": ("رقم واحد بزرگ‌تر", "Value of the larger unit"),
    # the mark of such a value in tables (distinct from ✱, sample or estimate)
    "measure.group_mark": ("▣", "▣"),
    "measure.group_legend": (
        "{mark} رقم واحد بزرگ‌تری است که شهرستان بخشی از آن است (مانند شهرستان اصفهان پیش از ۱۴۰۰)، "
        "نه رقم خود شهرستان",
        "{mark} the value of a larger unit the county belongs to (e.g. pre-2021 Isfahan county), "
        "not the county's own figure"),
    "measure.short.budget_total": ("بودجه", "budget"),
    "measure.short.jobs_total": ("اشتغال", "jobs"),
    "measure.short.n_projects": ("پروژه‌ها", "projects"),
    "measure.short.completed_budget": ("بودجه تکمیل‌شده", "completed budget"),
}
