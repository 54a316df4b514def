"""Office words an editor maps to a schema value (store.vocabulary, the Data page, the CLI)."""

MESSAGES = {
    # -- refusals (store.vocabulary.VocabularyError)
    "vocabulary.error.column": ("ستون «{column}» فهرست بسته ندارد؛ ستون‌ها: {columns}",
                                "column '{column}' has no list of values; columns: {columns}"),
    "vocabulary.error.value": ("مقدار «{value}» در این ستون نیست؛ مقدارها: {allowed}",
                               "'{value}' is not a value of this column; values: {allowed}"),
    "vocabulary.error.empty": ("واژه خالی است", "the word is empty"),
    "vocabulary.error.builtin": ("«{word}» از پیش شناخته است و یعنی «{label_fa}»",
                                 "'{word}' is already known: it means '{label_en}'"),
    "vocabulary.error.stored": ("«{word}» از پیش به «{label_fa}» نگاشته شده است ({by})",
                                "'{word}' is already mapped to '{label_en}' (by {by})"),
    # -- the Data page (ui.vocabulary)
    "vocabulary.heading": ("واژه‌های ناشناخته", "Unknown words"),
    "vocabulary.note": (
        "هر واژه را یک بار به یکی از مقدارهای مجاز نگاشت کنید؛ نگاشت ذخیره می‌شود، در "
        "گزارش تغییرات ثبت می‌شود و در بارگذاری‌های بعدی هم به کار می‌رود.",
        "Map each word once to one of the allowed values; the mapping is stored, recorded in "
        "the audit log and used by later imports too."),
    "vocabulary.means": ("«{word}» در ستون «{column}» یعنی", "'{word}' in '{column}' means"),
    "vocabulary.remember": ("به خاطر بسپار", "Remember this word"),
    "vocabulary.saved": ("«{word}» از این پس یعنی «{label}»", "'{word}' now means '{label}'"),
    # -- the command line (pishran vocabulary …)
    "vocabulary.cli.added": ("«{word}» در ستون {column} یعنی «{label}» (ذخیره شد)",
                             "'{word}' in {column} means '{label}' (stored)"),
    "vocabulary.cli.none": ("هنوز واژه‌ای نگاشت نشده است", "no word has been mapped yet"),
}
