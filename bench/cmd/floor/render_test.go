package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestHTMLPath(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"es/a.md", "es/a/index.html"},
		{"es/_index.md", "es/index.html"},
		{"es/s/_index.md", "es/s/index.html"},
		{"es/s/index.md", "es/s/index.html"},
	} {
		if got := filepath.ToSlash(htmlPath(filepath.FromSlash(tc.in))); got != tc.want {
			t.Errorf("htmlPath(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestRenderAll(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	pages := map[string]string{
		"en/_index.md":  "---\ntitle: \"Home\"\n---\n\n# Home\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
		"ar/guide.md":   "+++\ntitle = \"x\"\n+++\n# دليل\n\nSee <abbr title=\"intravenous\">IV</abbr> and https://example.org.\n\n- [x] done\n",
		"ar/photo.png":  "not a page",
		"ja/s/notes.md": "No front matter, ~~struck~~ and a note.[^1]\n\n[^1]: The note.\n",
	}
	for p, data := range pages {
		path := filepath.Join(in, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, err := renderAll(in, out, 2)
	if err != nil || n != 3 {
		t.Fatalf("renderAll: %d pages, %v", n, err)
	}
	for p, want := range map[string][]string{
		"en/index.html":         {`<html lang="en">`, "<table>", "<td>1</td>"},
		"ar/guide/index.html":   {`<h1 id=`, `<abbr title="intravenous">IV</abbr>`, `<a href="https://example.org">`, `type="checkbox"`},
		"ja/s/notes/index.html": {"<del>struck</del>", `class="footnotes"`},
	} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(data), w) {
				t.Errorf("%s lacks %s:\n%s", p, w, data)
			}
		}
		if strings.Contains(string(data), "title:") || strings.Contains(string(data), "title =") {
			t.Errorf("%s: front matter rendered:\n%s", p, data)
		}
	}
}
