# The two commands a developer needs: `make run` and `make test`.
# Each creates .venv on first use and installs every dependency from the lock
# (packaging/requirements.lock, exact versions with hashes), then the project itself.
# A changed lock rebuilds .venv from scratch; a changed pyproject.toml reinstalls the project only.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := packaging/requirements.lock
LOCKED := $(VENV)/.locked
STAMP := $(VENV)/.installed
# pip with PyPI alone: no pip.conf, no find-links or extra indexes from the environment, so what
# installs here is what installs on any clean machine, and every file must match the lock's hashes.
PIP := env -u PIP_FIND_LINKS -u PIP_INDEX_URL -u PIP_EXTRA_INDEX_URL -u PIP_CONSTRAINT \
	-u PIP_REQUIRE_VIRTUALENV PIP_CONFIG_FILE=/dev/null $(BIN)/python -m pip

.PHONY: run test test-dev lint bench lock bundle package package-check package-windows \
	package-windows-check clean

$(LOCKED): $(LOCK)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes --only-binary=:all: --no-deps -r $(LOCK)
	@touch $(LOCKED)

$(STAMP): pyproject.toml $(LOCKED)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PIP) check
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/scalpzone

# `make test` is the full CI run (Hypothesis profile "ci"); `make test-dev` tries fewer examples
# per property and stops at the first failure, for a quick loop while editing.
test: $(STAMP)
	SCALPZONE_HYPOTHESIS=ci QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test-dev: $(STAMP)
	SCALPZONE_HYPOTHESIS=dev QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -x -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	@failed=""; for b in benchmarks/bench_*.py; do m=$$(basename $$b .py); echo "== $$m"; \
		$(BIN)/python -m benchmarks.$$m || failed="$$failed $$m"; done; \
	if [ -n "$$failed" ]; then echo "missed a budget:$$failed"; exit 1; fi

# Rewrites the lock from pyproject.toml's ranges and packaging/lock.in: the newest versions that fit,
# for Linux, Windows and macOS at once, with the hash of every file PyPI serves for them.
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml packaging/lock.in --all-extras --universal \
		--generate-hashes --python-version 3.11 --custom-compile-command "make lock" \
		--index-url https://pypi.org/simple --upgrade -o $(LOCK)

# Installs: a PyInstaller one-folder bundle, then a .deb around it (packaging/).
bundle: $(STAMP)
	rm -rf build/dist build/pyi
	@start=$$(date +%s); \
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath build/dist --workpath build/pyi \
		packaging/scalpzone.spec; \
	echo "bundle built in $$(( $$(date +%s) - start )) s: $$(du -sh build/dist/scalpzone | cut -f1)"

package: bundle
	bash packaging/build_deb.sh

package-check: package
	bash packaging/check_deb.sh

# Windows, built and checked on Linux: Wine runs a signed Windows CPython and PyInstaller, NSIS makes
# the installer (packaging/windows/). The check installs it silently into a fresh Wine prefix.
package-windows: $(STAMP)
	bash packaging/windows/build.sh

package-windows-check: package-windows
	bash packaging/windows/check.sh

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
