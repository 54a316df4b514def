"""The Scenario page: "what if …?" — build a scenario from edits with widgets and see
baseline and scenario side by side (balance measures, the county panel, a map of the
change, rank changes, the labour model).  Scenarios live in the session and in the link
(``?s=``), and can be saved by name, reloaded, compared and deleted.

The page's code lives here, in modules imported once per process, and ``pages/scenario.py``
only calls :func:`render` (as every page does, see :mod:`ui.pages`): Streamlit compiles a
page script on every run it cannot find in its script cache (every run under AppTest), and
compiling the ~1,100 lines of this page with Streamlit's magic pass cost more than
everything the page draws.

Modules: :mod:`.common` (page context, cached computation, wording, session helpers),
:mod:`.builder` (edits from widgets, the builder fragment, the list of edits),
:mod:`.saved` (save, load, delete, compare), :mod:`.results` (baseline against scenario),
:mod:`.page` (the order of the page).  Every number comes from
:func:`analytics.scenario.compare.scenario_report` (what ``pishran report --scenario``
prints), cached by the scenario's JSON, the filter and X.
"""

from ui.pages.scenario.page import render

__all__ = ["render"]
