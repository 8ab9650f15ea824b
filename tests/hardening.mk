# tests/hardening.mk - robustness targets, included by the main Makefile.
#
#   make test-stress     threads (8 connections) + embedding test (limits,
#                        out-of-memory, interrupt), natively and under ASan+UBSan
#   make test-tsan       the thread test under ThreadSanitizer
#   make test-valgrind   the whole suite, the embedding test and the thread
#                        test under valgrind memcheck: zero errors, zero leaks
#   make fuzz            every libFuzzer target for FUZZ_SECONDS (default 60) each
#   make fuzz-ci         the same, FUZZ_CI_SECONDS (default 10) each
#   make bench-build     build/bench only (make bench runs it)
#   make test-hardening  all of the above except the long fuzz run
#
# The functions exercised come from tests/stress/kfuncs.h (one line each);
# those the extension does not register yet are skipped.

.PHONY: test-stress test-tsan test-valgrind fuzz fuzz-ci fuzz-build bench-build test-hardening

STRESS_HDR := tests/stress/kfuncs.h tests/bench/corpus.h
# The stress programs keep ICU loaded for the whole process, as applications
# that use it do: ICU caches its normalisers in globals that are only freed
# by u_cleanup(), so unloading it with the last krant connection would show
# those caches as leaks.
STRESS_LIBS := $(SQLITE_LIBS) -Wl,--no-as-needed $(PKG_LIBS) -Wl,--as-needed -lpthread -lm

test-hardening: test-stress test-tsan test-valgrind fuzz-ci

bench-build: build/bench

# ---- threads and embedding ------------------------------------------------------

build/threads: tests/threads.c $(STRESS_HDR)
	@mkdir -p build
	$(CC) -O2 -g -std=gnu11 $(WARN) -Wno-unused-function -Itests -o $@ $< $(STRESS_LIBS)

build/embed: tests/stress/embed.c $(STRESS_HDR)
	@mkdir -p build
	$(CC) -O2 -g -std=gnu11 $(WARN) -Wno-unused-function -Itests -o $@ $< $(STRESS_LIBS)

build/asan/threads: tests/threads.c $(STRESS_HDR)
	@mkdir -p build/asan
	$(CC) $(SAN) -std=gnu11 $(WARN) -Wno-unused-function -Itests -o $@ $< $(STRESS_LIBS)

build/asan/embed: tests/stress/embed.c $(STRESS_HDR)
	@mkdir -p build/asan
	$(CC) $(SAN) -std=gnu11 $(WARN) -Wno-unused-function -Itests -o $@ $< $(STRESS_LIBS)

test-stress: $(EXT) build/threads build/embed build/asan/threads build/asan/embed
	$(MAKE) --no-print-directory build/asan/krant.$(SO)
	build/threads $(EXT)
	build/embed $(EXT)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/asan/threads build/asan/krant.$(SO) 2
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/asan/embed build/asan/krant.$(SO)

# ---- ThreadSanitizer --------------------------------------------------------------

TSAN := -fsanitize=thread -g -O1 -fno-omit-frame-pointer
TSAN_CORE := $(patsubst build/%,build/tsan/%,$(OBJ_CORE))
TSAN_GLUE := $(patsubst build/%,build/tsan/%,$(OBJ_GLUE))

build/tsan/core/%.o: ext/core/%.c $(HEADERS)
	@mkdir -p build/tsan/core
	$(CC) $(TSAN) $(KFLAGS) -c $< -o $@

build/tsan/core/lexicon_data.o: $(LEX_C)
	@mkdir -p build/tsan/core
	$(CC) $(TSAN) $(KFLAGS) -c $< -o $@

build/tsan/glue/%.o: ext/%.c $(HEADERS) VERSION
	@mkdir -p build/tsan/glue
	$(CC) $(TSAN) $(KFLAGS) -c $< -o $@

build/tsan/krant.$(SO): $(TSAN_CORE) $(TSAN_GLUE)
	$(CC) $(TSAN) -shared -o $@ $^ $(PKG_LIBS) -lm

build/tsan/threads: tests/threads.c $(STRESS_HDR)
	@mkdir -p build/tsan
	$(CC) $(TSAN) -std=gnu11 $(WARN) -Wno-unused-function -Itests -o $@ $< $(STRESS_LIBS)

test-tsan: build/tsan/krant.$(SO) build/tsan/threads
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=tests/stress/tsan.supp" \
	  build/tsan/threads build/tsan/krant.$(SO) 2

