"""geo.config: the boundary and cache paths of core.settings, and the inside-project rule."""

from __future__ import annotations

import geo
from core import settings
from geo import config


def test_paths_are_the_settings(monkeypatch, tmp_path):
    # one definition: the geo names are core.settings' functions (tested in test_settings)
    assert config.boundaries_path is settings.boundaries_path
    assert config.country_dir is settings.country_dir
    assert config.cache_dir is settings.cache_dir
    monkeypatch.setenv("PISHRAN_BOUNDARIES", str(tmp_path / "b.gpkg"))
    assert geo.boundaries_path() == tmp_path / "b.gpkg"


def test_project_root_and_inside_project(monkeypatch, tmp_path):
    root = config.project_root()
    assert (root / "geo" / "config.py").is_file()
    monkeypatch.delenv("PISHRAN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert not config.is_inside_project(config.cache_dir())
    assert config.is_inside_project(root / "data" / "x.json")
    assert config.is_inside_project(root / "geo" / ".." / "data")
    assert not config.is_inside_project(root.parent / "shared" / "geo")
