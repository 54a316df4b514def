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

OPERATOR = "operator"  # a trusted local writer (a script), treated like an editor
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
    path = save_scenario("khur tourism", EXAMPLE, by=OPERATOR)
    assert path == folder / "khur tourism.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["name"] == "khur tourism" and data["version"] == 1
    loaded = load_scenario("khur tourism")
    assert loaded.edits == Scenario.from_dict(EXAMPLE).edits
    assert loaded.name == "khur tourism"
    save_scenario("بودجه مرکز", {"version": 1, "edits": []}, by=OPERATOR)
    infos = list_scenarios()
    assert [i.name for i in infos] == ["khur tourism", "بودجه مرکز"]
    khur = next(i for i in infos if i.name == "khur tourism")
    assert khur.valid and khur.n_edits == 3 and khur.description == "tourism in Khur"
    assert delete_scenario("khur tourism", by=OPERATOR) is True
    assert delete_scenario("khur tourism", by=OPERATOR) is False
    assert [i.name for i in list_scenarios()] == ["بودجه مرکز"]


def test_overwrite_replaces_the_file(folder):
    save_scenario("a", EXAMPLE, by=OPERATOR)
    save_scenario("a", {"version": 1, "edits": []}, by=OPERATOR)
    assert load_scenario("a").edits == ()


@pytest.mark.parametrize("name", ["", " ", "../evil", "a/b", "a\\b", ".hidden", "x.json",
                                  "..", "a" * 81, "name\x00", "_lead", "-lead", 42, None])
def test_unsafe_names_are_refused(folder, name):
    with pytest.raises(ScenarioError) as info:
        save_scenario(name, EXAMPLE, by=OPERATOR)
    assert info.value.problems[0].rule == "bad_name"
    assert not folder.exists() or not any(folder.iterdir())
    with pytest.raises(ScenarioError):
        delete_scenario(name, by=OPERATOR)


def test_good_names():
    assert validate_name(" خور و بیابانک ") == "خور و بیابانک"
    assert validate_name("scenario_1-b") == "scenario_1-b"
    assert validate_name("بودجه\u200cی مرکز") == "بودجه\u200cی مرکز"


def test_invalid_scenario_is_refused_and_saved_ones_untouched(folder):
    save_scenario("keep", EXAMPLE, by=OPERATOR)
    before = files(folder)
    bad = {"version": 1, "edits": [{"type": "shift_budget", "share": 7}]}
    with pytest.raises(ScenarioError) as info:
        save_scenario("keep", bad, by=OPERATOR)
    assert info.value.problems[0].rule == "out_of_range"
    with pytest.raises(ScenarioError):
        save_scenario("new", bad, by=OPERATOR)
    assert files(folder) == before  # nothing written, no temporary left behind


def test_validation_against_a_dataset(folder):
    from store.loading import load_dataset

    ds = load_dataset()
    save_scenario("ok", EXAMPLE, dataset=ds, by=OPERATOR)
    bad = {"version": 1, "edits": [{"type": "cancel", "ids": ["no-such-project"]}]}
    with pytest.raises(ScenarioError) as info:
        save_scenario("bad", bad, dataset=ds, by=OPERATOR)
    assert info.value.problems[0].rule == "unknown_project_ids"
    assert not (folder / "bad.json").exists()
    assert load_scenario("ok", dataset=ds).edits


def test_failed_write_leaves_the_old_file_and_no_temporary(folder, monkeypatch):
    save_scenario("keep", EXAMPLE, by=OPERATOR)
    before = files(folder)

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)  # core.files.write_atomic uses it
    with pytest.raises(OSError):
        save_scenario("keep", {"version": 1, "edits": []}, by=OPERATOR)
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
    save_scenario("env", EXAMPLE, by=OPERATOR)
    assert (folder / "env.json").is_file()
    assert os.listdir(folder) == ["env.json"]


# --- writers: saving, overwriting and deleting need a person -------------------------------


