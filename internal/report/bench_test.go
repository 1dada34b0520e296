package report_test

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/glot-i18n/glot/bench/corpus"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/cli"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/report"
)

// The reports of a site of 500 pages, 9,000 messages in eight languages,
// each a third untranslated and with half its pages edited since they
// were translated: the size that made a 12 MB review and a 25 MB status
// page. Each benchmark reports the bytes it writes in all, and those of
// its largest file, which is what a browser must open at once.

var (
	large     *locale.Site
	largeDir  string
	largeErr  error
	largeOnce sync.Once
)

// TestMain removes the large site, which the benchmarks share: a
// language's files are read when a benchmark asks for them, so it must
// outlive each of them.
func TestMain(m *testing.M) {
	code := m.Run()
	if largeDir != "" {
		os.RemoveAll(largeDir)
	}
	os.Exit(code)
}

func largeSite(b *testing.B) *locale.Site {
	b.Helper()
	largeOnce.Do(func() {
		if largeDir, largeErr = os.MkdirTemp("", "glot-report-bench-"); largeErr == nil {
			large, largeErr = makeLarge(largeDir)
		}
	})
	if largeErr != nil {
		b.Fatal(largeErr)
	}
	return large
}

func makeLarge(dir string) (*locale.Site, error) {
	if err := corpus.Generate(dir, corpus.Options{Pages: 500, Untranslated: 0.3}); err != nil {
		return nil, err
	}
	// Half the pages change since they were translated: their edited
	// messages are stale.
	var pages []string
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".md") {
			pages = append(pages, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, p := range pages[:len(pages)/2] {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(p, bytes.ReplaceAll(data, []byte(" the "), []byte(" the very ")), 0o644); err != nil {
			return nil, err
		}
	}
	for _, args := range [][]string{{"extract"}, {"merge"}} {
		var stderr bytes.Buffer
		if code := cli.Run(append([]string{"-C", dir}, args...), io.Discard, &stderr); code != 0 {
			return nil, fmt.Errorf("glot %s: %s", args[0], stderr.String())
		}
	}
	return locale.Load(os.DirFS(filepath.Join(dir, "locales")), "locales", "en")
}

// reportSizes reports the bytes of files, in all and of the largest.
func reportSizes(b *testing.B, files []report.File) {
	total, largest := 0, 0
	for _, f := range files {
		total += len(f.Data)
		largest = max(largest, len(f.Data))
	}
	b.ReportMetric(float64(total), "bytes")
	b.ReportMetric(float64(largest), "largest-bytes")
	b.ReportMetric(float64(len(files)), "files")
}

func benchmarkReview(b *testing.B, layout report.Layout) {
	s := largeSite(b)
	_, ts := compiled(b, s, "es")
	var files []report.File
	for b.Loop() {
		var err error
		files, err = report.NewReview(s, ts[0], check.New("en", nil), report.ReviewOptions{Content: "content", Index: "review.es.html", Layout: layout}).Files()
		if err != nil {
			b.Fatal(err)
		}
	}
	reportSizes(b, files)
}

// BenchmarkReview500 is glot review -o FILE: an index and a file per page.
func BenchmarkReview500(b *testing.B) { benchmarkReview(b, report.Auto) }

// BenchmarkReview500OneFile is the review as one file, as on standard
// output.
func BenchmarkReview500OneFile(b *testing.B) { benchmarkReview(b, report.OneFile) }

func benchmarkStatus(b *testing.B, layout report.Layout) {
	s := largeSite(b)
	src, ts := compiled(b, s, corpus.Languages...)
	st := report.Status(src, ts)
	var files []report.File
	for b.Loop() {
		var err error
		files, err = st.HTML(s, ts, report.StatusHTMLOptions{Content: "content", Index: "status.html", Layout: layout})
		if err != nil {
			b.Fatal(err)
		}
	}
	reportSizes(b, files)
}

// BenchmarkStatusHTML500 is glot status --format html -o FILE: an index
// and a file per language.
func BenchmarkStatusHTML500(b *testing.B) { benchmarkStatus(b, report.Auto) }

// BenchmarkStatusHTML500OneFile is the status page as one file.
func BenchmarkStatusHTML500OneFile(b *testing.B) { benchmarkStatus(b, report.OneFile) }
