# glot's Makefile. Two targets set up everything on a fresh machine:
#   make site   builds glot and the sample site (public/ and localized/)
#   make test   runs every test, and glot's Go benchmarks once each
GO ?= go
GLOT := bin/glot

.PHONY: all glot site test bench bench-go fuzz clean

all: glot

glot:
	$(GO) build -o $(GLOT) ./cmd/glot

site: glot
	./$(GLOT) build

# The benchmarks run once each, so that they cannot rot unnoticed; their
# figures mean something under make bench-go.
test:
	$(GO) vet ./...
	$(GO) test ./...
	$(GO) test -run '^$$' -bench . -benchtime 1x ./bench/...

# Compares glot with Hugo, po4a and goldmark alone on generated sites
# (bench/README.md); BENCH_SIZES="200 1000" make bench for a quick run.
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
	segment:FuzzFrontMatter exchange:FuzzPO exchange:FuzzXLIFF \
	exchange:FuzzTMX exchange:FuzzImport catalog:FuzzDecode \
	catalog:FuzzParse catalog:FuzzQuote locale:FuzzTranslations \
	check:FuzzGlossary check:FuzzNumbers check:FuzzMayHaveAddress \
	msgtext:FuzzCheck msgtext:FuzzNormalize msgtext:FuzzReading \
	ledger:FuzzPageRoundTrip msgid:FuzzSlug tm:FuzzDistance tm:FuzzTokens
fuzz:
	@set -e; for t in $(FUZZ); do \
		echo "fuzz $$t"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime $(FUZZTIME) ./internal/$${t%%:*}; \
	done

clean:
	rm -rf bin public localized .glot-cache
