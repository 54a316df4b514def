"""Follow-up rounds with the governors: the county workbooks, returns and replies."""

MESSAGES = {
    # -- the county workbook
    "rounds.workbook.instructions": ("راهنما", "Instructions"),
    "rounds.workbook.title": ("پرونده پیگیری پروژه‌های پیشران شهرستان",
                              "Follow-up workbook of the county's driver projects"),
    "rounds.workbook.round": ("دور پیگیری: {name}", "Follow-up round: {name}"),
    "rounds.workbook.due": ("مهلت بازگرداندن: {due}", "Return by: {due}"),
    "rounds.workbook.county": ("شهرستان: {county}", "County: {county}"),
    "rounds.workbook.step1": (
        "۱. در برگه «پروژه‌ها» آخرین وضعیت هر پروژه را در خانه‌های سفید به‌روز کنید؛ ستون‌های "
        "شناسه، شهرستان و داده نمونه قفل‌اند و تغییر نمی‌کنند.",
        "1. On the projects sheet, update each project's latest state in the white cells; the "
        "id, county and sample columns are locked."),
    "rounds.workbook.step2": (
        "۲. بخش، وضعیت و منبع اعتبار را از فهرست کشویی هر خانه انتخاب کنید.",
        "2. Pick sector, status and funding source from each cell's drop-down list."),
    "rounds.workbook.step3": (
        "۳. تاریخ‌ها را شمسی و به شکل ۱۴۰۴/۰۸/۲۸ (سال/ماه/روز) بنویسید؛ درصدها عددی میان ۰ تا ۱۰۰‌اند.",
        "3. Write dates in the Jalali calendar as 1404/08/28 (year/month/day); percentages are "
        "numbers from 0 to 100."),
    "rounds.workbook.step4": (
        "۴. ردیفی را حذف نکنید و ردیف شهرستان دیگری نیفزایید؛ پروژه‌ای که در پرونده نباشد "
        "بی‌تغییر می‌ماند. برای پروژه تازه با دفتر معاونت هماهنگ کنید.",
        "4. Do not delete rows or add rows of another county; a project missing from the file "
        "is kept unchanged. Ask the deputy's office to add a new project."),
    "rounds.workbook.step5": (
        "۵. نام برگه‌ها و سرستون‌ها را تغییر ندهید و فرمول ننویسید.",
        "5. Do not rename the sheets or the column headers, and do not enter formulas."),
    "rounds.workbook.step6": (
        "۶. پرونده را تا {due} به دفتر معاونت بازگردانید.",
        "6. Return the file to the deputy's office by {due}."),
    "rounds.workbook.list_error": ("یکی از مقادیر فهرست کشویی را انتخاب کنید.",
                                   "Pick one of the values of the drop-down list."),
    "rounds.workbook.date_error": ("تاریخ شمسی را به شکل ۱۴۰۴/۰۸/۲۸ بنویسید.",
                                   "Write the Jalali date as 1404/08/28."),
    "rounds.workbook.date_prompt": ("تاریخ شمسی، سال/ماه/روز — مانند ۱۴۰۴/۰۸/۲۸",
                                    "Jalali date, year/month/day — e.g. 1404/08/28"),
    "rounds.workbook.pct_error": ("درصد، عددی میان ۰ تا ۱۰۰ است.",
                                  "A percentage is a number from 0 to 100."),
    # -- problems of a return
    "rule.round_mismatch": (
        "این پرونده برای دور «{stamped}» است، نه دور انتخاب‌شده «{chosen}»؛ هیچ چیز ذخیره نشد",
        "this file is for the round '{stamped}', not the chosen round '{chosen}'; nothing "
        "was stored"),
    "rule.other_county_row": (
        "پرونده شهرستان {county} است اما این ردیف پروژه‌ای از شهرستان {other} دارد",
        "the workbook is {county}'s, but this row holds a project of {other}"),
    "rule.locked_id": (
        "ستون شناسه قفل است؛ «{value}» شناسه هیچ پروژه‌ای از شهرستان {county} نیست — شناسه را "
        "برگردانید، یا پروژه تازه را در ردیفی تازه با شناسه خالی بنویسید",
        "the id column is locked; '{value}' is not the id of any project of {county} — put "
        "the id back, or write a new project on a new row with the id left blank"),
    "rule.round_not_projects": (
        "فقط پرونده پروژه‌ها را می‌توان پاسخ یک دور پیگیری ثبت کرد",
        "only a projects file can be recorded as a return for a follow-up round"),
    # -- rounds
    "rounds.error.no_name": ("نام دور پیگیری خالی است", "the round has no name"),
    "rounds.error.bad_due": ("مهلت «{value}» تاریخ شمسی به شکل ۱۴۰۴/۱۰/۱۵ نیست",
                             "the due date '{value}' is not a Jalali date such as 1404/10/15"),
    "rounds.error.taken": ("دور پیگیری «{name}» از پیش هست", "a round named '{name}' exists"),
    "rounds.cli.added": ("دور پیگیری «{name}» با مهلت {due} افزوده شد",
                         "round '{name}' added, due {due}"),
    "rounds.cli.unknown": ("دور پیگیری «{name}» نیست؛ دورها: {rounds}",
                           "no round '{name}'; rounds: {rounds}"),
    "rounds.cli.none": ("هنوز دور پیگیری‌ای تعریف نشده", "no round yet"),
    "rounds.cli.wrote": ("{count} پرونده در {out} نوشته شد", "wrote {count} workbooks to {out}"),
    "rounds.cli.summary": ("دور «{name}» (مهلت {due}): {replied} شهرستان پاسخ داده، {waiting} "
                           "شهرستان نه", "round '{name}' (due {due}): {replied} counties "
                           "replied, {waiting} not yet"),
    "rounds.cli.unknown_county": ("شهرستان «{name}» شناخته نشد", "unknown county '{name}'"),
    # -- the Data page
    "rounds.page.heading": ("دورهای پیگیری با فرمانداری‌ها", "Follow-up rounds with the governors"),
    "rounds.page.note": (
        "برای هر دور، پرونده‌های پیش‌پرشده هر شهرستان را بگیرید و بفرستید؛ پرونده بازگشتی را در "
        "بخش بارگذاری با انتخاب همان دور وارد کنید.",
        "For each round, download each county's pre-filled workbook and send it; import the "
        "returned file in the upload section with that round chosen."),
    "rounds.page.round": ("دور پیگیری", "Follow-up round"),
    "rounds.page.no_round": ("بدون دور", "No round"),
    "rounds.page.zip": ("پرونده‌های شهرستان‌ها (zip)", "County workbooks (zip)"),
    "rounds.page.add": ("افزودن دور", "Add round"),
    "rounds.page.name": ("نام دور", "Round name"),
    "rounds.page.due": ("مهلت (شمسی)", "Due (Jalali)"),
    "rounds.page.added": ("دور «{name}» افزوده شد", "Round '{name}' added"),
    "rounds.page.replies": ("پاسخ‌ها: {replied} از {total} شهرستان",
                            "Replies: {replied} of {total} counties"),
    "rounds.page.import_round": ("این پرونده پاسخ کدام دور است؟",
                                 "Which round is this file the return for?"),
    "rounds.col.county": ("شهرستان", "County"),
    "rounds.col.replied": ("پاسخ داده", "Replied"),
    "rounds.col.recorded_at": ("زمان", "When"),
    "rounds.col.recorded_by": ("ثبت‌کننده", "By"),
    "rounds.col.version": ("نسخه", "Version"),
    "rounds.yes": ("بله", "Yes"),
    "rounds.no": ("خیر — پیگیری شود", "No — to chase"),
}
