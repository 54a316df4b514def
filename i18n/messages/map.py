"""Map page (keys ``map.*``; «map.hover_sample» lives in the overview section)."""

MESSAGES = {
    "map.intro": ("نقشه شهرستان‌ها: یک شاخص را برگزینید، رنگ‌بندی را تنظیم کنید و با کلیک روی "
                  "نقشه یا از فهرست زیر، یک شهرستان را ببینید.",
                  "County map: pick a measure, set the colouring, and click a county on the map "
                  "(or pick it below) to see its details."),
    # scope
    "map.scope": ("گستره نقشه", "Map scope"),
    "map.scope.data": ("استان {name} (با داده‌های داشبورد)", "{name} province (dashboard data)"),
    "map.scope.province": ("استان {name}", "{name} province"),
    "map.scope.country": ("کل کشور ({n} شهرستان)", "Whole country ({n} counties)"),
    "map.scope.no_data": ("برای این گستره داده‌ای جز مرزهای OpenStreetMap نیست؛ نقشه، مساحت "
                          "یا تعداد شهرستان‌ها را نشان می‌دهد.",
                          "There are no data for this scope besides the OpenStreetMap "
                          "boundaries; the map shows area or county counts."),
    "map.scope.missing": ("پرونده مرز «{scope}» پیدا نشد؛ نقشه استان {name} نشان داده می‌شود.",
                          "No boundary file for “{scope}”; showing {name} province instead."),
    # measure and colouring
    "map.measure": ("شاخص نقشه", "Map measure"),
    "map.measure.area_km2": ("مساحت (کیلومتر مربع)", "Area (km²)"),
    "map.measure.n_counties": ("تعداد شهرستان‌های استان", "Counties in the province"),
    "map.classes": ("رنگ‌بندی", "Colouring"),
    "map.classes.continuous": ("پیوسته", "Continuous"),
    "map.classes.quantile": ("چندک (هم‌تعداد)", "Quantiles"),
    "map.classes.equal": ("فاصله‌های برابر", "Equal intervals"),
    "map.classes.jenks": ("شکست‌های طبیعی", "Natural breaks"),
    "map.k": ("تعداد طبقه‌ها", "Number of classes"),
    "map.k_used": ("داده‌ها فقط {k} طبقه متمایز دارند.", "The data have only {k} distinct classes."),
    "map.diff": ("تفاوت با مقدار استان", "Difference from the province value"),
    "map.diff.province": ("رنگ‌ها تفاوت هر شهرستان با مقدار کل استان ({value}) است؛ آبی بیشتر، "
                          "قرمز کمتر.",
                          "Colours show each county's difference from the province value "
                          "({value}); blue above, red below."),
    "map.diff.mean": ("رنگ‌ها تفاوت هر شهرستان با میانگین شهرستان‌ها ({value}) است؛ آبی بیشتر، "
                      "قرمز کمتر.",
                      "Colours show each county's difference from the county average "
                      "({value}); blue above, red below."),
    "map.diff.weighted": ("رنگ‌ها تفاوت هر شهرستان با میانگین وزنی (به جمعیت) شهرستان‌ها "
                          "({value}) است؛ آبی بیشتر، قرمز کمتر.",
                          "Colours show each county's difference from the population-weighted "
                          "county average ({value}); blue above, red below."),
    "map.diff.title": ("تفاوت", "Difference"),
    # view and layers
    "map.view": ("نمایش", "View"),
    "map.view.boundaries": ("مرز شهرستان‌ها", "Boundaries"),
    "map.view.tiles": ("کاشی‌های هم‌اندازه", "Equal tiles"),
    "map.layer.projects": ("پروژه‌های پیشران", "Driver projects"),
    "map.layer.places": ("دارایی‌های توسعه", "Development assets"),
    "map.layers.only_data": ("لایه‌های پروژه و دارایی فقط برای استان {name} داده دارند.",
                             "The project and asset layers have data for {name} province only."),
    "map.legend.status": ("وضعیت پروژه", "Project status"),
    "map.legend.place": ("دارایی توسعه", "Development asset"),
    "map.legend.place_exact": ("محل دقیق", "Exact site"),
    "map.legend.place_town": ("در شهر نام‌برده (تقریبی)", "At the named town (approximate)"),
    "map.legend.place_cluster": ("چند دارایی در یک نقطه یا نزدیک هم (عدد: شمار)",
                                 "Several assets at or near one point (number: how many)"),
    "map.places.at_point": ("<b>{n} دارایی در این نقطه</b>", "<b>{n} assets at this point</b>"),
    "map.places.near_point": ("<b>{n} دارایی در این نقطه و نزدیک آن</b>",
                              "<b>{n} assets at and near this point</b>"),
    "map.precision.exact": ("مختصات دقیق محل", "Exact coordinates of the site"),
    "map.precision.town": ("نقطه شهری که منبع نام برده، نه محل خود دارایی (تقریبی)",
                           "The point of the town the source names, not the site itself "
                           "(approximate)"),
    "map.precision.missing": ("بدون مختصات", "No coordinates"),
    "map.point.spread": ("بدون مختصات؛ کنار مرکز شهرستان چیده شده", "No coordinates; placed near "
                         "the county seat"),
    "map.point.sample": ("مختصات نمونه، نه محل واقعی", "Sample coordinates, not the real site"),
    "map.point.tile": ("جای نقطه درون کاشی معنایی ندارد", "Position inside the tile is arbitrary"),
    "map.spread_note": ("{n} پروژه بدون مختصات، کنار مرکز شهرستان خود (یا نقطه نام آن) بی‌هم‌پوشانی "
                        "چیده شده‌اند؛ جای آن‌ها تقریبی است.",
                        "{n} projects without coordinates are placed around their county seat "
                        "(or label point) without overlapping; their positions are approximate."),
    "map.places_missing": ("دارایی‌های توسعه بدون مختصات ({n}) — روی نقشه نیامده‌اند:",
                           "Development assets without coordinates ({n}) — not on the map:"),
    "map.places_tiles_list": (
        "نمای کاشی‌های هم‌اندازه جای جغرافیایی ندارد و دارایی‌ها را روی نقشه نمی‌گذارد؛ هر {n} "
        "دارایی توسعه در این فهرست‌اند (برای دیدنشان در جای خود، نمای «مرز شهرستان‌ها» را برگزینید):",
        "The equal-tiles view is not geographic and does not place assets on the map; all {n} "
        "development assets are listed here (choose the Boundaries view to see them in place):"),
    "map.places_town_note": ("از {total} دارایی روی نقشه، {n} دارایی در نقطه شهری نشسته‌اند که منبع "
                             "نام برده (ستاره توخالی)، نه در محل خود؛ ستاره توپر محل دقیق است. "
                             "دارایی‌های یک شهرستان که در یک نقطه یا نزدیک هم‌اند یک دایره‌اند و عدد "
                             "درون آن شمارشان است (دایره سفید: دست‌کم یکی تقریبی؛ دقت هر یک در کارت آن).",
                             "{n} of the {total} assets on the map sit at the point of the town "
                             "the source names (open star), not at their own site; a filled star "
                             "is exact. A county's assets at or near one point are one disc with "
                             "their number inside (a white disc: at least one is approximate; its "
                             "card gives each one's precision)."),
    "map.places.name": ("نام", "Name"),
    "map.places.type": ("نوع", "Type"),
    "map.places.county": ("شهرستان", "County"),
    "map.places.status": ("وضعیت", "Status"),
    "map.places.source": ("منبع", "Source"),
    "map.places.precision": ("دقت مختصات", "Precision of the point"),
    "map.places.unknown_county": ("نامشخص در منبع", "Not stated in the source"),
    "map.place_type.heavy_industry": ("صنایع سنگین", "Heavy industry"),
    "map.place_type.refinery": ("پالایشگاه", "Refinery"),
    "map.place_type.science_technology_park": ("پارک علم و فناوری", "Science and technology park"),
    "map.place_type.science_technology_zone": ("منطقه ویژه علم و فناوری",
                                               "Science and technology zone"),
    "map.place_type.special_economic_zone": ("منطقه ویژه اقتصادی", "Special economic zone"),
    "map.place_type.technology_park_pole": ("قطب پارک فناوری", "Technology-park pole"),
    "map.place_status.operating": ("فعال", "Operating"),
    "map.place_status.proposed": ("پیشنهادی", "Proposed"),
    "map.place_type.vocational_school_beside_industry": ("هنرستان جوار صنعت",
                                                         "Vocational school beside industry"),
    "map.place_status.planned": ("برنامه‌ریزی‌شده", "Planned"),
    # hover card
    "map.hover.population": ("جمعیت", "Population"),
    "map.hover.unemployment_rate": ("نرخ بیکاری (٪)", "Unemployment (%)"),
    "map.hover.n_projects": ("پروژه‌های پیشران", "Driver projects"),
    "map.hover.budget_per_capita": ("بودجه سرانه (میلیون ریال)", "Budget per capita (m rials)"),
    "map.hover.area_km2": ("مساحت (کیلومتر مربع)", "Area (km²)"),
    "map.hover.province": ("استان", "Province"),
    "map.hover.budget": ("بودجه (میلیارد ریال)", "Budget (bn rials)"),
    "map.hover.progress": ("پیشرفت فیزیکی", "Physical progress"),
    "map.hover.status": ("وضعیت", "Status"),
    "map.hover.type": ("نوع", "Type"),
    "map.hover.source": ("منبع", "Source"),
    "map.hover.precision": ("جای نقطه", "Position"),
    # group values: a county shows the figure of a larger unit it belongs to
    "map.group_value": ("{value} (مقدار گروه: {group})", "{value} (value of group: {group})"),
    "map.group.isfahan_pre2021": ("اصفهان پیش از ۱۴۰۰", "pre-2021 Isfahan"),
    "map.group.fereydan_1390": ("فریدن در سرشماری ۱۳۹۰", "Fereydan as counted in 1390"),
    "map.group_count": ("مقدار {n} شهرستان، مقدار گروهی است که جزو آن‌اند (مثلاً اصفهان پیش از "
                        "۱۴۰۰)، نه رقم خودشان؛ در کارت هر شهرستان «مقدار گروه» آمده است.",
                        "{n} counties show the value of a larger unit they belong to (e.g. "
                        "pre-2021 Isfahan), not a figure of their own; their hover card says "
                        "“value of group”."),
    # county selection and detail
    "map.county": ("شهرستان انتخاب‌شده", "Selected county"),
    "map.county.none": ("— هیچ‌کدام —", "— none —"),
    "map.click_hint": ("برای دیدن جزئیات، روی یک شهرستان در نقشه کلیک کنید یا آن را از این فهرست "
                       "برگزینید.",
                       "Click a county on the map, or pick it here, to see its details."),
    "map.detail.heading": ("شهرستان {name}", "{name}"),
    "map.detail.projects": ("پروژه‌های پیشران شهرستان ({n})", "The county's driver projects ({n})"),
    "map.detail.no_projects": ("با فیلتر کنونی، پروژه‌ای در این شهرستان نیست.",
                               "No project in this county matches the current filter."),
    "map.detail.link": ("صفحه شهرستان", "County page"),
    "map.detail.no_data": ("برای شهرستان‌های این گستره داده‌ای جز مرز و مساحت نیست.",
                           "Counties in this scope have no data besides boundary and area."),
    "map.detail.osm": ("مرز در OpenStreetMap", "Boundary on OpenStreetMap"),
    "map.detail.share_area": ("سهم از مساحت گستره", "Share of the scope's area"),
    "map.col.title": ("عنوان", "Title"),
    "map.col.sector": ("بخش", "Sector"),
    "map.col.status": ("وضعیت", "Status"),
    "map.col.budget": ("بودجه (میلیارد ریال)", "Budget (bn rials)"),
    "map.col.progress": ("پیشرفت (٪)", "Progress (%)"),
    "map.col.sample": ("نمونه؟", "Sample?"),
    "map.sample_count": ("✱ مقدار {n} شهرستان از {total} شهرستان نمونه یا برآورد است.",
                         "✱ {n} of {total} counties show a sample or estimated value."),
}
