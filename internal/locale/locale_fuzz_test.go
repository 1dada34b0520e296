package locale

import (
	"maps"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fuzzcheck"
)

// FuzzTranslations reads any file as a language's catalog and as its
// translate file, the two files translators edit by hand: the read ends in
// bounded time and memory, refuses with the file and line, and what it
// takes, written as glot writes a language's catalog and read again, is
// the same and is taken again. The seeds in testdata/fuzz are slices of
// the sample site's files, and hostile ones.
func FuzzTranslations(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzcheck.MaxInput {
			return
		}
		s := &Site{FS: fstest.MapFS{ActivePath("es"): {Data: data}, TranslatePath("es"): {Data: data}}, Name: "locales"}
		var l *Lang
		var err error
		fuzzcheck.Bounded(t, func() { l, err = s.Lang("es") })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, "locales/"+ActivePath("es"), data)
			// The translate file is read the same way, and refused the
			// same way.
			l = &Lang{Tag: "es"}
			fuzzcheck.Bounded(t, func() { err = s.ReadTranslate(l) })
			if err == nil {
				t.Fatalf("%q is refused as a catalog but taken as a translate file", data)
			}
			fuzzcheck.ErrorIn(t, err, "locales/"+TranslatePath("es"), data)
			return
		}
		fuzzcheck.Bounded(t, func() { err = s.ReadTranslate(l) })
		if err != nil {
			t.Fatalf("%q is taken as a catalog but refused as a translate file: %v", data, err)
		}
		if !maps.EqualFunc(l.Active.Messages, l.Translate.Messages, same) {
			t.Fatalf("%q reads differently as a catalog and as a translate file", data)
		}

		out := l.Active.Bytes("# Translations.\n", false)
		again := &Site{FS: fstest.MapFS{ActivePath("es"): {Data: out}}, Name: "locales"}
		back, err := again.Lang("es")
		if err != nil {
			t.Fatalf("glot refuses the catalog it wrote of %q: %v\n%s", data, err, out)
		}
		if !maps.EqualFunc(back.Active.Messages, l.Active.Messages, same) {
			t.Fatalf("written and read again, %q reads differently:\n%s", data, out)
		}
	})
}

func same(a, b *catalog.Message) bool { return *a == *b }
