# heapbook: build, test, and render the book.
#
#   make test   swift build + swift test + heapbook test chapters (each example confirmed by CPython) + site freshness
#   make site   rebuild the committed site/ from chapters/
#   make oracle every chapter example also run under real CPython (updates chapters/.oracle-cache.json)
#   make fuzz   differential fuzzing, engine vs real CPython (FUZZ_N programs, seed FUZZ_SEED);
#               divergences already in Tests/PendingDivergences are reported, not failed
#   make fuzz-boundary  out-of-subset programs: each must match CPython or be refused (FUZZ_BOUNDARY_N)
#   make fuzz-mutate    mutated corpus programs and chapters: no crash, no hang (FUZZ_MUTATE_N)
#
# Both first make sure libcmark (the Ccmark system library) is installed.

SWIFT   ?= swift
SCRATCH ?= .build
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN      = $(shell $(SWIFT) build --scratch-path $(SCRATCH) --show-bin-path)
HEAPBOOK = $(BIN)/heapbook

.PHONY: all deps build test unit-tests chapters check-site site oracle fuzz fuzz-boundary fuzz-mutate clean

all: test

deps:
	@command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libcmark || \
	  { $(SUDO) apt-get update && $(SUDO) apt-get install -y pkg-config libcmark-dev; }

build: deps
	$(SWIFT) build --scratch-path $(SCRATCH)

unit-tests: build
	$(SWIFT) test --scratch-path $(SCRATCH)

# Every example's output must be confirmed by real CPython in the committed oracle cache
# (docs/DESIGN.md §7): an engine output blessed without the interpreter fails here.
chapters: build
	$(HEAPBOOK) test --require-confirmed chapters

# The committed site/ must equal a fresh build (byte for byte).
check-site: build
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	  $(HEAPBOOK) build --out "$$tmp/site" chapters >/dev/null && \
	  diff -r site "$$tmp/site" && echo "site/ is up to date"

test: unit-tests chapters check-site

site: build
	$(HEAPBOOK) build --out site chapters

# Real CPython checks (docs/DESIGN.md §7). Both need python$(PYTHON_VERSION) (PATH or pyenv) and
# exit 2 when it is missing.
PYTHON_VERSION ?= 3.11
FUZZ_N         ?= 500
FUZZ_SEED      ?= 1
FUZZ_OUT       ?= $(SCRATCH)/fuzz-divergences

oracle: build
	$(HEAPBOOK) test --oracle --python $(PYTHON_VERSION) chapters

fuzz: build
	$(HEAPBOOK) fuzz --differential $(FUZZ_N) --seed $(FUZZ_SEED) --python $(PYTHON_VERSION) --out $(FUZZ_OUT) \
	  --known Tests/PendingDivergences

FUZZ_BOUNDARY_N ?= 100
FUZZ_MUTATE_N   ?= 200

fuzz-boundary: build
	$(HEAPBOOK) fuzz --boundary $(FUZZ_BOUNDARY_N) --seed $(FUZZ_SEED) --python $(PYTHON_VERSION) --out $(SCRATCH)/fuzz-boundary

fuzz-mutate: build
	$(HEAPBOOK) fuzz --mutate $(FUZZ_MUTATE_N) --seed $(FUZZ_SEED) --python $(PYTHON_VERSION) --out $(SCRATCH)/fuzz-mutate

clean:
	rm -rf $(SCRATCH)
