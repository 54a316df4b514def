"""Data: the data's versions, import templates, uploads, restores and follow-ups
(:mod:`ui.pages.data`)."""

from ui.pages.data import render

render()
