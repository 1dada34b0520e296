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
	"sort"
	"strings"
	"unicode"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// Pair is a source text and its translation.
type Pair struct {
	ID, Source, Translation string
}

// Memory is an index of the translations of one language.
type Memory struct {
	pairs []Pair
	words [][]string       // the words of each pair's source
	index map[string][]int // word -> pairs whose source has it
}

// New indexes pairs.
func New(pairs []Pair) *Memory {
	m := &Memory{pairs: pairs, words: make([][]string, len(pairs)), index: map[string][]int{}}
	for i, p := range pairs {
		m.words[i] = tokens(p.Source)
		seen := map[string]bool{}
		for _, w := range m.words[i] {
			if !seen[w] {
				seen[w] = true
				m.index[w] = append(m.index[w], i)
			}
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

// candidates is how many of the best candidates by shared words are
// measured exactly.
const candidates = 20

// Suggest returns the closest translation whose source is at least min
// alike (0 to 1) to src, other than one of src itself.
func (m *Memory) Suggest(src string, min float64) (Suggestion, bool) {
	q := tokens(src)
	if len(q) == 0 {
		return Suggestion{}, false
	}
	shared := map[int]int{}
	seen := map[string]bool{}
	for _, w := range q {
		if seen[w] {
			continue
		}
		seen[w] = true
		if ps := m.index[w]; len(ps) <= maxPostings {
			for _, i := range ps {
				shared[i]++
			}
		}
	}
	type cand struct{ i, n int }
	var cs []cand
	for i, n := range shared {
		// Closeness at least min needs at least that share of words.
		if float64(n) >= min*float64(len(q))-float64(len(m.words[i])) {
			cs = append(cs, cand{i, n})
		}
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].n != cs[b].n {
			return cs[a].n > cs[b].n
		}
		return cs[a].i < cs[b].i
	})
	if len(cs) > candidates {
		cs = cs[:candidates]
	}
	best, bestScore := -1, min
	for _, c := range cs {
		if m.pairs[c.i].Source == src {
			continue
		}
		if s := similarity(q, m.words[c.i]); s >= bestScore && (best < 0 || s > bestScore || m.pairs[c.i].ID < m.pairs[best].ID) {
			best, bestScore = c.i, s
		}
	}
	if best < 0 {
		return Suggestion{}, false
	}
	p := m.pairs[best]
	return Suggestion{Pair: p, Score: bestScore, Risks: Risks(src, p.Source)}, true
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
func similarity(a, b []string) float64 {
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
