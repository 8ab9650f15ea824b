# krant - analyse Dutch and Flemish news articles in SQLite.
#
#   make demo        build, then show the functions on examples/articles
#   make test        build, then run every test (ends with "N passed, N failed")
#   make             build dist/krant.so
#   make deps        install the Debian packages krant needs (as root), or
#                    print the command to do so
#   make test-asan   the test suite under AddressSanitizer + UBSan
#   make bench       throughput and memory per function (never fails the build)
#
# Every target that builds installs missing packages first (make deps).

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=

DEB_PACKAGES := libsqlite3-dev libpcre2-dev libicu-dev sqlite3 pkg-config gcc make
PKGS         := libpcre2-8 icu-uc icu-i18n sqlite3

have_deps = $(shell command -v pkg-config >/dev/null 2>&1 && \
  pkg-config --exists $(PKGS) 2>/dev/null && command -v sqlite3 >/dev/null 2>&1 && echo 1)

# Install what is missing before anything else is computed, so that the
# pkg-config flags below see the new packages. `make deps` and `make clean`
# themselves never trigger it.
ifeq ($(filter deps clean help,$(MAKECMDGOALS)),)
ifneq ($(have_deps),1)
$(info krant: build dependencies are missing; running 'make deps')
DEPS_LOG := $(shell $(MAKE) --no-print-directory deps 1>&2; echo $$?)
ifneq ($(have_deps),1)
$(error krant: the build dependencies are still missing (see above))
endif
endif
endif

UNAME := $(shell uname -s)
ifeq ($(UNAME),Darwin)
  SO := dylib
  SHARED := -dynamiclib -undefined dynamic_lookup
else
  SO := so
  SHARED := -shared -Wl,-z,defs
endif

VERSION := v$(shell cat VERSION)
COMMIT  := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)

PKG_CFLAGS := $(shell pkg-config --cflags libpcre2-8 icu-uc icu-i18n 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs libpcre2-8 icu-uc icu-i18n 2>/dev/null)
SQLITE_LIBS := $(shell pkg-config --libs sqlite3 2>/dev/null)

WARN   := -Wall -Wextra -Wno-unused-parameter
CFLAGS ?= -O2
KFLAGS := -std=gnu11 -fPIC -fvisibility=hidden $(WARN) -Iext -Ibuild $(PKG_CFLAGS) \
          -DPCRE2_CODE_UNIT_WIDTH=8 \
          -DKRANT_VERSION='"$(VERSION)"'

