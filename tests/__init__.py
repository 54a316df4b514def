"""Pishran tests (a package, so that tests/store does not shadow the store layer)."""
