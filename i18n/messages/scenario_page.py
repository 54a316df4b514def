"""The Scenario page: building edits, the edit list, saved scenarios, baseline against
scenario, the labour model's assumptions and its demonstration."""

from i18n.messages.glossary import GLOSSARY


def _ltr(text: str) -> str:
    """A formula kept left to right inside Persian text (LRI … PDI isolate)."""
    return "\u2066" + text + "\u2069"


MESSAGES = {
    "scenario_page.title": ("سناریو: «اگر … چه می‌شود؟»", "Scenario: “what if …?”"),
    "scenario_page.intro": (
        "وضع موجود (پایه) را با یک سناریو مقایسه کنید: تغییرها را یکی‌یکی بیفزایید — وضعیت یا "
        "زمان‌بندی پروژه‌ها، لغو، پروژه فرضی، بازتخصیص بودجه، فرض‌های بازار کار — و اثر هر کدام "
        "را بر شاخص‌های توازن، شهرستان‌ها، رتبه‌ها و بازار کار ببینید. داده‌ها تغییر نمی‌کنند؛ "
        "پروژه‌های فرضی همه‌جا با ◆ نشان داده می‌شوند.",
        "Compare the present state (baseline) with a scenario: add changes one by one — project "
        "status or schedule, cancellations, hypothetical projects, budget shifts, labour-market "
        "assumptions — and see their effect on the balance measures, the counties, the ranks and "
        "the labour market.  The data are never changed; hypothetical projects are marked ◆ "
        "everywhere."),
    "scenario_page.link_rejected": (
        "سناریوی پیوند نامعتبر بود؛ صفحه با سناریوی خالی باز شد.",
        "The scenario in the link was invalid; the page opened with an empty scenario."),
    # --- builder ----------------------------------------------------------------------
    "scenario_page.build_heading": ("افزودن تغییر", "Add a change"),
    "scenario_page.kind": ("نوع تغییر", "Kind of change"),
    "scenario_page.kind_help.set_projects": (
        "وضعیت، پیشرفت فیزیکی یا تاریخ‌های برنامه پروژه‌های انتخاب‌شده را تعیین کنید.",
        "Set the status, physical progress or planned dates of the chosen projects."),
    "scenario_page.kind_help.cancel": (
        "پروژه‌های انتخاب‌شده لغو می‌شوند؛ پروژه‌های تکمیل‌شده دست‌نخورده می‌مانند.",
        "The chosen projects are cancelled; completed projects are left as they are."),
    "scenario_page.kind_help.postpone": (
        "تاریخ شروع و پایان برنامه به اندازه چند ماه شمسی جابه‌جا می‌شود (عدد منفی = جلو انداختن).",
        "Planned start and end move by whole Jalali months (negative = bring forward)."),
    "scenario_page.kind_help.add_project": (
        "یک پروژه فرضی ◆ به فهرست افزوده می‌شود؛ اگر وضعیتش «تکمیل‌شده» باشد شغل‌هایش وارد مدل "
        "بازار کار می‌شود.",
        "A hypothetical project ◆ is added; if its status is “completed” its jobs enter the "
        "labour model."),
    "scenario_page.kind_help.shift_budget": (
        "سهمی از بودجه شهرستان‌های مبدأ (پیش‌فرض: مرکز استان) به شهرستان‌های دیگر می‌رود؛ هر "
        "گیرنده یک پروژه فرضی ◆ «بودجه بازتخصیص‌یافته» می‌گیرد. جمع بودجه استان ثابت می‌ماند.",
        "A share of the budget of the donor counties (default: the province centre) goes to "
        "other counties; each recipient gets one hypothetical ◆ “reallocated budget” project. "
        "The province total is kept."),
    "scenario_page.kind_help.assumptions": (
        "فرض‌های مدل بازار کار (m و k) برای یک گروه از شهرستان‌ها؛ این فرض‌ها داده نیستند.",
        "Labour-model assumptions (m and k) for a group of counties; they are assumptions, "
        "not data."),
    "scenario_page.select.mode": ("کدام پروژه‌ها؟", "Which projects?"),
    "scenario_page.select.filter": ("همه پروژه‌های منطبق با پالایه", "All projects matching a filter"),
    "scenario_page.select.ids": ("پروژه‌ها", "Projects"),
    "scenario_page.select.ids_placeholder": ("یک یا چند پروژه را برگزینید",
                                             "Choose one or more projects"),
    "scenario_page.select.count": (
        "{n} پروژه در وضع موجود با این پالایه منطبق است (پالایه خالی یعنی همه پروژه‌ها؛ "
        "تغییرها به ترتیب اعمال می‌شوند).",
        "{n} project(s) of the baseline match this filter (an empty filter means every "
        "project; changes apply in order)."),
    "scenario_page.select.capped": ("{n} پروژه منطبق است؛ {shown} پروژه نخست فهرست شده‌اند — "
                                    "پالایه را تنگ‌تر کنید.",
                                    "{n} projects match; the first {shown} are listed — narrow "
                                    "the filter."),
    "scenario_page.no_change": ("بدون تغییر", "no change"),
    "scenario_page.set.status": ("وضعیت تازه", "New status"),
    "scenario_page.set.progress_on": ("پیشرفت فیزیکی را هم تعیین کن", "Also set physical progress"),
    "scenario_page.set.progress": ("پیشرفت فیزیکی (٪)", "Physical progress (%)"),
    "scenario_page.set.start": ("شروع برنامه (شمسی، خالی = بدون تغییر)",
                                "Planned start (Jalali, blank = unchanged)"),
    "scenario_page.set.end": ("پایان برنامه (شمسی، خالی = بدون تغییر)",
                              "Planned end (Jalali, blank = unchanged)"),
    "scenario_page.date_placeholder": ("۱۴۰۵/۰۱/۱۵", "1405/01/15"),
    "scenario_page.postpone.months": ("جابه‌جایی (ماه)", "Move by (months)"),
    "scenario_page.postpone.help": (
        "روزی که در ماه مقصد نیست به روز آخر آن ماه تبدیل می‌شود (۱۴۰۴/۰۶/۳۱ + ۱ ماه = "
        "۱۴۰۴/۰۷/۳۰).",
        "A day missing from the target month becomes its last day (1404/06/31 + 1 month = "
        "1404/07/30)."),
    "scenario_page.add.sector": ("بخش", "Sector"),
    "scenario_page.add.status": ("وضعیت", "Status"),
    "scenario_page.add.title_fa": ("عنوان فارسی", "Persian title"),
    "scenario_page.add.title_en": ("عنوان انگلیسی (اختیاری)", "English title (optional)"),
    "scenario_page.add.budget": ("بودجه (میلیارد ریال)", "Budget (bn rials)"),
    "scenario_page.add.jobs": ("اشتغال پیش‌بینی‌شده", "Expected jobs"),
    "scenario_page.add.funding": GLOSSARY["glossary.funding_source"],
    "scenario_page.shift.share": ("سهم منتقل‌شونده از بودجه مبدأ", "Share of the donors' budget"),
    "scenario_page.shift.from": ("شهرستان‌های مبدأ", "Donor counties"),
    "scenario_page.shift.rule": ("قاعده تقسیم میان گیرندگان", "How recipients share it"),
    "scenario_page.shift.deprivation_by": ("معیار محرومیت", "Deprivation measure"),
    "scenario_page.shift.named": ("شهرستان‌های گیرنده", "Recipient counties"),
    "scenario_page.shift.weight": ("وزن {county}", "Weight of {county}"),
    "scenario_page.shift.to": ("شهرستان‌های گیرنده", "Recipient counties"),
    "scenario_page.shift.to_all": ("همه شهرستان‌های دیگر", "Every other county"),
    "scenario_page.shift.jobs": ("اشتغال بودجه منتقل‌شده", "Jobs of the moved budget"),
    "scenario_page.shift.jobs.average": (
        "به نسبت: شغل پروژه‌های مبدأ کم می‌شود و گیرنده به نسبت شغل‌به‌بودجه خودش شغل می‌گیرد",
        "in proportion: donor projects lose jobs, recipients gain at their own jobs-per-budget"),
    "scenario_page.shift.jobs.none": ("بدون تغییر اشتغال", "no change in jobs"),
    "scenario_page.shift.sector": ("بخش پروژه‌های بازتخصیص", "Sector of the reallocated budget"),
    "scenario_page.shift.sector_auto": ("خودکار: بخش غالب بودجه منتقل‌شده",
                                        "automatic: the dominant sector of the moved budget"),
    "scenario_page.assume.group": ("گروه شهرستان‌ها", "County group"),
    "scenario_page.assume.defaults": (
        "پیش‌فرض‌ها: شهرستان‌های صنعتی " + _ltr("m = {mi}") + "، " + _ltr("k = {ki}")
        + "؛ سایر شهرستان‌ها " + _ltr("m = {mo}") + "، " + _ltr("k = {ko}")
        + " (برای نمایش برگزیده شده‌اند، نه برآورد).",
        "Defaults: industrial counties m = {mi}, k = {ki}; other counties m = {mo}, k = {ko} "
        "(illustrative, not estimates)."),
    "scenario_page.note": ("یادداشت (اختیاری)", "Note (optional)"),
    "scenario_page.add": ("افزودن به سناریو", "Add to the scenario"),
    "scenario_page.added": ("افزوده شد: {text}", "Added: {text}"),
    "scenario_page.add_refused": ("این تغییر افزوده نشد:", "This change was not added:"),
    "scenario_page.too_many": ("سناریو حداکثر {n} تغییر دارد.", "A scenario holds at most {n} changes."),
    "scenario_page.problem.no_ids": ("دست‌کم یک پروژه را برگزینید.", "Choose at least one project."),
    "scenario_page.problem.no_donors": ("دست‌کم یک شهرستان مبدأ را برگزینید.",
                                        "Choose at least one donor county."),
    "scenario_page.problem.no_named": ("دست‌کم یک شهرستان گیرنده با وزن برگزینید.",
                                       "Choose at least one recipient county with a weight."),
    "scenario_page.problem.no_title": ("عنوان فارسی پروژه فرضی را بنویسید.",
                                       "Give the hypothetical project a Persian title."),
    # --- edit list ----------------------------------------------------------------------
    "scenario_page.edits_heading": ("تغییرهای سناریو ({n})", "Changes in the scenario ({n})"),
    "scenario_page.empty": (
        "هنوز تغییری نیست: سناریو همان وضع موجود است و همه تغییرها صفرند.",
        "No change yet: the scenario equals the baseline and every change is zero."),
    "scenario_page.remove": ("حذف", "Remove"),
    "scenario_page.remove_refused": ("این تغییر حذف نشد، چون تغییرهای بعدی به آن وابسته‌اند:",
                                     "This change was not removed; later changes depend on it:"),
    "scenario_page.clear": ("پاک کردن همه تغییرها", "Clear every change"),
    "scenario_page.log_heading": ("هر تغییر چه کرد", "What each change did"),
    "scenario_page.hyp_legend": ("{mark} = فرضی (سناریو): پروژه‌ای که در داده نیست.",
                                 "{mark} = hypothetical (scenario): a project not in the data."),
    "scenario_page.too_long_for_link": (
        "این سناریو برای پیوند بیش از حد بزرگ است؛ آن را با نام ذخیره کنید.",
        "This scenario is too large for a link; save it by name."),
    # --- saved scenarios ------------------------------------------------------------------
    "scenario_page.store_heading": ("ذخیره و بازخوانی سناریوها", "Save and load scenarios"),
    "scenario_page.save_heading": ("ذخیره سناریوی کنونی", "Save the current scenario"),
    "scenario_page.save_name": ("نام", "Name"),
    "scenario_page.save_name_help": (
        "حروف، ارقام، فاصله، «-» و «_»، حداکثر ۸۰ نویسه؛ سناریوی هم‌نام جایگزین می‌شود.",
        "Letters, digits, space, '-' and '_', at most 80 characters; a scenario of the same "
        "name is replaced."),
    "scenario_page.save_description": ("توضیح (اختیاری)", "Description (optional)"),
    "scenario_page.save": ("ذخیره", "Save"),
    "scenario_page.save_refused": ("سناریو ذخیره نشد:", "The scenario was not saved:"),
    "scenario_page.load_heading": ("بازکردن یا حذف", "Open or delete"),
    "scenario_page.saved_name": ("سناریوی ذخیره‌شده", "Saved scenario"),
    "scenario_page.load": ("بازکردن (جایگزین سناریوی کنونی)", "Open (replaces the current scenario)"),
    "scenario_page.loaded": ("سناریو «{name}» با {n} تغییر باز شد.",
                             "Scenario '{name}' opened with {n} change(s)."),
    "scenario_page.load_refused": ("سناریو «{name}» باز نشد:", "Scenario '{name}' was not opened:"),
    "scenario_page.delete_name": ("سناریو برای حذف", "Scenario to delete"),
    "scenario_page.delete_confirm": ("مطمئنم؛ حذف شود", "I am sure: delete it"),
    "scenario_page.delete": ("حذف سناریو", "Delete the scenario"),
    "scenario_page.delete_refused": ("سناریو حذف نشد:", "The scenario was not deleted:"),
    "scenario_page.delete_missing": ("سناریویی با نام «{name}» نبود.",
                                     "There was no scenario named '{name}'."),
    "scenario_page.none_saved": ("هنوز سناریویی ذخیره نشده است.", "No scenario saved yet."),
    "scenario_page.col.name": ("نام", "Name"),
    "scenario_page.col.edits": ("تغییرها", "Changes"),
    "scenario_page.col.modified": ("آخرین ذخیره", "Last saved"),
    "scenario_page.col.state": ("وضعیت پرونده", "File"),
    "scenario_page.col.description": ("توضیح", "Description"),
    "scenario_page.col.author": ("ذخیره‌کننده", "Saved by"),
    "scenario_page.valid": ("معتبر", "valid"),
    "scenario_page.invalid": ("نامعتبر — باز نمی‌شود", "invalid — cannot be opened"),
    "scenario_page.invalid_file": (
        "پرونده «{name}» نامعتبر است و باز نمی‌شود (سناریوهای دیگر دست‌نخورده‌اند):",
        "The file '{name}' is invalid and cannot be opened (other scenarios are untouched):"),
    "scenario_page.compare_heading": ("مقایسه دو سناریو", "Compare two scenarios"),
    "scenario_page.compare_a": ("سناریوی الف", "Scenario A"),
    "scenario_page.compare_b": ("سناریوی ب", "Scenario B"),
    "scenario_page.current": ("سناریوی کنونی (ذخیره‌نشده)", "Current scenario (unsaved)"),
    "scenario_page.col.b_minus_a": ("ب − الف", "B − A"),
    # --- results ----------------------------------------------------------------------------
    "scenario_page.results_heading": ("وضع موجود در برابر سناریو", "Baseline against scenario"),
    "scenario_page.results_empty": (
        "سناریو خالی است، پس دو ستون یکسان‌اند و همه تغییرها صفرند.",
        "The scenario is empty, so both columns are the same and every change is zero."),
    "scenario_page.points": ("واحد درصد", "points"),
    "scenario_page.metric.centre_share": ("سهم مرکز از {x}", "Centre's share of {x}"),
    "scenario_page.metric.baseline": ("پایه: {value}", "baseline: {value}"),
    "scenario_page.metric.unemployment": ("نرخ بیکاری استان", "Province unemployment rate"),
    "scenario_page.metric.new_jobs": ("شغل مستقیم تازه (مدل)", "New direct jobs (model)"),
    "scenario_page.metric.budget": ("بودجه استان: {before} ← {after} میلیارد ریال",
                                    "province budget: {before} → {after} bn rials"),
    "scenario_page.measures_heading": ("شاخص‌های توازن {x}: پایه و سناریو",
                                       "Balance measures of {x}: baseline and scenario"),
    "scenario_page.measures_note": (
        "«تغییر» = سناریو منهای پایه. برای بیشتر شاخص‌ها کاهش یعنی توزیع متوازن‌تر نسبت به "
        "جمعیت؛ برای همسویی با نیاز، افزایش بهتر است.",
        "“Change” = scenario minus baseline.  For most measures a fall means a more even "
        "spread against population; for alignment with need, a rise is better."),
    "scenario_page.chart.measures": ("شاخص‌های توازن {x}: پایه و سناریو",
                                     "Balance measures of {x}: baseline and scenario"),
    "scenario_page.reading.population": ("جمعیت در سناریو تغییر نمی‌کند",
                                         "Population is not changed by a scenario"),
    "scenario_page.reading.same": ("بدون تغییر", "No change"),
    "scenario_page.reading.centre_same": ("سهم مرکز از {x} تغییری نمی‌کند ({value})",
                                          "The centre's share of {x} does not change ({value})"),
    "scenario_page.reading.centre_down": ("سهم مرکز از {x} از {before} به {after} کم می‌شود",
                                          "The centre's share of {x} falls from {before} to "
                                          "{after}"),
    "scenario_page.reading.centre_up": ("سهم مرکز از {x} از {before} به {after} زیاد می‌شود",
                                        "The centre's share of {x} rises from {before} to "
                                        "{after}"),
    "scenario_page.reading.ratio_closer": (
        "از {before} به {after}: به ۱ نزدیک‌تر — سهم مرکز با سهم جمعیتش همخوان‌تر می‌شود",
        "from {before} to {after}: closer to 1 — the centre's share nears its population share"),
    "scenario_page.reading.ratio_further": (
        "از {before} به {after}: از ۱ دورتر — سهم مرکز از سهم جمعیتش فاصله می‌گیرد",
        "from {before} to {after}: further from 1 — the centre's share moves away from its "
        "population share"),
    "scenario_page.reading.need_up": (
        "از {before} به {after}: {x} بیشتر به شهرستان‌های بیکارتر می‌رسد",
        "from {before} to {after}: more {x} goes to counties with higher unemployment"),
    "scenario_page.reading.need_down": (
        "از {before} به {after}: {x} کمتر به شهرستان‌های بیکارتر می‌رسد",
        "from {before} to {after}: less {x} goes to counties with higher unemployment"),
    "scenario_page.reading.more_even": ("متوازن‌تر: {pct}٪ کاهش", "More even: down {pct}%"),
    "scenario_page.reading.less_even": ("نامتوازن‌تر: {pct}٪ افزایش", "Less even: up {pct}%"),
    "scenario_page.map_heading": ("نقشه تغییر", "Map of the change"),
    "scenario_page.map_measure": ("شاخص نقشه", "Measure on the map"),
    "scenario_page.map_title": ("تغییر {measure} (سناریو منهای پایه)",
                                "Change in {measure} (scenario minus baseline)"),
    "scenario_page.map_note": (
        "آبی = افزایش، قرمز = کاهش، سفید = بدون تغییر؛ بازه رنگ حول صفر متقارن است.",
        "Blue = increase, red = decrease, white = no change; the colour range is symmetric "
        "around zero."),
    "scenario_page.panel_heading": ("شهرستان‌ها: پایه، سناریو و تغییر",
                                    "Counties: baseline, scenario and change"),
    "scenario_page.hyp_county_legend": (
        "{mark} = شهرستانی که در سناریو پروژه فرضی (افزوده یا بازتخصیص بودجه) دارد.",
        "{mark} = a county with hypothetical projects (added or reallocated budget) in the "
        "scenario."),
    "scenario_page.ranks_heading": ("جابه‌جایی رتبه‌ها", "Rank changes"),
    "scenario_page.rank_kind": ("کدام رتبه؟", "Which rank?"),
    "scenario_page.rank_kind.development": ("رتبه توسعه (بازار کار، سرشماری و شغل در هزار نفر)",
                                            "Development rank (labour market, census and jobs "
                                            "per 1,000)"),
    "scenario_page.rank_kind.measure": ("رتبه سرانه {x}", "Rank of {x} per person"),
    "scenario_page.ranks_note": (
        "تغییر رتبه = رتبه پایه منهای رتبه سناریو؛ مثبت یعنی بالا رفتن. {n} شهرستان جابه‌جا شد.",
        "Rank change = baseline rank minus scenario rank; positive means moving up. {n} "
        "county(ies) moved."),
    "scenario_page.chart.rank_hover": ("{county}: رتبه {before} ← {after} ({change})",
                                       "{county}: rank {before} → {after} ({change})"),
    "scenario_page.hyp_heading": ("پروژه‌های فرضی {mark}", "Hypothetical projects {mark}"),
    "scenario_page.col.id": ("شناسه", "Id"),
    "scenario_page.col.kind": ("نوع", "Kind"),
    "scenario_page.realloc_heading": (
        "پروژه‌های «بودجه بازتخصیص‌یافته»: {n} شهرستان، جمعاً {budget} میلیارد ریال",
        "“Reallocated budget” projects: {n} counties, {budget} bn rials in all"),
    "scenario_page.col.title": ("عنوان", "Title"),
    "scenario_page.col.group": ("گروه", "Group"),
    # --- labour model --------------------------------------------------------------------------
    "scenario_page.labour_heading": ("بازار کار در سناریو (مدل بر پایه فرض)",
                                     "Labour market in the scenario (a model of assumptions)"),
    "scenario_page.labour_assumptions": (
        "**فرض‌های مدل — فرض‌اند، نه واقعیت یا برآورد:**\n\n"
        "- **J** = شغل‌های مستقیم تازه: شغل پروژه‌هایی که در سناریو تکمیل می‌شوند و در وضع "
        "موجود تکمیل نشده‌اند؛ **U** = بیکاران کنونی و **LF** = جمعیت فعال کنونی شهرستان.\n"
        "- سهم **m** از شغل‌های تازه به کارگران مهاجر می‌رسد و بقیه، " + _ltr("J(1 − m)") + "، به بیکاران همان "
        "شهرستان.\n"
        "- هر کارگر مهاجر **k** جویای کار دیگر (همسر، خویشاوند، کسانی که خبر کار را شنیده‌اند) "
        "با خود می‌آورد که بیکار وارد بازار کار می‌شوند.\n"
        "- بیکاران′ = U − J(1 − m) + J·m·k\n"
        "- جمعیت فعال′ = LF + J·m·(1 + k)\n"
        "- نرخ بیکاری′ = ۱۰۰ × بیکاران′ ÷ جمعیت فعال′\n"
        "- مهاجران افزوده = " + _ltr("J·m·(1 + k)") + "؛ افزایش نرخ خالص مهاجرت (در هزار نفر) = "
        "۱۰۰۰ × " + _ltr("J·m·(1 + k)") + " ÷ جمعیت. جمعیت شهرستان دست نمی‌خورد.\n"
        "- پیش‌فرض‌ها: شهرستان‌های صنعتی ({industrial}) " + _ltr("m = {mi}") + " و " + _ltr("k = {ki}")
        + "؛ سایر شهرستان‌ها " + _ltr("m = {mo}") + " و " + _ltr("k = {ko}") + ". این اعداد برای نمایش برگزیده شده‌اند و با تغییر «فرض‌های مدل "
        "بازار کار» عوض می‌شوند.",
        "**The model's assumptions — assumptions, not facts or estimates:**\n\n"
        "- **J** = new direct jobs: the jobs of projects completed in the scenario but not in "
        "the baseline; **U** = the county's unemployed and **LF** = its labour force today.\n"
        "- A share **m** of the new jobs goes to in-migrant workers, the rest, J(1 − m), to "
        "the county's unemployed.\n"
        "- Each in-migrant worker brings **k** further job-seekers (spouses, relatives, people "
        "drawn by the news of jobs) who join the labour force unemployed.\n"
        "- unemployed′ = U − J(1 − m) + J·m·k\n"
        "- labour force′ = LF + J·m·(1 + k)\n"
        "- unemployment rate′ = 100 × unemployed′ ÷ labour force′\n"
        "- migrants added = J·m·(1 + k); added net migration rate (per 1,000) = "
        "1000 × J·m·(1 + k) ÷ population.  Population itself is not changed.\n"
        "- Defaults: industrial counties ({industrial}) m = {mi} and k = {ki}; other counties "
        "m = {mo} and k = {ko}.  These values are illustrative and change with a "
        "“labour-model assumptions” edit."),
    "scenario_page.labour_changed": ("فرض‌های این سناریو: {list}",
                                     "This scenario's assumptions: {list}"),
    "scenario_page.labour_none": (
        "در این سناریو پروژه تازه‌ای تکمیل نمی‌شود، پس مدل بازار کار چیزی را تغییر نمی‌دهد.",
        "No project is newly completed in this scenario, so the labour model changes nothing."),
    "scenario_page.labour_rises": (
        "▲ = نرخ بیکاری با وجود شغل تازه بالا می‌رود: مهاجران و همراهانشان بیش از شغل‌هایی که "
        "به بیکاران محلی می‌رسد به صف جویندگان کار می‌افزایند.",
        "▲ = the unemployment rate rises although jobs are added: in-migrants and those they "
        "bring add more job-seekers than the jobs that go to local unemployed."),
    "scenario_page.labour_capped": (
        "در برخی شهرستان‌ها بیکار محلی کافی نیست؛ استخدام محلی به تعداد بیکاران محدود شده است.",
        "Some counties lack enough local unemployed; local hires are capped at their number."),
    "scenario_page.demo_heading": (
        "آیا شغل تازه می‌تواند بیکاری را بیشتر کند؟",
        "Can new jobs raise unemployment?"),
    "scenario_page.demo_text": (
        "با " + _ltr("m = {m}") + " و " + _ltr("k = {k}") + ": اگر {jobs} شغل تازه در {county} "
        "(کم‌بیکارترین شهرستان صنعتی) "
        "ایجاد شود، {local} شغل به بیکاران محلی می‌رسد و {migrants} کارگر مهاجر {followers} "
        "جویای کار دیگر با خود می‌آورند؛ نرخ بیکاری از {before}٪ به **{after}٪ بالا می‌رود**، "
        "با آنکه شغل افزوده شده است.",
        "With m = {m} and k = {k}: if {jobs} new jobs appear in {county} (the industrial "
        "county with the lowest unemployment), {local} go to local unemployed and {migrants} "
        "in-migrant workers bring {followers} further job-seekers; the unemployment rate "
        "**rises** from {before}% to **{after}%** although jobs were added."),
    "scenario_page.demo_text_falls": (
        "با " + _ltr("m = {m}") + " و " + _ltr("k = {k}") + ": اگر {jobs} شغل تازه در {county} "
        "ایجاد شود، نرخ بیکاری از "
        "{before}٪ به {after}٪ می‌رسد (آستانه: {threshold}٪).",
        "With m = {m} and k = {k}: if {jobs} new jobs appear in {county}, the unemployment "
        "rate goes from {before}% to {after}% (threshold: {threshold}%)."),
    "scenario_page.demo_rule": (
        "قاعده: با " + _ltr("J > 0") + " نرخ بیکاری بالا می‌رود اگر و تنها اگر نرخ کنونی کمتر از "
        + _ltr("u* = 1 − 1 ÷ (m(1 + k))") + " باشد — هر قدر J باشد. با " + _ltr("m = {m}")
        + " و " + _ltr("k = {k}") + " این آستانه {threshold}٪ است و با پیش‌فرض صنعتی "
        "{default}٪؛ اگر " + _ltr("m(1 + k) ≤ 1") + " باشد شغل تازه همیشه بیکاری را کم "
        "می‌کند.",
        "Rule: with J > 0 the rate rises if and only if the current rate is below "
        "u* = 1 − 1 ÷ (m(1 + k)) — whatever J is.  With m = {m} and k = {k} the threshold "
        "is {threshold}%; with the industrial defaults {default}%; if m(1 + k) ≤ 1 new jobs "
        "always lower unemployment."),
    "scenario_page.demo_apply": ("این فرض را برای شهرستان‌های صنعتی به سناریو بیفزا "
                                 "(m = {m}، k = {k})",
                                 "Add this assumption (m = {m}, k = {k}) for the industrial "
                                 "counties to the scenario"),
    # --- pishran report --scenario ------------------------------------------------------
    "scenario_page.cli.title": ("گزارش پیشران: وضع موجود در برابر سناریو «{name}»",
                                "Pishran report: baseline against scenario '{name}'"),
    "scenario_page.cli.edits": ("تغییرهای سناریو: {n}", "Changes in the scenario: {n}"),
    "scenario_page.cli.measures": ("شاخص‌های توازن {x}: پایه و سناریو",
                                   "Balance measures of {x}: baseline and scenario"),
    "scenario_page.cli.rank": ("رتبه توسعه پایه → سناریو", "development rank baseline → scenario"),
}
