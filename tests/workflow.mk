# tests/workflow.mk - the SQL workflow's make targets (issue 6); included at
# the end of the Makefile.
#
#   make report DB=news.db [OUT=news.html] [KEYWORD='(?i)\bstikstof']
#                       the HTML report of an analysed database
#   make demo-db        build/demo.db from examples/articles, analysed, and
#                       its report build/demo-report.html
#   make test-workflow  tests/workflow/run.sh: import, analysis, reports,
#                       HTML (headless Chromium), Python, Node, sqlite-utils
#   make bench-workflow analyze.sql against the bare functions, database
#                       growth, report times on 100,000 analysed articles
#   make bench          also runs it, on BENCH_WF_QUICK (default 20,000)
#                       articles, so that the whole of make bench stays short
#                       (make builds this prerequisite before the Makefile's
#                       own bench recipe runs)

.PHONY: report demo-db test-workflow bench-workflow bench-workflow-quick

OUT   ?= $(basename $(DB)).html
KRANT ?= ./$(basename $(EXT))

report: $(EXT)
	@[ -n "$(DB)" ] || { echo "usage: make report DB=path/to/news.db [OUT=report.html]"; exit 2; }
	@[ -f "$(DB)" ] || { echo "make report: no database $(DB)"; exit 2; }
	@sqlite3 -batch -bail "$(DB)" -cmd '.load $(KRANT)' \
	  $(if $(KEYWORD),-cmd ".parameter set :keyword '$(KEYWORD)'") \
	  '.read sql/report_html.sql' > "$(OUT).tmp" && mv "$(OUT).tmp" "$(OUT)" \
	  || { rm -f "$(OUT).tmp"; exit 1; }
	@echo "wrote $(OUT)"

demo-db: $(EXT)
	@rm -f build/demo.db
	@KRANT=./$(basename $(EXT)) sql/import.sh build/demo.db examples/articles
	@sqlite3 -batch build/demo.db -cmd '.load ./$(basename $(EXT))' '.read sql/analyze.sql'
	@$(MAKE) --no-print-directory report DB=build/demo.db OUT=build/demo-report.html

test-workflow: $(EXT)
	@if [ ! -d build/node/node_modules/better-sqlite3 ] && command -v npm >/dev/null; then \
	  mkdir -p build/node && cd build/node && \
	  npm install --no-audit --no-fund --silent better-sqlite3@12 >/dev/null 2>&1 || true; fi
	sh tests/workflow/run.sh $(basename $(EXT))

build/bench_workflow: tests/workflow/bench_workflow.c tests/bench/corpus.h
	@mkdir -p build
	$(CC) -O2 -std=gnu11 $(WARN) -Wno-unused-function -o $@ $< $(SQLITE_LIBS) -lm

bench-workflow: $(EXT) build/bench_workflow
	build/bench_workflow $(EXT)

BENCH_WF_QUICK ?= 20000
bench: bench-workflow-quick
bench-workflow-quick: $(EXT) build/bench_workflow
	BENCH_WF_ARTICLES=$(BENCH_WF_QUICK) BENCH_WF_SAMPLE=5000 build/bench_workflow $(EXT)
