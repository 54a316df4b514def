"""core.settings: every PISHRAN_* variable — its default, an override, and a bad value."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core import settings

ROOT = settings.PROJECT_ROOT
VARIABLES = (
    "PISHRAN_DATA_DIR", "PISHRAN_DATABASE_URL", "PISHRAN_USERS_FILE", "PISHRAN_AUTH_STATE",
    "PISHRAN_BCRYPT_ROUNDS", "PISHRAN_STALE_DAYS", "PISHRAN_SCENARIO_DIR", "PISHRAN_BOUNDARIES",
    "PISHRAN_COUNTRY_BOUNDARIES", "PISHRAN_PROVINCES", "PISHRAN_CACHE_DIR", "PISHRAN_ADDRESS",
    "PISHRAN_PORT", "PISHRAN_USER", "PISHRAN_DEV",
)


@pytest.fixture
def clean(monkeypatch, tmp_path):
    for name in (*VARIABLES, "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return monkeypatch


def test_project_root_is_the_checkout():
    assert (ROOT / "core" / "settings.py").is_file()
    assert (ROOT / "pyproject.toml").is_file()


def test_defaults(clean, tmp_path):
    shared = ROOT.parent / "shared" / "geo"
    assert settings.data_dir() == ROOT / "data"
    assert settings.database_url() == f"sqlite:///{ROOT / 'var' / 'pishran.db'}"
    assert settings.users_file() == ROOT / "var" / "users.toml"
    assert settings.auth_state_file() == ROOT / "var" / "login_failures.json"
    assert settings.bcrypt_rounds() == 12
    assert settings.stale_days() == 90
    assert settings.scenario_dir() == ROOT / "var" / "scenarios"
    assert settings.boundaries_path() == shared / "iran-counties" / "IR-10.geojson"
    assert settings.country_dir() == shared / "iran-counties"
    assert settings.provinces_path() == shared / "iran-provinces.geojson"
    assert settings.cache_dir() == tmp_path / "home" / ".cache" / "pishran"
    assert settings.address() == "127.0.0.1"
    assert settings.port() == 8501
    assert settings.cli_user() is None


def test_overrides_are_read_at_call_time(clean, tmp_path):
    values = {
        "PISHRAN_DATA_DIR": str(tmp_path / "data"),
        "PISHRAN_DATABASE_URL": " postgresql+psycopg2://u@h/db ",
        "PISHRAN_USERS_FILE": str(tmp_path / "acc" / "users.toml"),
        "PISHRAN_BCRYPT_ROUNDS": "5",
        "PISHRAN_STALE_DAYS": "30",
        "PISHRAN_SCENARIO_DIR": str(tmp_path / "scn"),
        "PISHRAN_BOUNDARIES": f" {tmp_path / 'b.gpkg'} ",
        "PISHRAN_COUNTRY_BOUNDARIES": str(tmp_path / "all"),
        "PISHRAN_PROVINCES": "~/p.geojson",
        "PISHRAN_CACHE_DIR": str(tmp_path / "c"),
        "PISHRAN_ADDRESS": "0.0.0.0",
        "PISHRAN_PORT": "8502",
        "PISHRAN_USER": "  ali  ",
    }
    for name, value in values.items():
        clean.setenv(name, value)
    assert settings.data_dir() == tmp_path / "data"
    assert settings.database_url() == "postgresql+psycopg2://u@h/db"
    assert settings.users_file() == tmp_path / "acc" / "users.toml"
    # the failed-login counters follow the users file unless they have their own path
    assert settings.auth_state_file() == tmp_path / "acc" / "login_failures.json"
    clean.setenv("PISHRAN_AUTH_STATE", str(tmp_path / "state.json"))
    assert settings.auth_state_file() == tmp_path / "state.json"
    assert settings.bcrypt_rounds() == 5
    assert settings.stale_days() == 30
    assert settings.scenario_dir() == tmp_path / "scn"
    assert settings.boundaries_path() == tmp_path / "b.gpkg"
    assert settings.country_dir() == tmp_path / "all"
    assert settings.provinces_path() == tmp_path / "home" / "p.geojson"  # ~ expanded
    assert settings.cache_dir() == tmp_path / "c"
    assert settings.address() == "0.0.0.0"
    assert settings.port() == 8502
    assert settings.cli_user() == "ali"


def test_cache_dir_follows_xdg(clean, tmp_path):
    clean.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert settings.cache_dir() == tmp_path / "xdg" / "pishran"


@pytest.mark.parametrize("name", ["PISHRAN_DATABASE_URL", "PISHRAN_BOUNDARIES",
                                  "PISHRAN_COUNTRY_BOUNDARIES", "PISHRAN_PROVINCES",
                                  "PISHRAN_CACHE_DIR", "PISHRAN_USER"])
def test_blank_means_default(clean, name):
    function = {"PISHRAN_DATABASE_URL": settings.database_url,
                "PISHRAN_BOUNDARIES": settings.boundaries_path,
                "PISHRAN_COUNTRY_BOUNDARIES": settings.country_dir,
                "PISHRAN_PROVINCES": settings.provinces_path,
                "PISHRAN_CACHE_DIR": settings.cache_dir,
                "PISHRAN_USER": settings.cli_user}[name]
    default = function()
    clean.setenv(name, "   ")
    assert function() == default


def test_empty_means_default_for_the_store_paths(clean):
    defaults = settings.users_file(), settings.auth_state_file(), settings.scenario_dir()
    for name in ("PISHRAN_USERS_FILE", "PISHRAN_AUTH_STATE", "PISHRAN_SCENARIO_DIR"):
        clean.setenv(name, "")
    assert (settings.users_file(), settings.auth_state_file(), settings.scenario_dir()) == defaults


@pytest.mark.parametrize("raw, rounds", [("2", 4), ("31", 16), ("4", 4), ("16", 16),
                                         ("twelve", 12), ("", 12), ("7.5", 12)])
def test_bcrypt_rounds_are_clamped_and_bad_values_fall_back(clean, raw, rounds):
    clean.setenv("PISHRAN_BCRYPT_ROUNDS", raw)
    assert settings.bcrypt_rounds() == rounds


@pytest.mark.parametrize("raw, days", [(" 45 ", 45), ("0", 0), ("soon", 90), ("", 90)])
def test_stale_days_bad_values_fall_back(clean, raw, days):
    clean.setenv("PISHRAN_STALE_DAYS", raw)
    assert settings.stale_days() == days


def test_bad_port_is_an_error(clean):
    clean.setenv("PISHRAN_PORT", "http")
    with pytest.raises(ValueError):
        settings.port()


def test_documented_in_the_table():
    doc = settings.__doc__ or ""
    for name in VARIABLES:
        assert f"``{name}``" in doc, name


def _environment_reads(path: Path) -> set[str]:
    """PISHRAN_* names passed to os.environ.get / os.environ[...] / os.getenv in ``path``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        args = []
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("get", "getenv"):
            args = node.args[:1]
        elif isinstance(node, ast.Subscript):
            args = [node.slice]
        for arg in args:
            if isinstance(arg, ast.Constant) and str(arg.value).startswith("PISHRAN_"):
                found.add(arg.value)
    return found


def test_only_core_settings_reads_the_environment():
    """Outside tests and benchmarks, no module but core.settings reads a PISHRAN_* variable."""
    readers = {}
    paths = [*ROOT.glob("*.py")]
    for folder in ROOT.iterdir():
        if folder.is_dir() and not folder.name.startswith(".") \
                and folder.name not in ("tests", "benchmarks"):
            paths += folder.rglob("*.py")
    for path in sorted(paths):
        rel = path.relative_to(ROOT)
        if rel == Path("core/settings.py"):
            continue
        names = _environment_reads(path)
        if names:
            readers[str(rel)] = sorted(names)
    assert readers == {}
    tree = ast.parse((ROOT / "core" / "settings.py").read_text(encoding="utf-8"))
    names = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)
             and isinstance(n.value, str) and re.fullmatch(r"PISHRAN_[A-Z_]+", n.value)}
    assert names == set(VARIABLES)


def test_development_mode_is_off_unless_asked_for(clean):
    assert settings.development() is False
    for raw, expected in (("1", True), ("true", True), ("yes", True), ("0", False), ("", False)):
        clean.setenv("PISHRAN_DEV", raw)
        assert settings.development() is expected
