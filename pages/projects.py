"""Projects: the filtered registry as a table, and one project's details
(:mod:`ui.pages.projects`)."""

from ui.pages.projects import render

render()
