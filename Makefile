# glot's Makefile. Two targets set up everything on a fresh machine:
#   make site   builds glot and the sample site (public/ and localized/)
#   make test   runs every test, and glot's Go benchmarks once each
GO ?= go
GLOT := bin/glot

.PHONY: all glot site test golden bench bench-go fuzz clean

all: glot

glot:
	$(GO) build -o $(GLOT) ./cmd/glot

site: glot
	./$(GLOT) build

# Every test runs, without -short: the browser, Hugo, corpus and crash
# tests that go test -short leaves out are part of make test. The
# benchmarks run once each, so that they cannot rot unnoticed; their
# figures mean something under make bench-go.
test:
	$(GO) vet ./...
	@test -d testdata/corpus/kubernetes/content || echo "note: the real-pages corpus is absent, and TestHugoCorpus checks only \$$GLOT_CORPUS (testdata/corpus/SOURCES.md)"
	$(GO) test ./...
	$(GO) test -run '^$$' -bench . -benchtime 1x ./bench/...

# Compares glot with Hugo, po4a and goldmark alone on generated sites
# (bench/README.md); BENCH_SIZES="200 1000" make bench for a quick run.
# Rewrites every golden file: the packages whose tests use glottest take
# its -update flag; review the diff like code.
golden:
	$(GO) test $$($(GO) list -f '{{.ImportPath}} {{.TestImports}} {{.XTestImports}}' ./... | grep internal/glottest | cut -d' ' -f1 | grep -v '/glottest$$') -update

bench:
	bench/run

# glot's own Go benchmarks, on a generated site of 1,000 pages in 9
# languages, and the micro-benchmarks of its packages.
bench-go:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# A run of every fuzz target, FUZZTIME each (go test fuzzes one target at
# a time): make fuzz for a short local run, make fuzz FUZZTIME=5m for a
# long one. The targets are package:target; every parser of outside input
# has one (README.md, Fuzzing).
FUZZTIME ?= 30s
FUZZ = segment:FuzzMarkdown segment:FuzzMarkdownRender segment:FuzzHTML \
	shortcode:FuzzFind \
	segment:FuzzFrontMatter exchange:FuzzPO exchange:FuzzXLIFF \
	exchange:FuzzTMX exchange:FuzzXLIFF12 exchange:FuzzImport catalog:FuzzDecode \
	catalog:FuzzParse catalog:FuzzQuote locale:FuzzTranslations \
	check:FuzzGlossary check:FuzzNumbers check:FuzzMayHaveAddress \
	msgtext:FuzzCheck msgtext:FuzzNormalize msgtext:FuzzReading \
	ledger:FuzzPageRoundTrip msgid:FuzzSlug tm:FuzzDistance tm:FuzzTokens
#
# Go 1.26's fuzzing can end a run that found nothing with "context deadline
# exceeded" when a worker is slow to stop (go.dev/issue/75804, fixed in Go
# 1.27): a target that fails without writing an input to its testdata/fuzz
# folder is run once more, and fails make fuzz only if it fails again.
fuzz:
	@failed=""; for t in $(FUZZ); do \
		pkg=$${t%%:*}; name=$${t#*:}; dir=internal/$$pkg/testdata/fuzz/$$name; \
		for try in 1 2; do \
			echo "fuzz $$t"; \
			before=$$(ls $$dir 2>/dev/null | wc -l); \
			if $(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) ./internal/$$pkg; then break; fi; \
			if [ $$try = 2 ] || [ "$$(ls $$dir 2>/dev/null | wc -l)" != "$$before" ]; then failed="$$failed $$t"; break; fi; \
			echo "fuzz $$t: failed with no failing input written (go.dev/issue/75804): once more"; \
		done; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz: failed:$$failed"; exit 1; fi

clean:
	rm -rf bin public localized .glot-cache
