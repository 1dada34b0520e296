// Package tm owns glot's translation memory: for a message with no
// translation, the closest message that has one, so that a translator
// starts from it rather than from nothing.
//
// Closeness is the word-level edit distance between the two sources,
// placeholders counted as words, as a share of the longer one: 100 % is
// the same text. Candidates are found through an index of words, so a
// query looks only at translations that share words with it, never at
// every translation of the site.
//
// A suggestion can be close and still wrong: "take 5 mg" and "take 50 mg"
// are 75 % alike, and so are "it is safe" and "it is not safe". Risks lists
// what differs between the two sources in numbers, units and negations, for
// the translator to see before accepting anything.
//
//	m := tm.New(pairs)
//	if s, ok := m.Suggest("Take 50 mg twice a day.", 0.75); ok {
//		fmt.Println(s.Score, s.Translation, s.Risks)
//	}
package tm

import (
	"container/heap"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// Pair is a source text and its translation.
type Pair struct {
	ID, Source, Translation string
	// Key names the source text for Words, which reads each text once:
	// the message's id, when every language's memory has the same text
	// under it. "" keys the text by itself.
	Key string
}

// Words numbers the words of source texts, and remembers the words of each
// text it has read. The memories of every language of a site index mostly
// the same source texts: sharing one Words, they read each text once.
type Words struct {
	mu    sync.Mutex
	ids   map[string]int32
	texts map[string][]int32
}

// NewWords returns an empty Words.
func NewWords() *Words {
	return &Words{ids: map[string]int32{}, texts: map[string][]int32{}}
}

// of returns the words of text, numbered, adding new ones and keeping
// the text's under key when add is set ("" keys the text by itself); a
// word not numbered (a query's word that no text has) is a negative number
// of its own.
func (w *Words) of(key, text string, add bool) []int32 {
	if key == "" {
		key = "\x00" + text
	}
	w.mu.Lock()
	ws, ok := w.texts[key]
	w.mu.Unlock()
	if ok {
		return ws
	}
	// Split outside the lock: the memories of several languages are built
	// at once.
	toks := tokens(text)
	w.mu.Lock()
	defer w.mu.Unlock()
	ws = make([]int32, len(toks))
	unknown := int32(-1)
	for i, t := range toks {
		id, ok := w.ids[t]
		if !ok && add {
			id, ok = int32(len(w.ids)), true
			w.ids[t] = id
		}
		if !ok {
			id = unknown
			unknown--
		}
		ws[i] = id
	}
	if add {
		w.texts[key] = ws
	}
	return ws
}

// Read reads the words of text, keyed by key (see Pair.Key), ahead of the
// memories that will index it: one pass over a site's source texts serves
// the memories of every language.
func (w *Words) Read(key, text string) { w.of(key, text, true) }

// index is the words of a list of pairs' sources, and for each word the
// pairs that have it.
type index struct {
	pairs    []Pair
	words    [][]int32 // the words of each pair's source
	sorted   [][]int32 // the same, sorted
	postings [][]int32 // by word: the pairs whose source has it
}

func newIndex(w *Words, pairs []Pair) *index {
	ix := &index{pairs: pairs, words: make([][]int32, len(pairs)), sorted: make([][]int32, len(pairs))}
	for i, p := range pairs {
		ix.words[i] = w.of(p.Key, p.Source, true)
		ix.sorted[i] = slices.Clone(ix.words[i])
		slices.Sort(ix.sorted[i])
	}
	w.mu.Lock()
	ix.postings = make([][]int32, len(w.ids))
	w.mu.Unlock()
	// Each pair goes once in a word's postings: the last pair each word
	// was posted for tells, without a search. The postings are counted
	// first, to be made at their size.
	last := make([]int32, len(ix.postings))
	each := func(post func(id, i int32)) {
		for i := range last {
			last[i] = -1
		}
		for i, ws := range ix.words {
			for _, id := range ws {
				if last[id] != int32(i) {
					last[id] = int32(i)
					post(id, int32(i))
				}
			}
		}
	}
	count := make([]int32, len(ix.postings))
	each(func(id, _ int32) { count[id]++ })
	for id, n := range count {
		if n > 0 {
			ix.postings[id] = make([]int32, 0, n)
		}
	}
	each(func(id, i int32) { ix.postings[id] = append(ix.postings[id], i) })
	return ix
}

// Memory is an index of the translations of one language. Suggest is
// not safe for concurrent use; memories sharing an index may be used at
// once.
type Memory struct {
	ix *index
	// member says which pairs of the index are this memory's; nil, all.
	member []bool
	// extra are more pairs, of this memory alone (archived translations).
	extra   *Memory
	w       *Words
	counts  []uint16 // scratch for Suggest, by pair
	touched []int32
	// translation finds the translation of a pair that came without one.
	translation func(Pair) string
}

// New indexes pairs.
func New(pairs []Pair) *Memory { return NewWith(NewWords(), pairs, nil) }

// NewWith indexes pairs, numbering their words with w. A pair may come
// without its translation, for translation to find when it is suggested:
// a large site's translations need not all be read for a few suggestions.
func NewWith(w *Words, pairs []Pair, translation func(Pair) string) *Memory {
	ix := newIndex(w, pairs)
	return &Memory{ix: ix, w: w, counts: make([]uint16, len(pairs)), translation: translation}
}

// Shared is an index of a site's source texts, built once for the
// memories of every language: each takes the texts it has translated.
type Shared struct {
	ix *index
	w  *Words
}

// NewShared indexes the sources of pairs, which come without
// translations, numbering their words with w.
func NewShared(w *Words, pairs []Pair) *Shared {
	return &Shared{ix: newIndex(w, pairs), w: w}
}

// Memory returns the memory of a language that has translated the pairs
// of the shared index that member says, and the extra pairs besides;
// translation finds the translation of a pair when it is suggested.
func (s *Shared) Memory(member []bool, extra []Pair, translation func(Pair) string) *Memory {
	m := &Memory{ix: s.ix, member: member, w: s.w, counts: make([]uint16, len(s.ix.pairs)), translation: translation}
	if len(extra) > 0 {
		m.extra = NewWith(s.w, extra, translation)
	}
	return m
}

// Suggestion is the closest translation found for a source.
type Suggestion struct {
	Pair
	Score float64  // 0 to 1
	Risks []string // what differs between the two sources that a translator must check
}

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

// Suggest returns the closest translation whose source is at least min
// alike (0 to 1) to src, other than one of src itself.
//
// Candidates are the pairs that share the most of the query's rarest
// words and whose length allows closeness min (an edit distance is at
// least the difference of the lengths); the best of them are measured
// exactly. No query looks at every pair.
func (m *Memory) Suggest(src string, min float64) (Suggestion, bool) {
	q := m.w.of("", src, false)
	if len(q) == 0 {
		return Suggestion{}, false
	}
	found, score := m.search(q, src, min)
	var p Pair
	if found >= 0 {
		p = m.ix.pairs[found]
	}
	if m.extra != nil {
		// An archived pair wins where it is closer, or as close with a
		// smaller id, as one pair of a single memory would.
		if i, s := m.extra.search(q, src, min); i >= 0 && (found < 0 || s > score || s == score && m.extra.ix.pairs[i].ID < p.ID) {
			found, score, p = i, s, m.extra.ix.pairs[i]
		}
	}
	if found < 0 {
		return Suggestion{}, false
	}
	if p.Translation == "" && m.translation != nil {
		p.Translation = m.translation(p)
	}
	return Suggestion{Pair: p, Score: score, Risks: Risks(src, p.Source)}, true
}

// search finds the closest pair of m's own to query q (the words of src)
// that is at least min alike, and its closeness; -1 when there is none.
func (m *Memory) search(q []int32, src string, min float64) (int32, float64) {
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
	// The lengths that allow closeness min: an edit distance is at least
	// the difference of the lengths.
	shortest, longest := int(math.Ceil(min*float64(len(q))-1e-9)), int(float64(len(q))/min+1e-9)
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
	// The candidates that share the most words, kept in a heap whose root
	// is the worst of them, rather than a sort of them all.
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
	// The candidates in turn, most words shared first. A candidate cannot
	// be closer than the words the two texts share allow (the edit
	// distance is at least the longer length less what they share), so
	// most are passed over without working out their distance.
	slices.SortFunc(best.ids, func(a, b int32) int {
		if better(m.counts, a, b) {
			return -1
		}
		return 1
	})
	for _, i := range m.touched {
		m.counts[i] = 0
	}
	sortedQ := slices.Clone(q)
	slices.Sort(sortedQ)
	found, bestScore := int32(-1), min
	for _, i := range best.ids {
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

// distance is the word-level edit distance of a and b, when it is at most
// most; ok is false when it is more. Only the band of the table within
// most of its diagonal is worked out, and the work stops as soon as every
// cell of a row is past most.
func distance(a, b []int32, most int) (int, bool) {
	if abs(len(a)-len(b)) > most {
		return 0, false
	}
	const far = 1 << 30
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
		if j > most {
			prev[j] = far
		}
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-most), min(len(b), i+most)
		cur[0] = far
		if i <= most {
			cur[0] = i
		}
		if lo > 1 {
			cur[lo-1] = far
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			c := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			cur[j] = c
			best = min(best, c)
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if best > most {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if d := prev[len(b)]; d <= most {
		return d, true
	}
	return 0, false
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

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// tokens splits message text into lower-case words, each placeholder a
// word of its own. A word is a run of letters, digits, "." and ",", without
// the dots and commas at its ends.
func tokens(s string) []string {
	out := make([]string, 0, len(s)/6+1)
	for _, t := range msgtext.Parse(s) {
		if t.Kind != msgtext.Text {
			out = append(out, t.Text)
			continue
		}
		text := strings.ToLower(t.Text)
		start := -1
		for i, r := range text {
			inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == ','
			switch {
			case inWord && start < 0:
				start = i
			case !inWord && start >= 0:
				out = appendWord(out, text[start:i])
				start = -1
			}
		}
		if start >= 0 {
			out = appendWord(out, text[start:])
		}
	}
	return out
}

func appendWord(out []string, w string) []string {
	if w = strings.Trim(w, ".,"); w != "" {
		out = append(out, w)
	}
	return out
}

// similarity is 1 minus the word-level edit distance of a and b over the
// length of the longer.
func similarity[W comparable](a, b []W) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(lcs.Distance(a, b))/float64(n)
}

var (
	numberRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	// units are the measures a medical or technical text quotes.
	units = map[string]bool{
		"mg": true, "g": true, "kg": true, "µg": true, "mcg": true, "ng": true, "ml": true, "l": true, "dl": true,
		"mmol": true, "mol": true, "iu": true, "%": true, "mmhg": true, "h": true, "hr": true, "hrs": true,
		"hour": true, "hours": true, "min": true, "mins": true, "minute": true, "minutes": true, "s": true,
		"sec": true, "second": true, "seconds": true, "day": true, "days": true, "week": true, "weeks": true,
		"month": true, "months": true, "year": true, "years": true, "dose": true, "doses": true, "tablet": true,
		"tablets": true, "mg/kg": true, "ml/h": true, "kb": true, "mb": true, "gb": true, "ms": true,
	}
	// negations turn a sentence around.
	negations = map[string]bool{
		"not": true, "no": true, "never": true, "without": true, "none": true, "nor": true, "neither": true,
		"cannot": true, "can't": true, "don't": true, "doesn't": true, "didn't": true, "isn't": true,
		"aren't": true, "won't": true, "shouldn't": true, "mustn't": true, "nothing": true, "nobody": true,
	}
)

// Risks lists the differences between a source and the source of a
// suggestion that a close score hides: numbers, units of measure and
// negations.
func Risks(src, other string) []string {
	var out []string
	// The numbers of placeholders (<1>, </1>, <2/>) are not the text's:
	// only those of the words count.
	if a, b := numberRE.FindAllString(msgtext.Plain(src), -1), numberRE.FindAllString(msgtext.Plain(other), -1); !sameBag(a, b) {
		out = append(out, fmt.Sprintf("numbers differ: %s here, %s there", list(a), list(b)))
	}
	if a, b := filter(src, units), filter(other, units); !sameBag(a, b) {
		out = append(out, fmt.Sprintf("units differ: %s here, %s there", list(a), list(b)))
	}
	if a, b := filter(src, negations), filter(other, negations); len(a) != len(b) {
		out = append(out, fmt.Sprintf("negations differ: %s here, %s there", list(a), list(b)))
	}
	return out
}

func filter(s string, set map[string]bool) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(msgtext.Plain(s)), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`.,;:!?()"“”«»`, r)
	}) {
		if set[w] || set[strings.TrimLeft(w, "0123456789.,")] && w != strings.TrimLeft(w, "0123456789.,") {
			out = append(out, strings.TrimLeft(w, "0123456789.,"))
		}
	}
	return out
}

func sameBag(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	for _, x := range b {
		count[x]--
		if count[x] < 0 {
			return false
		}
	}
	return true
}

func list(ws []string) string {
	if len(ws) == 0 {
		return "none"
	}
	return strings.Join(ws, " ")
}
