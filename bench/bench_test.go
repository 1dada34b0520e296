package bench_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/glot-i18n/glot/bench/corpus"
	"github.com/glot-i18n/glot/bench/internal/files"
	"github.com/glot-i18n/glot/internal/cli"
)

// The benchmarks run glot through its command line, the interface that
// stays put while its internals change, on one generated site of
// benchPages pages in the source language and the eight of
// corpus.Languages. BENCH_PAGES sets another size.

var benchPages = 1000

// languages counts the source language and the targets.
var languages = 1 + len(corpus.Languages)

var (
	sitesOnce sync.Once
	sitesErr  error
	sites     struct {
		root     string
		full     string // fully translated: build
		pages    string // glot.toml and content/ only: extract
		partial  string // 5 % left untranslated: merge
		partial0 string // partial's locales as generated, restored before each merge
	}
)

func TestMain(m *testing.M) {
	if v := os.Getenv("BENCH_PAGES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			fmt.Fprintf(os.Stderr, "BENCH_PAGES=%q: %v\n", v, err)
			os.Exit(2)
		}
		benchPages = n
	}
	code := m.Run()
	if sites.root != "" {
		os.RemoveAll(sites.root)
	}
	os.Exit(code)
}

// generated generates the benchmarks' sites, once per run of the package:
// at 1,000 pages that takes a while, and every benchmark uses them.
func generated(b *testing.B) {
	b.Helper()
	sitesOnce.Do(func() { sitesErr = generate() })
	if sitesErr != nil {
		b.Fatal(sitesErr)
	}
}

func generate() error {
	root, err := os.MkdirTemp("", "glot-bench-test-")
	if err != nil {
		return err
	}
	sites.root = root
	sites.full = filepath.Join(root, "full")
	sites.pages = filepath.Join(root, "pages")
	sites.partial = filepath.Join(root, "partial")
	sites.partial0 = filepath.Join(root, "partial-locales")
	o := corpus.Options{Pages: benchPages}
	if err := corpus.Generate(sites.full, o); err != nil {
		return err
	}
	// Nothing is built yet, so the copies are of glot.toml, content/ and
	// locales/.
	for _, dir := range []string{sites.pages, sites.partial} {
		if err := files.CopyTree(sites.full, dir); err != nil {
			return err
		}
	}
	if err := os.RemoveAll(filepath.Join(sites.pages, "locales")); err != nil {
		return err
	}
	o.Untranslated = 0.05
	if err := corpus.Translate(sites.partial, o); err != nil {
		return err
	}
	return files.CopyTree(filepath.Join(sites.partial, "locales"), sites.partial0)
}

// glot runs glot in dir and fails the benchmark if it fails.
func glot(b *testing.B, dir string, args ...string) {
	b.Helper()
	var stderr bytes.Buffer
	if code := cli.Run(append([]string{"-C", dir}, args...), io.Discard, &stderr); code != 0 {
		b.Fatalf("glot %v: exit status %d\n%s", args, code, stderr.String())
	}
}

// removeAll removes the named folders of dir, with the timer stopped.
func removeAll(b *testing.B, dir string, names ...string) {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	for _, n := range names {
		if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
			b.Fatal(err)
		}
	}
}

func pagesPerSecond(b *testing.B, pages int) {
	b.ReportMetric(float64(pages*b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkExtract extracts every page from scratch, with no locales/
// folder; pages/s counts source pages.
func BenchmarkExtract(b *testing.B) {
	generated(b)
	b.ResetTimer()
	for range b.N {
		removeAll(b, sites.pages, "locales", ".glot-cache")
		glot(b, sites.pages, "extract")
	}
	pagesPerSecond(b, benchPages)
}

// BenchmarkMerge merges all eight languages of a site with 5 % of its
// messages untranslated, so that merge writes real work and looks for
// suggestions; pages/s counts pages in each target language.
func BenchmarkMerge(b *testing.B) {
	generated(b)
	b.ResetTimer()
	for range b.N {
		removeAll(b, sites.partial, "locales", ".glot-cache")
		b.StopTimer()
		if err := files.CopyTree(sites.partial0, filepath.Join(sites.partial, "locales")); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		glot(b, sites.partial, "merge")
	}
	pagesPerSecond(b, benchPages*len(corpus.Languages))
}

// BenchmarkBuild builds every page in every language from scratch, HTML
// and Markdown; pages/s counts pages in each language.
func BenchmarkBuild(b *testing.B) {
	generated(b)
	b.ResetTimer()
	for range b.N {
		removeAll(b, sites.full, "public", "localized", ".glot-cache")
		glot(b, sites.full, "build")
	}
	pagesPerSecond(b, benchPages*languages)
}

// BenchmarkBuildNoChange builds again a site already built, with nothing
// changed. It uses BenchmarkBuild's output when that ran first, and builds
// once, untimed, when it did not.
func BenchmarkBuildNoChange(b *testing.B) {
	generated(b)
	if _, err := os.Stat(filepath.Join(sites.full, "public")); err != nil {
		glot(b, sites.full, "build")
	}
	b.ResetTimer()
	for range b.N {
		glot(b, sites.full, "build")
	}
	pagesPerSecond(b, benchPages*languages)
}
