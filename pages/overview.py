"""Overview: headline figures, a county map of a chosen measure, what is sample
(:mod:`ui.pages.overview`)."""

from ui.pages.overview import render

render()
