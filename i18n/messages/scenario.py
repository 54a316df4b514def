"""Scenarios: validation problems (their rules are ``rule.<id>`` keys, one namespace with the
data rules), edit descriptions, the edit log, the labour model."""

from i18n.messages.glossary import GLOSSARY

MESSAGES = {
    # --- problems --------------------------------------------------------------------
    "scenario.problem.edit": ("ویرایش {edit}، فیلد «{field}»، مقدار «{value}»: {rule}",
                              "edit {edit}, field '{field}', value '{value}': {rule}"),
    "scenario.problem.scenario": ("سناریو، فیلد «{field}»، مقدار «{value}»: {rule}",
                                  "scenario, field '{field}', value '{value}': {rule}"),
    "scenario.error.title": ("سناریو نامعتبر است؛ هیچ تغییری اعمال نشد.",
                             "The scenario is invalid; nothing was applied."),
    # --- rules of scenario files and links (one namespace with the data rules: rule.<id>;
    # below_minimum, not_allowed and unknown_county are shared, in validation.py)
    "rule.missing": ("مقدار لازم است", "a value is required"),
    "rule.not_text": ("باید متن باشد", "must be text"),
    "rule.too_long": ("بیش از حد بلند است (حداکثر {maximum} نویسه)",
                      "too long (at most {maximum} characters)"),
    "rule.must_be_number": ("باید عدد باشد", "must be a number"),
    "rule.must_be_integer": ("باید عدد صحیح باشد", "must be a whole number"),
    "rule.negative": ("نمی‌تواند منفی باشد", "must not be negative"),
    "rule.not_positive": ("باید بزرگ‌تر از صفر باشد", "must be greater than zero"),
    "rule.out_of_range": ("باید بین {minimum} و {maximum} باشد",
                          "must be between {minimum} and {maximum}"),
    "rule.bad_date": ("تاریخ شمسی معتبر نیست ({detail})",
                      "not a valid Jalali date ({detail})"),
    "rule.not_list": ("باید فهرست باشد", "must be a list"),
    "rule.not_object": ("باید یک شیء JSON (کلید: مقدار) باشد",
                        "must be a JSON object (key: value)"),
    "rule.too_many": ("تعداد بیش از حد (حداکثر {maximum})",
                      "too many entries (at most {maximum})"),
    "rule.empty": ("نباید خالی باشد", "must not be empty"),
    "rule.unknown_field": ("فیلد ناشناخته؛ فیلدهای مجاز: {allowed}",
                           "unknown field; allowed: {allowed}"),
    "rule.unknown_type": ("نوع ویرایش ناشناخته؛ انواع مجاز: {allowed}",
                          "unknown edit type; allowed: {allowed}"),
    "rule.bad_version": ("نسخه پشتیبانی نمی‌شود؛ نسخه مورد انتظار: {expected}",
                         "unsupported version; expected {expected}"),
    "rule.filter_rejected": ("کلید یا مقدار نامعتبر در پالایه: {keys}",
                             "invalid key or value in the filter: {keys}"),
    "rule.ids_and_filter": ("یا «ids» یا «filter» را بدهید، نه هر دو",
                            "give either 'ids' or 'filter', not both"),
    "rule.need_selection": (
        "پروژه‌ها را با «ids» (فهرست شناسه) یا «filter» (پالایه؛ پالایه خالی یعنی همه) انتخاب کنید",
        "choose projects with 'ids' (a list) or 'filter' (an empty filter means every project)"),
    "rule.nothing_to_set": (
        "این ویرایش چیزی را تغییر نمی‌دهد؛ status، physical_progress_pct، planned_start یا "
        "planned_end را بدهید",
        "the edit changes nothing: give status, physical_progress_pct, planned_start or "
        "planned_end"),
    "rule.completed_progress": ("پروژه تکمیل‌شده باید پیشرفت ۱۰۰٪ داشته باشد",
                                "a completed project must have 100% progress"),
    "rule.end_before_start_value": ("پایان برنامه پیش از شروع برنامه ({start}) است",
                                    "planned end is before planned start ({start})"),
    "rule.end_before_start_projects": (
        "پایان برنامه برای {count} پروژه پیش از شروع برنامه آن می‌افتد: {ids}",
        "planned end would fall before planned start for {count} project(s): {ids}"),
    "rule.bad_id": (
        "شناسه نامعتبر: حروف و ارقام لاتین، «-»، «_» و «.»، حداکثر ۶۴ نویسه "
        "(پیشوند realloc- رزرو است)",
        "invalid id: Latin letters, digits, '-', '_' and '.', at most 64 characters "
        "(prefix realloc- is reserved)"),
    "rule.duplicate_id": ("پروژه‌ای با این شناسه وجود دارد",
                          "a project with this id already exists"),
    "rule.unknown_project_ids": ("{count} شناسه پروژه ناشناخته: {ids}",
                                 "{count} unknown project id(s): {ids}"),
    "rule.date_out_of_range": ("تاریخ پس از جابه‌جایی از بازه مجاز خارج می‌شود: {dates}",
                               "a shifted date falls outside the valid range: {dates}"),
    "rule.weights_zero": ("جمع وزن‌ها صفر است", "the weights sum to zero"),
    "rule.weights_needed": (
        "قاعده «named» به «weights» (شهرستان: وزن) نیاز دارد",
        "rule 'named' needs 'weights' (county: weight)"),
    "rule.to_with_named": (
        "در قاعده «named» گیرندگان کلیدهای «weights» هستند؛ «to» را حذف کنید",
        "with rule 'named' the recipients are the keys of 'weights'; leave 'to' out"),
    "rule.weights_only_named": ("«weights» فقط با قاعده «named» به کار می‌رود",
                                "'weights' is used only with rule 'named'"),
    "rule.deprivation_only": ("«deprivation_by» فقط با قاعده «deprivation» به کار می‌رود",
                              "'deprivation_by' is used only with rule 'deprivation'"),
    "rule.overlap": ("این شهرستان‌ها هم بودجه می‌دهند و هم می‌گیرند: {counties}",
                     "these counties would both give and receive: {counties}"),
    "rule.no_recipients": ("هیچ شهرستان گیرنده‌ای نمانده است",
                           "no recipient county is left"),
    "rule.missing_weight": (
        "شاخص «{indicator}» برای این شهرستان‌ها در دسترس نیست: {counties}",
        "indicator '{indicator}' is missing for these counties: {counties}"),
    "rule.rank_failed": ("رتبه توسعه محاسبه نشد: {detail}",
                         "the development rank could not be computed: {detail}"),
    "rule.group_and_counties": ("یا «group» یا «counties» را بدهید، نه هر دو",
                                "give either 'group' or 'counties', not both"),
    "rule.need_group": ("«group» ({allowed}) یا «counties» را بدهید",
                        "give 'group' ({allowed}) or 'counties'"),
    "rule.nothing_to_assume": ("m یا k (یا هر دو) را بدهید", "give m and/or k"),
    "rule.unemployed_above_labour_force": ("تعداد بیکاران از جمعیت فعال بیشتر است",
                                           "unemployed exceed the labour force"),
    # persistence and links
    "rule.bad_name": (
        "نام سناریو نامعتبر است: حروف، ارقام، فاصله، «-» و «_»، حداکثر ۸۰ نویسه، بدون مسیر",
        "invalid scenario name: letters, digits, space, '-' and '_', at most 80 characters, "
        "no path"),
    "rule.not_json": ("JSON معتبر نیست ({detail})", "not valid JSON ({detail})"),
    "rule.too_large": ("بیش از حد بزرگ است (حداکثر {maximum} بایت)",
                       "too large (at most {maximum} bytes)"),
    "rule.bad_encoding": ("رمزگذاری پیوند سناریو معتبر نیست",
                          "the scenario link is not validly encoded"),
    "rule.not_found": ("سناریویی با این نام ذخیره نشده است",
                       "no scenario is saved under this name"),
    "rule.unreadable": ("پرونده خوانده نشد ({detail})",
                        "the file could not be read ({detail})"),
    # --- edit types, rules, groups ----------------------------------------------------
    "scenario.edit.set_projects": ("تغییر پروژه‌ها", "Set projects"),
    "scenario.edit.cancel": ("لغو پروژه‌ها", "Cancel projects"),
    "scenario.edit.postpone": ("جابه‌جایی زمان‌بندی", "Postpone projects"),
    "scenario.edit.add_project": ("افزودن پروژه فرضی", "Add a hypothetical project"),
    "scenario.edit.shift_budget": ("بازتخصیص بودجه", "Shift budget"),
    "scenario.edit.assumptions": ("فرض‌های مدل بازار کار", "Labour-model assumptions"),
    "scenario.shift_rule.per_capita": ("به نسبت جمعیت", "in proportion to population"),
    "scenario.shift_rule.deprivation": ("به نسبت محرومیت", "in proportion to deprivation"),
    "scenario.shift_rule.equal": ("به طور مساوی", "equally"),
    "scenario.shift_rule.named": ("به شهرستان‌های نام‌برده با وزن داده‌شده",
                                  "to named counties with given weights"),
    "scenario.deprivation_by.unemployment_rate": ("وزن = نرخ بیکاری",
                                                  "weight = unemployment rate"),
    "scenario.deprivation_by.development_rank": (
        "وزن = رتبه توسعه؛ کم‌برخوردارترین بیشترین وزن",
        "weight = development rank; the least developed weighs most"),
    "scenario.group.industrial": ("شهرستان‌های صنعتی", "industrial counties"),
    "scenario.group.other": ("سایر شهرستان‌ها", "other counties"),
    "scenario.group.all": ("همه شهرستان‌ها", "all counties"),
    "scenario.hypothetical": ("فرضی (سناریو)", "hypothetical (scenario)"),
    "scenario.realloc.title": ("بودجه بازتخصیص‌یافته (سناریو)", "Reallocated budget (scenario)"),
    # --- descriptions of edits --------------------------------------------------------
    "scenario.describe.ids": ("{n} پروژه ({ids})", "{n} project(s) ({ids})"),
    "scenario.describe.all": ("همه پروژه‌ها", "every project"),
    "scenario.describe.filter": ("پروژه‌های منطبق با پالایه [{filter}]",
                                 "projects matching [{filter}]"),
    "scenario.describe.status": ("وضعیت: {status}", "status: {status}"),
    "scenario.describe.progress": ("پیشرفت فیزیکی: {progress}٪", "physical progress: {progress}%"),
    "scenario.describe.planned_start": ("شروع برنامه: {date}", "planned start: {date}"),
    "scenario.describe.planned_end": ("پایان برنامه: {date}", "planned end: {date}"),
    "scenario.describe.set_projects": ("{target}: {changes}", "{target}: {changes}"),
    "scenario.describe.cancel": ("لغو {target}", "cancel {target}"),
    "scenario.describe.postpone": ("جابه‌جایی زمان‌بندی {target} به اندازه {months} ماه",
                                   "move the schedule of {target} by {months} month(s)"),
    "scenario.describe.add_project": (
        "پروژه فرضی «{title}» در {county} ({sector})، بودجه {budget} میلیارد ریال، "
        "{jobs} شغل، وضعیت {status}",
        "hypothetical project '{title}' in {county} ({sector}), budget {budget} bn rials, "
        "{jobs} jobs, status {status}"),
    "scenario.describe.shift_budget": (
        "انتقال {share} بودجه از {donors} به {recipients}، {rule}",
        "move {share} of the budget of {donors} to {recipients}, {rule}"),
    "scenario.describe.assumptions": ("فرض مدل بازار کار برای {who}: m = {m}، k = {k}",
                                      "labour-model assumption for {who}: m = {m}, k = {k}"),
    # --- log ---------------------------------------------------------------------------
    "scenario.log.set_projects": ("{n} پروژه تغییر کرد ({changes})",
                                  "{n} project(s) changed ({changes})"),
    "scenario.log.no_match": ("هیچ پروژه‌ای با انتخاب این ویرایش منطبق نبود",
                              "no project matched this edit"),
    "scenario.log.cancel": ("{n} پروژه لغو شد ({skipped} پروژه تکمیل‌شده دست‌نخورده ماند)",
                            "{n} project(s) cancelled ({skipped} completed project(s) left as "
                            "they are)"),
    "scenario.log.postpone": (
        "زمان‌بندی {n} پروژه {months} ماه جابه‌جا شد ({skipped} پروژه تکمیل‌شده یا لغوشده "
        "دست‌نخورده ماند)",
        "the schedule of {n} project(s) moved by {months} month(s) ({skipped} completed or "
        "cancelled project(s) left as they are)"),
    "scenario.log.add_project": (
        "پروژه فرضی {id} در {county} افزوده شد: {budget} میلیارد ریال، {jobs} شغل",
        "hypothetical project {id} added in {county}: {budget} bn rials, {jobs} jobs"),
    "scenario.log.shift_nothing": ("بودجه‌ای برای انتقال نبود", "there was no budget to move"),
    "scenario.log.shift_budget": (
        "{amount} میلیارد ریال ({share} بودجه {donors}) {rule} به {n} شهرستان منتقل شد؛ "
        "بخش پروژه‌های بازتخصیص: {sector}",
        "{amount} bn rials ({share} of the budget of {donors}) moved {rule}; recipient "
        "counties: {n}; sector of the reallocated-budget projects: {sector}"),
    "scenario.log.assumptions": ("فرض مدل بازار کار برای {n} شهرستان: m = {m}، k = {k}",
                                 "labour-model assumption for {n} counties: m = {m}, k = {k}"),
    "scenario.log.labour": (
        "مدل بازار کار: {jobs} شغل مستقیم تازه (پروژه‌هایی که در سناریو تکمیل می‌شوند) در "
        "{n} شهرستان",
        "labour model: {jobs} new direct jobs (projects completed in the scenario); counties "
        "affected: {n}"),
    "scenario.log.labour_missing": (
        "مدل بازار کار در این شهرستان‌ها اعمال نشد (جمعیت فعال یا نرخ بیکاری نیست): {counties}",
        "labour model not applied (labour force or unemployment missing): {counties}"),
    "scenario.log.un_completed": (
        "{n} پروژه در پایه تکمیل‌شده است و در سناریو نه؛ مدل بازار کار از دست رفتن شغل را "
        "نمی‌سنجد",
        "{n} project(s) completed in the baseline are not in the scenario; the labour model "
        "does not model job losses"),
    # --- labour model ------------------------------------------------------------------
    "scenario.labour.note": (
        "مدل بازار کار بر پایه فرض است، نه واقعیت: سهم m از شغل‌های تازه به مهاجران می‌رسد "
        "و هر کارگر مهاجر k جویای کار دیگر با خود می‌آورد. بیکاران′ = U − J(1−m) + J·m·k؛ "
        "جمعیت فعال′ = LF + J·m·(1+k).",
        "The labour model rests on assumptions, not facts: a share m of new jobs goes to "
        "in-migrants and each in-migrant worker brings k further job-seekers. "
        "unemployed′ = U − J(1−m) + J·m·k; labour force′ = LF + J·m·(1+k)."),
    "scenario.labour.jobs": ("شغل مستقیم تازه (J)", "New direct jobs (J)"),
    "scenario.labour.m": ("سهم مهاجران (m)", "In-migrant share (m)"),
    "scenario.labour.k": ("جویای کار همراه هر مهاجر (k)", "Job-seekers per in-migrant (k)"),
    "scenario.labour.local_hires": ("استخدام از بیکاران محلی", "Local hires"),
    "scenario.labour.in_migrant_workers": ("کارگران مهاجر", "In-migrant workers"),
    "scenario.labour.followers": ("جویندگان کار همراه", "Accompanying job-seekers"),
    "scenario.labour.unemployment_rate": ("نرخ بیکاری پایه (٪)", "Baseline unemployment rate (%)"),
    "scenario.labour.unemployment_rate_new": ("نرخ بیکاری سناریو (٪)",
                                              "Scenario unemployment rate (%)"),
    "scenario.labour.unemployment_rate_change": ("تغییر نرخ بیکاری (واحد درصد)",
                                                 "Change in unemployment rate (points)"),
    "scenario.labour.net_migration_rate_added": ("افزایش نرخ خالص مهاجرت (در هزار)",
                                                 "Added net migration rate (per 1,000)"),
    # --- report ------------------------------------------------------------------------
    "scenario.report.baseline": GLOSSARY["glossary.baseline"],
    "scenario.report.scenario": ("سناریو", "Scenario"),
    "scenario.report.change": ("تغییر", "Change"),
    "scenario.report.rank_change": ("تغییر رتبه (مثبت = بهبود)", "Rank change (positive = up)"),
    "scenario.saved": ("سناریو «{name}» ذخیره شد.", "Scenario '{name}' saved."),
    "scenario.deleted": ("سناریو «{name}» حذف شد.", "Scenario '{name}' deleted."),
}
