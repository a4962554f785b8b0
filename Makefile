# Typed Python clients for Chinese LLM providers, generated from specs/.
# `make` sets everything up and shows it working; `make test` is what CI runs.

PROVIDERS := sensenova lanrui eronmind ppinfra
PYTHON    ?= $(shell command -v python3.11 || command -v python3)
VENV      := .venv
PY        := $(VENV)/bin/python
UV        := $(VENV)/bin/uv
PORT      ?= 8000

# Inputs of every generated package: a change here regenerates all four; a spec change, one.
CODEGEN_INPUTS := $(wildcard codegen/*.py codegen/*.toml codegen/*.yaml codegen/templates/*.jinja \
                    codegen/project_templates/*.jinja overrides/*.py) LICENSE
CLIENT_STAMPS  := $(PROVIDERS:%=generated/%/pyproject.toml)
HANDWRITTEN    := codegen overrides tests $(wildcard bench)

.DEFAULT_GOAL := all
.PHONY: all help venv generate check lint test wheels publish serve demo bench clean lock

all: venv generate wheels demo ## set up .venv, regenerate what changed, build wheels, run the demo

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# --- environment -------------------------------------------------------------------------------

venv: $(VENV)/.installed ## create .venv with the locked tool versions

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check "$$(grep -E '^uv==' requirements.lock)"
	$(UV) pip sync --quiet --python $(PY) requirements.lock
	@touch $@

lock: ## recompile requirements.lock from pyproject.toml (after changing a pin)
	$(UV) pip compile --quiet pyproject.toml --group dev --python-version 3.11 -o requirements.lock

# --- generation --------------------------------------------------------------------------------

generate: $(CLIENT_STAMPS) ## regenerate the client packages whose inputs changed

generated/%/pyproject.toml: specs/%.yaml $(CODEGEN_INPUTS) | $(VENV)/.installed
	$(PY) -m codegen.generate $*

check: $(VENV)/.installed ## fail with a diff if generated/ is stale or was edited by hand
	@$(PY) -m codegen.check

# --- quality -----------------------------------------------------------------------------------

lint: $(VENV)/.installed ## ruff on hand-written code, spec validation, mypy on packages and overrides
	$(VENV)/bin/ruff check $(HANDWRITTEN)
	$(VENV)/bin/ruff format --check $(HANDWRITTEN)
	$(PY) -c "import sys; from codegen.prepare import validate_spec; from codegen.providers import load_providers; \
	  [validate_spec(p.spec) for p in load_providers().values()]; print('specs valid')"
	@for p in $(PROVIDERS); do \
	  echo "mypy generated/$$p"; \
	  (cd generated/$$p && ../../$(VENV)/bin/mypy --config-file ../../pyproject.toml $$(ls -d *_client)) || exit 1; \
	done

test: $(VENV)/.installed check lint ## check + lint + the test suite (what CI runs)
	$(PY) -m pytest -n 2 -q

# --- distribution ------------------------------------------------------------------------------

wheels: $(CLIENT_STAMPS) ## build a wheel and an sdist per provider into dist/, then twine check
	@rm -rf dist && mkdir -p dist
	@for p in $(PROVIDERS); do \
	  $(PY) -m build --installer uv --outdir dist generated/$$p >/dev/null || exit 1; \
	done
	$(VENV)/bin/twine check --strict dist/*
	@ls dist

publish: ## upload dist/ with twine (TWINE_REPOSITORY_URL, TWINE_USERNAME, TWINE_PASSWORD from the environment)
	@test -n "$$TWINE_REPOSITORY_URL" || { echo "set TWINE_REPOSITORY_URL (and TWINE_USERNAME/TWINE_PASSWORD)"; exit 2; }
	$(VENV)/bin/twine upload --non-interactive --disable-progress-bar dist/*

# --- trying it ---------------------------------------------------------------------------------

serve: $(VENV)/.installed ## run the provider emulator in the foreground on PORT (default 8000)
	$(PY) -m tests.emulator --port $(PORT)

demo: $(VENV)/.installed $(CLIENT_STAMPS) ## stream a chat completion through each client from the emulator
	$(PY) -m tests.emulator.demo

bench: $(VENV)/.installed $(CLIENT_STAMPS) ## run the benchmarks (bench/), print a table, write bench/results/
	$(PY) -m bench

clean: ## remove .venv, dist/ and caches (generated/ is committed and stays)
	rm -rf $(VENV) dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
