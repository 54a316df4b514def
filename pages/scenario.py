"""Scenario: "what if …?" — build, compare, save and share scenarios (see
:mod:`ui.scenario`; the page's code is imported, so it is compiled once per process)."""

from ui.scenario import render

render()
