"""Child process for the multi-process store tests (run: python worker.py COMMAND URL …).

Commands
  seed URL                      open + ensure_seeded, print the current version id
  import URL FILE               import FILE (projects), print the new version id
  churn URL FILE_A FILE_B       print READY, then import A, restore, import B … forever
  reader URL                    print "VERSION n_projects n_indicators" now and after
                                every line read on stdin (until EOF)
"""

from __future__ import annotations

import sys

from store import import_file, open_store


def main(argv: list[str]) -> int:
    command, url = argv[0], argv[1]
    store = open_store(url)
    if command == "seed":
        print(store.ensure_seeded(), flush=True)
    elif command == "import":
        result = import_file(store, argv[2], argv[2], "projects", "worker", mode="replace",
                             confirm_removal=True)
        print(result.version_id if result.ok else "FAILED", flush=True)
    elif command == "churn":
        files = argv[2:]
        print("READY", flush=True)
        i = 0
        while True:
            result = import_file(store, files[i % len(files)], f"churn-{i}.csv", "projects",
                                 "worker", mode="replace", confirm_removal=True)
            assert result.ok, [p.message("en") for p in result.problems]
            if i % 3 == 2:
                store.restore(1, "worker")
            i += 1
    elif command == "reader":
        while True:
            dataset = store.current_dataset()
            print(dataset.version, len(dataset.projects), len(dataset.indicators), flush=True)
            if not sys.stdin.readline():
                break
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
