"""The Briefing page (the deck built in the app) and the download buttons under charts
and tables."""

MESSAGES = {
    # the Briefing page
    "briefing.title": ("گزارش جلسه", "Briefing deck"),
    "briefing.intro": (
        "نماها را به ترتیبی که در گزارش می‌آیند برگزینید، عنوان را بنویسید و گزارش پاورپوینت را "
        "بسازید. گزارش با پالایهٔ فعلی پروژه‌ها ساخته می‌شود.",
        "Choose the views in the order they should appear, give the deck a title and build "
        "the PowerPoint file. The deck uses the current project filter.",
    ),
    "briefing.views": ("نماهای گزارش (به ترتیب)", "Views in the deck (in order)"),
    "briefing.views_help": (
        "هر نما یک اسلاید است؛ ترتیب انتخاب، ترتیب اسلایدهاست.",
        "One slide per view, in the order chosen.",
    ),
    "briefing.deck_title": ("عنوان گزارش", "Deck title"),
    "briefing.scenario": ("سناریو", "Scenario"),
    "briefing.scenario.none": ("بدون سناریو (وضع موجود)", "No scenario (baseline)"),
    "briefing.scenario.active": ("سناریوی فعال: {name}", "Active scenario: {name}"),
    "briefing.scenario.saved": ("سناریوی ذخیره‌شده: {name}", "Saved scenario: {name}"),
    "briefing.scenario.unnamed": ("سناریوی بی‌نام", "Unnamed scenario"),
    "briefing.scenario_views_hint": (
        "نماهای ویژهٔ سناریو (مانند نقشهٔ تغییر) و اسلاید «وضع موجود در برابر سناریو» وقتی "
        "افزوده می‌شوند که سناریویی برگزیده باشید.",
        "Scenario views (such as the change map) and the baseline-against-scenario slide are "
        "offered once a scenario is chosen.",
    ),
    "briefing.scenario_failed": ("سناریو بارگذاری نشد: {error}", "The scenario could not be loaded: {error}"),
    "briefing.filter_active": (
        "پالایهٔ پروژه‌ها فعال است؛ نمودارها و ارقام گزارش فقط پروژه‌های پالایش‌شده را می‌شمارند.",
        "A project filter is active: the deck's charts and figures count the filtered projects only.",
    ),
    "briefing.slide_count": (
        "گزارش {n} اسلاید خواهد داشت: عنوان، {views} نما، ارقام کلیدی{comparison} و منابع.",
        "The deck will have {n} slides: title, {views} views, key figures{comparison} and sources.",
    ),
    "briefing.slide_count.comparison": ("، مقایسهٔ سناریو", ", scenario comparison"),
    "briefing.pdf_option": ("PDF هم ساخته شود (با LibreOffice، کندتر)",
                            "Also make a PDF (LibreOffice, slower)"),
    "briefing.build": ("ساخت گزارش", "Build the deck"),
    "briefing.no_views": ("دست‌کم یک نما برگزینید.", "Choose at least one view."),
    "briefing.preparing": ("آماده‌سازی داده‌ها و نمودارها…", "Preparing the data and charts…"),
    "briefing.converting": ("تبدیل به PDF…", "Converting to PDF…"),
    "briefing.done": ("گزارش با {n} اسلاید در {seconds} ثانیه ساخته شد.",
                      "The deck was built: {n} slides in {seconds} s."),
    "briefing.pdf_missing": ("PDF ساخته نشد (LibreOffice پاسخی نداد).",
                             "No PDF was made (LibreOffice gave no file)."),
    "briefing.failed": ("ساخت گزارش ناموفق بود: {error}", "Building the deck failed: {error}"),
    "briefing.stale": (
        "انتخاب‌ها پس از ساخت این گزارش تغییر کرده‌اند؛ برای گزارش تازه دوباره بسازید.",
        "The choices changed after this deck was built: build it again for a fresh one.",
    ),
    "briefing.download_pptx": ("دریافت گزارش (پاورپوینت)", "Download the deck (PowerPoint)"),
    # download buttons under charts and tables
    "download.png": ("PNG", "PNG"),
    "download.svg": ("SVG", "SVG"),
    "download.excel": ("Excel", "Excel"),
    "download.csv": ("CSV", "CSV"),
    "download.png_help": ("تصویر ۱۹۲۰×۱۰۸۰ نمودار (ساخت روی سرور)",
                          "The chart as a 1920×1080 image (rendered on the server)"),
    "download.svg_help": ("تصویر برداری نمودار برای چاپ و ویرایش",
                          "The chart as a vector image, for print and editing"),
    "download.excel_help": ("جدول در Excel با سرستون‌های فارسی، راست‌به‌چپ",
                            "The table as an Excel workbook"),
    "download.csv_help": ("جدول در CSV (UTF-8)", "The table as CSV (UTF-8)"),
    "download.no_browser": (
        "ساخت تصویر روی این سرور ممکن نیست (Chromium نصب نیست)؛ از نوار ابزار نمودار استفاده کنید.",
        "Images cannot be rendered on this server (no Chromium): use the chart toolbar.",
    ),
}
