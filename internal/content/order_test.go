package content

import (
	"strings"
	"testing"
)

func TestSort(t *testing.T) {
	t.Parallel()
	type page struct {
		path   string
		weight int
	}
	tests := []struct {
		name  string
		pages []page
		want  string
	}{
		{
			name:  "index first, then by name",
			pages: []page{{"guide/visit.md", 0}, {"index.md", 0}, {"about.md", 0}, {"guide/_index.md", 0}},
			want:  "index.md about.md guide/_index.md guide/visit.md",
		},
		{
			name:  "weighted pages first, by weight, then the rest by name",
			pages: []page{{"a.md", 0}, {"b.md", 20}, {"c.md", 10}, {"d.md", 0}, {"index.md", 0}},
			want:  "index.md c.md b.md a.md d.md",
		},
		{
			name: "a folder takes its index page's weight, and its pages follow it",
			pages: []page{
				{"about.md", 5}, {"guide/_index.md", 1}, {"guide/visit.md", 0}, {"guide/arrive.md", 2},
				{"news/_index.md", 0}, {"news/one.md", 0}, {"index.md", 50},
			},
			want: "index.md guide/_index.md guide/arrive.md guide/visit.md about.md news/_index.md news/one.md",
		},
		{
			name:  "a weight never puts a page before its folder's index",
			pages: []page{{"guide/first.md", -10}, {"guide/index.md", 3}, {"index.html", 0}},
			want:  "index.html guide/index.md guide/first.md",
		},
		{
			name:  "negative weights come first, ties by name",
			pages: []page{{"b.md", 1}, {"a.md", 1}, {"c.md", -1}},
			want:  "c.md a.md b.md",
		},
		{
			name:  "leaf bundles are folders with their own page",
			pages: []page{{"posts/b/index.md", 0}, {"posts/a/index.md", 0}, {"posts/a/notes.md", 0}, {"posts/_index.md", 0}},
			want:  "posts/_index.md posts/a/index.md posts/a/notes.md posts/b/index.md",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Sort(tt.pages, func(p page) (string, int) { return p.path, p.weight })
			var got []string
			for _, p := range tt.pages {
				got = append(got, p.path)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

func TestWeight(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      int
	}{
		{"yaml weight", "---\ntitle: A\nweight: 3\n---\nText\n", 3},
		{"toml weight", "+++\ntitle = \"A\"\nweight = 7\n+++\nText\n", 7},
		{"menu weight", "---\nmenu:\n  main:\n    weight: 4\n  footer:\n    weight: 2\n---\n", 2},
		{"menus weight", "+++\n[menus.main]\nweight = 9\n+++\n", 9},
		{"weight before menu", "---\nweight: 5\nmenu:\n  main:\n    weight: 1\n---\n", 5},
		{"menu by name only", "---\nmenu: main\n---\n", 0},
		{"no front matter", "# Title\n", 0},
		{"not a number", "---\nweight: heavy\n---\n", 0},
		{"float", "---\nweight: 2.0\n---\n", 2},
		{"html page", "<p>Text</p>\n", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Weight([]byte(tt.src)); got != tt.want {
				t.Errorf("Weight = %d, want %d", got, tt.want)
			}
		})
	}
}
