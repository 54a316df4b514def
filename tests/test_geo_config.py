"""geo.config: paths from the environment, defaults outside the project."""

from __future__ import annotations

import ast
from pathlib import Path

import geo
from geo import config


def test_env_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("PISHRAN_BOUNDARIES", str(tmp_path / "b.gpkg"))
    monkeypatch.setenv("PISHRAN_COUNTRY_BOUNDARIES", str(tmp_path / "all"))
    monkeypatch.setenv("PISHRAN_CACHE_DIR", str(tmp_path / "c"))
    assert config.boundaries_path() == tmp_path / "b.gpkg"
    assert config.country_dir() == tmp_path / "all"
    assert config.cache_dir() == tmp_path / "c"


def test_defaults(monkeypatch, tmp_path):
    for name in ("PISHRAN_BOUNDARIES", "PISHRAN_COUNTRY_BOUNDARIES", "PISHRAN_CACHE_DIR",
                 "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    root = config.project_root()
    assert (root / "geo" / "config.py").is_file()
    assert config.boundaries_path() == root.parent / "shared/geo/iran-counties/IR-10.geojson"
    assert config.country_dir() == root.parent / "shared/geo/iran-counties"
    assert config.cache_dir() == Path.home() / ".cache" / "pishran"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert config.cache_dir() == tmp_path / "pishran"
    assert not config.is_inside_project(config.cache_dir())
    assert config.is_inside_project(root / "data" / "x.json")


def test_package_never_imports_streamlit():
    for module in Path(geo.__file__).parent.glob("*.py"):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            assert not any(n.split(".")[0] == "streamlit" for n in names), module
