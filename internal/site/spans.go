package site

import (
	"slices"
	"sort"

	"github.com/glot-i18n/glot/internal/render"
)

// A page can hold tens of thousands of blocks shown in the source
// language. Asked of each one in turn, a list of them made the build of
// such a page take time that grew with the square of their number (40,000
// took half a minute); sorted once, each question is a binary search.

// shifts says where an offset of a page moves to when text is inserted in
// it: every insertion at or before the offset, in the page as it was,
// moves it on by its length.
type shifts struct {
	at  []int // where the insertions are, in order
	sum []int // sum[i] is the length of the first i insertions
}

func newShifts(inserts []edit) shifts {
	sorted := slices.Clone(inserts)
	slices.SortStableFunc(sorted, func(a, b edit) int { return a.start - b.start })
	s := shifts{at: make([]int, len(sorted)), sum: make([]int, len(sorted)+1)}
	for i, e := range sorted {
		s.at[i] = e.start
		s.sum[i+1] = s.sum[i] + len(e.text)
	}
	return s
}

func (s shifts) moved(at int) int {
	return at + s.sum[sort.Search(len(s.at), func(i int) bool { return s.at[i] > at })]
}

// spanSet says whether an offset is inside one of a set of spans.
type spanSet [][2]int // disjoint and in order: [start, end)

func newSpanSet(spans []render.Span) spanSet {
	var s spanSet
	for _, sp := range spans {
		if sp.Start < sp.End {
			s = append(s, [2]int{sp.Start, sp.End})
		}
	}
	slices.SortFunc(s, func(a, b [2]int) int { return a[0] - b[0] })
	merged := s[:0]
	for _, r := range s {
		if n := len(merged); n > 0 && r[0] <= merged[n-1][1] {
			merged[n-1][1] = max(merged[n-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	return merged
}

func (s spanSet) has(at int) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i][1] > at })
	return i < len(s) && s[i][0] <= at
}

// overlaps reports whether one of the spans has a byte of [lo, hi).
func (s spanSet) overlaps(lo, hi int) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i][1] > lo })
	return i < len(s) && s[i][0] < hi
}
