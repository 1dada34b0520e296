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
# target at a time).
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzMarkdown$$' -fuzztime 30s ./internal/segment
	$(GO) test -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime 30s ./internal/msgtext
	$(GO) test -run '^$$' -fuzz '^FuzzNormalize$$' -fuzztime 30s ./internal/msgtext
	$(GO) test -run '^$$' -fuzz '^FuzzReading$$' -fuzztime 30s ./internal/msgtext
	$(GO) test -run '^$$' -fuzz '^FuzzDecode$$' -fuzztime 30s ./internal/catalog
	$(GO) test -run '^$$' -fuzz '^FuzzQuote$$' -fuzztime 30s ./internal/catalog
	$(GO) test -run '^$$' -fuzz '^FuzzPageRoundTrip$$' -fuzztime 30s ./internal/ledger
	$(GO) test -run '^$$' -fuzz '^FuzzNumbers$$' -fuzztime 30s ./internal/check
	$(GO) test -run '^$$' -fuzz '^FuzzMayHaveAddress$$' -fuzztime 30s ./internal/check
	$(GO) test -run '^$$' -fuzz '^FuzzSlug$$' -fuzztime 30s ./internal/msgid
	$(GO) test -run '^$$' -fuzz '^FuzzDistance$$' -fuzztime 30s ./internal/tm
	$(GO) test -run '^$$' -fuzz '^FuzzTokens$$' -fuzztime 30s ./internal/tm

clean:
	rm -rf bin public localized .glot-cache
