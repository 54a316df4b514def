"""Issue 16: the deck a deputy presents as is — rendered by LibreOffice to PDF and every
slide to PNG (pdftoppm), then checked: the slide's text lines (pdftotext -bbox-layout)
never overlap, no placeholder letter («X», PowerPoint's "Click to add") is left, and each
chart slide's title is a finding with a Persian number.  The charts inside the pictures
are checked for overlapping text in tests/test_label_boxes.py at the same layout."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from briefing.context import build_context
from briefing.deck import deck_spec
from core import compat
from exports.deck import build_deck, deck_to_pdf

pytestmark = pytest.mark.skipif(
    not compat.libreoffice() or not shutil.which("pdftotext") or not shutil.which("pdftoppm"),
    reason="LibreOffice or poppler-utils (pdftotext, pdftoppm) not installed")

PERSIAN_DIGIT = re.compile("[۰-۹]")
NS = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("deck")
    ctx = build_context()
    specs = deck_spec(ctx, None, "fa")
    pdf = deck_to_pdf(build_deck(specs, "fa"))
    assert pdf, "LibreOffice wrote no PDF"
    (tmp / "deck.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(tmp / "deck.pdf"), str(tmp / "s")],
                   check=True, timeout=300)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(tmp / "deck.pdf"), "-"],
                         capture_output=True, check=True, timeout=120).stdout
    pages = ET.fromstring(xml.decode("utf-8")).iter(f"{NS}page")
    return specs, list(pages), sorted(tmp.glob("s-*.png"))


def pdf_pages(pdf: bytes, tmp: Path) -> list:
    """The pages of ``pdf`` as pdftotext lays them out (``-bbox-layout``)."""
    (tmp / "out.pdf").write_bytes(pdf)
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(tmp / "out.pdf"), "-"],
                         capture_output=True, check=True, timeout=120).stdout
    return list(ET.fromstring(xml.decode("utf-8")).iter(f"{NS}page"))


def assert_no_overlap(page, where: object = "") -> None:
    """No two text lines of ``page`` overlap by more than a point each way."""
    boxes = lines(page)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            dx = min(a[3], b[3]) - max(a[1], b[1])
            dy = min(a[4], b[4]) - max(a[2], b[2])
            assert not (dx > 1 and dy > 1), (where, a[0], b[0])


def lines(page) -> list[tuple[str, float, float, float, float]]:
    out = []
    for line in page.iter(f"{NS}line"):
        words = " ".join(w.text or "" for w in line.iter(f"{NS}word"))
        out.append((words, *(float(line.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))))
    return out


def test_every_slide_renders_to_png(rendered):
    from PIL import Image, ImageStat

    specs, pages, pngs = rendered
    assert len(pngs) == len(pages) >= len(specs)
    for png in pngs:
        with Image.open(png) as image:
            assert image.width > image.height  # 16:9
            assert max(ImageStat.Stat(image.convert("L")).stddev) > 5, png.name  # not blank


def test_no_text_lines_overlap_on_any_slide(rendered):
    _, pages, _ = rendered
    for number, page in enumerate(pages, start=1):
        assert_no_overlap(page, number)


def test_no_placeholder_letters(rendered):
    _, pages, _ = rendered
    for number, page in enumerate(pages, start=1):
        text = " ".join(line[0] for line in lines(page))
        assert not re.search(r"(?<![A-Za-z])X(?![A-Za-z])", text), (number, text)
        assert "Click to" not in text and "{" not in text, (number, text)


def test_every_slide_states_a_finding_with_a_persian_number(rendered):
    """Every slide after the title slide: charts, key figures, shortlists, sources."""
    specs, pages, _ = rendered
    assert specs[0].kind == "title" and len(specs) > 3
    height = float(pages[0].get("height"))
    for index in range(1, len(specs)):
        title = specs[index].title
        assert PERSIAN_DIGIT.search(title), title
        top = [line for line in lines(pages[index]) if line[2] < 0.16 * height]
        assert any(PERSIAN_DIGIT.search(line[0]) for line in top), (index, top)
        if specs[index].kind == "figure":
            assert specs[index].source and "منبع" in specs[index].source


def test_county_and_constituency_briefs_are_one_clean_page_each(tmp_path):
    """The one-page briefs (briefing/briefs.py): the county's and an MP seat's, each one
    slide whose title is its finding with Persian numbers, whose table names each county
    and the province, rendered by LibreOffice without overlapping text lines."""
    from briefing.briefs import county_brief, seat_brief
    from i18n import t

    ctx = build_context()
    specs = [county_brief(ctx, "lenjan", "fa"),
             seat_brief(ctx, "لنجان و مبارکه", ["lenjan", "mobarakeh"], "fa")]
    assert PERSIAN_DIGIT.search(specs[0].title) and "لنجان" in specs[0].title
    assert specs[1].table[0][1:] == ["لنجان", "مبارکه", t("brief.col.province", "fa")]
    pages = pdf_pages(deck_to_pdf(build_deck(specs, "fa")), tmp_path)
    assert len(pages) == 2
    for number, page in enumerate(pages, start=1):
        assert_no_overlap(page, number)


def test_export_brief_command(tmp_path, capsys):
    from pishran.cli import main

    out = tmp_path / "lenjan.pptx"
    assert main(["export", "brief", "--county", "لنجان", "--out", str(out)]) == 0
    assert out.is_file() and out.stat().st_size > 10_000
    assert main(["export", "brief", "--county", "ناکجا", "--out", str(out)]) == 2
    assert main(["export", "brief", "--seat", "حوزه ناموجود", "--out", str(out)]) == 2
    assert "حوزه" in capsys.readouterr().err


def test_english_deck_lines_do_not_overlap(tmp_path):
    """English titles are longer and wrap: their two lines stay apart (title line spacing)."""
    ctx = build_context()
    specs = deck_spec(ctx, ["map_budget_per_capita", "status_bars"], "en")
    assert any(len(s.title) > 60 for s in specs if s.kind == "figure")  # wraps on the slide
    for number, page in enumerate(pdf_pages(deck_to_pdf(build_deck(specs, "en")), tmp_path),
                                  start=1):
        assert_no_overlap(page, number)
