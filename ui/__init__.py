"""Layer ``ui``: the Streamlit glue — the only layer (with ``pages/`` and ``app.py``) that imports
streamlit.

It holds session and URL state (``state.py``: language, the shared project filter, one
URL/widget-seeding helper), cached data access (``data.py``, ``memo.py``), the page chrome and
filter sidebar (``layout.py``, ``context.py``), sign-in (``auth.py``), table column styling
(``tables.py``), download buttons (``downloads.py``) and the pages themselves
(``ui/pages/<name>.py``, each one ``render()`` function that ``pages/<name>.py`` calls).
A page reads widgets through here, calls analytics/briefing, and draws figures.
"""
