"""Streamlit glue shared by the pages: state (language, filter, URL), cached data, layout.

Pages stay thin: they read widgets through here, call analytics/geo, and draw figures.
"""
