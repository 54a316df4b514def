"""The Briefing page under AppTest, and the deck its button builds
(:func:`ui.downloads.build_briefing_deck`, the click handler as a pure function)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pptx import Presentation
from streamlit.testing.v1 import AppTest

from analytics.filters import ProjectFilter
from analytics.scenario import Scenario
from briefing.views import VIEWS
from i18n import t
from ui.downloads import (
    DEFAULT_VIEWS,
    briefing_specs,
    build_briefing_deck,
    expected_slide_count,
    offered_views,
)

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = {
    "version": 1, "name": "گردشگری خور", "description": "tourism in Khur",
    "edits": [
        {"type": "set_projects", "filter": {"counties": ["khur_va_biabanak"],
                                            "sectors": ["tourism"]},
         "status": "completed", "physical_progress_pct": 100, "planned_end": "1405/12/29"},
        {"type": "shift_budget", "share": 0.1, "rule": "per_capita"},
    ],
}
SCENARIO_VIEWS = [v for v, view in VIEWS.items() if view.needs_scenario]



@pytest.fixture(autouse=True)
def no_saved_scenarios(tmp_path, monkeypatch):
    monkeypatch.setenv("PISHRAN_SCENARIO_DIR", str(tmp_path / "scenarios"))


def open_page(lang: str = "fa", session: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    if lang != "fa":
        at.session_state["lang"] = lang
    for key, value in (session or {}).items():
        at.session_state[key] = value
    at.switch_page("pages/briefing.py")
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def views_widget(at, lang="fa"):
    found = [w for w in at.multiselect if w.label == t("briefing.views", lang)]
    assert len(found) == 1
    return found[0]


def slide_texts(prs) -> list[list[str]]:
    return [[shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
            for slide in prs.slides]


def all_paragraphs(prs):
    for slide in prs.slides:
        for shape in slide.shapes:
            frames = []
            if shape.has_text_frame:
                frames.append(shape.text_frame)
            if shape.has_table:
                frames += [cell.text_frame for row in shape.table.rows for cell in row.cells]
            for frame in frames:
                for paragraph in frame.paragraphs:
                    if paragraph.text:
                        yield paragraph


# --- the page ---------------------------------------------------------------------------------


def test_page_renders_with_default_views_title_and_button():
    at = open_page()
    assert at.title[0].value == t("briefing.title", "fa")
    views = views_widget(at)
    assert views.value == list(DEFAULT_VIEWS)
    assert set(views.options) == {t(VIEWS[v].title_key, "fa") for v in offered_views(False)}
    # scenario-only views are not offered without a scenario
    assert not any(t(VIEWS[v].title_key, "fa") in views.options for v in SCENARIO_VIEWS)
    assert at.text_input(key="briefing_title").value == t("deck.title", "fa")
    assert at.button(key="briefing_build").label == t("briefing.build", "fa")
    assert not at.get("download_button")  # nothing built yet


def test_english_page_and_title_follow_the_language():
    at = open_page("en")
    assert at.title[0].value == t("briefing.title", "en")
    assert at.text_input(key="briefing_title").value == t("deck.title", "en")
    assert views_widget(at, "en").value == list(DEFAULT_VIEWS)


def test_scenario_page_scenario_object_is_the_active_one():
    at = open_page(session={"scenario_page:scenario": Scenario.from_dict(SCENARIO)})
    assert at.selectbox(key="briefing_scenario").value == "active"
    empty = open_page(session={"scenario_page:scenario": Scenario()})
    assert empty.selectbox(key="briefing_scenario").value == "none"


def test_active_scenario_offers_scenario_views():
    at = open_page(session={"scenario": SCENARIO})
    box = at.selectbox(key="briefing_scenario")
    assert box.value == "active"
    assert t("briefing.scenario.active", "fa", name=SCENARIO["name"]) in box.options
    views = views_widget(at)
    for v in SCENARIO_VIEWS:
        assert t(VIEWS[v].title_key, "fa") in views.options
    # choosing "no scenario" drops scenario views from the selection
    views.set_value(["status_bars", *SCENARIO_VIEWS]).run()
    at.selectbox(key="briefing_scenario").set_value("none").run()
    assert not at.exception
    assert views_widget(at).value == ["status_bars"]


def test_broken_active_scenario_is_tolerated():
    at = open_page(session={"scenario": {"version": 99, "edits": "nope"}})
    assert at.selectbox(key="briefing_scenario").value == "none"
    assert at.warning  # the problem is shown, the page works


def test_saved_scenario_is_offered_by_name(tmp_path, monkeypatch):
    from store.scenarios import save_scenario

    save_scenario("شرق", SCENARIO, by="tests")
    at = open_page()
    box = at.selectbox(key="briefing_scenario")
    assert t("briefing.scenario.saved", "fa", name="شرق") in box.options
    box.set_value("saved:شرق").run()
    assert not at.exception and not at.warning
    for v in SCENARIO_VIEWS:
        assert t(VIEWS[v].title_key, "fa") in views_widget(at).options


def test_no_views_disables_the_button():
    at = open_page()
    views_widget(at).set_value([]).run()
    assert at.button(key="briefing_build").disabled


def test_clicking_build_offers_the_deck(server):
    at = open_page()
    views_widget(at).set_value(["status_bars"]).run()
    at.button(key="briefing_build").click().run()
    assert not at.exception, [e.message for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    result = at.session_state["briefing_result"]
    prs = Presentation(io.BytesIO(result["pptx"]))
    assert len(prs.slides) == expected_slide_count(1, False) == result["slides"]
    assert at.get("download_button")
    assert any(t("briefing.done", "fa", n="۴", seconds="")[:10] in s.value for s in at.success)
    # a changed choice marks the built deck stale (the old file is still offered)
    views_widget(at).set_value(["status_bars", "lorenz"]).run()
    assert any(w.value == t("briefing.stale", "fa") for w in at.warning)


# --- the deck-building function --------------------------------------------------------------


def test_deck_has_one_slide_per_view_plus_title_key_figures_sources(server, ds):
    views = ["status_bars", "centre_rest", "lorenz"]
    steps = []
    data = build_briefing_deck(views, "fa", "جلسه شورای برنامه‌ریزی", dataset=ds,
                               progress=lambda d, n, label: steps.append((d, n, label)))
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 1 + len(views) + 1 + 1 == expected_slide_count(3, False)
    texts = slide_texts(prs)
    assert "جلسه شورای برنامه‌ریزی" in texts[0]
    for i, v in enumerate(views, start=1):
        assert t(VIEWS[v].title_key, "fa") in texts[i]
    assert t("deck.key_figures", "fa") in texts[-2]
    assert t("deck.sources", "fa") in texts[-1]
    # progress: 0 … n, each step naming the slide being built next
    assert [d for d, _, _ in steps] == list(range(len(prs.slides) + 1))
    assert steps[1][2] == prs.slides[1].shapes.title.text_frame.text  # the slide's finding
    # right-to-left everywhere
    paragraphs = list(all_paragraphs(prs))
    assert paragraphs
    assert all(p._p.pPr is not None and p._p.pPr.get("rtl") == "1" for p in paragraphs)
    tables = [s.table for slide in prs.slides for s in slide.shapes if s.has_table]
    # Persian tables are written in visual order (first column on the right), rtl="0"
    assert tables and all(tb._tbl.tblPr.get("rtl") == "0" for tb in tables)


def test_deck_with_a_scenario_adds_the_comparison(server, ds):
    views = ["centre_rest", *SCENARIO_VIEWS]
    data = build_briefing_deck(views, "fa", scenario=Scenario.from_dict(SCENARIO), dataset=ds)
    prs = Presentation(io.BytesIO(data))
    assert len(prs.slides) == 1 + len(views) + 1 + 1 + 1 == expected_slide_count(len(views),
                                                                                   True)
    texts = slide_texts(prs)
    assert t("deck.scenario_line", "fa", name=SCENARIO["name"]) in "\n".join(texts[0])
    assert any(t("deck.key_figures", "fa") in text for text in texts[-3])
    assert any(t("deck.comparison", "fa") in text for text in texts[-2])
    # the change is computed (numbers, not the registry's texts) and signed on the left
    table = next(s.table for s in prs.slides[-2].shapes if s.has_table)
    # visual order: the 4th column in reading order (the change) is drawn leftmost
    changes = [table.cell(r, 0).text for r in range(1, len(table.rows))]
    assert changes and all(c != "—" for c in changes), changes
    assert all(c.startswith("\u200e") or c.strip("۰٫") == "" for c in changes), changes
    assert all(not table.cell(r, c).text.endswith("-") for r in range(1, len(table.rows))
               for c in (1, 2))  # baseline and scenario are the middle columns either way
    assert all(p._p.pPr.get("rtl") == "1" for p in all_paragraphs(prs))


def test_specs_respect_the_project_filter(ds):
    everything = briefing_specs(["status_bars"], "fa", dataset=ds, geometry=None)
    one_county = briefing_specs(["status_bars"], "fa", dataset=ds, geometry=None,
                                flt=ProjectFilter(counties=("kashan",)))

    def bar_total(specs):
        return sum(specs[1].figure.data[0].y)

    assert bar_total(one_county) < bar_total(everything)
    assert everything[0].title == t("deck.title", "fa")


def test_specs_refuse_bad_choices(ds):
    with pytest.raises(ValueError):
        briefing_specs([], "fa", dataset=ds, geometry=None)
    with pytest.raises(ValueError):
        briefing_specs(["no_such_view"], "fa", dataset=ds, geometry=None)
    with pytest.raises(ValueError):
        briefing_specs(SCENARIO_VIEWS, "fa", dataset=ds, geometry=None)


def test_english_deck_runs_left_to_right(server, ds):
    prs = Presentation(io.BytesIO(build_briefing_deck(["status_bars"], "en", dataset=ds)))
    assert len(prs.slides) == 4
    assert all(p._p.pPr.get("rtl") == "0" for p in all_paragraphs(prs))
