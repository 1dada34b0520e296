package msgid

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/glot-i18n/glot/internal/lcs"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// Block is one block of a page as the bookkeeping knows it.
type Block struct {
	ID  string
	Was []string // ids this block held before, most recent first
}

// MaxWas bounds the history a block keeps.
const MaxWas = 8

// minSimilarity is how alike two texts must be for one to be taken as the
// edit of the other when a run of several blocks was replaced.
const minSimilarity = 0.3

// Link sets the Was of every block of next from the blocks of prev, the
// same page as last extracted. text returns the source text of any id of
// prev or next.
//
// A block whose id is unchanged, or that moved, keeps its history. Within a
// run of blocks that replaced a run of old ones, each new block is paired
// with the most similar old block; blocks left over are paired in order
// when as many new as old remain. A paragraph split in two links both halves
// to it; two merged into one link it to the more similar.
func Link(prev, next []Block, text func(id string) string) {
	history := make(map[string][]string, len(prev))
	for _, b := range prev {
		if _, ok := history[b.ID]; !ok {
			history[b.ID] = b.Was
		}
	}
	inNext := make(map[string]bool, len(next))
	for _, b := range next {
		inNext[b.ID] = true
	}
	pa := make([]string, len(prev))
	for i, b := range prev {
		pa[i] = b.ID
	}
	na := make([]string, len(next))
	for i, b := range next {
		na[i] = b.ID
	}
	for _, h := range hunks(pa, na) {
		var gone []int // old blocks of the hunk whose id left the page
		for _, i := range h.old {
			if !inNext[prev[i].ID] {
				gone = append(gone, i)
			}
		}
		var fresh []int // new blocks of the hunk with an id new to the page
		for _, j := range h.new {
			if was, ok := history[next[j].ID]; ok {
				next[j].Was = was
				continue
			}
			fresh = append(fresh, j)
		}
		for j, i := range pair(gone, fresh, prev, next, text) {
			next[j].Was = succession(prev[i], next[j].ID)
		}
	}
	for j := range next {
		if next[j].Was == nil {
			if was, ok := history[next[j].ID]; ok {
				next[j].Was = was
			}
		}
	}
}

// pair matches new blocks to the old blocks they replace.
func pair(gone, fresh []int, prev, next []Block, text func(string) string) map[int]int {
	m := map[int]int{}
	if len(gone) == 0 || len(fresh) == 0 {
		return m
	}
	if len(gone) == 1 && len(fresh) == 1 {
		m[fresh[0]] = gone[0]
		return m
	}
	used := map[int]bool{}
	words := func(id string) map[string]int { return wordBag(text(id)) }
	oldWords := make(map[int]map[string]int, len(gone))
	for _, i := range gone {
		oldWords[i] = words(prev[i].ID)
	}
	var left []int
	for _, j := range fresh {
		w := words(next[j].ID)
		// The most similar old block; the first of equals, so that a merge
		// of two paragraphs links to the one that came first.
		best, score := -1, 0.0
		for _, i := range gone {
			if s := dice(w, oldWords[i]); s >= minSimilarity && s > score {
				best, score = i, s
			}
		}
		if best < 0 {
			left = append(left, j)
			continue
		}
		m[j] = best
		used[best] = true
	}
	var rest []int
	for _, i := range gone {
		if !used[i] {
			rest = append(rest, i)
		}
	}
	if len(rest) == len(left) {
		for k, j := range left {
			m[j] = rest[k]
		}
	}
	return m
}

func succession(old Block, id string) []string {
	was := []string{old.ID}
	for _, w := range old.Was {
		if w != id && len(was) < MaxWas && !slices.Contains(was, w) {
			was = append(was, w)
		}
	}
	return was
}

func wordBag(s string) map[string]int {
	bag := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(msgtext.Plain(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		bag[w]++
	}
	return bag
}

// dice is the Sørensen–Dice coefficient of two bags of words.
func dice(a, b map[string]int) float64 {
	na, nb, common := 0, 0, 0
	for w, n := range a {
		na += n
		common += min(n, b[w])
	}
	for _, n := range b {
		nb += n
	}
	if na+nb == 0 {
		return 0
	}
	return 2 * float64(common) / float64(na+nb)
}

// hunk is a run of old blocks replaced by a run of new ones.
type hunk struct{ old, new []int }

// hunks aligns a with b (longest common subsequence of ids) and returns the
// runs between the blocks they share.
func hunks(a, b []string) []hunk {
	// Common prefix and suffix first: most edits touch a few blocks.
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	am, bm := a[p:len(a)-s], b[p:len(b)-s]
	var out []hunk
	var cur hunk
	emit := func() {
		if len(cur.old)+len(cur.new) > 0 {
			out = append(out, cur)
		}
		cur = hunk{}
	}
	if len(am)*len(bm) > 4_000_000 {
		// A huge rewrite: one hunk; pairing falls back to similarity.
		for i := range am {
			cur.old = append(cur.old, p+i)
		}
		for j := range bm {
			cur.new = append(cur.new, p+j)
		}
		emit()
		return out
	}
	for _, st := range lcs.Align(len(am), len(bm), func(i, j int) bool { return am[i] == bm[j] }) {
		switch st.Kind {
		case lcs.Keep:
			emit()
		case lcs.Delete:
			cur.old = append(cur.old, p+st.I)
		case lcs.Insert:
			cur.new = append(cur.new, p+st.J)
		}
	}
	emit()
	return out
}

// Rename pairs pages that disappeared with pages that appeared in the same
// extraction, when they share messages: the page was renamed or moved, and
// its blocks are aligned with those of its old self. It looks only at the
// ids of the pages involved, through an index: no page is compared with
// every other.
func Rename(gone, added map[string][]Block) map[string]string {
	owner := map[string]string{} // id -> page that disappeared
	for page, blocks := range gone {
		for _, b := range blocks {
			if o, ok := owner[b.ID]; !ok || page < o {
				owner[b.ID] = page
			}
		}
	}
	type cand struct {
		added, gone string
		shared      int
	}
	var cands []cand
	for page, blocks := range added {
		count := map[string]int{}
		for _, b := range blocks {
			if o, ok := owner[b.ID]; ok {
				count[o]++
			}
		}
		for o, n := range count {
			cands = append(cands, cand{page, o, n})
		}
	}
	// Best matches first; ties broken by name, so the result is the same
	// on every run.
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.shared != b.shared {
			return a.shared > b.shared
		}
		if a.added != b.added {
			return a.added < b.added
		}
		return a.gone < b.gone
	})
	out := map[string]string{}
	taken := map[string]bool{}
	for _, c := range cands {
		if _, done := out[c.added]; done || taken[c.gone] {
			continue
		}
		out[c.added] = c.gone
		taken[c.gone] = true
	}
	return out
}
