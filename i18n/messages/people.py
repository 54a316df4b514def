"""People who follow the driver projects up, the MP seats and an MP's overdue list."""

MESSAGES = {
    # -- roles
    "people.role.followup_officer": ("مسئول پیگیری", "Follow-up officer"),
    "people.role.governor_office": ("فرمانداری", "Governor's office"),
    "people.role.mp": ("نماینده مجلس", "Member of parliament"),
    "people.role.other": ("سایر", "Other"),
    "people.inactive": ("غیرفعال", "Inactive"),
    # -- refusals
    "people.error.no_name": ("نام را بنویسید.", "Write a name."),
    "people.error.no_seat_name": ("نام حوزه انتخابیه را بنویسید.",
                                  "Write the seat's name."),
    "people.error.bad_role": ("نقش «{role}» شناخته نیست؛ نقش‌های مجاز: {allowed}",
                              "Unknown role “{role}”; allowed: {allowed}"),
    "people.error.unknown_county": (
        "شهرستان «{name}» شناخته نیست؛ نزدیک‌ترین نام‌ها: {closest}",
        "Unknown county “{name}”; closest names: {closest}"),
    "people.error.taken": ("«{name}» با همین نقش پیش‌تر ثبت شده است.",
                           "“{name}” is already recorded with this role."),
    "people.error.unknown": ("فردی با نام یا شناسه «{name}» ثبت نشده است.",
                             "No person named or numbered “{name}”."),
    "people.error.no_counties": ("برای حوزه «{name}» دست‌کم یک شهرستان برگزینید.",
                                 "Choose at least one county for the seat “{name}”."),
    # -- the MP's list (Excel)
    "people.list.seat": ("حوزه انتخابیه", "Seat"),
    "people.list.counties": ("شهرستان‌های حوزه", "Counties of the seat"),
    "people.list.sheet_counties": ("به تفکیک شهرستان", "By county"),
    # -- command line
    "people.cli.added": ("«{name}» (شناسه {id}) ثبت شد؛ شهرستان‌ها: {counties}",
                         "“{name}” (id {id}) added; counties: {counties}"),
    "people.cli.updated": ("«{name}» (شناسه {id}) به‌روز شد.", "“{name}” (id {id}) updated."),
    "people.cli.deactivated": ("«{name}» (شناسه {id}) غیرفعال شد.",
                               "“{name}” (id {id}) deactivated."),
    "people.cli.seat_set": ("حوزه «{name}»: {counties}", "Seat “{name}”: {counties}"),
    "people.cli.none": ("هنوز کسی ثبت نشده است.", "No person recorded yet."),
    "people.cli.no_seats": ("هنوز حوزه انتخابیه‌ای ثبت نشده است.", "No MP seat recorded yet."),
    "people.cli.unknown_seat": ("حوزه یا نماینده «{name}» ثبت نشده است؛ حوزه‌ها: {seats}",
                                "No seat or MP “{name}”; seats: {seats}"),
    "people.cli.wrote": ("فهرست «{name}» در {out} نوشته شد: {projects} پروژه، {overdue} معوق",
                         "The list of “{name}” written to {out}: {projects} projects, "
                         "{overdue} overdue"),
    # -- the Data page section
    "people.page.heading": ("افراد و حوزه‌های انتخابیه", "People and MP seats"),
    "people.page.note": (
        "مسئولان پیگیری، فرمانداری‌ها و نمایندگان، با شهرستان‌هایی که پیگیری می‌کنند. "
        "نام‌ها را دفتر معاونت وارد می‌کند؛ داده همراه برنامه نام هیچ فردی را ندارد.",
        "Follow-up officers, governors' offices and MPs, with the counties they follow. The "
        "office enters the names; the embedded data holds no person's name."),
    "people.page.none": ("هنوز کسی ثبت نشده است.", "No person recorded yet."),
    "people.page.add_heading": ("افزودن فرد", "Add a person"),
    "people.page.add": ("افزودن", "Add"),
    "people.page.added": ("«{name}» ثبت شد.", "“{name}” added."),
    "people.page.edit_person": ("ویرایش یا غیرفعال‌کردن", "Edit or deactivate"),
    "people.page.save": ("ذخیره", "Save"),
    "people.page.saved": ("«{name}» ذخیره شد.", "“{name}” saved."),
    "people.page.seats_heading": ("حوزه‌های انتخابیه و شهرستان‌های هر حوزه",
                                  "MP seats and the counties each covers"),
    "people.page.no_seats": (
        "هنوز حوزه‌ای ثبت نشده است؛ منبع عمومی حوزه‌های انتخابیه استان در داده‌ها نیست و دفتر "
        "معاونت آن‌ها را وارد می‌کند.",
        "No seat recorded yet; the sourced data has no public list of the province's "
        "constituencies, so the office enters them."),
    "people.page.seat_heading_form": ("ثبت یا اصلاح حوزه", "Add or change a seat"),
    "people.page.seat_note": ("حوزه‌ای با همین نام، شهرستان‌هایش جایگزین می‌شود.",
                              "A seat of the same name gets these counties instead."),
    "people.page.seat_set": ("ثبت حوزه", "Save the seat"),
    "people.page.seat_saved": ("حوزه «{name}» ذخیره شد.", "Seat “{name}” saved."),
    "people.page.overdue_heading": ("موارد معوق به تفکیک حوزه انتخابیه و نماینده",
                                    "Overdue items per MP seat and MP"),
    "people.page.list_for": ("فهرست چاپی برای", "Printable list for"),
    "people.page.list_title": ("فهرست پروژه‌های پیشران {name}", "Driver projects of {name}"),
    "people.page.download": ("دریافت فهرست (Excel)", "Download the list (Excel)"),
    # -- columns
    "people.col.name": ("نام", "Name"),
    "people.col.role": ("نقش", "Role"),
    "people.col.contact": ("راه تماس", "Contact"),
    "people.col.counties": ("شهرستان‌ها", "Counties"),
    "people.col.active": ("فعال", "Active"),
    "people.col.updated_by": ("آخرین ثبت به دست", "Last changed by"),
    "people.col.updated_at": ("زمان آخرین ثبت", "Last changed at"),
    "people.col.seat": ("حوزه یا نماینده", "Seat or MP"),
}
