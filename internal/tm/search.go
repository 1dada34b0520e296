package tm

import (
	"container/heap"
	"math"
	"slices"
)

// maxPostings bounds how many pairs a very common word brings in as
// candidates; a word that common says little about closeness.
const maxPostings = 2000

// rareWords is how many of a query's rarest words find its candidates:
// a close source shares most of them, and common words cost the most to
// look up and say the least.
const rareWords = 16

// candidates is how many of the best candidates by shared words are
// measured exactly.
const candidates = 20

// postingsLooked bounds the pairs a query counts through its rarest words:
// beyond it, the words left are common enough to say little.
const postingsLooked = 6000

// search finds the closest pair of m's own to query q (the words of src)
// that is at least min alike, and its closeness; -1 when there is none.
func (m *Memory) search(q []int32, src string, min float64) (int32, float64) {
	m.countShared(m.rarest(q), len(q), min)
	return m.closest(m.candidates(), q, src, min)
}

// rarest returns the words of q that find its candidates: each once, those
// in the fewest pairs first, at most rareWords of them, and none so common
// (beyond maxPostings) that it says nothing of closeness.
func (m *Memory) rarest(q []int32) []int32 {
	ix := m.ix
	var look []int32
	for k, id := range q {
		if id >= 0 && int(id) < len(ix.postings) && len(ix.postings[id]) > 0 && len(ix.postings[id]) <= maxPostings && !slices.Contains(q[:k], id) {
			look = append(look, id)
		}
	}
	slices.SortFunc(look, func(a, b int32) int { return len(ix.postings[a]) - len(ix.postings[b]) })
	if len(look) > rareWords {
		look = look[:rareWords]
	}
	return look
}

// countShared counts, in m.counts, how many of the words look each of
// m's pairs has, for the pairs whose length allows closeness min to a
// query of n words; m.touched lists the pairs counted.
func (m *Memory) countShared(look []int32, n int, min float64) {
	ix := m.ix
	// The lengths that allow closeness min: an edit distance is at least
	// the difference of the lengths.
	shortest, longest := int(math.Ceil(min*float64(n)-1e-9)), int(float64(n)/min+1e-9)
	m.touched = m.touched[:0]
	looked := 0
	for _, id := range look {
		if looked > postingsLooked {
			break
		}
		looked += len(ix.postings[id])
		for _, i := range ix.postings[id] {
			if n := len(ix.words[i]); n < shortest || n > longest || m.member != nil && !m.member[i] {
				continue
			}
			if m.counts[i] == 0 {
				m.touched = append(m.touched, i)
			}
			m.counts[i]++
		}
	}
}

// candidates returns the pairs countShared counted that share the most
// words, most first, and clears the counts for the next query.
func (m *Memory) candidates() []int32 {
	// They are kept in a heap whose root is the worst of them, rather
	// than a sort of them all.
	best := candidateHeap{ids: make([]int32, 0, candidates), counts: m.counts}
	for _, i := range m.touched {
		switch {
		case len(best.ids) < candidates:
			heap.Push(&best, i)
		case better(m.counts, i, best.ids[0]):
			best.ids[0] = i
			heap.Fix(&best, 0)
		}
	}
	slices.SortFunc(best.ids, func(a, b int32) int {
		if better(m.counts, a, b) {
			return -1
		}
		return 1
	})
	for _, i := range m.touched {
		m.counts[i] = 0
	}
	return best.ids
}

// closest measures the candidates ids in turn against query q (the words
// of src), and returns the closest at least min alike, the smaller id
// winning a tie, with its closeness; -1 when there is none. A candidate
// cannot be closer than the words the two texts share allow (the edit
// distance is at least the longer length less what they share), so most
// are passed over without working out their distance.
func (m *Memory) closest(ids []int32, q []int32, src string, min float64) (int32, float64) {
	ix := m.ix
	sortedQ := slices.Clone(q)
	slices.Sort(sortedQ)
	found, bestScore := int32(-1), min
	for _, i := range ids {
		p := ix.words[i]
		long := max(len(q), len(p))
		if float64(shared(sortedQ, ix.sorted[i]))/float64(long) < bestScore {
			continue
		}
		if ix.pairs[i].Source == src {
			continue
		}
		// The most edits that keep the score at bestScore or above.
		most := int((1-bestScore)*float64(long) + 1e-9)
		d, ok := distance(q, p, most)
		if !ok {
			continue
		}
		s := 1 - float64(d)/float64(long)
		if s >= bestScore && (found < 0 || s > bestScore || ix.pairs[i].ID < ix.pairs[found].ID) {
			found, bestScore = i, s
		}
	}
	return found, bestScore
}

// shared counts the words two sorted lists share, each as often as both
// have it.
func shared(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// candidateHeap holds the best candidates, the worst at its root.
type candidateHeap struct {
	ids    []int32
	counts []uint16
}

func (h candidateHeap) Len() int           { return len(h.ids) }
func (h candidateHeap) Less(a, b int) bool { return better(h.counts, h.ids[b], h.ids[a]) }
func (h candidateHeap) Swap(a, b int)      { h.ids[a], h.ids[b] = h.ids[b], h.ids[a] }
func (h *candidateHeap) Push(x any)        { h.ids = append(h.ids, x.(int32)) }
func (h *candidateHeap) Pop() any {
	x := h.ids[len(h.ids)-1]
	h.ids = h.ids[:len(h.ids)-1]
	return x
}

// better reports whether pair a shares more words than pair b, or as many
// and comes first.
func better(counts []uint16, a, b int32) bool {
	return counts[a] > counts[b] || counts[a] == counts[b] && a < b
}
