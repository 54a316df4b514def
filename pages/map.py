"""Map: any measure on the county map, its classes and layers, and a county's detail
(:mod:`ui.pages.map`)."""

from ui.pages.map import render

render()
