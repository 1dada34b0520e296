# glot's Makefile. Two targets set up everything on a fresh machine:
#   make site   builds glot and the sample site (public/ and localized/)
#   make test   runs every test
GO ?= go
GLOT := bin/glot

.PHONY: all glot site test bench fuzz clean

all: glot

glot:
	$(GO) build -o $(GLOT) ./cmd/glot

site: glot
	./$(GLOT) build

test:
	$(GO) vet ./...
	$(GO) test ./...

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# A short run of every fuzz target, for local use.
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzMarkdown -fuzztime 30s ./internal/segment
	$(GO) test -run '^$$' -fuzz FuzzCheck -fuzztime 30s ./internal/msgtext

clean:
	rm -rf bin public localized
