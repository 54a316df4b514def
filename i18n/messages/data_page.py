"""Messages of the Data page (versions, templates, imports, restore, follow-ups) and
of the sign-in panel (``ui/auth.py``).  Store messages proper are in ``store.py``."""

MESSAGES = {
    # -- store wiring (ui/data.py)
    "data_page.store_unavailable": (
        "پایگاه داده در دسترس نیست؛ داده پیش‌فرض برنامه نمایش داده می‌شود",
        "the database is not available; the app's embedded data is shown",
    ),
    # -- sign-in
    "data_page.auth.heading": ("ورود ویرایشگران", "Editor sign-in"),
    "data_page.auth.name": ("نام کاربری", "User name"),
    "data_page.auth.password": ("گذرواژه", "Password"),
    "data_page.auth.submit": ("ورود", "Sign in"),
    "data_page.auth.sign_out": ("خروج", "Sign out"),
    "data_page.auth.signed_in": ("واردشده: {name} ({role})", "Signed in: {name} ({role})"),
    "data_page.auth.viewer_only": (
        "این حساب فقط اجازه دیدن دارد؛ ثبت تغییر ممکن نیست",
        "this account may only view; changes cannot be made",
    ),
    "data_page.auth.sign_in_to_write": (
        "برای بارگذاری، بازگردانی نسخه یا ثبت پیگیری، با حساب ویرایشگر وارد شوید",
        "sign in with an editor account to upload, restore a version or record a follow-up",
    ),
    "data_page.auth.read_only_note": (
        "برنامه فقط‌خواندنی است: هنوز هیچ حساب کاربری تعریف نشده است. مدیر سامانه می‌تواند "
        "حساب ویرایشگر بسازد.",
        "the app is read-only: no account is defined yet. The administrator can create an "
        "editor account ('pishran users add').",
    ),
    "data_page.system": ("سامانه", "system"),
    # -- current version
    "data_page.current_heading": ("نسخه جاری داده", "Current data version"),
    "data_page.version": ("نسخه", "Version"),
    "data_page.created_by": ("ثبت‌کننده", "Recorded by"),
    "data_page.created_at": ("زمان ثبت", "Recorded at"),
    "data_page.n_projects": ("تعداد پروژه‌ها", "Projects"),
    "data_page.n_indicators": ("تعداد ردیف‌های شاخص", "Indicator rows"),
    "data_page.file_name": ("پرونده: {name}", "File: {name}"),
    "data_page.no_file": ("بدون پرونده", "no file"),
    # -- versions
    "data_page.versions_heading": ("تاریخچه نسخه‌ها", "Version history"),
    "data_page.versions_note": (
        "هیچ نسخه‌ای پاک نمی‌شود؛ بازگردانی یک نسخه قدیمی، نسخه تازه‌ای می‌سازد",
        "no version is ever deleted; restoring an old version makes a new one",
    ),
    "data_page.col.id": ("نسخه", "Version"),
    "data_page.col.current": ("جاری", "Current"),
    "data_page.col.created_at": ("زمان ثبت", "Recorded at"),
    "data_page.col.created_by": ("ثبت‌کننده", "Recorded by"),
    "data_page.col.kind": ("نوع", "Kind"),
    "data_page.col.file_name": ("پرونده", "File"),
    "data_page.col.n_projects": ("پروژه‌ها", "Projects"),
    "data_page.col.n_indicators": ("شاخص‌ها", "Indicators"),
    "data_page.col.added": ("افزوده", "Added"),
    "data_page.col.changed": ("تغییر", "Changed"),
    "data_page.col.removed": ("حذف", "Removed"),
    "data_page.current_mark": ("✓ جاری", "✓ current"),
    # review of an import (columns of the review tables)
    "data_page.col.project_id": ("شناسه پروژه", "Project ID"),
    "data_page.col.county": ("شهرستان", "County"),
    "data_page.col.title": ("عنوان پروژه", "Project title"),
    "data_page.col.change": ("تغییر", "Change"),
    "data_page.col.row": ("ردیف پرونده", "File row"),
    "data_page.col.n_fields": ("فیلدهای تغییرکرده", "Fields changed"),
    "data_page.col.field": ("فیلد", "Field"),
    "data_page.col.old": ("مقدار جاری", "Current value"),
    "data_page.col.new": ("مقدار پرونده", "Value in the file"),
    # -- templates
    "data_page.templates_heading": ("قالب‌های خالی برای ورود داده", "Empty import templates"),
    "data_page.templates_note": (
        "قالب اکسل با عنوان‌های فارسی، فهرست مقادیر مجاز و راهنمای ستون‌ها",
        "Excel template with headers, lists of allowed values and a data dictionary",
    ),
    "data_page.template_button": ("دریافت قالب {kind}", "Download the {kind} template"),
    # -- upload
    "data_page.upload_heading": ("بارگذاری پرونده تازه", "Upload a new file"),
    "data_page.kind": ("نوع جدول", "Table kind"),
    "data_page.file": ("پرونده اکسل (xlsx) یا CSV", "Excel (.xlsx) or CSV file"),
    # -- the file uploader's own words (ui/layout.uploader_css)
    "data_page.uploader.button": ("انتخاب پرونده", "Upload"),
    "data_page.uploader.limit": ("حداکثر {size} مگابایت برای هر پرونده", "{size}MB per file"),
    "data_page.uploader.drop": ("پرونده را اینجا رها کنید", "Drag and drop a file here"),
    "data_page.upload_note": (
        "نخست بازبینی نشان داده می‌شود و چیزی ذخیره نمی‌شود؛ محتوای پرونده (نه پسوند آن) "
        "بررسی می‌شود. پرونده پروژه‌ها با فهرست جاری ادغام می‌شود: پروژه‌های نام‌برده به‌روز "
        "یا افزوده می‌شوند و بقیه بی‌تغییر می‌مانند؛ جایگزینی کل فهرست گزینه جداگانه‌ای است.",
        "a review comes first and nothing is stored; the content (not the extension) is "
        "checked. A projects file is merged into the registry: the projects it names are "
        "updated or added, the others stay as they are; replacing the whole registry is a "
        "separate choice.",
    ),
    "data_page.import_mode": ("شیوه ورود پرونده پروژه‌ها", "How to import the projects file"),
    "data_page.review_heading": ("بازبینی پیش از ذخیره", "Review before storing"),
    "data_page.review_note": (
        "هر پروژه پرونده با تغییرش؛ پروژه‌های بی‌تغییر نشان داده نمی‌شوند. {untouched} پروژه "
        "شهرستان‌های دیگر دست‌نخورده می‌ماند.",
        "each project of the file with its change; unchanged projects are not shown. "
        "{untouched} project(s) of other counties stay untouched.",
    ),
    "data_page.review_fields_heading": ("فیلدها: مقدار جاری ← مقدار پرونده",
                                        "Fields: current value → value in the file"),
    "data_page.review_exclude": ("ردیف‌هایی که کنار گذاشته شوند (پذیرفته نشوند)",
                                 "Rows to exclude (not accepted)"),
    "data_page.review_exclude_none": ("هیچ ردیفی کنار گذاشته نشده", "no row left out"),
    "data_page.review_exclude_help": (
        "بقیه ردیف‌ها با هم به‌عنوان یک نسخه تازه ذخیره می‌شوند",
        "the other rows are stored together as one new version",
    ),
    "data_page.replace_warning": (
        "جایگزینی کل فهرست، {count} پروژه از {total} پروژه جاری را حذف می‌کند",
        "replacing the whole registry removes {count} of the {total} current projects",
    ),
    "data_page.replace_confirm": ("مطمئنم؛ {count} پروژه حذف شود",
                                  "I am sure: remove {count} projects"),
    "data_page.problems_heading": ("مشکلات پرونده", "Problems in the file"),
    "data_page.problems_download": ("دریافت فهرست مشکلات (اکسل)", "Download the problems (Excel)"),
    "data_page.warnings_heading": ("هشدارها (مانع ذخیره نیستند)", "Warnings (do not block saving)"),
    "data_page.diff_heading": ("تغییرات نسبت به نسخه جاری", "Changes against the current version"),
    "data_page.diff.added": ("پروژه‌های افزوده", "Projects added"),
    "data_page.diff.changed": ("پروژه‌های تغییرکرده", "Projects changed"),
    "data_page.diff.removed": ("پروژه‌های حذف‌شده", "Projects removed"),
    "data_page.diff.indicators": (
        "ردیف‌های شاخص: {added} افزوده، {changed} تغییر، {removed} حذف",
        "indicator rows: {added} added, {changed} changed, {removed} removed",
    ),
    "data_page.save": ("ذخیره به‌عنوان نسخه جدید", "Store as a new version"),
    "data_page.saved": ("نسخه {version} ذخیره شد و اکنون نسخه جاری است",
                        "version {version} was stored and is now current"),
    # -- restore
    "data_page.restore_heading": ("بازگردانی نسخه قبلی", "Restore an earlier version"),
    "data_page.restore_pick": ("نسخه", "Version"),
    "data_page.restore_confirm": (
        "مطمئنم؛ این نسخه به‌عنوان نسخه تازه، نسخه جاری شود",
        "I am sure: make this version current again (as a new version)",
    ),
    "data_page.restore_button": ("بازگردانی", "Restore"),
    "data_page.restored": ("نسخه {old} بازگردانده شد (نسخه تازه {new})",
                           "version {old} restored (new version {new})"),
    "data_page.restore_none": ("نسخه دیگری برای بازگردانی نیست",
                               "there is no other version to restore"),
    # -- follow-ups
    "data_page.followup_heading": ("پیگیری پروژه‌ها", "Project follow-ups"),
    "data_page.followup_project": ("پروژه", "Project"),
    "data_page.followup_form": ("ثبت پیگیری تازه", "Record a new follow-up"),
    "data_page.followup_date": ("تاریخ پیگیری (شمسی، مانند ۱۴۰۴/۰۸/۲۸)",
                                "Follow-up date (Jalali, e.g. 1404/08/28)"),
    "data_page.followup_status": ("وضعیت", "Status"),
    "data_page.followup_physical": ("پیشرفت فیزیکی (درصد)", "Physical progress (%)"),
    "data_page.followup_financial": ("پیشرفت مالی (درصد)", "Financial progress (%)"),
    "data_page.followup_note": ("شرح پیگیری", "Note"),
    "data_page.followup_blocker": ("مانع یا گره کار", "Blocker"),
    "data_page.followup_actor": ("پیگیری‌کننده", "Followed up by"),
    "data_page.followup_person": ("شخص", "Person"),
    "data_page.followup_person_pick": ("یکی از افراد فعال را انتخاب کنید",
                                       "choose one of the active people"),
    "data_page.followup_person_free": (
        "هنوز فردی ثبت نشده است؛ نام را بنویسید (پس از ثبت افراد، یکی از افراد فعال انتخاب می‌شود)",
        "no people are recorded yet: type the name (once people are recorded, one of the "
        "active people is chosen)",
    ),
    "data_page.followup_submit": ("ثبت پیگیری", "Record the follow-up"),
    "data_page.followup_append_only": (
        "پیگیری‌ها فقط افزوده می‌شوند و ویرایش یا حذف نمی‌شوند",
        "follow-ups are only ever added, never edited or deleted",
    ),
    "data_page.followup_problems": ("پیگیری ثبت نشد:", "The follow-up was not recorded:"),
    "data_page.timeline_heading": ("سابقه پیگیری‌های این پروژه", "This project's follow-ups"),
    "data_page.timeline_empty": ("هنوز پیگیری‌ای برای این پروژه ثبت نشده",
                                 "no follow-up has been recorded for this project yet"),
    "data_page.tl.jalali_date": ("تاریخ", "Date"),
    "data_page.tl.status": ("وضعیت", "Status"),
    "data_page.tl.physical_pct": ("پیشرفت فیزیکی", "Physical"),
    "data_page.tl.financial_pct": ("پیشرفت مالی", "Financial"),
    "data_page.tl.note": ("شرح", "Note"),
    "data_page.tl.blocker": ("مانع", "Blocker"),
    "data_page.tl.actor_role": ("پیگیری‌کننده", "By"),
    "data_page.tl.person": ("شخص", "Person"),
    "data_page.tl.recorded_by": ("ثبت‌کننده", "Recorded by"),
    "data_page.tl.recorded_at_jalali": ("زمان ثبت", "Recorded at"),
    # -- problems table headers
    "data_page.pr.sheet": ("برگه", "Sheet"),
    "data_page.pr.row": ("ردیف", "Row"),
    "data_page.pr.column": ("ستون", "Column"),
    "data_page.pr.value": ("مقدار", "Value"),
    "data_page.pr.rule": ("قاعده", "Rule"),
    "data_page.pr.message": ("توضیح", "Message"),
    # -- stale follow-ups (Overview, Projects)
    "data_page.stale_metric": ("پروژه‌های بدون پیگیری", "Projects without follow-up"),
    "data_page.stale_col": ("⌛", "⌛"),
    "data_page.stale_help": (
        "⌛ بیش از {days} روز پیگیری نشده (یا هرگز)",
        "⌛ no follow-up for more than {days} days (or never)",
    ),
}
