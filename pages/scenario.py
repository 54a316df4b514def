"""Scenario: "what if …?" — build, compare, save and share scenarios (:mod:`ui.pages.scenario`)."""

from ui.pages.scenario import render

render()
