package site

import (
	"reflect"
	"testing"

	"github.com/glot-i18n/glot/internal/segment"
)

// Summaries read back as they were written, a page's slug included, and
// a damaged entry is refused rather than misread.
func TestSummariesRoundTrip(t *testing.T) {
	s := summaries{Salt: Key{1, 2, 3}, Pages: map[string]*summary{
		"a.md":       {Hash: [32]byte{9}, IDs: []string{"x-1", "y-2", "x-1"}, Links: []string{"b.md", "img/c.png"}},
		"guide/b.md": {IDs: []string{}, Slug: &segment.Segment{Kind: "slug", Text: "setup", ID: "setup-3", Codes: []segment.Code{{Kind: "code", Open: "`x`", Atom: true, Pos: 4, ClosePos: -1}}}},
	}}
	data, err := s.encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := decodeSummaries(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range back.Pages {
		if len(p.IDs) == 0 {
			p.IDs = []string{}
		}
	}
	for _, p := range s.Pages {
		if p.Links == nil {
			p.Links = []string{}
		}
	}
	if !reflect.DeepEqual(back, s) {
		t.Errorf("read back %+v\nwrote %+v", back, s)
	}
	for cut := 1; cut < len(data); cut += 7 {
		if _, err := decodeSummaries(data[:cut]); err == nil {
			t.Fatalf("a summaries entry cut at %d bytes of %d is read", cut, len(data))
		}
	}
}

// The segments of a page are cached under its bytes and the rules that
// read it: the same glot.toml read again, by another run, finds them,
// atoms included, and rules that read the page otherwise do not.
func TestPrepKeyOfRules(t *testing.T) {
	key := func(atoms ...string) string {
		b := &builder{o: Options{Rules: &segment.Rules{Extract: segment.Extract{Atoms: atoms}}}}
		// The rules have read a page, as they have by the time a build
		// writes the cache.
		if _, err := segment.Markdown([]byte("Hello {% x %}.\n"), b.o.Rules); err != nil {
			t.Fatal(err)
		}
		return b.prepKey([32]byte{7})
	}
	if a, b := key(`\{%.*?%\}`), key(`\{%.*?%\}`); a != b {
		t.Errorf("the same rules, read twice: keys %s and %s", a, b)
	}
	if a, b := key(`\{%.*?%\}`), key(`\{\{.*?\}\}`); a == b {
		t.Errorf("rules with other atoms: the same key %s", a)
	}
}
