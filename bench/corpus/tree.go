package corpus

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path"
	"strings"
)

// kind says what a page is in the site's tree.
type kind uint8

const (
	home    kind = iota // content/_index.md
	section             // a section's _index.md
	regular             // any other page
)

// page is one Markdown file of the corpus.
type page struct {
	path     string // slash-separated, in content/
	title    string
	kind     kind
	children []int // the pages and sections directly under a section or the home page
}

// tree is the shape of the site: every page's path and title, decided
// before any text is written so that pages can link to one another.
type tree struct {
	pages []page
}

// leafSize is about how many pages a section of the lowest level holds.
const leafSize = 20

// newTree lays out n pages: the home page, top-level sections, and, on a
// larger site, subsections, each with its _index.md, and regular pages
// spread evenly over the sections of the lowest level.
func newTree(n int, seed uint64) (*tree, error) {
	if n < 3 {
		return nil, fmt.Errorf("a corpus needs at least 3 pages, not %d", n)
	}
	r := rand.New(rand.NewPCG(seed, 0))
	leaves := max(1, n/(leafSize+1))
	tops := int(math.Ceil(math.Sqrt(float64(leaves))))
	nested := leaves > tops && tops > 1
	if !nested {
		leaves = tops
	}
	indexes := tops
	if nested {
		indexes += leaves
	}
	if 1+indexes >= n {
		return nil, fmt.Errorf("%d pages are too few for %d sections", n, indexes)
	}
	t := &tree{}
	t.pages = append(t.pages, page{path: "_index.md", title: "Clinic Handbook", kind: home})
	used := map[string]bool{}
	var leafIdx []int
	for i := range tops {
		top := t.addSection(0, "", sectionTitle(r, used))
		if !nested {
			leafIdx = append(leafIdx, top)
			continue
		}
		// Spread the leaves over the top-level sections as evenly as can be.
		from, to := i*leaves/tops, (i+1)*leaves/tops
		for range to - from {
			leafIdx = append(leafIdx, t.addSection(top, path.Dir(t.pages[top].path), sectionTitle(r, used)))
		}
	}
	regulars := n - len(t.pages)
	for i := range regulars {
		leaf := leafIdx[i*len(leafIdx)/regulars]
		title := pageTitle(r)
		dir := path.Dir(t.pages[leaf].path)
		p := path.Join(dir, fmt.Sprintf("%s-%d.md", slug(title), len(t.pages)))
		t.pages[leaf].children = append(t.pages[leaf].children, len(t.pages))
		t.pages = append(t.pages, page{path: p, title: title, kind: regular})
	}
	return t, nil
}

// addSection adds a section under parent, in folder dir, and returns its
// number.
func (t *tree) addSection(parent int, dir, title string) int {
	i := len(t.pages)
	t.pages = append(t.pages, page{path: path.Join(dir, slug(title), "_index.md"), title: title, kind: section})
	t.pages[parent].children = append(t.pages[parent].children, i)
	return i
}

// sectionTitle makes a title of two title words that no other section has,
// so that every section has a folder of its own.
func sectionTitle(r *rand.Rand, used map[string]bool) string {
	for n := 0; ; n++ {
		a, b := titleWords[r.IntN(len(titleWords))], titleWords[r.IntN(len(titleWords))]
		t := a + " and " + b
		if n > 20 {
			t = fmt.Sprintf("%s %d", t, n)
		}
		if a != b && !used[slug(t)] {
			used[slug(t)] = true
			return t
		}
	}
}

func pageTitle(r *rand.Rand) string {
	w := func() string { return titleWords[r.IntN(len(titleWords))] }
	switch r.IntN(4) {
	case 0:
		return w() + " " + strings.ToLower(w())
	case 1:
		return w() + " and " + strings.ToLower(w())
	case 2:
		return w() + " for " + strings.ToLower(w())
	}
	return headings[r.IntN(len(headings))] + ": " + strings.ToLower(w())
}

// link writes the relative link from page from to page to, as a writer of
// Markdown would: "../dosing/adults.md".
func (t *tree) link(from, to int) string {
	return relPath(path.Dir(t.pages[from].path), t.pages[to].path)
}

// relPath returns the slash path of target relative to folder dir, both
// relative to the same root.
func relPath(dir, target string) string {
	split := func(p string) []string {
		if p == "." || p == "" {
			return nil
		}
		return strings.Split(p, "/")
	}
	d, tg := split(dir), split(target)
	i := 0
	for i < len(d) && i < len(tg)-1 && d[i] == tg[i] {
		i++
	}
	var parts []string
	for range len(d) - i {
		parts = append(parts, "..")
	}
	return strings.Join(append(parts, tg[i:]...), "/")
}
