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
    "shortlist.deck_finding": ("فهرست کوتاه {n} از {total} شهرستان ثبت شده است",
                               "{n} of {total} counties have a recorded shortlist"),
    "shortlist.deck_part": ("{title} ({part} از {parts})", "{title} ({part} of {parts})"),
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
MESSAGES.update({
    "nav.priorities": ("اولویت‌ها", "Priorities"),
    "priorities.title": ("اولویت‌بندی پروژه‌های پیشران هر شهرستان",
                         "Priorities: each county's driver projects"),
    "priorities.intro": (
        "فهرست هر شهرستان قرار است به ۲ تا ۳ پروژه کوتاه شود. این صفحه پروژه‌های هر شهرستان را "
        "با معیارهای روشن امتیاز می‌دهد، برگزیده‌ها را پیشنهاد می‌کند و می‌گوید با تغییر وزن‌ها "
        "چقدر پایدار می‌مانند. پروژه‌های تکمیل‌شده و لغوشده نامزد نیستند. تصمیم نهایی با "
        "کارشناس است و با دلیل ثبت می‌شود.",
        "Each county's list is to be cut to 2–3 projects. This page scores each county's "
        "projects on plain criteria, suggests the picks and says how robust they are when "
        "the weights change. Completed and cancelled projects are not candidates. The "
        "decision is the planner's, recorded with a reason."),
    "priorities.preset": ("وزن‌های آماده", "Weight preset"),
    "priorities.preset.equal": ("برابر", "Equal"),
    "priorities.preset.deputy": ("راهبرد معاونت", "The deputy's strategy"),
    "priorities.method": ("روش", "Method"),
    "priorities.picks": ("تعداد برگزیده در هر شهرستان", "Picks per county"),
    "priorities.local_hiring": ("شهرستان‌های مهاجرپذیری که استخدام محلی فرض می‌شود",
                                "Migrant-magnet counties where local hiring is assumed"),
    "priorities.no_weight": ("دست‌کم به یک معیار وزنی بیش از صفر بدهید.",
                             "Give at least one criterion a weight above zero."),
    "priorities.flipping": (
        "فهرست کوتاه این شهرستان‌ها با تغییر ±۲۵٪ وزن‌ها به‌آسانی عوض می‌شود (در کمتر از "
        "{threshold}٪ قرعه‌ها بی‌تغییر): {counties}",
        "The shortlist of these counties flips easily under ±25 % weight changes (unchanged "
        "in fewer than {threshold}% of draws): {counties}"),
    "priorities.summary_heading": ("برگزیده‌های پیشنهادی هر شهرستان", "Suggested picks of each county"),
    "priorities.county_heading": ("امتیاز پروژه‌های شهرستان", "Project scores of the county"),
    "priorities.col.rank": ("رتبه", "Rank"),
    "priorities.col.pick": ("برگزیده", "Pick"),
    "priorities.col.project": ("پروژه", "Project"),
    "priorities.col.score": ("امتیاز", "Score"),
    "priorities.col.robustness": ("پایداری", "Robustness"),
    "priorities.col.candidates": ("نامزدها", "Candidates"),
    "priorities.col.suggested": ("برگزیده‌های پیشنهادی", "Suggested picks"),
    "priorities.col.stable": ("فهرست بی‌تغییر", "Shortlist unchanged"),
    "priorities.col.flips": ("هشدار", "Warning"),
    "priorities.col.recorded": ("فهرست ثبت‌شده", "Recorded shortlist"),
    "priorities.table_note": (
        "هر خانه معیار: مقدار (سهم در امتیاز). پایداری: درصد قرعه‌های وزن که پروژه در "
        "برگزیده‌های شهرستان می‌ماند (یا وارد آن می‌شود). {sample} داده نمونه یا برآورد؛ "
        "{group} رقم واحد بزرگ‌تر (شهرستان اصفهان پیش از ۱۴۰۰)، نه رقم خود شهرستان — برای "
        "نیاز این شهرستان‌ها میانگین استان به کار رفته است.",
        "Each criterion cell: value (contribution to the score). Robustness: the share of "
        "weight draws in which the project stays among (or enters) the county's picks. "
        "{sample} sample or estimate; {group} a larger unit's figure (pre-2021 Isfahan "
        "county), not the county's own — the province mean need is used for those counties."),
    "priorities.criterion.jobs_per_budget": ("اشتغال به ازای اعتبار", "Jobs per budget"),
    "priorities.criterion.readiness": ("آمادگی", "Readiness"),
    "priorities.criterion.need": ("نیاز شهرستان", "County need"),
    "priorities.criterion.strategy_fit": ("تناسب با راهبرد", "Strategy fit"),
    "priorities.criterion.cost_to_finish": ("هزینه تا پایان", "Cost to finish"),
    "priorities.help.heading": ("هر معیار به زبان ساده", "Each criterion in plain words"),
    "priorities.help.jobs_per_budget": (
        "چند شغل مستقیم به ازای هر میلیارد ریال اعتبار پروژه پدید می‌آید؛ بیشتر بهتر است.",
        "How many direct jobs the project is expected to create per billion rials of its "
        "budget; more is better."),
    "priorities.help.readiness": (
        "پروژه چقدر به اجرا نزدیک است: مرحله (تعریف‌شده، مطالعاتی، متوقف، در حال اجرا)، "
        "پیشرفت فیزیکی، پیشرفت ریالی و اینکه منبع اعتبار آن ملی یا استانی (قطعی‌تر) است یا "
        "مشترک و خصوصی؛ هر کدام یک‌چهارم.",
        "How close the project is to delivery: its stage (defined, study, stalled, in "
        "progress), physical progress, financial progress, and whether its funding is a "
        "national or provincial budget line (firmer) or mixed/private; a quarter each."),
    "priorities.help.need": (
        "نیاز شهرستان به پروژه: میانگین نرخ بیکاری شهرستان (بالاتر، نیاز بیشتر) و سطح توسعه "
        "آن در صفحه رتبه‌بندی (کمتر توسعه‌یافته، نیاز بیشتر). برای همه پروژه‌های یک شهرستان "
        "یکسان است و شهرستان‌ها را با هم مقایسه می‌کند.",
        "How much the county needs projects: the mean of its unemployment rate (higher, more "
        "need) and its development level on the Ranking page (less developed, more need). It "
        "is the same for all projects of a county and compares counties."),
    "priorities.help.strategy_fit": (
        "تناسب با راهبرد اعلام‌شده معاونت: دانش‌بنیان و فناوری بیشترین؛ آموزش مهارت در کنار "
        "صنعت؛ تجارت و منطقه ویژه بیرون از مرکز استان؛ صنعت تازه در شهرستان مهاجرپذیر صنعتی "
        "با بیکاری بالا (مانند لنجان و مبارکه) کمترین، مگر استخدام محلی فرض شود؛ پروژه در مرکز "
        "استان امتیاز کمتری می‌گیرد.",
        "Fit with the deputy's stated strategy: knowledge-based and technology projects "
        "highest; skills training beside industry; trade and special economic zones outside "
        "the centre; new industry in a migrant-receiving industrial county with high "
        "unemployment (such as Lenjan and Mobarakeh) lowest, unless local hiring is assumed; "
        "projects in the province centre score lower."),
    "priorities.help.cost_to_finish": (
        "اعتباری که هنوز باید خرج شود تا پروژه تمام شود (اعتبار × سهم پرداخت‌نشده)؛ کمتر "
        "بهتر است.",
        "The budget still to be spent to finish the project (budget × unpaid share); less "
        "is better."),
    "priorities.help.methods": (
        "هر معیار در میان همه نامزدهای استان از ۰ تا ۱ مقیاس می‌شود. «جمع وزنی» امتیاز را جمع "
        "سهم معیارها می‌گیرد؛ «تاپسیس» نزدیکی به گزینه آرمانی را می‌سنجد (همان روش صفحه "
        "رتبه‌بندی، هوانگ و یون ۱۹۸۱).",
        "Each criterion is scaled 0–1 across all of the province's candidates. The weighted "
        "sum adds the criteria's contributions; TOPSIS measures closeness to the ideal "
        "alternative (the Ranking page's method, Hwang & Yoon 1981)."),
    "priorities.help.robustness": (
        "پایداری: وزن‌ها دو هزار بار به‌تصادف تا ±۲۵٪ تغییر می‌کنند؛ درصد دفعاتی که پروژه در "
        "برگزیده‌ها می‌ماند. شهرستانی که فهرستش در کمتر از {threshold}٪ دفعات بی‌تغییر بماند "
        "علامت می‌خورد.",
        "Robustness: the weights are changed at random by up to ±25 %, two thousand times; "
        "the share of times the project stays among the picks. A county whose shortlist is "
        "unchanged in fewer than {threshold}% of the draws is flagged."),
    "priorities.help.marks": (
        "{sample} پروژه یا رقم نمونه یا برآوردی است. {group} رقم شهرستان رقم واحد بزرگ‌تری "
        "است که به آن تعلق دارد.",
        "{sample} the project or figure is a sample or an estimate. {group} the county's "
        "figure is that of a larger unit it belongs to."),
    "priorities.reason.knowledge": ("دانش‌بنیان و فناوری", "Knowledge-based / technology"),
    "priorities.reason.skills_industry": ("آموزش مهارت در کنار صنعت", "Skills beside industry"),
    "priorities.reason.skills": ("آموزش مهارت", "Skills training"),
    "priorities.reason.trade_outside": ("تجارت و منطقه ویژه بیرون از مرکز",
                                        "Trade/SEZ outside the centre"),
    "priorities.reason.trade_centre": ("تجارت و منطقه ویژه در مرکز", "Trade/SEZ in the centre"),
    "priorities.reason.industry_magnet": ("صنعت در شهرستان مهاجرپذیر", "Industry in a migrant magnet"),
    "priorities.reason.industry_magnet_local": ("صنعت در شهرستان مهاجرپذیر، با استخدام محلی",
                                                "Industry in a migrant magnet, local hiring"),
    "priorities.reason.industry": ("صنعت", "Industry"),
    "priorities.reason.centre": ("در مرکز استان", "In the province centre"),
    "priorities.reason.other": ("دیگر بخش‌ها", "Other sectors"),
    "priorities.confirm.heading": ("تصمیم درباره فهرست کوتاه {county}",
                                   "Decision on {county}'s shortlist"),
    "priorities.confirm.read_only": (
        "ثبت فهرست کوتاه تنها برای کارشناسان با حساب ویرایش است؛ در بالا وارد شوید.",
        "Only editors record a shortlist; sign in above."),
    "priorities.confirm.projects": ("پروژه‌های فهرست کوتاه", "Projects of the shortlist"),
    "priorities.confirm.reason": ("دلیل تصمیم", "Reason for the decision"),
    "priorities.confirm.submit": ("ثبت فهرست کوتاه", "Record the shortlist"),
    "priorities.confirm.done": ("فهرست کوتاه ثبت شد.", "The shortlist was recorded."),
    "priorities.history": ("تاریخچه تصمیم‌ها ({n})", "History of decisions ({n})"),
    "priorities.scenario.heading": ("اگر تنها فهرست‌های کوتاه اجرا شوند",
                                    "What if only the shortlists go ahead"),
    "priorities.scenario.note": (
        "سناریویی می‌سازد که در آن پروژه‌های دیگر هر شهرستان (جز تکمیل‌شده و لغوشده) به تعویق "
        "می‌افتند یا لغو می‌شوند و آن را در صفحه سناریو باز می‌کند. فهرست ثبت‌شده هر شهرستان، "
        "و اگر نباشد برگزیده‌های پیشنهادی، به کار می‌رود.",
        "Makes a scenario in which each county's other projects (not completed or cancelled) "
        "are postponed or cancelled, and opens it on the Scenario page. Each county's recorded "
        "shortlist is used, else its suggested picks."),
    "priorities.scenario.others": ("پروژه‌های دیگر", "The other projects"),
    "priorities.others.postpone": ("به تعویق", "Postponed"),
    "priorities.others.cancel": ("لغو", "Cancelled"),
    "priorities.scenario.months": ("ماه تعویق", "Months of delay"),
    "priorities.scenario.open": ("ساختن سناریو و باز کردن آن", "Make the scenario and open it"),
    "priorities.scenario.name": ("تنها فهرست‌های کوتاه", "Only the shortlists"),
})
MESSAGES["priorities.local_hiring_none"] = ("هیچ‌کدام", "None")
