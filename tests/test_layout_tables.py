"""ui.layout helpers: table widths for a 1280 px screen, the uploader's text as CSS."""

from __future__ import annotations

import re

import pytest

from ui.layout import TABLE_BUDGET, fit_widths, table_width, uploader_css


def cfg(**widths):
    return {c: {"label": c.upper(), "width": w} for c, w in widths.items()}


def test_fit_widths_gives_the_spare_room_to_one_column():
    config = cfg(a=30, title=190, b=80)
    fitted = fit_widths(config, ["b", "title", "a"], "title", budget=500, extra=36)
    assert fitted["title"] == {"label": "TITLE", "width": 190 + 500 - 36 - 300}
    assert table_width(fitted, ["b", "title", "a"], extra=36) == 500
    assert config["title"]["width"] == 190  # the input is not changed


@pytest.mark.parametrize("config, order", [
    (cfg(a=300, title=190, b=400), ["a", "title", "b"]),  # already over the budget
    (cfg(a=None, title=190), ["a", "title"]),  # a column sized to its content
    (cfg(a="small", title=190), ["a", "title"]),
    (cfg(a=30, title=190), ["a"]),  # the growing column is not shown
])
def test_fit_widths_never_narrows_or_guesses(config, order):
    assert fit_widths(config, order, "title", budget=TABLE_BUDGET) == config


def test_table_width_is_none_for_content_sized_columns():
    assert table_width(cfg(a=None, b=10), ["a", "b"]) is None
    assert table_width(cfg(a=5, b=10), ["a", "b"], extra=1) == 16


def test_uploader_css_per_language():
    fa = uploader_css("fa", [".xlsx", "csv"], max_mb=10)
    assert 'content: "حداکثر ۱۰ مگابایت برای هر پرونده • XLSX, CSV"' in fa
    assert 'content: "انتخاب پرونده"' in fa
    en = uploader_css("en", ["xlsx"], max_mb=200)
    assert 'content: "200MB per file • XLSX"' in en


def test_uploader_css_text_cannot_break_out(monkeypatch):
    import ui.layout as layout

    evil = '"; } body { display: none } </style><script>alert(1)</script>\\'
    monkeypatch.setattr(layout, "t", lambda key, lang, **kw: evil)
    css = layout.uploader_css("fa", [], max_mb=1)
    assert "</style><script>" not in css and "<script" not in css
    for content in re.findall(r'content: ("(?:[^"\\]|\\.)*");', css):
        assert '"' not in content[1:-1]
    assert css.count("<style>") == 1 and css.count("</style>") == 1
    assert "display: none" in css  # as text inside the quoted string, escaped
    assert re.search(r'content: "\\22 ; } body', css)