CORE_SRC  := $(sort $(wildcard ext/core/*.c))
GLUE_SRC  := $(sort $(wildcard ext/*.c))
LEXICONS  := $(sort $(wildcard ext/lexicon/nl/*.tsv))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))
SQL_TESTS := $(sort $(wildcard tests/sql/*.test))
HEADERS   := $(wildcard ext/*.h ext/core/*.h)

LEX_C := build/lexicon_data.c
EXT   := dist/krant.$(SO)

.PHONY: all deps demo test test-asan test-bindings bench install uninstall clean help
all: $(EXT)

help:
	@sed -n '3,11p' Makefile

deps:
	@if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $(PKGS) 2>/dev/null \
	    && command -v sqlite3 >/dev/null 2>&1 && command -v cc >/dev/null 2>&1; then \
	  echo "krant: build dependencies are installed"; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  echo "krant: apt-get install $(DEB_PACKAGES)"; \
	  DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(DEB_PACKAGES) >/dev/null; \
	else \
	  echo "krant: missing build dependencies; install them with:"; \
	  echo "  sudo apt-get install -y $(DEB_PACKAGES)"; \
	  exit 1; \
	fi

# ---- the lexicons, compiled into static tables ------------------------------

build/lexgen: ext/tools/lexgen.c
	@mkdir -p build
	$(CC) -O1 -Wall -Wextra -o $@ $<

# A file listing the lexicons (and the unit suites), rewritten only when the
# list changes, so that adding a file rebuilds even when its mtime is old.
build/lexicons.list: FORCE
	@mkdir -p build
	@l='$(LEXICONS)'; [ -f $@ ] && [ "$$(cat $@)" = "$$l" ] || echo "$$l" > $@

build/units.list: FORCE
	@mkdir -p build
	@l='$(UNIT_SRC)'; [ -f $@ ] && [ "$$(cat $@)" = "$$l" ] || echo "$$l" > $@

$(LEX_C): build/lexgen $(LEXICONS) build/lexicons.list
	build/lexgen $@ $(LEXICONS)

# ---- the extension ----------------------------------------------------------

OBJ_CORE := $(patsubst ext/core/%.c,build/core/%.o,$(CORE_SRC)) build/core/lexicon_data.o
OBJ_GLUE := $(patsubst ext/%.c,build/glue/%.o,$(GLUE_SRC))

build/core/%.o: ext/core/%.c $(HEADERS)
	@mkdir -p build/core
	$(CC) $(CFLAGS) $(KFLAGS) -c $< -o $@

build/core/lexicon_data.o: $(LEX_C) ext/core/lexicon.h
	@mkdir -p build/core
	$(CC) $(CFLAGS) $(KFLAGS) -c $< -o $@

# The commit krant_debug() reports: rewritten only when HEAD changes.
build/commit.h: FORCE
	@mkdir -p build
	@c='#define KRANT_COMMIT "$(COMMIT)"'; [ -f $@ ] && [ "$$(cat $@)" = "$$c" ] || echo "$$c" > $@

.PHONY: FORCE
FORCE:

build/glue/krant.o build/asan/glue/krant.o: build/commit.h

build/glue/%.o: ext/%.c $(HEADERS) VERSION
	@mkdir -p build/glue
	$(CC) $(CFLAGS) $(KFLAGS) -c $< -o $@

$(EXT): $(OBJ_CORE) $(OBJ_GLUE)
	@mkdir -p dist
	$(CC) $(SHARED) -o $@ $^ $(PKG_LIBS) -lm
	@if [ "$(SO)" = so ] && command -v nm >/dev/null; then \
	  bad=$$(nm -D --defined-only $@ | awk '$$2 ~ /[TDB]/ {print $$3}' | grep -v '^sqlite3_krant_init$$' | grep -v '^_' || true); \
	  if [ -n "$$bad" ]; then echo "krant: unexpected exported symbols: $$bad"; exit 1; fi; \
	fi

# ---- tests ------------------------------------------------------------------

build/unit_list.h: $(UNIT_SRC) build/units.list
	@mkdir -p build
	@{ for f in $(UNIT_SRC); do n=$$(basename $$f .c); echo "KT_SUITE($$n)"; done; } > $@

RUNNER_SRC := tests/runner.c tests/unit/kt.c $(UNIT_SRC)

build/runner: $(RUNNER_SRC) $(OBJ_CORE) build/unit_list.h tests/unit/kt.h
	$(CC) $(CFLAGS) -std=gnu11 $(WARN) -Iext -Ibuild -Itests/unit $(PKG_CFLAGS) \
	  -o $@ $(RUNNER_SRC) $(OBJ_CORE) $(PKG_LIBS) $(SQLITE_LIBS) -lpthread -lm

test: $(EXT) build/runner
	build/runner $(EXT) $(SQL_TESTS)

# Everything again with AddressSanitizer and UndefinedBehaviorSanitizer.
SAN := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g -O1
test-asan:
	$(MAKE) --no-print-directory BUILD_SAN=1 build/asan/krant.$(SO) build/asan/runner
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	  build/asan/runner build/asan/krant.$(SO) $(SQL_TESTS)

build/asan/core/%.o: ext/core/%.c $(HEADERS)
	@mkdir -p build/asan/core
	$(CC) $(SAN) $(KFLAGS) -c $< -o $@

build/asan/core/lexicon_data.o: $(LEX_C)
	@mkdir -p build/asan/core
	$(CC) $(SAN) $(KFLAGS) -c $< -o $@

build/asan/glue/%.o: ext/%.c $(HEADERS) VERSION
	@mkdir -p build/asan/glue
	$(CC) $(SAN) $(KFLAGS) -c $< -o $@

ASAN_CORE := $(patsubst build/%,build/asan/%,$(OBJ_CORE))
ASAN_GLUE := $(patsubst build/%,build/asan/%,$(OBJ_GLUE))

build/asan/krant.$(SO): $(ASAN_CORE) $(ASAN_GLUE)
	$(CC) $(SAN) -shared -o $@ $^ $(PKG_LIBS) -lm

build/asan/runner: $(RUNNER_SRC) $(ASAN_CORE) build/unit_list.h tests/unit/kt.h
	$(CC) $(SAN) -std=gnu11 $(WARN) -Iext -Ibuild -Itests/unit $(PKG_CFLAGS) \
	  -o $@ $(RUNNER_SRC) $(ASAN_CORE) $(PKG_LIBS) $(SQLITE_LIBS) -lpthread -lm

# Loading from Python's sqlite3 module and from Node's better-sqlite3 12.
# Uses the first python3 whose sqlite3 module can load extensions (Debian's
# can); better-sqlite3 is installed from the npm registry into build/node.
PYTHONS := python3 /usr/bin/python3
test-bindings: $(EXT)
	@py=""; for p in $(PYTHONS); do \
	  if command -v $$p >/dev/null 2>&1 && $$p -c 'import sqlite3,sys; sys.exit(not hasattr(sqlite3.connect(":memory:"), "enable_load_extension"))' 2>/dev/null; \
	  then py=$$p; break; fi; done; \
	if [ -z "$$py" ] && [ "$$(id -u)" = 0 ]; then apt-get install -y -qq python3 >/dev/null; py=/usr/bin/python3; fi; \
	echo "python: $$py"; $$py tests/bindings/test_python.py $(basename $(EXT))
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq nodejs npm >/dev/null; }
	@[ -d build/node/node_modules/better-sqlite3 ] || { mkdir -p build/node && \
	  cd build/node && npm install --no-audit --no-fund --silent better-sqlite3@12 >/dev/null; }
	NODE_PATH=build/node/node_modules node tests/bindings/test_node.js $(basename $(EXT))

# ---- demo, benchmark --------------------------------------------------------

demo: $(EXT)
	@sqlite3 -cmd '.load ./$(basename $(EXT))' :memory: < examples/demo.sql

bench: $(EXT) build/bench
	build/bench $(EXT)

build/bench: tests/bench/bench.c tests/bench/corpus.h tests/stress/kfuncs.h
	$(CC) -O2 -std=gnu11 $(WARN) -o $@ $< $(SQLITE_LIBS) -lm

# ---- install ----------------------------------------------------------------

LIBDIR := $(PREFIX)/lib
install: $(EXT)
	install -d $(DESTDIR)$(LIBDIR)
	install -m 0644 $(EXT) $(DESTDIR)$(LIBDIR)/krant.$(SO)

uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/krant.$(SO)

clean:
	rm -rf build dist

-include tests/hardening.mk
-include tests/workflow.mk
