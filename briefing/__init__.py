"""What a briefing holds: the view registry, the view context, its tables and the deck spec.

:mod:`briefing.views` (the charts and maps that can be exported or put in a deck),
:mod:`briefing.context` (the tables every view draws from, computed once),
:mod:`briefing.tables` (key figures, sources, comparison), :mod:`briefing.slides` (the
slide-spec type and the standard slides), :mod:`briefing.deck` (the ONE deck-spec function
used by the app and the command line) and :mod:`briefing.report` (what ``pishran report``
prints).  Content only: writing files is ``exports/``; no Streamlit here.
"""
