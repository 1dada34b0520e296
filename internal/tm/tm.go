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
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// Pair is a source text and its translation.
type Pair struct {
	ID, Source, Translation string
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

// of returns the words of text, numbered, adding new ones when add is set;
// a word not numbered (a query's word that no text has) is a negative
// number of its own.
func (w *Words) of(text string, add bool) []int32 {
	w.mu.Lock()
	defer w.mu.Unlock()
	if ws, ok := w.texts[text]; ok {
		return ws
	}
	toks := tokens(text)
	ws := make([]int32, len(toks))
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
		w.texts[text] = ws
	}
	return ws
}

// Memory is an index of the translations of one language. Suggest is
// not safe for concurrent use.
type Memory struct {
	pairs    []Pair
	words    [][]int32 // the words of each pair's source
	postings [][]int32 // by word: the pairs whose source has it
	w        *Words
	counts   []uint16 // scratch for Suggest, by pair
	touched  []int32
}

// New indexes pairs.
func New(pairs []Pair) *Memory { return NewWith(NewWords(), pairs) }

// NewWith indexes pairs, numbering their words with w.
func NewWith(w *Words, pairs []Pair) *Memory {
	m := &Memory{pairs: pairs, words: make([][]int32, len(pairs)), w: w, counts: make([]uint16, len(pairs))}
	for i, p := range pairs {
		m.words[i] = w.of(p.Source, true)
	}
	w.mu.Lock()
	m.postings = make([][]int32, len(w.ids))
	w.mu.Unlock()
	for i, ws := range m.words {
		for k, id := range ws {
			if slices.Contains(ws[:k], id) {
				continue // each pair once in a word's postings
			}
			m.postings[id] = append(m.postings[id], int32(i))
		}
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

// Suggest returns the closest translation whose source is at least min
// alike (0 to 1) to src, other than one of src itself.
//
// Candidates are the pairs that share the most of the query's rarest
// words and whose length allows closeness min (an edit distance is at
// least the difference of the lengths); the best of them are measured
// exactly. No query looks at every pair.
func (m *Memory) Suggest(src string, min float64) (Suggestion, bool) {
	q := m.w.of(src, false)
	if len(q) == 0 {
		return Suggestion{}, false
	}
	var look []int32
	for k, id := range q {
		if id >= 0 && int(id) < len(m.postings) && len(m.postings[id]) > 0 && len(m.postings[id]) <= maxPostings && !slices.Contains(q[:k], id) {
			look = append(look, id)
		}
	}
	slices.SortFunc(look, func(a, b int32) int { return len(m.postings[a]) - len(m.postings[b]) })
	if len(look) > rareWords {
		look = look[:rareWords]
	}
	m.touched = m.touched[:0]
	for _, id := range look {
		for _, i := range m.postings[id] {
			if !lengthAllows(len(q), len(m.words[i]), min) {
				continue
			}
			if m.counts[i] == 0 {
				m.touched = append(m.touched, i)
			}
			m.counts[i]++
		}
	}
	// The candidates that share the most words, in a few passes over the
	// touched pairs rather than a sort of them all.
	best := make([]int32, 0, candidates)
	for _, i := range m.touched {
		if len(best) < candidates {
			best = append(best, i)
			continue
		}
		worst := 0
		for k := range best {
			if better(m.counts, best[worst], best[k]) {
				worst = k
			}
		}
		if better(m.counts, i, best[worst]) {
			best[worst] = i
		}
	}
	for _, i := range m.touched {
		m.counts[i] = 0
	}
	slices.SortFunc(best, func(a, b int32) int { return int(a) - int(b) })
	found, bestScore := int32(-1), min
	for _, i := range best {
		if m.pairs[i].Source == src {
			continue
		}
		if s := similarity(q, m.words[i]); s >= bestScore && (found < 0 || s > bestScore || m.pairs[i].ID < m.pairs[found].ID) {
			found, bestScore = i, s
		}
	}
	if found < 0 {
		return Suggestion{}, false
	}
	p := m.pairs[found]
	return Suggestion{Pair: p, Score: bestScore, Risks: Risks(src, p.Source)}, true
}

// better reports whether pair a shares more words than pair b, or as many
// and comes first.
func better(counts []uint16, a, b int32) bool {
	return counts[a] > counts[b] || counts[a] == counts[b] && a < b
}

// lengthAllows reports whether texts of a and b words can be min alike:
// their edit distance is at least the difference of their lengths.
func lengthAllows(a, b int, min float64) bool {
	long := max(a, b)
	return float64(long-abs(a-b)) >= min*float64(long)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// tokens splits message text into lower-case words, each placeholder a
// word of its own.
func tokens(s string) []string {
	var out []string
	for _, t := range msgtext.Parse(s) {
		if t.Kind != msgtext.Text {
			out = append(out, t.Text)
			continue
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(t.Text), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ','
		}) {
			if w = strings.Trim(w, ".,"); w != "" {
				out = append(out, w)
			}
		}
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
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(b)])/float64(n)
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
	if a, b := numberRE.FindAllString(src, -1), numberRE.FindAllString(other, -1); !sameBag(a, b) {
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
