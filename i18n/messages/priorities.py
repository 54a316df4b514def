"""Priorities (issue 15): project scores within each county, picks, robustness, recorded
shortlists, the shortlist scenario and the policy guardrails on scenarios."""

MESSAGES = {
    # -- guardrails (analytics/scenario/guardrails.py)
    "guardrail.centre": (
        "این سناریو در مرکز استان ({county}) {n} پروژه می‌افزاید یا بزرگ می‌کند "
        "({budget} میلیارد ریال): سهم مرکز از اعتبار استان از {share_before}٪ به "
        "{share_after}٪ و بخش میان‌گروهی تایل (مرکز در برابر دیگر شهرستان‌ها) از "
        "{theil_before} به {theil_after} می‌رسد — طرح بزرگ تازه در مرکز عدم توازن و "
        "مهاجرت را بازمی‌گرداند.",
        "This scenario adds or enlarges {n} project(s) in the province centre ({county}), "
        "{budget} billion rials: the centre's share of the province budget goes from "
        "{share_before}% to {share_after}% and Theil's between-group part (centre against "
        "the other counties) from {theil_before} to {theil_after} — new big projects in the "
        "centre bring imbalance and migration back."),
    "guardrail.magnet": (
        "این سناریو {jobs} شغل صنعتی به {county} می‌افزاید که مهاجرپذیر است و بیکاری‌اش "
        "بالاتر از استان ({province}٪) است: نرخ بیکاری مدل‌شده آن از {rate_before}٪ به "
        "{rate_after}٪ می‌رسد. راه پیشنهادی: توسعه دانش‌بنیان و فناورانه و آموزش مهارت در "
        "کنار صنعت، یا فرض استخدام محلی.",
        "This scenario adds {jobs} industrial jobs in {county}, a migrant-receiving county "
        "with unemployment above the province ({province}%): its modelled unemployment rate "
        "goes from {rate_before}% to {rate_after}%. The stated answer: knowledge-based and "
        "technology development and skills training beside industry, or assumed local hiring."),
    "guardrail.heading": ("هشدار سیاستی", "Policy warning"),
}
MESSAGES.update({
    "shortlist.error.county": ("شهرستان «{county}» شناخته نیست.", "Unknown county «{county}»."),
    "shortlist.error.no_reason": ("دلیل تصمیم را بنویسید.", "Write the reason for the decision."),
    "shortlist.error.no_project": ("دست‌کم یک پروژه را برگزینید.", "Choose at least one project."),
    "shortlist.error.not_in_county": (
        "این پروژه‌ها از پروژه‌های این شهرستان در داده کنونی نیستند: {ids}",
        "These are not projects of this county in the current data: {ids}"),
})
MESSAGES.update({
    "priorities.method.weighted_sum": ("جمع وزنی", "Weighted sum"),
    "priorities.method.topsis": ("تاپسیس", "TOPSIS"),
    "priorities.flips": ("⚠ فهرست کوتاه ناپایدار", "⚠ shortlist flips easily"),
    "priorities.cli.header": ("روش: {method} — برگزیده در هر شهرستان: {picks} — تعداد قرعه: {draws}",
                              "Method: {method} — picks per county: {picks} — draws: {draws}"),
    "priorities.cli.weights": ("وزن‌ها: {weights}", "Weights: {weights}"),
    "priorities.cli.stable": ("فهرست کوتاه در {share}٪ قرعه‌ها بی‌تغییر",
                              "shortlist unchanged in {share}% of draws"),
})
MESSAGES.update({
    "shortlist.col.county": ("شهرستان", "County"),
    "shortlist.col.projects": ("پروژه‌های برگزیده", "Chosen projects"),
    "shortlist.col.reason": ("دلیل", "Reason"),
    "shortlist.col.by": ("تصمیم‌گیرنده", "Decided by"),
    "shortlist.col.when": ("زمان", "When"),
    "shortlist.col.project_id": ("شناسه", "Id"),
    "shortlist.col.title": ("عنوان پروژه", "Project"),
    "shortlist.col.sector": ("بخش", "Sector"),
    "shortlist.col.status": ("وضعیت", "Status"),
    "shortlist.col.budget": ("اعتبار (میلیارد ریال)", "Budget (bn rials)"),
    "shortlist.col.jobs": ("اشتغال مورد انتظار", "Expected jobs"),
    "shortlist.col.progress": ("پیشرفت فیزیکی (٪)", "Physical progress (%)"),
    "shortlist.deck_title": ("فهرست کوتاه پروژه‌های پیشران هر شهرستان",
                             "The shortlist of each county's driver projects"),
    "shortlist.brief_title": ("فهرست کوتاه پروژه‌های پیشران {county}",
                              "{county}: shortlisted driver projects"),
    "shortlist.decision": ("تصمیم: {reason} — {by}، {when}", "Decision: {reason} — {by}, {when}"),
})
MESSAGES.update({
    "shortlist.page_heading": ("فهرست کوتاه ثبت‌شده", "Recorded shortlist"),
    "shortlist.none": ("هنوز فهرست کوتاهی برای این شهرستان ثبت نشده است.",
                       "No shortlist has been recorded for this county yet."),
    "shortlist.none_any": ("هنوز فهرست کوتاهی ثبت نشده است.", "No shortlist has been recorded yet."),
    "shortlist.all_heading": ("فهرست کوتاه شهرستان‌ها ({n} شهرستان ثبت‌شده)",
                              "Counties' shortlists ({n} recorded)"),
    "shortlist.open_priorities": ("رفتن به صفحه اولویت‌ها", "Open the Priorities page"),
})
