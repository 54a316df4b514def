"""core.compat: the version flag, optional imports, programs on PATH — and nobody else
asks those questions (no ``shutil.which`` / ``__version__`` parsing / ``try: import``)."""

from __future__ import annotations

import ast
import os
import stat

import pandas as pd

from core import compat
from core.settings import PROJECT_ROOT


def test_pandas_flag_matches_the_installed_pandas():
    assert compat.PANDAS_GE_3 == (int(pd.__version__.split(".")[0]) >= 3)


def test_optional_import():
    assert compat.optional_import("json") is __import__("json")
    assert compat.optional_import("pyarrow.compute") is not None  # a declared dependency
    assert compat.optional_import("surely_not_installed_pishran_module") is None
    assert compat.optional_import("json.surely_not_a_submodule") is None


def _program(folder, name):
    path = folder / name
    path.write_text("#!/bin/sh\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_which_and_libreoffice_follow_path(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    assert compat.which("soffice", "libreoffice") is None
    assert compat.libreoffice() is None
    soffice = _program(tmp_path, "soffice")
    assert compat.libreoffice() == soffice
    libreoffice = _program(tmp_path, "libreoffice")
    assert compat.libreoffice() == libreoffice  # the first name wins
    assert compat.which("missing", "soffice") == soffice


def _asks_itself(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr == "__version__":
            found.append(f"{node.lineno}: __version__")
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
              and node.func.attr in ("which", "find_spec")
              and not (isinstance(node.func.value, ast.Name) and node.func.value.id == "compat")):
            found.append(f"{node.lineno}: {node.func.attr}()")
        elif isinstance(node, ast.Try) and any(
                isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
                for h in node.handlers) and any(
                isinstance(n, ast.Import | ast.ImportFrom) for b in node.body for n in ast.walk(b)):
            found.append(f"{node.lineno}: try: import")
    return found


def test_version_checks_and_optional_imports_live_in_compat():
    offenders = {}
    for folder in ("core", "i18n", "geo", "analytics", "store", "figures", "briefing",
                   "exports", "ui", "pages", "pishran"):
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py")):
            if path == PROJECT_ROOT / "core" / "compat.py":
                continue
            found = _asks_itself(ast.parse(path.read_text(encoding="utf-8")))
            if found:
                offenders[os.fspath(path.relative_to(PROJECT_ROOT))] = found
    assert offenders == {}
