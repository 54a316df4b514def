"""Computation only: filtered registry and indicators in, numbers and tables out.

The filter, the county panel, balance measures, rankings, classification, labour and
migration, scenarios and validation — pure functions over pandas tables.  No database,
accounts, command line, file formats or Streamlit here (those are ``store/``,
``pishran/``, ``exports/`` and ``ui/``); it builds on ``core/``, ``i18n/`` and ``geo/``.
"""
