# Typed Python clients for Chinese LLM providers, generated from specs/.
# `make` sets everything up and shows it working; `make test` is what CI runs.

# The [<key>] tables of codegen/providers.toml (the one list of providers), in their order.
PROVIDERS := $(shell sed -n 's/^\[\([a-z0-9_-]*\)\]$$/\1/p' codegen/providers.toml)
PYTHON    ?= $(shell command -v python3.11 || command -v python3)
VENV      := .venv
PY        := $(VENV)/bin/python
UV        := $(VENV)/bin/uv
PORT      ?= 8000
# the last release of each provider (<key>.json, <key>_app.py): docs/releasing.md
RELEASES  ?= releases

# Inputs of every generated package: a change here regenerates every package; a spec change, its own.
CODEGEN_INPUTS := $(wildcard codegen/*.py codegen/*.toml codegen/*.yaml codegen/templates/*.jinja \
                    codegen/templates/property_templates/*.jinja \
                    codegen/project_templates/*.jinja codegen/surface_templates/*.jinja) \
                  $(shell find runtime -name '*.py') LICENSE
CLIENT_STAMPS  := $(PROVIDERS:%=generated/%/pyproject.toml)
SERVER_MODELS  := $(PROVIDERS:%=emulator/models/%.py)
HANDWRITTEN    := codegen runtime emulator tests examples $(wildcard bench)

.DEFAULT_GOAL := all
.PHONY: all help venv pythons generate develop check drift lint test wheels publish release-check release-plan \
        release-record serve demo bench clean lock

all: venv generate develop wheels demo ## set up .venv, regenerate what changed, install the clients, build wheels, run the demo

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# --- environment -------------------------------------------------------------------------------

venv: $(VENV)/.installed ## create .venv with the locked tool versions

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check "$$(grep -E '^uv==' requirements.lock)"
	$(UV) pip sync --quiet --python $(PY) requirements.lock
	@touch $@

# CPython 3.14 and 3.15 for tests/test_python_versions.py, from Debian's testing suite (unpacked
# into .pythons/ with their own glibc and OpenSSL; nothing on the machine changes). Debian 12 has
# only 3.11, pyenv here has 3.11-3.13. See docs/python-versions.md.
NEW_PYTHONS := 3.14 3.15
PYTHONS_STAMP := .pythons/.installed-$(subst $(eval) ,-,$(NEW_PYTHONS))

pythons: $(PYTHONS_STAMP) ## install CPython 3.14 and 3.15 from Debian's packages into .pythons/ (for the cross-version test)

$(PYTHONS_STAMP): tests/pyversions/debian_python.py | $(VENV)/.installed
	$(PY) tests/pyversions/debian_python.py $(NEW_PYTHONS)
	@touch $@

lock: ## recompile requirements.lock from pyproject.toml (after changing a pin)
	$(UV) pip compile --quiet pyproject.toml --group dev --python-version 3.11 -o requirements.lock

# --- generation --------------------------------------------------------------------------------

generate: $(CLIENT_STAMPS) $(SERVER_MODELS) ## regenerate the client packages and emulator models whose inputs changed

generated/%/pyproject.toml: specs/%.yaml changelogs/%.md $(CODEGEN_INPUTS) | $(VENV)/.installed
	$(PY) -m codegen.generate $*

# The emulator validates requests with pydantic models generated from the same specs.
emulator/models/%.py: specs/%.yaml codegen/server_models.py | $(VENV)/.installed
	$(PY) -m codegen.server_models $*

# The clients are installed into .venv editable (one .pth line naming generated/<key>, the
# pyproject's dev-mode-dirs), so .venv/bin/python imports them from anywhere and always sees the
# current generated code. --no-deps: their dependencies are in requirements.lock already. The
# stamp depends on .installed because `uv pip sync` there removes whatever the lock does not list.
develop: $(VENV)/.clients ## install the generated clients into .venv (editable)

$(VENV)/.clients: $(VENV)/.installed $(CLIENT_STAMPS)
	$(UV) pip install --quiet --python $(PY) --no-deps --no-build-isolation $(PROVIDERS:%=-e generated/%)
	@touch $@

check: $(VENV)/.installed ## fail with a diff if generated/ or emulator/models/ is stale or was edited by hand
	@$(PY) -m codegen.check

# A changed provider page: what it says differently from the spec, minus what NORMALIZATION.md explains.
drift: $(VENV)/.installed ## compare provider pages with a spec: make drift PROVIDER=<key> DOCS="<files>"
	@test -n "$(PROVIDER)" -a -n "$(DOCS)" || { echo 'usage: make drift PROVIDER=<key> DOCS="<files>"'; exit 2; }
	@$(PY) -m codegen.drift $(PROVIDER) $(DOCS)

# --- quality -----------------------------------------------------------------------------------

lint: $(VENV)/.installed ## ruff on hand-written code, spec validation, the import layers, mypy --strict on each package as Python 3.11, its oldest (its _runtime included)
	$(VENV)/bin/ruff check $(HANDWRITTEN)
	$(VENV)/bin/ruff format --check $(HANDWRITTEN)
	$(PY) -c "import sys; from codegen.prepare import validate_spec; from codegen.providers import load_providers; \
	  [validate_spec(p.spec) for p in load_providers().values()]; print('specs valid')"
	$(PY) -m codegen.layers
	$(VENV)/bin/mypy --strict --cache-dir .mypy_cache/codegen -p codegen
	@for p in $(PROVIDERS); do \
	  echo "mypy generated/$$p"; \
	  (cd generated/$$p && ../../$(VENV)/bin/mypy --config-file ../../pyproject.toml --python-version 3.11 --cache-dir ../../.mypy_cache/$$p $$(ls -d *_client)) || exit 1; \
	done

test: $(VENV)/.installed $(VENV)/.clients $(PYTHONS_STAMP) check lint ## check + lint + the test suite (what CI runs)
	$(PY) -m pytest -n 2 -q

# --- distribution ------------------------------------------------------------------------------

# Each package is built by `python -m build` (the PEP 517 frontend) in an isolated environment
# that uv fills (seconds, not tens of seconds), all in parallel: the sdist first, then the wheel
# from the unpacked sdist, which proves the sdist is complete. requirements.lock constrains the
# build environment, so the backend is the locked hatchling and, with hatchling's fixed timestamps,
# the same sources give the same bytes. DIST=<dir> builds elsewhere (the release check does);
# PROVIDERS="<key> ..." builds some only. The stamp names the providers, so changing them rebuilds.
DIST            ?= dist
space           := $(subst ,, )
DIST_STAMP      := $(DIST)/.built-$(subst $(space),+,$(strip $(PROVIDERS)))
GENERATED_FILES := $(shell find generated -type f -not -name '*.py[co]' 2>/dev/null)
EXPECTED_DIST   = $(shell $(PY) -c 'import sys; from codegen.providers import load_providers; p = load_providers(); \
                    print(*(f"{p[k].package}-{p[k].version}{s}" for k in sys.argv[1:] \
                    for s in ("-py3-none-any.whl", ".tar.gz")))' $(PROVIDERS))

wheels: $(DIST_STAMP) ## build a wheel and an sdist per provider into dist/, twine-check them (PROVIDERS=... for some)

$(DIST_STAMP): $(CLIENT_STAMPS) $(GENERATED_FILES) requirements.lock | $(VENV)/.installed
	@rm -rf $(DIST)/.logs $(DIST)/.built-* $(DIST)/*.whl $(DIST)/*.tar.gz && mkdir -p $(DIST)/.logs
	@echo "building $(PROVIDERS) into $(DIST)/ (logs in $(DIST)/.logs/)"
	@for p in $(PROVIDERS); do \
	  { $(PY) -m build --installer uv --dependency-constraints-txt requirements.lock \
	      --outdir $(DIST) generated/$$p >$(DIST)/.logs/$$p.log 2>&1 || touch $(DIST)/.logs/$$p.failed; } & \
	done; wait; \
	for p in $(PROVIDERS); do \
	  if test -e $(DIST)/.logs/$$p.failed; then cat $(DIST)/.logs/$$p.log; echo "build of $$p failed"; exit 1; fi; \
	done
	$(VENV)/bin/twine check --strict $(DIST)/*
	@test "$$(cd $(DIST) && ls | sort)" = "$$(printf '%s\n' $(EXPECTED_DIST) | sort)" || \
	  { echo "$(DIST)/ holds $$(ls $(DIST)), expected $(EXPECTED_DIST)"; exit 1; }
	@touch $@

# Credentials come from the environment only (twine reads TWINE_REPOSITORY_URL, TWINE_USERNAME and
# TWINE_PASSWORD itself); nothing here prints them. There is no default index: for PyPI, set
# TWINE_REPOSITORY_URL=https://upload.pypi.org/legacy/ and TWINE_USERNAME=__token__.
ifneq ($(filter publish,$(MAKECMDGOALS)),)
  ifeq ($(and $(TWINE_REPOSITORY_URL),$(TWINE_USERNAME),$(TWINE_PASSWORD)),)
    $(error publish: set TWINE_REPOSITORY_URL, TWINE_USERNAME and TWINE_PASSWORD in the environment)
  endif
endif
# The release plan gates the upload (a version too small for its changes, or the last release's
# version again, stops here), and the uploaded versions become the last releases in $(RELEASES)/.
publish: $(DIST_STAMP) ## gate with the release plan, upload dist/ with twine to $TWINE_REPOSITORY_URL, record the release
	@$(PY) -m codegen.release plan --publishing --releases $(RELEASES) $(PROVIDERS)
	$(VENV)/bin/twine upload --non-interactive --disable-progress-bar $(addprefix $(DIST)/,$(EXPECTED_DIST))
	@$(PY) -m codegen.release record --releases $(RELEASES) $(PROVIDERS)

# What changed since each provider's last release (releases/<key>.json): the spec, the Python surface,
# the last release's user code under mypy and pyright, the package files; the bump that needs, and
# exit 1 if a version in codegen/providers.toml does not cover it. docs/releasing.md has the steps.
release-plan: $(VENV)/.installed $(CLIENT_STAMPS) ## changes since the last release and the bump they need (fails if a version is too small); DRAFT=1 drafts changelog entries
	@$(PY) -m codegen.release plan --releases $(RELEASES) $(if $(filter 1,$(DRAFT)),--draft-changelog) $(PROVIDERS)

release-record: $(VENV)/.installed $(CLIENT_STAMPS) ## record the current tree as the last release of PROVIDERS in releases/ (make publish does it after uploading)
	@$(PY) -m codegen.release record --releases $(RELEASES) $(PROVIDERS)

# The publish-and-install test alone (it is also part of `make test`): wheels built into a temporary
# folder, a pypiserver on loopback, `make publish` to it, fresh venvs, calls against the emulator.
release-check: $(VENV)/.installed check ## build, publish to a local pypiserver, install in fresh venvs, call the emulator
	$(PY) -m pytest -q -p no:xdist tests/test_release.py

# --- trying it ---------------------------------------------------------------------------------

serve: $(VENV)/.installed $(SERVER_MODELS) ## run the provider emulator in the foreground on PORT (default 8000)
	$(PY) -m emulator --port $(PORT)

demo: $(VENV)/.installed $(CLIENT_STAMPS) $(SERVER_MODELS) ## stream a chat completion through each client from the emulator
	$(PY) -m emulator.demo

bench: $(VENV)/.installed $(CLIENT_STAMPS) $(SERVER_MODELS) ## run the benchmarks (bench/, ~3 min), print a table, write bench/results/
	$(PY) -m bench

clean: ## remove .venv, .pythons, dist/ and caches (generated/ is committed and stays)
	rm -rf $(VENV) .pythons dist build .pytest_cache .mypy_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
