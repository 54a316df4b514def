"""Property: whatever text a cell holds, every supported encoding and delimiter gives it
back unchanged, on the row number where it was written."""

from __future__ import annotations

import codecs
import csv
import io

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from store.reading import read_table_file

WORDS = ["پروژه", "آب", "نیروگاه", "خورشیدی", "کاشان", "شهرک", "صنعتی", "۱۲۳", "42", "«مرحله",
         "دوم»", "،", "؛", "Project", "phase-2", "(الف)", "\"نقل\"", "a,b", "x;y", "خط\nدوم",
         "نیم‌فاصله", "٪۵۰", "=فرمول"]
cells = st.lists(st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titles=st.lists(cells, min_size=1, max_size=8),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1256"]),
       delimiter=st.sampled_from([",", ";", "\t"]),
       blank_lines=st.integers(min_value=0, max_value=2))
def test_csv_cells_round_trip(titles, encoding, delimiter, blank_lines):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["شناسه پروژه", "عنوان پروژه", "وضعیت"])
    for i, title in enumerate(titles):
        writer.writerow([f"P-{i}", title, "study"])
    text = "\n" * blank_lines + out.getvalue()
    if encoding == "cp1256":
        text = text.replace("ی", "ي")
        try:
            data = text.encode("cp1256")
        except UnicodeEncodeError:
            assume(False)
    elif encoding == "utf-16-le":
        data = text.encode("utf-16-le")  # no BOM
    else:
        data = text.encode(encoding)
    if encoding == "utf-16":
        assert data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    sheet, = read_table_file(data, "t.csv")
    expected = [t.replace("ی", "ي") if encoding == "cp1256" else t for t in titles]
    assert sheet.frame["title_fa"].tolist() == expected
    assert sheet.frame["project_id"].tolist() == [f"P-{i}" for i in range(len(titles))]
    # each record starts one line after the previous one ended (multi-line cells count)
    line = blank_lines + 2
    for number, title in zip(sheet.row_numbers.tolist(), titles, strict=True):
        assert number == line
        line += 1 + title.count("\n")
