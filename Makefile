# Two commands set everything up on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test check clean venv bench

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

build: $(STAMP)
	$(BIN)/site-builder build

check: $(STAMP)
	$(BIN)/site-builder check

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Speed and memory targets (benchmarks/README.md): builds generated projects at two scales in a
# temporary folder; exits 1 naming any target missed. e.g. make bench BENCH_ARGS="--units 250 1000"
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py $(BENCH_ARGS)

clean:
	rm -rf build site .site.tmp site.old
