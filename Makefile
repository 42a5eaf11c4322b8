# Two commands do everything on a fresh Debian machine: `make build` and `make test`.
# Both create .venv/ from requirements.lock and install the Debian packages they need when missing.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-from-lock
DEBIAN_PACKAGES := fontconfig fonts-noto-core fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libcairo2
TEST_DEBIAN_PACKAGES := chromium poppler-utils libreoffice-impress nginx-light libnginx-mod-http-brotli-static
NODE_STAMP := node_modules/.installed-from-lock
PYTEST_WORKERS ?= 2

.PHONY: audit bench all build test test-fast check serve schema lint setup system-packages test-packages java lock clean

all: build

$(STAMP): requirements.lock pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $(STAMP)

system-packages:
	@bash scripts/install-debian-packages $(DEBIAN_PACKAGES)

test-packages:
	@bash scripts/install-debian-packages $(DEBIAN_PACKAGES) $(TEST_DEBIAN_PACKAGES)

setup: system-packages $(STAMP)

build: setup $(NODE_STAMP)
	$(BIN)/vitrine build

check: setup
	$(BIN)/vitrine check

serve: setup $(NODE_STAMP)
	$(BIN)/vitrine serve

schema: setup
	$(BIN)/vitrine schema

lint: setup
	$(BIN)/ruff check scripts tests
	$(BIN)/mypy
	$(BIN)/mypy tests

# From npm: the map data (world-atlas) for the build, and the test tools (axe-core, the Nu HTML Checker); no
# install script runs, so nothing else is fetched. Node.js and Java usually come with the machine; Debian's
# packages stand in when they are missing (Java runs the Nu HTML Checker, for the tests only).
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || bash scripts/install-debian-packages nodejs npm
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

java:
	@command -v java >/dev/null || bash scripts/install-debian-packages default-jre-headless

test: test-packages setup lint $(NODE_STAMP) java
	$(BIN)/pytest -n $(PYTEST_WORKERS)

# Lighthouse on 9 pages (home, a sector, key figures; fr, ja, ar) of the built site served by nginx: prints scores.
audit: test-packages setup $(NODE_STAMP)
	bash scripts/audit

# Build times and memory (clean, nothing changed, one paragraph edited; site against bare MkDocs; content ten
# times larger) on a copy of the project: prints a table, writes test-output/bench/bench.json, never fails on time.
bench: setup $(NODE_STAMP)
	bash scripts/bench

# While you work: the unit tests and the integration tests that need no reference build (under a minute).
test-fast: test-packages setup $(NODE_STAMP)
	$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not gates and not slow"

# Regenerate the lock after changing the dependencies in pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf site .vitrine node_modules docs/assets/generated .vscode/schemas
	find docs -name '*.md' -delete
