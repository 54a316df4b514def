"""Briefing: build the meeting deck (PowerPoint, optionally PDF) from chosen views
(:mod:`ui.pages.briefing`)."""

from ui.pages.briefing import render

render()
