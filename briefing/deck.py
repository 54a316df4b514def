"""The briefing deck's content: :func:`deck_spec`, the one function that decides what a
deck holds.

Title, one slide per chosen view (:data:`briefing.views.VIEWS`), key figures, the
baseline-against-scenario table when the context has a scenario, and the sources, as
:class:`briefing.slides.SlideSpec` data.  The Briefing page (through
:func:`ui.downloads.briefing_specs`) and ``pishran export deck`` both call it with a
:class:`briefing.context.ViewContext`; :func:`exports.deck.build_deck` writes the result.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.context import ViewContext
from briefing.findings import finding, key_figures_finding, slide_note, sources_finding
from briefing.guardrails import carry_guardrails
from briefing.shortlists import shortlist_slides
from briefing.slides import SlideSpec, standard_deck
from briefing.tables import key_figures, scenario_comparison, sources
from briefing.views import VIEWS, offered_views, view_source
from i18n import t

__all__ = ["deck_spec", "expected_slide_count"]


def expected_slide_count(n_views: int, with_scenario: bool, n_shortlist_slides: int = 0) -> int:
    """Title + one per view + key figures (+ comparison) (+ the recorded shortlists'
    slides, :func:`briefing.shortlists.shortlist_slide_count`) + sources."""
    return 1 + n_views + 1 + (1 if with_scenario else 0) + n_shortlist_slides + 1


def deck_spec(context: ViewContext, view_ids: Sequence[str] | None = None, lang: str = "fa",
              title: str | None = None, scenario_name: str | None = None) -> list[SlideSpec]:
    """The briefing deck's slides for ``context``: title, one slide per view, key figures,
    baseline against scenario (when the context has a scenario) and sources.

    ``view_ids``: views in order (default: every view :func:`~briefing.views.offered_views`
    offers for the context); an empty list, an unknown view or a scenario view without a
    scenario raise ``ValueError``.  ``title``: the title slide's title (blank: the
    catalogue's).  ``scenario_name`` names the scenario when the context does not (the
    context's name — the scenario's own, or a file's stem — comes first).
    """
    with_scenario = context.scenario is not None
    ids = offered_views(with_scenario) if view_ids is None else list(view_ids)
    if not ids:
        raise ValueError("choose at least one view")
    unknown = [v for v in ids if v not in VIEWS]
    if unknown:
        raise ValueError(f"unknown views: {unknown}")
    if not with_scenario and any(VIEWS[v].needs_scenario for v in ids):
        raise ValueError("scenario views need a scenario")
    figures = [(t(VIEWS[v].title_key, lang), VIEWS[v].build(context, lang)) for v in ids]
    specs = standard_deck(
        figures, lang,
        key_figures=key_figures(context, lang),
        comparison=scenario_comparison(context, lang) if with_scenario else None,
        sources=sources(context, lang),
        scenario=(context.scenario_name or scenario_name) if with_scenario else None,
        title=title.strip() if title and title.strip() else None,
    )
    # each chart slide states its finding as its title, names its chart under it, and
    # says its source and — when it shows estimates or samples — the ✱ note
    charts = [s for s in specs if s.kind == "figure"]
    for spec, view_id in zip(charts, ids):
        spec.subtitle = spec.title
        spec.title = finding(view_id, context, lang)
        spec.source = view_source(view_id, context, lang)
        spec.note = slide_note(view_id, context, spec.figure, lang)
    # the key figures (standard_deck's one table slide) and the sources state theirs too;
    # their name goes under it
    for spec in specs:
        if spec.kind == "table":
            spec.subtitle, spec.title = spec.title, key_figures_finding(context, lang)
        elif spec.kind == "sources":
            spec.subtitle, spec.title = spec.title, sources_finding(context, lang)
    # issue 15: recorded shortlists before the sources slide; scenario policy warnings
    specs[-1:-1] = shortlist_slides(context, lang)
    return carry_guardrails(specs, context, lang)
