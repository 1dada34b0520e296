package content

import (
	"cmp"
	"math"
	"path"
	"slices"
	"strings"
)

// The site's order is the order in which people meet its pages, and in
// which glot lists them for people: the translate file, diff, check, the
// status and review pages, exports. Alphabetical order put guide/visit.md
// before index.md; a site says its own order with front matter weights,
// as Hugo's menus and lists do.
//
// The order walks the content tree as its menus would:
//
//   - a folder's index page (index.* or _index.*, a Hugo section or leaf
//     bundle) comes first, before everything else in the folder;
//   - then the folder's pages and subfolders, those with a weight first, by
//     weight, then those without, each group by name; a subfolder's weight
//     is that of its index page, and the pages in it follow it;
//   - a page's weight is its front matter's `weight`, or else the least of
//     its menu entries' weights (`menu.main.weight`, Hugo's `menu` or
//     `menus`); 0, or none, is no weight, as in Hugo, where weight 0 is
//     "unweighted" and comes after the rest.
//
// So index.md comes first, and a page of weight 1 in a folder comes before
// its unweighted siblings, but not before the folder's own index.

// Weight returns the weight of the page whose bytes are src (see the
// site's order above): its front matter's weight, or else the least weight
// of its menu entries; 0 for none.
func Weight(src []byte) int {
	v := Values(src)
	if w := number(v["weight"]); w != 0 {
		return w
	}
	least := 0
	for _, key := range []string{"menu", "menus"} {
		menus, _ := v[key].(map[string]any)
		for _, entry := range menus {
			e, _ := entry.(map[string]any)
			if w := number(e["weight"]); w != 0 && (least == 0 || w < least) {
				least = w
			}
		}
	}
	return least
}

// number reads a front matter value as a whole number: YAML and TOML
// give int, int64, uint64 or float64; anything else is 0.
func number(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return clampInt(float64(n))
	case uint64:
		return clampInt(float64(n))
	case float64:
		return clampInt(n)
	}
	return 0
}

func clampInt(f float64) int {
	switch {
	case math.IsNaN(f):
		return 0
	case f > math.MaxInt32:
		return math.MaxInt32
	case f < math.MinInt32:
		return math.MinInt32
	}
	return int(f)
}

// IsIndex reports whether page p is its folder's own page: index.* or
// _index.*.
func IsIndex(p string) bool {
	base := path.Base(p)
	base = strings.TrimSuffix(base, path.Ext(base))
	return base == "index" || base == "_index"
}

// Sort puts pages in the site's order (see above). key gives a page's path,
// relative to the content folder, and its weight (Weight). It is the one
// place the order is decided: whatever lists pages for people sorts them
// with it.
func Sort[T any](pages []T, key func(T) (path string, weight int)) {
	// A folder's weight is its index page's.
	folder := map[string]int{}
	for _, p := range pages {
		if pth, w := key(p); IsIndex(pth) && w != 0 {
			dir := path.Dir(pth)
			if old, ok := folder[dir]; !ok || w < old {
				folder[dir] = w
			}
		}
	}
	keys := make(map[string][]step, len(pages))
	for _, p := range pages {
		pth, w := key(p)
		parts := strings.Split(pth, "/")
		ks := make([]step, 0, len(parts))
		for i, name := range parts[:len(parts)-1] {
			ks = append(ks, step{weight: folder[strings.Join(parts[:i+1], "/")], name: name})
		}
		keys[pth] = append(ks, step{index: IsIndex(pth), weight: w, name: parts[len(parts)-1]})
	}
	slices.SortStableFunc(pages, func(a, b T) int {
		pa, _ := key(a)
		pb, _ := key(b)
		return compareSteps(keys[pa], keys[pb])
	})
}

// step is one level of a page's way down the content tree: a folder, or
// the page itself at the end.
type step struct {
	index  bool // the page is its folder's own
	weight int
	name   string
}

// compareSteps compares two pages' ways down the tree, level by level: at
// the first level where they part, a folder's own page comes first, then
// what has a weight, by weight, then by name.
func compareSteps(a, b []step) int {
	for i := range min(len(a), len(b)) {
		x, y := a[i], b[i]
		if x == y {
			continue
		}
		switch {
		case x.index != y.index:
			if x.index {
				return -1
			}
			return 1
		case (x.weight == 0) != (y.weight == 0):
			if x.weight != 0 {
				return -1
			}
			return 1
		case x.weight != y.weight:
			return cmp.Compare(x.weight, y.weight)
		}
		return strings.Compare(x.name, y.name)
	}
	return cmp.Compare(len(a), len(b))
}
