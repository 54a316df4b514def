"""Ranking: the counties' development level by several methods, and its change
(:mod:`ui.pages.ranking`)."""

from ui.pages.ranking import render

render()
