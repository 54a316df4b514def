"""Priorities: each county's driver projects scored, picks and the recorded shortlist (:mod:`ui.pages.priorities`)."""

from ui.pages.priorities import render

render()
