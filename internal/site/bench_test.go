package site_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/site"
)

// discard is a sink that keeps nothing, so the benchmark measures glot,
// not the disk.
type discard struct{}

func (discard) Kept(site.Output) bool           { return false }
func (discard) Write(site.Output, []byte) error { return nil }

// benchSite generates a site of n pages, each with front matter, headings,
// paragraphs with inline markup, a list and a code block, fully translated
// into langs languages.
func benchSite(b *testing.B, n, langs int) site.Options {
	b.Helper()
	content := fstest.MapFS{}
	for i := 0; i < n; i++ {
		var p strings.Builder
		fmt.Fprintf(&p, "---\ntitle: Page %d\ndescription: What page %d is about.\n---\n\n# Page %d\n\n", i, i, i)
		for j := 0; j < 8; j++ {
			fmt.Fprintf(&p, "Paragraph %d of page %d has *emphasis*, a [link](page%d.md) and `code`, and runs on for a while to look like real text.\n\n", j, i, (i+1)%n)
		}
		p.WriteString("- one item\n- another item\n\n```\ncode block\n```\n")
		content[fmt.Sprintf("page%d.md", i)] = &fstest.MapFile{Data: []byte(p.String())}
	}
	cfg := config.Default()
	tr := map[string]func(string) (string, bool){}
	for _, lang := range []string{"es", "fr", "de", "it", "pt", "nl", "sv", "pl", "ja", "ar"}[:langs] {
		cfg.Languages = append(cfg.Languages, lang)
		tr[lang] = func(src string) (string, bool) { return strings.ToUpper(src), true }
	}
	ls := translatedLocales(b, content, tr)
	return site.Options{Config: &cfg, Content: content, Locales: ls, HTML: true, MD: true}
}

// BenchmarkBuild builds 200 pages in 5 languages (the source and 4 targets)
// per iteration; pages/s is the figure to compare.
func BenchmarkBuild(b *testing.B) {
	const pages, langs = 200, 4
	o := benchSite(b, pages, langs)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := site.Build(o, discard{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(pages*(langs+1)*b.N)/b.Elapsed().Seconds(), "pages/s")
}
