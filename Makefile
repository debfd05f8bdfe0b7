# Two commands set everything up on a fresh machine: `make build` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: build test check clean venv bench bench-scale bench-corpus audit

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

# The type checker first (strict, [tool.mypy] in pyproject.toml), then the whole test suite.
test: $(STAMP)
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

# Known vulnerabilities of requirements.lock (tools/audit.py): exit 1 naming them; an unreachable
# vulnerability service is a warning, so that an offline machine still builds and tests.
audit: $(STAMP)
	$(BIN)/python tools/audit.py requirements.lock

# Speed and memory targets (BENCHMARKS.md, benchmarks/README.md). `make bench` generates the
# national corpus (34 provinces, 3,321 communes) outside the repository, builds it cold, rebuilds
# it after editing one report, builds the same Markdown with bare mkdocs, prints the table and
# records it in BENCHMARKS.md; exits 1 naming any target missed. About 25 minutes on 2 cores.
BENCH_ARGS ?=
bench: $(STAMP)
	$(BIN)/python benchmarks/bench_national.py --write BENCHMARKS.md $(BENCH_ARGS)

# The growth benchmark: generated projects at two scales, per-stage budgets (benchmarks/README.md).
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/bench_build.py $(BENCH_ARGS)

# Only write the national corpus, e.g. make bench-corpus CORPUS=/tmp/national
CORPUS ?= /tmp/minhbach-national
bench-corpus: $(STAMP)
	$(BIN)/python benchmarks/national.py $(CORPUS)

clean:
	rm -rf build site .site.tmp site.old
