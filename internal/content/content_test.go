package content

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestWalk(t *testing.T) {
	fsys := fstest.MapFS{
		"index.md":           {},
		"_index.md":          {},
		"guide/setup.md":     {},
		"guide/page.html":    {},
		"guide/notes.MD":     {},
		"img/logo.png":       {},
		".git/config":        {},
		"_drafts/x.md":       {},
		"_partial.md":        {},
		"guide/.hidden.md":   {},
		"docs/api.markdown":  {},
		"styles/site.css":    {},
		"downloads/data.csv": {},
	}
	pages, assets, err := Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	want := []Page{
		{"_index.md", Markdown}, {"docs/api.markdown", Markdown}, {"guide/notes.MD", Markdown},
		{"guide/page.html", HTML}, {"guide/setup.md", Markdown}, {"index.md", Markdown},
	}
	if !reflect.DeepEqual(pages, want) {
		t.Errorf("pages = %v\nwant %v", pages, want)
	}
	if !reflect.DeepEqual(assets, []string{"downloads/data.csv", "img/logo.png", "styles/site.css"}) {
		t.Errorf("assets = %v", assets)
	}
}

func TestSplitFrontMatter(t *testing.T) {
	tests := []struct {
		name, src string
		want      FrontMatter
		ok        bool
	}{
		{"none", "# Title\n", FrontMatter{}, true},
		{"yaml", "---\ntitle: x\n---\nbody", FrontMatter{Format: "yaml", Start: 4, End: 13, Body: 17}, true},
		{"toml", "+++\ntitle = 'x'\n+++\n", FrontMatter{Format: "toml", Start: 4, End: 16, Body: 20}, true},
		{"crlf", "---\r\ntitle: x\r\n---\r\nbody", FrontMatter{Format: "yaml", Start: 5, End: 15, Body: 20}, true},
		{"bom", "\xef\xbb\xbf---\na: b\n---\n", FrontMatter{Format: "yaml", Start: 7, End: 12, Body: 16}, true},
		{"bom only", "\xef\xbb\xbf# T\n", FrontMatter{Body: 3}, true},
		{"unclosed", "---\ntitle: x\n", FrontMatter{}, false},
		{"thematic break later", "text\n---\n", FrontMatter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SplitFrontMatter([]byte(tt.src))
			if got != tt.want || ok != tt.ok {
				t.Fatalf("got %+v %v, want %+v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}
