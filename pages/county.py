"""County: one county's projects, indicators, ranks and place on the map
(:mod:`ui.pages.county`)."""

from ui.pages.county import render

render()
