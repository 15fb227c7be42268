# eventgraph — the two commands are `make demo` and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DATA ?= data
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The tests reach the server that scripts/neo4j.sh starts (ports from NEO4J_BOLT_PORT / NEO4J_HTTP_PORT).
NEO4J_BOLT_PORT ?= 7687
NEO4J_HTTP_PORT ?= 7474
export NEO4J_HTTP_PORT
export NEO4J_URI ?= bolt://127.0.0.1:$(NEO4J_BOLT_PORT)

.PHONY: install demo test lint typecheck unit eval eval-heldout serve neo4j-up neo4j-down neo4j-status web bench bench-full clean

install: $(STAMP)

# Re-run only when the dependency list changes; a second `make install` does nothing.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'
	touch $(STAMP)

web: $(STAMP)
	bash scripts/web.sh

demo: install web
	$(BIN)/eventgraph extract seeds --manifest seeds/manifest.json --out $(DATA)/seeds.jsonl
	$(BIN)/eventgraph load $(DATA)/seeds.jsonl --store memory --replace
	$(BIN)/eventgraph stats --store memory
	$(BIN)/eventgraph serve --store memory --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -m "not neo4j and not slow and not browser" -q

test: install web
	bash scripts/chromium.sh
	$(MAKE) lint typecheck
	bash scripts/neo4j.sh up
	$(BIN)/pytest -q -p no:cacheprovider; status=$$?; bash scripts/neo4j.sh down; exit $$status

eval: install
	@mkdir -p $(DATA)
	$(BIN)/eventgraph extract seeds --manifest seeds/manifest.json --out $(DATA)/seeds.jsonl
	$(BIN)/python $(SHARED)/eval/score_events.py --pred $(DATA)/seeds.jsonl --gold $(SHARED)/eval/seeds --articles seeds
	$(BIN)/eventgraph extract $(SHARED)/eval/news_dev/articles --manifest $(SHARED)/eval/news_dev/manifest.json --out $(DATA)/news_dev.jsonl
	$(BIN)/python $(SHARED)/eval/score_events.py --pred $(DATA)/news_dev.jsonl --gold $(SHARED)/eval/news_dev --articles $(SHARED)/eval/news_dev/articles
	$(BIN)/python bench/tempeval.py --gold $(SHARED)/eval/tempeval3/train.jsonl
	@$(MAKE) --no-print-directory eval-heldout

# Held-out news written for issue 13 (tests/fixtures/news_heldout), scored with the shared scorer.
HELDOUT := tests/fixtures/news_heldout
eval-heldout: install
	@mkdir -p $(DATA)
	$(BIN)/eventgraph extract $(HELDOUT)/articles --manifest $(HELDOUT)/manifest.json --out $(DATA)/news_heldout.jsonl
	$(BIN)/python $(SHARED)/eval/score_events.py --pred $(DATA)/news_heldout.jsonl --gold $(HELDOUT) --articles $(HELDOUT)/articles

neo4j-up:
	bash scripts/neo4j.sh up

neo4j-down:
	bash scripts/neo4j.sh down

neo4j-status:
	bash scripts/neo4j.sh status

bench: install web
	$(BIN)/python -m bench.run --quick

bench-full: install web
	$(BIN)/python -m bench.run --full

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache
