"""The scenario's policy warnings (:mod:`analytics.scenario.guardrails`) on the deck's
baseline-against-scenario slide: one ⚠ row per warning under the measures, and the
sentences as the slide's speaker notes."""

from __future__ import annotations

from dataclasses import replace

from briefing.context import ViewContext
from briefing.slides import SlideSpec
from core.marks import OVERDUE_MARK

__all__ = ["carry_guardrails"]


def carry_guardrails(specs: list[SlideSpec], context: ViewContext, lang: str) -> list[SlideSpec]:
    """``specs`` with the comparison slide carrying the scenario's warnings (unchanged when
    there is no scenario or no warning)."""
    warnings = [w[lang] for w in (context.scenario or {}).get("guardrails", ())]
    if not warnings:
        return specs
    out = []
    for spec in specs:
        if spec.kind == "comparison" and spec.table is not None:
            rows = [list(r) for r in spec.table]
            rows += [[f"{OVERDUE_MARK} {text}", None, None] for text in warnings]
            notes = "\n".join(filter(None, [spec.notes, *warnings]))
            spec = replace(spec, table=rows, notes=notes)
        out.append(spec)
    return out
