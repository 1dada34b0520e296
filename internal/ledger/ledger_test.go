package ledger

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"
)

func TestPageRoundTrip(t *testing.T) {
	t.Parallel()
	p := &Page{Path: "guide/a.md", Weight: -3, Blocks: []Block{
		{ID: "a-aaaa", Kind: "h1", Line: 1},
		{ID: "e-eeee", Kind: "td", Line: 2, Where: `column "Dose", row "Ketamine"`},
		{ID: "b-bbbb", Kind: "p", Line: 3, Codes: []string{"link to x.md", `code "q"`}, Was: []string{"c-cccc", "d-dddd"}},
	}}
	data := p.Bytes()
	fsys := fstest.MapFS{PagePath("guide/a.md"): {Data: data}, PagePath("b.md"): {Data: (&Page{Path: "b.md"}).Bytes()}}
	recs, err := LoadPages(fsys, "locales")
	if err != nil {
		t.Fatal(err)
	}
	// In the site's order: b.md has no weight, the folder guide/ none
	// either (it has no index page), so by name.
	if len(recs) != 2 || recs[0].Path != "b.md" || recs[1].Path != "guide/a.md" {
		t.Fatalf("records: %+v", recs)
	}
	if !reflect.DeepEqual(recs[1].Blocks, p.Blocks) || recs[1].Weight != -3 {
		t.Errorf("read back %+v\nwrote %+v", recs[1], p)
	}
}

// LoadPages lists the records in the site's order: the home page first,
// then by weight, whatever their names.
func TestLoadPagesInSiteOrder(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{}
	for _, p := range []*Page{{Path: "about.md"}, {Path: "guide/visit.md", Weight: 1}, {Path: "index.md"}, {Path: "zebra.md", Weight: 2}} {
		fsys[PagePath(p.Path)] = &fstest.MapFile{Data: p.Bytes()}
	}
	recs, err := LoadPages(fsys, "locales")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, r.Path)
	}
	if want := "index.md zebra.md about.md guide/visit.md"; strings.Join(got, " ") != want {
		t.Errorf("order %s, want %s", strings.Join(got, " "), want)
	}
}

func TestLoadPagesWithoutBookkeeping(t *testing.T) {
	t.Parallel()
	recs, err := LoadPages(fstest.MapFS{}, "locales")
	if err != nil || len(recs) != 0 {
		t.Fatalf("%v %v", recs, err)
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	if _, err := ParsePage("locales/.glot/pages/a.md.toml", []byte("[[block]]\nid = \"x\"\nline = \"three\"\n")); err == nil || !strings.HasPrefix(err.Error(), "locales/.glot/pages/a.md.toml:3") {
		t.Errorf("error = %v", err)
	}
	if _, err := ParsePage("p.toml", []byte("[[block]]\nkind = \"p\"\n")); err == nil || !strings.Contains(err.Error(), "block 1 has no id") {
		t.Errorf("error = %v", err)
	}
	if _, err := ParsePage("p.toml", []byte("# c\n\nweight = \"heavy\"\n")); err == nil || !strings.HasPrefix(err.Error(), "p.toml:3") {
		t.Errorf("error = %v", err)
	}
}

func TestArchiveAndRetiredRoundTrip(t *testing.T) {
	t.Parallel()
	a := Archive{"x-1": {Source: "Old \"source\"", Message: Entry{}.Message}}
	a["x-1"].Hash = "sha1-1"
	a["x-1"].Other = "Viejo"
	a["x-1"].One = "uno"
	back, err := ParseArchive("a.toml", a.Bytes("es"))
	if err != nil {
		t.Fatal(err)
	}
	if e := back["x-1"]; e == nil || e.Source != `Old "source"` || e.Other != "Viejo" || e.One != "uno" || e.Hash != "sha1-1" || e.ID != "x-1" {
		t.Errorf("archive read back: %+v", back["x-1"])
	}
	r := Retired{"b": "two", "a": "one"}
	data := r.Bytes()
	if strings.Index(string(data), "a = ") > strings.Index(string(data), "b = ") {
		t.Error("retired ids are sorted")
	}
	rb, err := ParseRetired("r.toml", data)
	if err != nil || !reflect.DeepEqual(rb, r) {
		t.Errorf("retired read back %v %v", rb, err)
	}
}

// A record glot writes reads back as it was, whatever its strings hold.
func FuzzPageRoundTrip(f *testing.F) {
	f.Add("a-aaaa", "p", 3, "", "link to x.md", "c-cccc")
	f.Add("b\"q\\u", "h1", 1, "sidebar", "code `x`\n\t\x01", "")
	f.Fuzz(func(t *testing.T, id, kind string, line int, context, code, was string) {
		for _, s := range []string{id, kind, context, code, was} {
			if !utf8.ValidString(s) {
				return // glot's strings are text
			}
		}
		if id == "" {
			return
		}
		p := &Page{Blocks: []Block{{ID: id, Kind: kind, Line: line, Context: context, Where: context}}}
		if code != "" {
			p.Blocks[0].Codes = []string{code, code}
		}
		if was != "" {
			p.Blocks[0].Was = []string{was}
		}
		back, err := ParsePage("p.toml", p.Bytes())
		if err != nil {
			t.Fatalf("%v\n%s", err, p.Bytes())
		}
		if !reflect.DeepEqual(back.Blocks, p.Blocks) {
			t.Fatalf("read back %+v\nwrote %+v", back.Blocks, p.Blocks)
		}
	})
}
