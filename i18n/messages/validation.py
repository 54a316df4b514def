"""Messages of loading and validation (rules are stable ids: ``rule.<id>``, one namespace
with the scenario rules of :mod:`i18n.messages.scenario`)."""

MESSAGES = {
    "validation.problem": (
        "پرونده «{file}»، ردیف {row}، ستون «{column}»، مقدار «{value}»: {rule}",
        "file '{file}', row {row}, column '{column}', value '{value}': {rule}",
    ),
    "rule.missing_column": ("ستون لازم وجود ندارد", "required column is missing"),
    "rule.required": ("مقدار لازم است و خالی مانده", "a value is required"),
    "rule.not_number": ("عدد نیست", "not a number"),
    "rule.not_integer": ("عدد صحیح نیست", "not a whole number"),
    "rule.below_minimum": ("کمتر از حداقل مجاز {minimum}", "below the minimum {minimum}"),
    "rule.above_maximum": ("بیشتر از حداکثر مجاز {maximum}", "above the maximum {maximum}"),
    "rule.not_allowed": ("مقدار مجاز نیست؛ مقادیر مجاز: {allowed}",
                         "not an allowed value; allowed: {allowed}"),
    "validation.did_you_mean": ("؛ آیا منظور «{label}» بود؟", "; did you mean '{label}'?"),
    "rule.not_bool": ("باید بله/خیر (true/false) باشد", "must be yes/no (true/false)"),
    "rule.duplicate": ("تکراری است", "duplicate value"),
    "rule.unknown_county": ("شهرستان ناشناخته؛ نزدیک‌ترین نام‌ها: {suggestions}",
                            "unknown county; closest names: {suggestions}"),
    "rule.bad_code": ("کد نامعتبر", "invalid code"),
    "rule.date_format": ("تاریخ شمسی با قالب ۱۴۰۴/۰۸/۲۸ نیست",
                         "not a Jalali date in the form 1404/08/28"),
    "rule.date_month": ("ماه تاریخ شمسی باید بین ۱ و ۱۲ باشد", "Jalali month must be 1–12"),
    "rule.date_day": ("روز در این ماه وجود ندارد ({detail})", "no such day in this month ({detail})"),
    "rule.date_year": ("سال تاریخ شمسی خارج از بازه است", "Jalali year out of range"),
    "rule.end_before_start": ("تاریخ پایان پیش از تاریخ شروع است", "end date is before start date"),
    "rule.unreadable_file": ("پرونده خوانده نشد: {detail}", "the file could not be read: {detail}"),
    "rule.empty_table": ("جدول خالی است", "the table is empty"),
}
