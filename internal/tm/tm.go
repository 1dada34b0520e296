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

// Pair is a source text and its translation.
type Pair struct {
	ID, Source, Translation string
	// Key names the source text for Words, which reads each text once:
	// the message's id, when every language's memory has the same text
	// under it. "" keys the text by itself.
	Key string
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
