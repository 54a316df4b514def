"""Messages of the hardening work (issue 17): refused characters and numbers, unclear
files made clear, crafted links, the visitor's error page and sign-in throttling."""

MESSAGES = {
    # -- cells refused by the one cleaner (core.text.clean_cell)
    "rule.control_char": (
        "نویسهٔ کنترلی {char} (مانند NUL) در خانهٔ {cell} است؛ این خانه دست‌کاری یا خراب "
        "شده است — آن را دوباره تایپ کنید",
        "the cell {cell} holds the control character {char} (such as NUL); it is damaged or "
        "tampered with — type it again",
    ),
    "rule.bidi_override": (
        "نویسهٔ نامرئی جهت‌گردان {char} در خانهٔ {cell} است؛ متن چیزی جز آنچه نشان می‌دهد "
        "می‌گوید — آن را دوباره تایپ کنید",
        "the cell {cell} holds the invisible direction override {char}: the text says "
        "something other than what it shows — type it again",
    ),
    # -- numbers (core.numbers)
    "rule.ambiguous_number": (
        "معلوم نیست جداکننده اعشار است یا هزارگان: می‌تواند {point} یا {thousands} باشد؛ "
        "عدد را بی‌جداکنندهٔ هزارگان و با «٫» یا «.» برای اعشار بنویسید",
        "it is unclear whether the separator is a decimal or a thousands one: it could be "
        "{point} or {thousands}; write the number without thousands separators and with '.' "
        "for decimals",
    ),
    "rule.out_of_bound": (
        "عدد بیش از اندازه بزرگ است (حداکثر {limit})",
        "the number is too large (at most {limit})",
    ),
    # -- unclear files made clear
    "rule.unclosed_quote": (
        "در خانهٔ {cell} یک گیومه («\"») باز شده و بسته نشده است؛ {lines} سطر بعدی همه در "
        "همین خانه خوانده شد — گیومه را ببندید یا بردارید",
        "a quote (\") opens in cell {cell} and is never closed: the {lines} lines after it "
        "were all read into that cell — close or remove the quote",
    ),
    "rule.data_in_hidden_sheet": (
        "داده‌ها فقط در برگهٔ پنهان «{name}» است؛ برگه را در اکسل از حالت پنهان درآورید "
        "(یا داده‌ها را به برگه‌ای پیدا ببرید) و دوباره بارگذاری کنید",
        "the data is only in the hidden sheet '{name}'; unhide the sheet in Excel (or move "
        "the data to a visible sheet) and upload again",
    ),
    "rule.two_level_header": (
        "سرستون‌ها دو سطری است (خانه‌های ادغام‌شدهٔ {cell})؛ یک سطر سرستون بگذارید: "
        "ادغام را بردارید و سطر {next} را در سرستون‌ها یکی کنید",
        "the header has two rows (merged cells {cell}); keep one header row: unmerge the "
        "cells and combine row {next} into the header",
    ),
    "rule.xlsx_too_many_elements": (
        "این کارپوشه بیش از {rows} سطر یا {cells} خانه (حتی خالی) در خود دارد ({part})؛ "
        "سطرهای خالی اضافه را پاک کنید و دوباره ذخیره کنید",
        "this workbook holds more than {rows} rows or {cells} cells (even empty ones) "
        "({part}); delete the extra empty rows and save it again",
    ),
    # -- the visitor's error page (ui.errors)
    "incident.message": (
        "متأسفیم، این صفحه با خطا روبه‌رو شد و نمایش داده نشد. خطا با شناسهٔ {incident} "
        "ثبت شد؛ اگر تکرار شد این شناسه را به پشتیبانی بدهید. صفحهٔ دیگری را باز کنید یا "
        "صفحه را دوباره بارگذاری کنید.",
        "Sorry, this page met an error and could not be shown. The error was logged as "
        "incident {incident}; if it happens again, give this id to support. Open another "
        "page or reload this one.",
    ),
    # -- sign-in throttling (ui.auth)
    "auth.locked_name": (
        "به دلیل چند تلاش ناموفق برای این نام، ورود با آن تا ساعت {until} (حدود {minutes} "
        "دقیقهٔ دیگر) قفل است",
        "after several failed attempts for this name, signing in with it is locked until "
        "{until} (about {minutes} minutes)",
    ),
    "auth.locked_address": (
        "به دلیل تلاش‌های ناموفق بسیار از این نشانی، ورود از آن تا ساعت {until} (حدود "
        "{minutes} دقیقهٔ دیگر) قفل است",
        "after many failed attempts from this address, signing in from it is locked until "
        "{until} (about {minutes} minutes)",
    ),
    # -- people records (store.people), through the one cleaner
    "people.error.bad_character": (
        "متن نویسهٔ نامرئی یا کنترلی {char} دارد؛ آن را دوباره تایپ کنید",
        "the text holds the invisible or control character {char}; type it again",
    ),
}
