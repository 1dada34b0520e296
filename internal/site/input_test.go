package site_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/site"
)

// A page that cannot be read stops the build before any file is written.
func TestBadPageWritesNothing(t *testing.T) {
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	ls, err := locale.Load(fstest.MapFS{}, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	content := fstest.MapFS{"a.md": {Data: []byte("# Fine\n")}, "b.md": {Data: []byte("---\ntitle: [\n---\n")}}
	sink := &memSink{}
	_, err = site.Build(site.Options{Config: &cfg, Content: content, Locales: ls, HTML: true, MD: true}, sink)
	if err == nil || !strings.HasPrefix(err.Error(), "content/b.md:3:") {
		t.Fatalf("error = %v, want one naming content/b.md:3", err)
	}
	if len(sink.files) != 0 {
		t.Errorf("wrote %d files", len(sink.files))
	}
}

// A page with a byte that is not UTF-8, in its body or its front matter,
// stops the build at that byte before any file is written: it would
// otherwise be shown as U+FFFD on every page.
func TestPageNotUTF8WritesNothing(t *testing.T) {
	tests := []struct {
		name, file, src, want string
	}{
		{"markdown body", "a.md", "# Title\n\nCaf\xe9.\n", "content/a.md:3:4: byte 0xe9 is not UTF-8"},
		{"front matter", "b.md", "---\ntitle: Caf\xe9\n---\n\nText.\n", "content/b.md:2:11: byte 0xe9 is not UTF-8"},
		{"html page", "c.html", "<p>Na\xefve</p>\n", "content/c.html:1:6: byte 0xef is not UTF-8"},
		{"html document", "d.html", "<!DOCTYPE html>\n<html><body><p>\x93Hi\x94</p></body></html>\n", "content/d.html:2:16: byte 0x93 is not UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := config.Default()
			cfg.Languages = []string{"es"}
			ls, err := locale.Load(fstest.MapFS{}, "locales", "en")
			if err != nil {
				t.Fatal(err)
			}
			content := fstest.MapFS{"index.md": {Data: []byte("# Fine\n")}, tt.file: {Data: []byte(tt.src)}}
			sink := &memSink{}
			_, err = site.Build(site.Options{Config: &cfg, Content: content, Locales: ls, HTML: true, MD: true}, sink)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want %s", err, tt.want)
			}
			if len(sink.files) != 0 {
				t.Errorf("wrote %d files", len(sink.files))
			}
		})
	}
}

// An HTML document that starts with a byte order mark is a whole document
// all the same: localized, without the layout around it, so one <html>
// element. The mark stays where it was, in the HTML and the Markdown
// outputs; a fragment with a mark stays a fragment.
func TestDocumentWithByteOrderMark(t *testing.T) {
	const bom = "\xef\xbb\xbf"
	doc := bom + "<!DOCTYPE html>\n<html>\n<head><title>About</title></head>\n<body><p>Who we are.</p></body>\n</html>\n"
	bare := bom + "<html>\n<body><p>Plain.</p></body>\n</html>\n"
	frag := bom + "<p>A fragment.</p>\n"
	cfg := config.Default()
	cfg.Languages = []string{"es"}
	ls, err := locale.Load(fstest.MapFS{}, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	content := fstest.MapFS{"doc.html": {Data: []byte(doc)}, "bare.html": {Data: []byte(bare)}, "frag.html": {Data: []byte(frag)}}
	sink := &memSink{}
	if _, err := site.Build(site.Options{Config: &cfg, Content: content, Locales: ls, HTML: true, MD: true}, sink); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"public/es/doc.html", "public/en/doc.html", "public/es/bare.html"} {
		got := string(sink.files[name])
		if n := strings.Count(got, "<html"); n != 1 || strings.Contains(got, "<header>") {
			t.Errorf("%s: %d <html> elements, layout %v; want the document alone:\n%s", name, n, strings.Contains(got, "<header>"), got)
		}
		if !strings.HasPrefix(got, bom) {
			t.Errorf("%s lost its byte order mark: %q", name, got[:min(len(got), 20)])
		}
	}
	if got := string(sink.files["public/es/doc.html"]); !strings.HasPrefix(got, bom+"<!DOCTYPE html>\n<html lang=\"es\" dir=\"ltr\">\n<head><title>About</title>") {
		t.Errorf("public/es/doc.html is not the document localized:\n%s", got)
	}
	if got, want := string(sink.files["localized/en/doc.html"]), strings.Replace(doc, "<html>", `<html lang="en" dir="ltr">`, 1); got != want {
		t.Errorf("localized/en/doc.html:\n%q\nwant\n%q", got, want)
	}
	if got := string(sink.files["public/es/frag.html"]); !strings.Contains(got, "<header>") || strings.Count(got, "<html") != 1 {
		t.Errorf("a fragment with a byte order mark goes into the layout:\n%s", got)
	}
}
