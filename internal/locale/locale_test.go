package locale

import (
	"testing"
	"testing/fstest"
)

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`
cur-a = "Current text"
new-b = "Edited text"
newer-c = "Edited twice"
fresh-d = "Never translated"
empty-e = "Translated as empty"
bad-f = "Has <1>a pair</1>"
`)},
		".glot/pages/p.md.toml": {Data: []byte(`
[[block]]
id = "new-b"
kind = "p"
line = 1
was = ["old-b"]

[[block]]
id = "newer-c"
kind = "p"
line = 3
was = ["mid-c", "old-c"]
`)},
		".glot/retired.toml": {Data: []byte("old-b = \"Original text\"\nmid-c = \"Edited once\"\nold-c = \"First text\"\n")},
		"active.es.toml": {Data: []byte(`
[cur-a]
other = "Texto actual"
[empty-e]
other = ""
[bad-f]
other = "Sin el par"
`)},
		".glot/archive.es.toml": {Data: []byte(`
[old-b]
source = "Original text"
other = "Texto original"
[old-c]
source = "First text"
other = "Primer texto"
`)},
	}
	s, err := Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Lang("es"); err != nil {
		t.Fatal(err)
	}
	if !s.IsPredecessor("old-b") || s.IsPredecessor("cur-a") || !s.OnPage("new-b") || s.OnPage("cur-a") {
		t.Error("IsPredecessor / OnPage")
	}
	if s.SourceText("mid-c") != "Edited once" {
		t.Error("SourceText of a retired id")
	}
}