@pytest.fixture
def accounts(tmp_path, monkeypatch):
    """Two viewers and an editor in an accounts file of this test only."""
    from store import add_user

    monkeypatch.setenv("PISHRAN_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.setenv("PISHRAN_DATABASE_URL", f"sqlite:///{tmp_path / 'audit.db'}")
    monkeypatch.setenv("PISHRAN_BCRYPT_ROUNDS", "4")
    return {name: add_user(name, "long-enough-pw", role, by="tests")
            for name, role in (("mina", "viewer"), ("reza", "viewer"), ("sara", "editor"))}


def test_nobody_may_save_or_delete(folder, accounts):
    from store.accounts import User

    for by in (None, "", "  ", User("ghost", "editor")):  # nobody, or no such account
        with pytest.raises(store.ScenarioPermissionError) as info:
            save_scenario("x", EXAMPLE, by=by)
        assert info.value.key == "store.scenario.sign_in"
        assert "وارد شوید" in info.value.message("fa")
    save_scenario("x", EXAMPLE, by=accounts["mina"])
    with pytest.raises(store.ScenarioPermissionError):
        delete_scenario("x", by=None)
    assert (folder / "x.json").is_file()
    # reading needs nobody: load, list, links
    assert load_scenario("x").edits and list_scenarios()[0].name == "x"
    assert scenario_from_query(scenario_to_query(load_scenario("x")))[0] is not None


def test_the_author_is_recorded_and_only_they_or_an_editor_change_the_file(folder, accounts):
    mina, reza, sara = accounts["mina"], accounts["reza"], accounts["sara"]
    path = save_scenario("mine", EXAMPLE, by=mina)
    assert json.loads(path.read_text("utf-8"))["author"] == "mina"
    assert store.scenario_author("mine") == "mina"
    assert list_scenarios()[0].author == "mina" and list_scenarios()[0].valid
    assert load_scenario("mine").edits == Scenario.from_dict(EXAMPLE).edits
    assert "author" not in json.dumps(load_scenario("mine").to_dict())  # links never carry it
    before = files(folder)
    with pytest.raises(store.ScenarioPermissionError) as info:
        save_scenario("mine", {"version": 1, "edits": []}, by=reza)
    assert info.value.key == "store.scenario.not_author"
    assert "mina" in info.value.message("fa")
    with pytest.raises(store.ScenarioPermissionError):
        delete_scenario("mine", by=reza)
    assert files(folder) == before
    # the author overwrites (the author stays), an editor overwrites (and becomes the author)
    save_scenario("mine", {"version": 1, "edits": []}, by=mina)
    assert load_scenario("mine").edits == () and store.scenario_author("mine") == "mina"
    save_scenario("mine", EXAMPLE, by=sara)
    assert store.scenario_author("mine") == "sara"
    with pytest.raises(store.ScenarioPermissionError):
        save_scenario("mine", EXAMPLE, by=mina)  # now sara's
    assert delete_scenario("mine", by=sara) is True
    # the author deletes their own file
    save_scenario("mine", EXAMPLE, by=mina)
    assert delete_scenario("mine", by=mina) is True


def test_old_files_without_an_author_are_changed_by_editors_only(folder, accounts):
    folder.mkdir(parents=True)
    old = {"version": 1, "name": "old", "edits": EXAMPLE["edits"]}
    (folder / "old.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    info = list_scenarios()[0]
    assert info.valid and info.author is None and store.scenario_author("old") is None
    assert load_scenario("old").edits  # still readable
    for viewer in (accounts["mina"], accounts["reza"]):
        with pytest.raises(store.ScenarioPermissionError) as refused:
            save_scenario("old", EXAMPLE, by=viewer)
        assert refused.value.key == "store.scenario.editors_only"
        with pytest.raises(store.ScenarioPermissionError):
            delete_scenario("old", by=viewer)
    assert json.loads((folder / "old.json").read_text("utf-8")) == old
    assert delete_scenario("old", by=accounts["sara"]) is True
    # an author that is not a name counts as none
    (folder / "odd.json").write_text(json.dumps(old | {"author": 5}), encoding="utf-8")
    assert list_scenarios()[0].valid and list_scenarios()[0].author is None
    with pytest.raises(store.ScenarioPermissionError):
        delete_scenario("odd", by=accounts["mina"])
