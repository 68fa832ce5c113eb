# dlref: `make site` builds the site, `make test` runs every check. Both set up .venv first.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
MATH_FONT := /usr/share/texmf/fonts/opentype/public/lm-math/latinmodern-math.otf
CHROMIUM := /usr/bin/chromium
NODE_STAMP := node_modules/.package-lock.json
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
LANG_  ?= zh
# The site engine: mkdocs (Material for MkDocs, the default) or zensical; the same site either way.
ENGINE ?= mkdocs

.PHONY: site shard test bench test-gpu serve record record-gpu check system-deps clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Debian packages: a CJK font for Chinese figure labels; Latin Modern Math, which the build subsets into
# the site's math font (dlref.build.render.mathfont); Chromium and npm for the browser tests.
system-deps:
	@if [ ! -f $(CJK_FONT) ] || [ ! -f $(MATH_FONT) ] || [ ! -x $(CHROMIUM) ] || ! command -v npm >/dev/null; then \
	  echo "installing Debian packages: fonts-noto-cjk fonts-lmodern chromium npm"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
	    fonts-noto-cjk fonts-lmodern chromium $$(command -v npm >/dev/null || echo npm); \
	fi

# axe-core and lighthouse, pinned by package-lock.json.
$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error

site: $(STAMP) system-deps
	$(PY) -m dlref build --engine $(ENGINE)

# One machine's share of the examples, e.g. `make shard SHARD=2/4` (CI's docs workflow): cached, no site built.
shard: $(STAMP) system-deps
	$(PY) -m dlref build --shard $(SHARD)

test: $(STAMP) system-deps $(NODE_STAMP)
	$(PY) -m pytest

serve: $(STAMP) system-deps  ## live preview; `make serve LANG_=en` for English, ENGINE=zensical for Zensical
	$(PY) -m dlref serve --lang $(LANG_) --engine $(ENGINE)

record: $(STAMP) system-deps  ## refresh tests/recorded/ after a deliberate change of output
	$(PY) -m dlref record

BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e ".[test,bench]"
	touch $(BENCH_STAMP)

# Long: Lighthouse 5 times on every page on both engines, and the peers' cold, warm and edit builds 3 times
# each. DLREF_BENCH_REPEATS=1 runs each once (32 min on 2 cores); DLREF_BENCH_SAMPLE=page,... runs fewer examples.
bench: site $(NODE_STAMP) $(BENCH_STAMP)  ## build/page performance as ratios, and against the peers; writes build/bench.json
	$(PY) -m dlref.build.bench

# On a CUDA machine: the tests marked gpu and the CUDA examples (system-deps: their figures need the CJK font).
# Refuses to pass by skipping.
test-gpu: $(STAMP) system-deps
	$(PY) -c "import sys, torch; sys.exit(0 if torch.cuda.is_available() else 'make test-gpu: CUDA not available on this machine')"
	$(PY) -m pytest -m gpu -p no:cacheprovider tests/test_gpu.py

record-gpu: $(STAMP) system-deps  ## on a CUDA machine: refresh tests/recorded/**/*.cuda.json (shown on CPU-only builds)
	$(PY) -m dlref record-gpu

check: $(STAMP)
	$(PY) -m dlref check

clean:
	rm -rf build site
