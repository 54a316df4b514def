"""Saved scenarios (JSON files, atomic writes, safe names) and shareable links."""

from __future__ import annotations

import base64
import json
import os
import pickle
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analytics.scenario import Scenario, ScenarioError
from store import scenarios as store
from store.scenarios import (
    MAX_QUERY_CHARS,
    delete_scenario,
    list_scenarios,
    load_scenario,
    save_scenario,
    scenario_dir,
    scenario_from_query,
    scenario_to_query,
    validate_name,
)

EXAMPLE = {
    "version": 1, "name": "ignored", "description": "tourism in Khur",
    "edits": [
        {"type": "set_projects", "filter": {"counties": ["khur_va_biabanak"],
                                            "sectors": ["tourism"]},
         "status": "completed", "physical_progress_pct": 100, "planned_end": "1405/12/29"},
        {"type": "shift_budget", "share": 0.1, "rule": "per_capita"},
        {"type": "assumptions", "group": "industrial", "m": 0.8, "k": 2},
    ],
}


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    target = tmp_path / "scenarios"
    monkeypatch.setenv("PISHRAN_SCENARIO_DIR", str(target))
    return target


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else {}


def test_directory_from_environment_or_default(folder, monkeypatch):
    assert scenario_dir() == folder
    monkeypatch.delenv("PISHRAN_SCENARIO_DIR")
    assert scenario_dir().parts[-2:] == ("var", "scenarios")


def test_save_load_list_delete_round_trip(folder):
    path = save_scenario("khur tourism", EXAMPLE)
    assert path == folder / "khur tourism.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["name"] == "khur tourism" and data["version"] == 1
    loaded = load_scenario("khur tourism")
    assert loaded.edits == Scenario.from_dict(EXAMPLE).edits
    assert loaded.name == "khur tourism"
    save_scenario("بودجه مرکز", {"version": 1, "edits": []})
    infos = list_scenarios()
    assert [i.name for i in infos] == ["khur tourism", "بودجه مرکز"]
    khur = next(i for i in infos if i.name == "khur tourism")
    assert khur.valid and khur.n_edits == 3 and khur.description == "tourism in Khur"
    assert delete_scenario("khur tourism") is True
    assert delete_scenario("khur tourism") is False
    assert [i.name for i in list_scenarios()] == ["بودجه مرکز"]


def test_overwrite_replaces_the_file(folder):
    save_scenario("a", EXAMPLE)
    save_scenario("a", {"version": 1, "edits": []})
    assert load_scenario("a").edits == ()


@pytest.mark.parametrize("name", ["", " ", "../evil", "a/b", "a\\b", ".hidden", "x.json",
                                  "..", "a" * 81, "name\x00", "_lead", "-lead", 42, None])
def test_unsafe_names_are_refused(folder, name):
    with pytest.raises(ScenarioError) as info:
        save_scenario(name, EXAMPLE)
    assert info.value.problems[0].rule == "bad_name"
    assert not folder.exists() or not any(folder.iterdir())
    with pytest.raises(ScenarioError):
        delete_scenario(name)


def test_good_names():
    assert validate_name(" خور و بیابانک ") == "خور و بیابانک"
    assert validate_name("scenario_1-b") == "scenario_1-b"
    assert validate_name("بودجه\u200cی مرکز") == "بودجه\u200cی مرکز"


def test_invalid_scenario_is_refused_and_saved_ones_untouched(folder):
    save_scenario("keep", EXAMPLE)
    before = files(folder)
    bad = {"version": 1, "edits": [{"type": "shift_budget", "share": 7}]}
    with pytest.raises(ScenarioError) as info:
        save_scenario("keep", bad)
    assert info.value.problems[0].rule == "out_of_range"
    with pytest.raises(ScenarioError):
        save_scenario("new", bad)
    assert files(folder) == before  # nothing written, no temporary left behind


def test_validation_against_a_dataset(folder):
    from store.loading import load_dataset

    ds = load_dataset()
    save_scenario("ok", EXAMPLE, dataset=ds)
    bad = {"version": 1, "edits": [{"type": "cancel", "ids": ["no-such-project"]}]}
    with pytest.raises(ScenarioError) as info:
        save_scenario("bad", bad, dataset=ds)
    assert info.value.problems[0].rule == "unknown_project_ids"
    assert not (folder / "bad.json").exists()
    assert load_scenario("ok", dataset=ds).edits


def test_failed_write_leaves_the_old_file_and_no_temporary(folder, monkeypatch):
    save_scenario("keep", EXAMPLE)
    before = files(folder)

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)  # core.files.write_atomic uses it
    with pytest.raises(OSError):
        save_scenario("keep", {"version": 1, "edits": []})
    assert files(folder) == before


