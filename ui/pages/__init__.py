"""The pages' code, one module (or package) per page, each with one :func:`render` that
draws the page for one run.

Every file in ``pages/`` is the same three lines — a docstring, ``from ui.pages.<name>
import render``, ``render()`` — so a page's code is imported (compiled once per process)
rather than run as a script, and a page can be drawn or tested as a function.  A page
module holds, at module level, its imports, cached computations, constants and helper
functions; :func:`render` reads the page context (:func:`ui.context.page_context`), seeds
its widgets from the URL (:mod:`ui.state`), calls analytics and figures, and writes its
choices back into the URL (:func:`ui.state.sync_url`).
"""
