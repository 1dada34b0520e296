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

# A short run of every fuzz target, for local use (go test runs one
# target at a time): package:target.
FUZZ = segment:FuzzMarkdown msgtext:FuzzCheck msgtext:FuzzNormalize \
	msgtext:FuzzReading catalog:FuzzDecode catalog:FuzzQuote \
	ledger:FuzzPageRoundTrip check:FuzzNumbers check:FuzzMayHaveAddress \
	msgid:FuzzSlug tm:FuzzDistance tm:FuzzTokens
fuzz:
	@set -e; for t in $(FUZZ); do \
		echo "fuzz $$t"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}\$$" -fuzztime 30s ./internal/$${t%%:*}; \
	done

clean:
	rm -rf bin public localized .glot-cache
