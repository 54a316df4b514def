# Two entry points (see README): `make run` and `make test`; `make test-fast` is
# `make test` without the browser tests (tests/e2e).
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test test-fast lint system-deps bench

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip >/dev/null
	$(PY) -m pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

system-deps:
	bash scripts/install_system_deps.sh

run: $(STAMP) system-deps
	$(VENV)/bin/pishran run

test: $(STAMP) system-deps
	VENV=$(VENV) bash scripts/run_tests.sh

test-fast: $(STAMP) system-deps
	VENV=$(VENV) bash scripts/run_tests.sh -m "not e2e"

bench: $(STAMP)
	$(PY) benchmarks/run_all.py
