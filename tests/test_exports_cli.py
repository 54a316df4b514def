"""pishran.export_commands: ``export deck`` / ``export chart`` against a stand-in view registry
(the real briefing.views is built elsewhere)."""

from __future__ import annotations

import argparse
import io
import struct
from types import SimpleNamespace

import plotly.graph_objects as go
import pytest
from pptx import Presentation

from figures.theme import apply_theme
from pishran import export_commands as cli


def _bar(context, lang):
    fig = go.Figure(go.Bar(x=["اصفهان", "کاشان"], y=[3, 5]))
    return apply_theme(fig, lang, "بودجه")


def fake_registry(with_context: bool = True) -> SimpleNamespace:
    seen = {}

    def build_context(scenario=None):
        seen["scenario"] = scenario
        return {"scenario": scenario}

    reg = SimpleNamespace(
        VIEWS={
            "budget": SimpleNamespace(title_key="nav.overview", build=_bar),
            "jobs": SimpleNamespace(title="اشتغال شهرستان‌ها", build=_bar),
        },
        key_figures=lambda ctx, lang: [("شمار پروژه‌ها", 48, "پروژه")],
        scenario_comparison=lambda ctx, name, lang: [("ضریب جینی", 0.42, 0.37)],
        sources=lambda ctx, lang: [("جمعیت", "منبع‌دار", "سرشماری")],
        seen=seen,
    )
    if with_context:
        reg.build_context = build_context
    return reg


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="pishran")
    sub = p.add_subparsers(dest="command", required=True)
    cli.add_export_commands(sub)
    return p


def run(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


def test_parser_wiring():
    args = parser().parse_args(["export", "deck", "--out", "x.pptx", "--views", "a", "b",
                                "--scenario", "s", "--lang", "en"])
    assert (args.out, args.views, args.scenario, args.lang) == ("x.pptx", ["a", "b"], "s", "en")
    args = parser().parse_args(["export", "chart", "budget", "--out", "x.svg"])
    assert (args.view, args.out, args.lang, args.width, args.height) == (
        "budget", "x.svg", "fa", 1920, 1080)
    with pytest.raises(SystemExit):
        parser().parse_args(["export", "deck"])  # --out is required


def test_missing_registry_is_reported(monkeypatch, tmp_path, capsys):
    def missing():
        raise ImportError("no briefing.views")

    monkeypatch.setattr(cli, "_load_views", missing)
    assert run(["export", "deck", "--out", str(tmp_path / "d.pptx")]) == 2
    assert "briefing.views" in capsys.readouterr().err


def test_unknown_view_is_reported(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(cli, "_load_views", fake_registry)
    assert run(["export", "chart", "nope", "--out", str(tmp_path / "c.png")]) == 2
    err = capsys.readouterr().err
    assert "nope" in err and "budget" in err


def test_export_deck_end_to_end(server, monkeypatch, tmp_path, capsys):
    reg = fake_registry()
    monkeypatch.setattr(cli, "_load_views", lambda: reg)
    out = tmp_path / "deck.pptx"
    code = run(["export", "deck", "--out", str(out), "--views", "jobs", "budget",
                "--scenario", "سناریوی شرق"])
    assert code == 0 and out.is_file()
    assert reg.seen["scenario"] == "سناریوی شرق"
    prs = Presentation(io.BytesIO(out.read_bytes()))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles[1:3] == ["اشتغال شهرستان‌ها", "نمای کلی"]
    assert len(prs.slides) == 6  # title, 2 views, key figures, comparison, sources
    err = capsys.readouterr().err
    assert err.count("ساخت اسلاید") == 6 and "ساخت اسلاید ۱ از ۶" in err


def test_export_chart_png_and_svg(server, monkeypatch, tmp_path):
    monkeypatch.setattr(cli, "_load_views", lambda: fake_registry(with_context=False))
    png = tmp_path / "c.png"
    assert run(["export", "chart", "budget", "--out", str(png), "--width", "800",
                "--height", "450", "--scale", "2.4"]) == 0
    assert struct.unpack(">II", png.read_bytes()[16:24]) == (1920, 1080)
    svg = tmp_path / "c.svg"
    assert run(["export", "chart", "budget", "--out", str(svg)]) == 0
    assert "کاشان" in svg.read_text()
    assert run(["export", "chart", "budget", "--out", str(tmp_path / "c.gif")]) == 2


def test_deck_names_a_scenario_file_by_its_name_not_its_path(tmp_path):
    """`export deck --scenario FILE`: the title slide and the comparison slide carry the
    scenario's own name (they showed «/tmp/…/scn.json»)."""
    import json

    from briefing import views

    path = tmp_path / "scn.json"
    path.write_text(json.dumps({"version": 1, "name": "انتقال بودجه", "edits": [
        {"type": "shift_budget", "share": 0.2, "rule": "equal"}]}, ensure_ascii=False),
        encoding="utf-8")
    specs = cli.deck_specs_from_views(views, ["status_bars"], "fa", scenario=str(path))
    title = next(s for s in specs if s.kind == "title")
    comparison = next(s for s in specs if s.kind == "comparison")
    assert "انتقال بودجه" in title.subtitle and "انتقال بودجه" in comparison.title
    text = repr([(s.title, s.subtitle, s.table) for s in specs])
    assert str(path) not in text and "scn.json" not in text
