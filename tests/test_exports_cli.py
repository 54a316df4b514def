"""pishran.export_commands: ``export deck`` / ``export chart`` on the real view registry
(:mod:`briefing.views`) and the embedded data."""

from __future__ import annotations

import argparse
import io
import json
import struct

import pytest
from pptx import Presentation

from i18n import t
from pishran import export_commands as cli

SCENARIO = {"version": 1, "name": "انتقال بودجه", "edits": [
    {"type": "shift_budget", "share": 0.2, "rule": "equal"}]}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pishran")
    sub = p.add_subparsers(dest="command", required=True)
    cli.add_export_commands(sub)
    return p


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


@pytest.fixture
def scenario_file(tmp_path):
    path = tmp_path / "scn.json"
    path.write_text(json.dumps(SCENARIO, ensure_ascii=False), encoding="utf-8")
    return path


def deck_specs_of(argv: list[str], monkeypatch) -> list:
    """The slide specs ``pishran export deck`` hands to the writer (nothing is drawn)."""
    import exports.deck

    seen = []

    def capture(specs, lang="fa", progress=None):
        seen.append(list(specs))
        return b"pptx"

    monkeypatch.setattr(exports.deck, "build_deck", capture)
    assert run(argv) == 0
    return seen[0]


def test_parser_wiring():
    args = parser().parse_args(["export", "deck", "--out", "x.pptx", "--views", "a", "b",
                                "--scenario", "s", "--lang", "en"])
    assert (args.out, args.views, args.scenario, args.lang) == ("x.pptx", ["a", "b"], "s", "en")
    args = parser().parse_args(["export", "chart", "budget", "--out", "x.svg"])
    assert (args.view, args.out, args.lang, args.width, args.height) == (
        "budget", "x.svg", "fa", 1920, 1080)
    with pytest.raises(SystemExit):
        parser().parse_args(["export", "deck"])  # --out is required


def test_unknown_view_is_reported(tmp_path, capsys):
    assert run(["export", "chart", "nope", "--out", str(tmp_path / "c.png")]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "status_bars" in err
    assert run(["export", "deck", "--out", str(tmp_path / "d.pptx"),
                "--views", "lorenz", "nope"]) == 2
    assert "nope" in capsys.readouterr().err
    assert not (tmp_path / "d.pptx").exists()


def test_default_views_are_the_offered_ones(tmp_path, monkeypatch):
    from briefing.views import VIEWS, offered_views

    specs = deck_specs_of(["export", "deck", "--out", str(tmp_path / "d.pptx"), "--lang", "en"],
                          monkeypatch)
    figures = [s.subtitle for s in specs if s.kind == "figure"]  # the chart names
    assert figures == [t(VIEWS[v].title_key, "en") for v in offered_views(False)]
    assert [s.kind for s in specs].count("comparison") == 0


def test_export_deck_end_to_end(server, tmp_path, capsys, scenario_file):
    out = tmp_path / "deck.pptx"
    code = run(["export", "deck", "--out", str(out), "--views", "status_bars", "lorenz",
                "--scenario", str(scenario_file)])
    assert code == 0 and out.is_file()
    prs = Presentation(io.BytesIO(out.read_bytes()))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    text = [" ".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame)
            for s in prs.slides]
    # each chart slide: a finding with a Persian number as its title, the chart's name
    assert all(any("۰" <= ch <= "۹" for ch in title) for title in titles[1:3])
    assert t("views.status_bars", "fa") in text[1]
    assert t("balance.lorenz_heading", "fa") in text[2]
    assert len(prs.slides) == 6  # title, 2 views, key figures, comparison, sources
    err = capsys.readouterr().err
    assert err.count("ساخت اسلاید") == 6 and "ساخت اسلاید ۱ از ۶" in err


def test_export_chart_png_and_svg(server, tmp_path):
    png = tmp_path / "c.png"
    assert run(["export", "chart", "status_bars", "--out", str(png), "--width", "800",
                "--height", "450", "--scale", "2.4"]) == 0
    assert struct.unpack(">II", png.read_bytes()[16:24]) == (1920, 1080)
    svg = tmp_path / "c.svg"
    assert run(["export", "chart", "status_bars", "--out", str(svg)]) == 0
    assert t("status.stalled", "fa") in svg.read_text()
    assert run(["export", "chart", "status_bars", "--out", str(tmp_path / "c.gif")]) == 2


def test_deck_names_a_scenario_file_by_its_name_not_its_path(tmp_path, monkeypatch,
                                                             scenario_file):
    """`export deck --scenario FILE`: the title slide and the comparison slide carry the
    scenario's own name (they showed «/tmp/…/scn.json»)."""
    specs = deck_specs_of(["export", "deck", "--out", str(tmp_path / "d.pptx"),
                           "--views", "status_bars", "--scenario", str(scenario_file)],
                          monkeypatch)
    title = next(s for s in specs if s.kind == "title")
    comparison = next(s for s in specs if s.kind == "comparison")
    assert "انتقال بودجه" in title.subtitle and "انتقال بودجه" in comparison.title
    text = repr([(s.title, s.subtitle, s.table) for s in specs])
    assert str(scenario_file) not in text and "scn.json" not in text
