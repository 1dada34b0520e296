package site_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/site"
)

// TestFallbackAfterHTMLBlocks builds, untranslated, a page where HTML
// blocks and Markdown paragraphs alternate: every paragraph is shown in
// the source language and says so, however many HTML blocks before it
// were marked in their own bytes.
func TestFallbackAfterHTMLBlocks(t *testing.T) {
	const n = 20
	var page strings.Builder
	for i := range n {
		fmt.Fprintf(&page, "<p>Block %d</p>\n\nParagraph %d.\n\n", i, i)
	}
	content := fstest.MapFS{"index.md": {Data: []byte(page.String())}}
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	sink := &memSink{}
	if _, err := site.Build(site.Options{Config: &cfg, Content: content, Locales: translatedLocales(t, content, nil), HTML: true}, sink); err != nil {
		t.Fatal(err)
	}
	es := string(sink.files["public/es/index.html"])
	for i := range n {
		for _, want := range []string{
			fmt.Sprintf(`<p><span lang="en">Block %d</span></p>`, i),
			fmt.Sprintf(`<p lang="en">Paragraph %d.</p>`, i),
		} {
			if !strings.Contains(es, want) {
				t.Errorf("public/es/index.html has no %s", want)
			}
		}
	}
}