# ---- valgrind ------------------------------------------------------------------------

# PCRE2's JIT code cannot be checked by memcheck: tests/stress/valgrind.supp
# suppresses errors inside anonymous (JIT) code only.
VALGRIND := valgrind -q --error-exitcode=1 --leak-check=full \
  --errors-for-leak-kinds=definite,possible --show-leak-kinds=definite,possible \
  --suppressions=tests/stress/valgrind.supp

test-valgrind: $(EXT) build/runner build/embed build/threads
	@command -v valgrind >/dev/null || { echo "krant: install valgrind (apt-get install valgrind)"; exit 1; }
	$(VALGRIND) build/runner $(EXT) $(SQL_TESTS)
	$(VALGRIND) build/embed $(EXT) --quick
	$(VALGRIND) build/threads $(EXT) 1

# ---- libFuzzer -------------------------------------------------------------------------

FUZZ_CC      ?= $(shell command -v clang-14 || command -v clang)
FUZZ_SECONDS ?= 60
FUZZ_CI_SECONDS ?= 10
FUZZ_SAN  := -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CORE := $(patsubst build/%,build/fuzz/%,$(OBJ_CORE))
FUZZ_GLUE := $(patsubst build/%,build/fuzz/%,$(OBJ_GLUE))

# core targets: tests/fuzz/core_NAME.c, built when ext/core/NAME.c exists
FUZZ_CORE_BINS := $(foreach f,$(sort $(wildcard tests/fuzz/core_*.c)),\
  $(if $(wildcard ext/core/$(patsubst core_%.c,%,$(notdir $f)).c),build/fuzz/$(basename $(notdir $f))))
# SQL targets: one per function of kfuncs.h that the extension registers
FUZZ_SQL_NAMES := $(shell sed -n 's/^ *{ *"\([a-z_0-9]*\)".*/\1/p' tests/stress/kfuncs.h)
fuzz_registered = $(shell for n in $(FUZZ_SQL_NAMES); do \
  sqlite3 :memory: -cmd '.load ./$(basename $(EXT))' \
    "SELECT 1 FROM pragma_function_list WHERE name='$$n' UNION SELECT 1 FROM pragma_module_list WHERE name='$$n'" \
    2>/dev/null | grep -q 1 && echo $$n; done)

build/fuzz/core/%.o: ext/core/%.c $(HEADERS)
	@mkdir -p build/fuzz/core
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(KFLAGS) -c $< -o $@

build/fuzz/core/lexicon_data.o: $(LEX_C)
	@mkdir -p build/fuzz/core
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(KFLAGS) -c $< -o $@

build/fuzz/glue/%.o: ext/%.c $(HEADERS) VERSION
	@mkdir -p build/fuzz/glue
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer-no-link $(KFLAGS) -c $< -o $@

build/fuzz/core_%: tests/fuzz/core_%.c tests/fuzz/fuzz_core.h tests/unit/kt.c $(FUZZ_CORE)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -std=gnu11 -Iext -Itests/unit $(PKG_CFLAGS) -o $@ \
	  $< tests/unit/kt.c $(FUZZ_CORE) $(PKG_LIBS) -lm

build/fuzz/sql_%: tests/fuzz/sql_fuzz.c tests/stress/kfuncs.h $(FUZZ_CORE) $(FUZZ_GLUE)
	$(FUZZ_CC) $(FUZZ_SAN) -fsanitize=fuzzer -std=gnu11 -Wno-unused-function -DKF_FUNC=$* -o $@ \
	  $< $(FUZZ_CORE) $(FUZZ_GLUE) $(PKG_LIBS) $(SQLITE_LIBS) -lm

# the instrumented objects are kept between runs
.SECONDARY: $(FUZZ_CORE) $(FUZZ_GLUE)

fuzz-build: $(EXT)
	@$(MAKE) --no-print-directory $(FUZZ_CORE_BINS) $(addprefix build/fuzz/sql_,$(fuzz_registered))

fuzz: fuzz-build
	tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_CORE_BINS) $(addprefix build/fuzz/sql_,$(fuzz_registered))

fuzz-ci: fuzz-build
	tests/fuzz/run.sh $(FUZZ_CI_SECONDS) $(FUZZ_CORE_BINS) $(addprefix build/fuzz/sql_,$(fuzz_registered))
