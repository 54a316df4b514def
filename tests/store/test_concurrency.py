"""Many processes, one store: concurrent first start, readers during imports, a second
process seeing new versions at once, and ``kill -9`` in the middle of imports."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import threading
import time
import traceback

from sqlalchemy import event

from store import import_file, open_store

from .conftest import WORKER, worker_env
from .sample import projects_csv

# Each version is one whole file (replace mode): a reader can tell a mix by the id prefixes.
REPLACE = {"mode": "replace", "confirm_removal": True}


def _consistent(store, dataset, versions: dict) -> None:
    """A dataset is one whole version: row counts as recorded, one file's ids only."""
    version = versions.get(dataset.version) or store.version(int(dataset.version))
    versions[dataset.version] = version
    assert len(dataset.projects) == version.n_projects, (dataset.version, len(dataset.projects))
    assert len(dataset.indicators) == version.n_indicators
    prefixes = {pid.split("-")[0] for pid in dataset.projects["project_id"]}
    assert len(prefixes) == 1, prefixes


def test_concurrent_first_start_creates_one_version_1(db_url, data_dir):
    processes = [subprocess.Popen([*WORKER, "seed", db_url], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, env=worker_env())
                 for _ in range(2)]
    outputs = [p.communicate(timeout=180) for p in processes]
    assert [o[0].strip() for o in outputs] == ["1", "1"], [o[1][-2000:] for o in outputs]
    with open_store(db_url, data_directory=data_dir) as store:
        assert [(v.id, v.kind) for v in store.list_versions()] == [(1, "seed")]
        assert store.verify() == []


def test_concurrent_threads_seed_once(db_url, data_dir):
    stores = [open_store(db_url, data_directory=data_dir) for _ in range(4)]
    results, barrier = [], threading.Barrier(len(stores))

    def seed(store):
        barrier.wait()
        results.append(store.ensure_seeded())

    threads = [threading.Thread(target=seed, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert results == [1, 1, 1, 1]
    assert [v.id for v in stores[0].list_versions()] == [1]
    for store in stores:
        store.close()


def test_readers_see_whole_versions_during_imports(store, db_url, data_dir):
    files = [projects_csv(12, prefix="A"), projects_csv(300, prefix="B")]
    reader = open_store(db_url, data_directory=data_dir)
    seen, errors, stop = [], [], threading.Event()
    versions: dict = {}

    def read():
        while not stop.is_set():
            try:
                reader._tables.clear()  # no cache: every read goes to the database
                reader._current = None
                dataset = reader.current_dataset()
                _consistent(reader, dataset, versions)
                seen.append(dataset.version)
            except Exception as err:  # noqa: BLE001
                errors.append(traceback.format_exc() or repr(err))
                return

    thread = threading.Thread(target=read)
    thread.start()
    for i in range(6):
        assert import_file(store, files[i % 2], f"f{i}.csv", "projects", "writer",
                           **REPLACE).ok
    stop.set()
    thread.join(timeout=120)
    reader.close()
    assert not errors, errors[0]
    assert len(seen) >= 6 and len(set(seen)) >= 3, seen


def test_another_process_sees_the_new_version_at_once(store, db_url, tmp_path):
    path = tmp_path / "new.csv"
    path.write_bytes(projects_csv(7, prefix="X"))
    reader = subprocess.Popen([*WORKER, "reader", db_url], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True, env=worker_env())
    try:
        assert reader.stdout.readline().split() == ["1", "12", "25"]
        done = subprocess.run([*WORKER, "import", db_url, str(path)], capture_output=True,
                              text=True, env=worker_env(), timeout=180)
        assert done.stdout.strip() == "2", done.stderr[-2000:]
        reader.stdin.write("\n")
        reader.stdin.flush()
        assert reader.stdout.readline().split() == ["2", "7", "25"]
    finally:
        reader.stdin.close()
        reader.wait(timeout=60)


def _churn(url, data_dir, files, ready: int, marks: int) -> None:
    """Child body: import and restore forever, reporting write transactions on ``marks``."""
    store = open_store(url, data_directory=data_dir)

    @event.listens_for(store.engine, "begin")
    def _begin(conn):
        if conn.get_execution_options().get("pishran_write"):
            os.write(marks, b"B")

    @event.listens_for(store.engine, "commit")
    def _commit(conn):
        if conn.get_execution_options().get("pishran_write"):
            os.write(marks, b"C")

    os.write(ready, b"R")
    i = 0
    while True:
        result = import_file(store, files[i % len(files)], f"churn-{i}.csv", "projects",
                             "churn", **REPLACE)
        if not result.ok:
            os._exit(3)
        if i % 3 == 2:
            store.restore(1, "churn")
        i += 1


def _fork_churn(url, data_dir, files) -> tuple[int, int]:
    ready_r, ready_w = os.pipe()
    marks_r, marks_w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into pytest
        try:
            os.close(ready_r)
            os.close(marks_r)
            _churn(url, data_dir, files, ready_w, marks_w)
        except BaseException:  # noqa: BLE001
            traceback.print_exc()
        finally:
            os._exit(1)
    os.close(ready_w)
    os.close(marks_w)
    assert os.read(ready_r, 1) == b"R"
    os.close(ready_r)
    os.set_blocking(marks_r, False)
    return pid, marks_r


def _drain(fd: int) -> bytes:
    try:
        return os.read(fd, 1 << 20)
    except BlockingIOError:
        return b""


def test_kill_9_during_imports_never_leaves_a_partial_version(store, db_url, data_dir):
    """20 × : a child imports/restores in a loop; the parent reads meanwhile and kills it
    with SIGKILL at a random moment — 0–0.3 s after the child starts (even rounds) or
    0–0.1 s after the child begins a write transaction (odd rounds, to hit the critical
    window often) — then reopens the store and checks it."""
    files = [projects_csv(12, prefix="A"), projects_csv(300, prefix="B")]
    rng = random.Random()
    killed_mid_write = reads = 0
    started = time.monotonic()
    for _round in range(20):
        store.engine.dispose()  # nothing shared with the child
        before = {v.id for v in store.list_versions()}
        store.engine.dispose()
        pid, marks = _fork_churn(db_url, data_dir, files)
        log, target, begun = b"", None, time.monotonic()
        start_deadline = begun + rng.uniform(0.0, 0.3)
        with open_store(db_url, data_directory=data_dir) as reader:
            versions: dict = {}
            while True:
                now = time.monotonic()
                if _round % 2 == 0 or now - begun > 20:
                    if now >= start_deadline:
                        break
                elif target is None:
                    if b"B" in log:
                        target = now + rng.uniform(0.0, 0.1)
                elif now >= target:
                    break
                _consistent(reader, reader.current_dataset(), versions)  # readers keep going
                reads += 1
                log += _drain(marks)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
        log += _drain(marks)
        os.close(marks)
        killed_mid_write += log.endswith(b"B")
        with open_store(db_url, data_directory=data_dir) as after:
            assert after.verify() == []  # integrity_check, pointer, recorded row counts
            versions = after.list_versions()
            current = next(v for v in versions if v.is_current)
            assert current.id in before or current.id > max(before)
            dataset = after.current_dataset()
            _consistent(after, dataset, {})
            assert dataset.version == str(current.id)
    assert killed_mid_write >= 1, "no kill landed inside a write transaction"
    assert import_file(store, files[0], "after.csv", "projects", "a", **REPLACE).ok
    assert store.verify() == []
    print(f"\n{killed_mid_write}/20 kills inside a write transaction, {reads} reads, "
          f"{time.monotonic() - started:.1f} s")
