"""Messages of the store: imports, templates, versions, follow-ups, accounts.

Rule ids added by the import (``rule.<id>``) live here too; the shared ones
(``rule.required``, ``rule.date_day`` …) are in :mod:`i18n.messages.validation`.
"""

from i18n.messages.glossary import GLOSSARY

MESSAGES = {
    # -- import rules (file-level and cell-level checks beyond validate_table)
    "rule.formula_cell": (
        "فرمول در خانه مجاز نیست؛ به‌جای فرمول خود مقدار را بنویسید",
        "formulas are not allowed; type the value itself instead of a formula",
    ),
    "rule.gregorian_date": (
        "این تاریخ میلادی به نظر می‌رسد؛ تاریخ شمسی لازم است (معادل شمسی: {suggestion})",
        "this looks like a Gregorian date; a Jalali date is required (Jalali equivalent: "
        "{suggestion})",
    ),
    "rule.file_too_large": (
        "حجم پرونده {size} مگابایت است؛ حداکثر {limit} مگابایت مجاز است",
        "the file is {size} MB; at most {limit} MB is allowed",
    ),
    "rule.too_many_rows": (
        "پرونده بیش از {limit} ردیف داده دارد",
        "the file has more than {limit} data rows",
    ),
    "rule.binary_file": (
        "این پرونده نه اکسل (xlsx) است نه CSV؛ محتوای آن دودویی است (شاید نام پرونده عوض شده)",
        "this file is neither Excel (.xlsx) nor CSV: its content is binary (was it renamed?)",
    ),
    "rule.zip_not_xlsx": (
        "پرونده فشرده (zip) است ولی کارپوشه اکسل نیست",
        "the file is a zip archive but not an Excel workbook",
    ),
    "rule.legacy_excel": (
        "قالب قدیمی اکسل (xls) یا پرونده رمزدار پشتیبانی نمی‌شود؛ آن را با قالب xlsx ذخیره کنید",
        "old Excel format (.xls) or a password-protected file is not supported; save it as "
        ".xlsx",
    ),
    "rule.zip_too_large": (
        "محتوای فشرده پرونده بیش از حد بزرگ است (حداکثر {limit} مگابایت پس از بازشدن)",
        "the workbook expands to too much data (at most {limit} MB unzipped)",
    ),
    "rule.header_not_found": (
        "ردیف عنوان ستون‌ها در ۲۰ ردیف نخست پیدا نشد؛ عنوان‌های شناخته‌شده مانند: {known_fa}",
        "no header row found in the first 20 rows; known headers are e.g.: {known_en}",
    ),
    "rule.unknown_column": (
        "ستون ناشناخته؛ نادیده گرفته شد",
        "unknown column; ignored",
    ),
    "rule.duplicate_column": (
        "این ستون با ستون «{other}» یک معنا دارد",
        "this column means the same as column '{other}'",
    ),
    "rule.missing_header": (
        "ستون لازم «{label_fa}» ({name}) در پرونده نیست",
        "required column '{label_en}' ({name}) is missing",
    ),
    "rule.empty_file": (
        "پرونده هیچ داده‌ای ندارد",
        "the file holds no data",
    ),
    "rule.empty_sheet": (
        "برگه فقط ردیف عنوان دارد و ردیف داده‌ای ندارد",
        "the sheet has a header row but no data rows",
    ),
    "rule.duplicate_key": (
        "ردیف تکراری برای همین شهرستان، شاخص، سال و منبع (ردیف {first})",
        "duplicate row for the same county, indicator, year and source (row {first})",
    ),
    "rule.unknown_kind": (
        "معلوم نیست جدول پروژه‌هاست یا شاخص‌ها؛ نوع را انتخاب کنید",
        "cannot tell whether this is a projects or an indicators table; choose the kind",
    ),
    "rule.unknown_project": (
        "پروژه‌ای با این شناسه در داده جاری نیست",
        "no project with this id in the current data",
    ),
    "rule.unknown_person": (
        "این نام در میان افراد فعال ثبت‌شده نیست (افراد فعال: {allowed})",
        "this name is not an active person of the people records (active: {allowed})",
    ),
    "rule.not_finite": ("عدد بی‌نهایت یا نامعتبر است", "not a finite number"),
    "rule.text_too_long": (
        "متن بیش از {limit} نویسه است",
        "the text is longer than {limit} characters",
    ),
    "rule.wrong_kind": (
        "این پرونده جدول «{found_fa}» است، نه «{chosen_fa}»؛ نوع درست را انتخاب کنید",
        "this file looks like the '{found_en}' table, not '{chosen_en}'; choose the right kind",
    ),
    "rule.future_date": ("تاریخ در آینده است", "the date is in the future"),
    "rule.group_row_skipped": (
        "ردیف گروهی (GROUP:) چند شهرستان را پوشش می‌دهد و کنار گذاشته شد",
        "a GROUP: row covers several counties and was skipped",
    ),
    "rule.many_removed": (
        "{removed} پروژه از {before} پروژه نسخه جاری در این پرونده نیست و حذف خواهد شد",
        "{removed} of the {before} projects of the current version are not in this file and "
        "will be removed",
    ),
    # -- merging a return into the registry (store/merge.py)
    "rule.ambiguous_title": (
        "چند پروژه این شهرستان همین عنوان را دارند ({ids})؛ شناسه پروژه را بنویسید",
        "several projects of this county have this title ({ids}); give the project id",
    ),
    "rule.duplicate_row": (
        "ردیف تکراری: همین پروژه در ردیف {first} هم آمده است",
        "duplicated row: the same project is also in row {first}",
    ),
    "rule.exclude_unknown": (
        "این شناسه در بازبینی این پرونده نیست و نمی‌توان آن را کنار گذاشت",
        "this id is not in the review of this file and cannot be excluded",
    ),
    "rule.version_changed": (
        "پس از بازبینی، نسخه {current} جاری شده است (بازبینی بر پایه نسخه {reviewed} بود)؛ "
        "پرونده را دوباره بازبینی کنید",
        "version {current} became current after the review (made on version {reviewed}); "
        "review the file again",
    ),
    "rule.replace_not_confirmed": (
        "جایگزینی کل فهرست، {removed} پروژه از {before} پروژه را حذف می‌کند و تأیید لازم دارد",
        "replacing the whole registry removes {removed} of the {before} projects and needs "
        "confirmation",
    ),
    "rule.not_in_file": (
        "{count} پروژه این شهرستان در پرونده بازگشتی نیست و بی‌تغییر می‌ماند: {ids}",
        "{count} project(s) of this county are not in the returned file and are kept "
        "unchanged: {ids}",
    ),
    "rule.county_moved": (
        "شهرستان پروژه {id} از «{old}» به «{new}» تغییر می‌کند",
        "project {id} moves from county '{old}' to '{new}'",
    ),
    # -- import outcome
    "store.import.ok": (
        "نسخه {version} ذخیره شد: {added} پروژه افزوده، {changed} تغییر، {removed} حذف",
        "version {version} saved: {added} projects added, {changed} changed, {removed} removed",
    ),
    "store.import.preview": (
        "پیش‌نمایش (ذخیره نشد): {added} پروژه افزوده، {changed} تغییر، {removed} حذف",
        "preview (not saved): {added} projects added, {changed} changed, {removed} removed",
    ),
    "store.import.kept": (
        "؛ {count} پروژه در پرونده بازگشتی نبود و بی‌تغییر ماند",
        "; {count} project(s) not in the returned file, kept unchanged",
    ),
    "store.import.excluded": (
        "؛ {count} ردیف به خواست ویرایشگر کنار گذاشته شد",
        "; {count} row(s) excluded by the editor",
    ),
    "store.import.failed": (
        "{count} مشکل پیدا شد؛ هیچ داده‌ای ذخیره نشد و نسخه جاری تغییری نکرد",
        "{count} problem(s) found; nothing was stored and the current version is unchanged",
    ),
    # -- the review of an import, before anything is stored (store/merge.py)
    "store.mode.merge": ("ادغام با فهرست جاری", "merge into the registry"),
    "store.mode.replace": ("جایگزینی کل فهرست", "replace the whole registry"),
    "store.review.heading": ("بازبینی ({mode})؛ شهرستان‌های پرونده: {counties}",
                             "review ({mode}); counties in the file: {counties}"),
    "store.review.row": ("(ردیف {row})", "(row {row})"),
    "store.review.added": ("افزوده", "added"),
    "store.review.changed": ("تغییر", "changed"),
    "store.review.unchanged": ("بی‌تغییر", "unchanged"),
    "store.review.absent": ("در پرونده نیست", "not in file"),
    "store.review.removal": ("حذف", "removed"),
    "store.review.not_in_file": (
        "در پرونده بازگشتی نیست ({county}، {count} پروژه، بی‌تغییر می‌ماند): {ids}",
        "not in the returned file ({county}, {count} project(s), kept unchanged): {ids}",
    ),
    "store.review.removed": ("{count} پروژه حذف می‌شود: {ids}",
                             "{count} project(s) will be removed: {ids}"),
    "store.review.untouched": ("{count} پروژه شهرستان‌های دیگر دست‌نخورده می‌ماند",
                               "{count} project(s) of other counties stay untouched"),
    "store.kind.projects": ("پروژه‌ها", "Projects"),
    "store.kind.indicators": ("شاخص‌ها", "Indicators"),
    "store.kind.seed": ("داده پیش‌فرض", "Embedded default data"),
    "store.version.restored_from": ("بازگردانی نسخه {version}", "restore of version {version}"),
    # -- problem report workbook
    "store.report.sheet": ("مشکلات", "Problems"),
    "store.report.file": ("پرونده", "File"),
    "store.report.sheet_name": ("برگه", "Sheet"),
    "store.report.row": ("ردیف", "Row"),
    "store.report.column": ("ستون", "Column"),
    "store.report.cell": ("خانه", "Cell"),
    "store.report.value": ("مقدار", "Value"),
    "store.report.rule": ("قاعده", "Rule"),
    "store.report.message": ("توضیح", "Message"),
    "store.report.truncated": ("… و {count} مشکل دیگر", "… and {count} more problems"),
    # -- template and data dictionary
    "store.template.dictionary": ("راهنمای ستون‌ها", "Data dictionary"),
    "store.template.lists": ("فهرست‌ها", "Lists"),
    "store.dict.column": ("ستون", "Column"),
    "store.dict.field": ("نام فنی", "Field id"),
    "store.dict.meaning": ("معنا", "Meaning"),
    "store.dict.unit": ("واحد", "Unit"),
    "store.dict.required": ("لازم؟", "Required?"),
    "store.dict.allowed": ("مقادیر مجاز", "Allowed values"),
    "store.dict.yes": ("بله", "yes"),
    "store.dict.no": ("خیر", "no"),
    "store.unit.jalali": ("تاریخ شمسی، مانند ۱۴۰۴/۰۸/۲۸", "Jalali date, e.g. 1404/08/28"),
    "store.unit.degrees": ("درجه", "degrees"),
    "store.unit.yes_no": ("بله/خیر", "yes/no"),
    "store.unit.year_jalali": ("سال شمسی", "Jalali year"),
    "store.unit.text": ("متن", "text"),
    "store.unit.number": ("عدد", "number"),
    # column labels (template headers; also accepted as headers on import)
    "store.col.projects.project_id": ("شناسه پروژه", "Project ID"),
    "store.col.projects.county_code": ("شهرستان", "County"),
    "store.col.projects.title_fa": ("عنوان پروژه", "Project title (Persian)"),
    "store.col.projects.title_en": ("عنوان انگلیسی", "English title"),
    "store.col.projects.sector": ("بخش", "Sector"),
    "store.col.projects.agency_fa": ("دستگاه اجرایی", "Executing agency"),
    "store.col.projects.status": ("وضعیت", "Status"),
    "store.col.projects.physical_progress_pct": ("پیشرفت فیزیکی (درصد)",
                                                 "Physical progress (%)"),
    "store.col.projects.financial_progress_pct": ("پیشرفت مالی (درصد)",
                                                  "Financial progress (%)"),
    "store.col.projects.budget_billion_rials": ("بودجه (میلیارد ریال)", "Budget (billion rials)"),
    "store.col.projects.funding_source": GLOSSARY["glossary.funding_source"],
    "store.col.projects.expected_jobs": ("اشتغال پیش‌بینی‌شده (نفر)", "Expected jobs"),
    "store.col.projects.planned_start": ("تاریخ شروع", "Planned start"),
    "store.col.projects.planned_end": ("تاریخ پایان", "Planned end"),
    "store.col.projects.actual_start": ("تاریخ شروع واقعی", "Actual start"),
    "store.col.projects.actual_end": ("تاریخ پایان واقعی", "Actual end"),
    "store.col.projects.last_followup": ("تاریخ آخرین پیگیری", "Last follow-up"),
    "store.col.projects.followup_officer": GLOSSARY["glossary.followup_officer"],
    "store.col.projects.lat": ("عرض جغرافیایی", "Latitude"),
    "store.col.projects.lon": ("طول جغرافیایی", "Longitude"),
    "store.col.projects.source": ("منبع", "Source"),
    "store.col.projects.is_sample": ("داده نمونه", "Sample data"),
    "store.col.indicators.county_code": ("شهرستان", "County"),
    "store.col.indicators.indicator": ("شاخص", "Indicator"),
    "store.col.indicators.year": ("سال", "Year"),
    "store.col.indicators.value": ("مقدار", "Value"),
    "store.col.indicators.unit": ("واحد", "Unit"),
    "store.col.indicators.source": ("منبع", "Source"),
    "store.col.indicators.quality": ("کیفیت داده", "Data quality"),
    "store.col.indicators.is_sample": ("داده نمونه", "Sample data"),
    # column meanings (data dictionary)
    "store.help.projects.project_id": ("شناسه یکتای پروژه؛ تکراری نباشد",
                                       "unique id of the project; no duplicates"),
    "store.help.projects.county_code": ("نام یا کد شهرستان محل اجرا (هر نگارشی پذیرفته است)",
                                        "county name or code (any spelling is accepted)"),
    "store.help.projects.title_fa": ("عنوان فارسی پروژه", "Persian title of the project"),
    "store.help.projects.title_en": ("عنوان انگلیسی (اختیاری)", "English title (optional)"),
    "store.help.projects.sector": ("بخش اقتصادی پروژه", "economic sector"),
    "store.help.projects.agency_fa": ("دستگاه اجرایی مسئول", "responsible executing agency"),
    "store.help.projects.status": ("وضعیت فعلی پروژه", "current status"),
    "store.help.projects.physical_progress_pct": ("درصد پیشرفت فیزیکی، ۰ تا ۱۰۰",
                                                  "physical progress, 0–100"),
    "store.help.projects.financial_progress_pct": ("درصد پیشرفت مالی، ۰ تا ۱۰۰",
                                                   "financial progress, 0–100"),
    "store.help.projects.budget_billion_rials": ("کل اعتبار پروژه", "total budget"),
    "store.help.projects.funding_source": ("منبع تأمین اعتبار", "source of funding"),
    "store.help.projects.expected_jobs": ("اشتغال مستقیم پیش‌بینی‌شده",
                                          "expected direct jobs"),
    "store.help.projects.planned_start": ("تاریخ شروع برنامه‌ریزی‌شده", "planned start date"),
    "store.help.projects.planned_end": ("تاریخ پایان برنامه‌ریزی‌شده", "planned end date"),
    "store.help.projects.actual_start": ("تاریخ شروع واقعی", "actual start date"),
    "store.help.projects.actual_end": ("تاریخ پایان یا بهره‌برداری", "actual end date"),
    "store.help.projects.last_followup": ("تاریخ آخرین پیگیری", "date of the last follow-up"),
    "store.help.projects.followup_officer": ("نام مسئول پیگیری", "name of the follow-up officer"),
    "store.help.projects.lat": ("عرض جغرافیایی محل پروژه (۲۴ تا ۴۰)",
                                "latitude of the site (24–40)"),
    "store.help.projects.lon": ("طول جغرافیایی محل پروژه (۴۴ تا ۶۴)",
                                "longitude of the site (44–64)"),
    "store.help.projects.source": ("منبع داده", "source of the data"),
    "store.help.projects.is_sample": ("آیا داده نمونه/برآورد است؟", "is this sample/estimated data?"),
    "store.help.indicators.county_code": ("نام یا کد شهرستان، یا PROVINCE برای کل استان",
                                          "county name or code, or PROVINCE for the province"),
    "store.help.indicators.indicator": ("شناسه شاخص", "indicator id"),
    "store.help.indicators.year": ("سال شمسی داده", "Jalali year of the figure"),
    "store.help.indicators.value": ("مقدار شاخص", "value of the indicator"),
    "store.help.indicators.unit": ("واحد اندازه‌گیری", "unit of measurement"),
    "store.help.indicators.source": ("منبع داده", "source of the figure"),
    "store.help.indicators.quality": ("نوع داده از نظر اعتبار", "provenance of the figure"),
    "store.help.indicators.is_sample": ("آیا داده نمونه/برآورد است؟",
                                        "is this sample/estimated data?"),
    # -- follow-ups
    "store.actor.followup_officer": GLOSSARY["glossary.followup_officer"],
    "store.actor.governor_office": ("دفتر فرماندار", "Governor's office"),
    "store.actor.mp": ("نماینده مجلس", "Member of Parliament"),
    "store.followup.saved": ("پیگیری ثبت شد", "follow-up recorded"),
    "store.followup.stale": ("{count} پروژه بیش از {days} روز پیگیری نشده",
                             "{count} project(s) without a follow-up for more than {days} days"),
    # -- accounts
    "store.role.viewer": ("بیننده", "Viewer"),
    "store.role.editor": ("ویرایشگر", "Editor"),
    "store.account.bad_name": ("نام کاربری نامعتبر است", "invalid user name"),
    "store.account.short_password": ("گذرواژه دست‌کم ۸ نویسه باشد",
                                     "the password needs at least 8 characters"),
    "store.account.long_password": ("گذرواژه بیش از ۷۲ بایت است", "the password exceeds 72 bytes"),
    "store.account.bad_role": ("نقش باید viewer یا editor باشد", "the role must be viewer or editor"),
    "store.account.exists": ("این نام کاربری وجود دارد", "this user name exists"),
    "store.account.bad_journal": (
        "پرونده نیمه‌کارهٔ تغییر حساب‌ها خوانا نیست؛ آن را بررسی و سپس پاک کنید",
        "the journal of an unfinished account change cannot be read; check it, then delete it",
    ),
    "store.account.failed": ("نام کاربری یا گذرواژه نادرست است",
                             "wrong user name or password"),
    "store.account.forbidden": ("این حساب اجازه ثبت تغییر ندارد",
                                "this account may not make changes"),
    # -- saved scenarios: who may write
    "store.scenario.sign_in": (
        "برای ذخیره، بازنویسی یا حذف سناریو باید وارد شوید؛ پیوند اشتراک سناریو بدون ورود هم "
        "کار می‌کند",
        "sign in to save, overwrite or delete a scenario; share links work without signing in",
    ),
    "store.scenario.not_author": (
        "سناریوی «{name}» را {author} ذخیره کرده است؛ فقط او یا یک ویرایشگر می‌تواند آن را "
        "بازنویسی یا حذف کند",
        "'{name}' was saved by {author}; only its author or an editor may overwrite or "
        "delete it",
    ),
    "store.scenario.editors_only": (
        "سناریوی «{name}» نویسندهٔ ثبت‌شده ندارد؛ فقط ویرایشگر می‌تواند آن را بازنویسی یا "
        "حذف کند",
        "'{name}' has no recorded author; only an editor may overwrite or delete it",
    ),
    # -- the command line: who writes
    "store.cli.unknown_user": (
        "کاربر «{name}» حساب ندارد؛ تغییر ثبت نشد. حساب‌ها: {accounts} "
        "(افزودن حساب: pishran users add NAME)",
        "--user '{name}' is not an account; nothing was changed. Accounts: {accounts} "
        "(add one with: pishran users add NAME)",
    ),
    "store.cli.viewer": (
        "حساب «{name}» بیننده است؛ فقط ویرایشگر تغییر ثبت می‌کند",
        "the account '{name}' is a viewer; only editors make changes",
    ),
    "store.cli.no_user": (
        "نویسندهٔ تغییر معلوم نیست: ‎--user NAME‎ را با نام یک حساب موجود بدهید (یا "
        "PISHRAN_USER را، یا با کاربر سیستمی هم‌نام یک حساب کار کنید؛ کاربر سیستمی: {login})",
        "who makes this change is unknown: give --user NAME with an existing account (or set "
        "PISHRAN_USER, or run as the OS user of the same name as an account; OS user: "
        "{login})",
    ),
    "store.cli.no_accounts": (
        "هنوز حسابی نیست؛ نخست یک ویرایشگر بسازید: pishran users add NAME --role editor",
        "there are no accounts yet; add an editor first: pishran users add NAME --role editor",
    ),
}
