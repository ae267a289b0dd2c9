# The two commands a developer needs: `make run` and `make test`.
# Each creates .venv and installs the project on first use, and again only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bundle package package-check clean

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev,package]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/scalpzone

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	@failed=""; for b in benchmarks/bench_*.py; do m=$$(basename $$b .py); echo "== $$m"; \
		$(BIN)/python -m benchmarks.$$m || failed="$$failed $$m"; done; \
	if [ -n "$$failed" ]; then echo "missed a budget:$$failed"; exit 1; fi

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

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .mypy_cache .ruff_cache .hypothesis
