"""Balance: how evenly budget, jobs or projects are spread over the counties
(:mod:`ui.pages.balance`)."""

from ui.pages.balance import render

render()
