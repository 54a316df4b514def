"""The base layer: the concepts every other layer shares, defined once.

Persian text normalisation (:mod:`core.text`), Jalali dates (:mod:`core.jalali`,
:mod:`core.gregorian`, :mod:`core.clock`), county codes (:mod:`core.counties`), the
tables' schemas and enumerations (:mod:`core.schema`), the one problem type
(:mod:`core.problems`), the one JSON-safe converter (:mod:`core.jsonsafe`), atomic file
writes (:mod:`core.files`), every ``PISHRAN_*`` setting (:mod:`core.settings`) and
version checks / optional imports (:mod:`core.compat`).

The bottom of the stack (see ``tests/test_layers.py``): imports no other layer of the
project, and no Streamlit.
"""
