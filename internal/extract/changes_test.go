package extract_test

import (
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/ledger"
)

func TestSince(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"a.md":     {Data: []byte("# A\n\nText of a.\n")},
			"sub/b.md": {Data: []byte("Text of b.\n")},
			"logo.png": {Data: []byte("PNG")},
		}
	}
	for _, tc := range []struct {
		name                    string
		edit                    func(content, locales fstest.MapFS)
		added, changed, removed []string
	}{
		{name: "nothing changed", edit: func(c, l fstest.MapFS) {}},
		{name: "an asset changed", edit: func(c, l fstest.MapFS) { c["logo.png"] = &fstest.MapFile{Data: []byte("GIF")} }},
		{name: "a page edited", edit: func(c, l fstest.MapFS) { c["a.md"] = &fstest.MapFile{Data: []byte("# A\n\nNew text of a.\n")} },
			changed: []string{"a.md"}},
		{name: "a page edited where no message is", edit: func(c, l fstest.MapFS) {
			c["sub/b.md"] = &fstest.MapFile{Data: []byte("Text of b.\n\n```\ncode\n```\n")}
		}, changed: []string{"sub/b.md"}},
		{name: "a page added", edit: func(c, l fstest.MapFS) { c["c.md"] = &fstest.MapFile{Data: []byte("C.\n")} },
			added: []string{"c.md"}},
		{name: "a page removed", edit: func(c, l fstest.MapFS) { delete(c, "sub/b.md") },
			removed: []string{"sub/b.md"}},
		{name: "a record of an earlier glot, with no hash", edit: func(c, l fstest.MapFS) {
			l[ledger.PagePath("a.md")] = &fstest.MapFile{Data: []byte("[[block]]\nid = \"a-1\"\nkind = \"h1\"\nline = 1\n")}
		}, changed: []string{"a.md"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			content, locales := base(), fstest.MapFS{}
			run(t, content, locales)
			tc.edit(content, locales)
			c, err := extract.Since(extract.ChangesInput{Content: content, Locales: locales, LocalesName: "locales"})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c.Added, tc.added) || !reflect.DeepEqual(c.Changed, tc.changed) || !reflect.DeepEqual(c.Removed, tc.removed) {
				t.Errorf("added %v, changed %v, removed %v; want %v, %v, %v", c.Added, c.Changed, c.Removed, tc.added, tc.changed, tc.removed)
			}
			// Extracting again settles every change.
			run(t, content, locales)
			if c, err := extract.Since(extract.ChangesInput{Content: content, Locales: locales, LocalesName: "locales"}); err != nil || c.Len() != 0 {
				t.Errorf("after extract: %+v, %v", c, err)
			}
		})
	}
	// A site never extracted has nothing to compare with.
	if c, err := extract.Since(extract.ChangesInput{Content: base(), Locales: fstest.MapFS{}}); err != nil || c.Len() != 0 {
		t.Errorf("never extracted: %+v, %v", c, err)
	}
}
