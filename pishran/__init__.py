"""The ``pishran`` command: run the app, print reports, fetch boundaries, export, import.

At the top of the stack beside ``pages/`` and ``app.py``: it parses command-line options
and calls the layers below (see :mod:`pishran.cli`); nothing below imports it.
"""
