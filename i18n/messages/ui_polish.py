"""Interaction polish of issue 16: language switch, search, scenario builder details,
Persian digits in inputs, saved items' times, file names."""

MESSAGES = {
    # scenario rules
    "rule.share_zero": ("سهم صفر درصد تغییری نمی‌دهد؛ سهمی بیشتر از صفر برگزینید",
                        "a 0 % share changes nothing; choose a share above zero"),
    "rule.to_level_with_to": (
        "گیرندگان را یا با «to» (شهرستان‌ها) بدهید یا با «to_level» (سطح توسعه)، نه هر دو",
        "give the recipients either as 'to' (counties) or as 'to_level' (a development "
        "level), not both"),
    # scenario descriptions and builder
    "ui_polish.shift.level_group": ("شهرستان‌های {level}", "the {level} counties"),
    "ui_polish.shift.recipients": ("گیرندگان", "Recipients"),
    "ui_polish.shift.recipients.others": ("همهٔ شهرستان‌های دیگر", "Every other county"),
    "ui_polish.shift.recipients.chosen": ("شهرستان‌های برگزیده", "Chosen counties"),
    "ui_polish.shift.recipients.deprived": ("شهرستان‌های محروم (گروه)",
                                            "The deprived counties (as a group)"),
    "ui_polish.shift.level_note": (
        "شهرستان‌های «{level}» در رتبه‌بندی توسعهٔ سناریو (شاخص‌های سرشماری و بازار کار، "
        "میانگین ± انحراف معیار): {names}",
        "The «{level}» counties of the scenario's development ranking (census and labour "
        "indicators, mean ± sd): {names}"),
    "ui_polish.select_all": ("افزودن همهٔ {n} پروژهٔ فهرست", "Add all {n} listed projects"),
    "ui_polish.number_value": ("مقدار: {value}", "Value: {value}"),
}