def test_invalid_files_on_disk_are_refused(folder):
    folder.mkdir(parents=True)
    (folder / "broken.json").write_text('{"version": 1, "edits": [{"type": "boom"}]}',
                                        encoding="utf-8")
    (folder / "notjson.json").write_text("{not json", encoding="utf-8")
    (folder / "nan.json").write_text('{"version": 1, "edits": [{"type": "shift_budget", '
                                     '"share": NaN}]}', encoding="utf-8")
    (folder / "pickled.json").write_bytes(pickle.dumps({"version": 1, "edits": []}))
    (folder / ".tmp-abc.json").write_text("{}", encoding="utf-8")
    for name, rule in (("broken", "unknown_type"), ("notjson", "not_json"),
                       ("nan", "not_json")):
        with pytest.raises(ScenarioError) as info:
            load_scenario(name)
        assert info.value.problems[0].rule == rule, name
    with pytest.raises(ScenarioError) as info:
        load_scenario("pickled")
    assert info.value.problems[0].rule in ("not_json", "unreadable")
    infos = {i.name: i for i in list_scenarios()}
    assert set(infos) == {"broken", "notjson", "nan", "pickled"}
    assert not any(i.valid for i in infos.values())
    assert infos["broken"].problems[0].rule == "unknown_type"


def test_too_large_file_is_refused(folder):
    folder.mkdir(parents=True)
    (folder / "big.json").write_text(" " * (store.MAX_FILE_BYTES + 1), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        load_scenario("big")
    assert info.value.problems[0].rule == "too_large"


def test_load_by_path_only_when_allowed(folder, tmp_path):
    path = tmp_path / "elsewhere.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    assert load_scenario(str(path)).edits == Scenario.from_dict(EXAMPLE).edits
    with pytest.raises(ScenarioError) as info:
        load_scenario(str(path), allow_path=False)
    assert info.value.problems[0].rule == "bad_name"
    with pytest.raises(ScenarioError) as info:
        load_scenario("missing")
    assert info.value.problems[0].rule == "not_found"
    assert "no scenario" in info.value.problems[0].message("en")


def test_list_of_missing_directory_is_empty(folder):
    assert list_scenarios() == []


# ---------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------


def test_query_round_trip_and_size():
    sc = Scenario.from_dict(EXAMPLE)
    query = scenario_to_query(sc)
    assert query.startswith("z1.") and len(query) <= MAX_QUERY_CHARS
    assert all(c.isalnum() or c in "-_." for c in query)  # URL-safe
    back, problems = scenario_from_query(query)
    assert problems == [] and back == sc
    compact = json.dumps(EXAMPLE)
    back, problems = scenario_from_query(compact)
    assert problems == [] and back == Scenario.from_dict(EXAMPLE)


def test_too_large_scenario_has_no_link():
    ids = [f"project-{i:05d}-{(i * 7919) % 100003:06d}" for i in range(3000)]
    big = {"version": 1, "edits": [{"type": "cancel", "ids": ids}]}
    with pytest.raises(ScenarioError) as info:
        scenario_to_query(big)
    assert info.value.problems[0].rule == "too_large"


def _pack(raw: bytes) -> str:
    return "z1." + base64.urlsafe_b64encode(zlib.compress(raw)).decode().rstrip("=")


@pytest.mark.parametrize("text, rule", [
    ("", "bad_encoding"),
    (None, "bad_encoding"),
    (12, "bad_encoding"),
    ("hello", "bad_encoding"),
    ("z1.!!!not-base64!!!", "bad_encoding"),
    ("z1." + base64.urlsafe_b64encode(b"not zlib").decode(), "bad_encoding"),
    ("z1." + base64.urlsafe_b64encode(zlib.compress(b'{"version": 1}')[:-4]).decode(),
     "bad_encoding"),
    ("z1." + "A" * 5000, "too_large"),
    (_pack(b" " * 10_000_000), "too_large"),          # a zip bomb stops at 64 KB
    (_pack("\xff".encode("latin-1")), "bad_encoding"),
    (_pack(b"[1, 2, 3]"), "not_object"),
    (_pack(b'{"version": 1, "edits": [{"type": "shift_budget", "share": NaN}]}'),
     "not_json"),
    (_pack(b'{"version": 1, "edits": [{"type": "shift_budget", "share": 3}]}'),
     "out_of_range"),
    (_pack(b"[" * 5000 + b"]" * 5000), "not_json"),
    ('{"version": 1, "edits": [', "not_json"),
])
def test_malformed_links_give_problems_not_exceptions(text, rule):
    scenario, problems = scenario_from_query(text)
    assert scenario is None
    assert rule in {p.rule for p in problems}
    for p in problems:
        assert p.message("fa") and p.message("en")


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=300), st.binary(max_size=300).map(
    lambda b: "z1." + base64.urlsafe_b64encode(b).decode()),
    st.binary(max_size=200).map(lambda b: _pack(b)),
    st.recursive(st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=8),
                 lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
                     st.sampled_from(["version", "edits", "type", "ids", "filter", "share",
                                      "rule", "m", "k", "x"]), inner, max_size=5),
                 max_leaves=20).map(lambda v: _pack(json.dumps(v).encode()))))
def test_from_query_never_raises(text):
    scenario, problems = scenario_from_query(text)
    assert (scenario is None) == bool(problems)


def test_env_dir_is_used_by_default(folder):
    save_scenario("env", EXAMPLE)
    assert (folder / "env.json").is_file()
    assert os.listdir(folder) == ["env.json"]
