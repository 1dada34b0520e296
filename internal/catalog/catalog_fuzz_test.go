package catalog

import (
	"bytes"
	"maps"
	"testing"

	"github.com/glot-i18n/glot/internal/fuzzcheck"
)

// FuzzParse reads any message file (FuzzDecode compares the TOML with
// BurntSushi's decoder; this target the catalog): it ends in bounded time
// and memory, refuses with the file and line, gives each message a line of
// the file, and what it reads, written and read again, is the same, as a
// source catalog and as one of translations. The seeds in testdata/fuzz
// are slices of the sample site's catalogs and translate files, and
// hostile ones.
func FuzzParse(f *testing.F) {
	const file = "locales/active.es.toml"
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzcheck.MaxInput {
			return
		}
		var c *Catalog
		var err error
		fuzzcheck.Bounded(t, func() { c, err = Parse(file, data) })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, file, data)
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for id := range c.Messages {
			if l := c.Lines[id]; l < 1 || l > lines {
				t.Fatalf("message %q is on line %d, outside the %d lines of the file", id, l, lines)
			}
		}
		// A translator's file is read with its comments, for the
		// drafts they mark: it reads the same messages.
		var keyed *Catalog
		fuzzcheck.Bounded(t, func() { keyed, err = ParseKeyed(file, data) })
		if err != nil {
			t.Fatalf("ParseKeyed refuses what Parse reads, %q: %v", data, err)
		}
		if !maps.EqualFunc(keyed.Messages, c.Messages, func(a, b *Message) bool { return *a == *b }) {
			t.Fatalf("ParseKeyed and Parse read %q differently:\n%s\n%s", data, dump(keyed), dump(c))
		}
		for id, l := range keyed.Fuzzy {
			if l < 1 || l >= keyed.Lines[id] {
				t.Fatalf("the draft mark of %q is on line %d, not above its table on line %d", id, l, keyed.Lines[id])
			}
		}
		// Written with each source text above its translation, as merge
		// writes a language's catalog, it reads the same.
		out := c.TranslationBytes("# A catalog.\n", "en", func(id string) *Message { return c.Messages[id] })
		var withSources *Catalog
		fuzzcheck.Bounded(t, func() { withSources, err = Parse(file, out) })
		if err != nil || !maps.EqualFunc(withSources.Messages, c.Messages, func(a, b *Message) bool { return *a == *b }) {
			t.Fatalf("written with its sources, %q reads back as %v, %v\n%s", data, withSources, err, out)
		}
		for _, source := range []bool{true, false} {
			out := c.Bytes("# A catalog.\n", source)
			var back *Catalog
			fuzzcheck.Bounded(t, func() { back, err = Parse(file, out) })
			if err != nil {
				t.Fatalf("glot cannot read the catalog it wrote (source %v) of %q: %v\n%s", source, data, err, out)
			}
			want := c.Messages
			if source {
				// A source catalog holds no hashes: they are a
				// translation's record of its source.
				want = map[string]*Message{}
				for id, m := range c.Messages {
					noHash := *m
					noHash.Hash = ""
					want[id] = &noHash
				}
			}
			if !maps.EqualFunc(back.Messages, want, func(a, b *Message) bool { return *a == *b }) {
				t.Fatalf("written (source %v) and read again, %q gives\n%s\nwhere it gave\n%s", source, data, dump(back), dump(&Catalog{Messages: want}))
			}
		}
	})
}

func dump(c *Catalog) string {
	var b bytes.Buffer
	for _, id := range c.IDs() {
		m := c.Messages[id]
		b.WriteString(Quote(id) + ": ")
		WriteFields(&b, m, true)
	}
	return b.String()
}
