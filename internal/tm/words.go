package tm

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/glot-i18n/glot/internal/msgtext"
)

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
