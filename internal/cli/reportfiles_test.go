package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/report"
)

// A split report is written beside its -o FILE; the parts an earlier,
// larger report left in its folder go, and nothing else there does.
func TestOutputFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	g := &glot{dir: dir, stdout: &bytes.Buffer{}}
	write := func(names ...string) {
		t.Helper()
		var files []report.File
		for _, n := range names {
			files = append(files, report.File{Name: n, Data: []byte(n)})
		}
		if err := g.outputFiles("out/review.es.html", files); err != nil {
			t.Fatal(err)
		}
	}
	write("review.es.html", "review.es/a.md.html", "review.es/docs/b.md.html", "review.es/docs/old/c.md.html")
	if err := os.WriteFile(filepath.Join(dir, "out", "review.es", "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	write("review.es.html", "review.es/a.md.html")
	for name, want := range map[string]bool{
		"review.es.html": true, "review.es/a.md.html": true, "review.es/notes.txt": true,
		"review.es/docs/b.md.html": false, "review.es/docs/old/c.md.html": false, "review.es/docs": false,
	} {
		_, err := os.Stat(filepath.Join(dir, "out", filepath.FromSlash(name)))
		if got := err == nil; got != want {
			t.Errorf("%s exists: %v, want %v", name, got, want)
		}
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "out", "review.es.html")); string(data) != "review.es.html" {
		t.Errorf("the index: %q", data)
	}
	// To standard output: the one file.
	var out bytes.Buffer
	g.stdout = &out
	if err := g.outputFiles("", []report.File{{Name: "review.es.html", Data: []byte("page")}}); err != nil || out.String() != "page" {
		t.Errorf("standard output: %q, %v", out.String(), err)
	}
}

// A report is never split into a folder glot did not make for one.
func TestOutputFilesForeignFolder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	page := filepath.Join(dir, "content", "a.html")
	if err := os.MkdirAll(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(page, []byte("<p>mine</p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	g := &glot{dir: dir, stdout: &bytes.Buffer{}}
	err := g.outputFiles("content.html", []report.File{{Name: "content.html", Data: []byte("index")}, {Name: "content/b.md.html", Data: []byte("part")}})
	if err == nil || !strings.Contains(err.Error(), "is not a glot report's") {
		t.Errorf("split into content/: %v", err)
	}
	// One file beside it leaves it alone too.
	if err := g.outputFiles("content.html", []report.File{{Name: "content.html", Data: []byte("index")}}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(page))
	if data, _ := os.ReadFile(page); string(data) != "<p>mine</p>" || len(entries) != 1 {
		t.Errorf("content/ changed: %d files, a.html %q", len(entries), data)
	}
}
