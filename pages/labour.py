"""Labour and migration: unemployment against net migration, four quadrants
(:mod:`ui.pages.labour`)."""

from ui.pages.labour import render

render()
