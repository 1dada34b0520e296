package msgtext

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Kind says what a token is.
type Kind uint8

const (
	Text  Kind = iota // literal text
	Open              // <N>
	Close             // </N>
	Atom              // <N/>
)

// Token is one piece of message text.
type Token struct {
	Kind Kind
	N    int    // placeholder number, for Open, Close and Atom
	Text string // the literal text, for Text; the tag as written otherwise
}

// OpenTag, CloseTag and AtomTag write placeholder number n.
func OpenTag(n int) string  { return "<" + strconv.Itoa(n) + ">" }
func CloseTag(n int) string { return "</" + strconv.Itoa(n) + ">" }
func AtomTag(n int) string  { return "<" + strconv.Itoa(n) + "/>" }

// Parse splits s into text and placeholder tokens. It never fails: anything
// that is not a well-formed tag is text. Whether the tags make sense is
// Check's business.
func Parse(s string) []Token {
	var toks []Token
	text := 0 // start of the pending text run
	for i := 0; i < len(s); {
		if s[i] != '<' {
			i++
			continue
		}
		k, n, size := tagAt(s[i:])
		if size == 0 {
			i++
			continue
		}
		if text < i {
			toks = append(toks, Token{Kind: Text, Text: s[text:i]})
		}
		toks = append(toks, Token{Kind: k, N: n, Text: s[i : i+size]})
		i += size
		text = i
	}
	if text < len(s) {
		toks = append(toks, Token{Kind: Text, Text: s[text:]})
	}
	return toks
}

// tagAt reports the tag at the start of s, or size 0 if there is none.
func tagAt(s string) (k Kind, n int, size int) {
	i := 1
	k = Open
	if i < len(s) && s[i] == '/' {
		k = Close
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == start || s[start] == '0' || i-start > 4 {
		return 0, 0, 0
	}
	n, _ = strconv.Atoi(s[start:i])
	switch {
	case i < len(s) && s[i] == '>':
		return k, n, i + 1
	case k == Open && i+1 < len(s) && s[i] == '/' && s[i+1] == '>':
		return Atom, n, i + 2
	}
	return 0, 0, 0
}

// HasTag reports whether s contains anything Parse would read as a tag.
func HasTag(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0; {
		if _, _, size := tagAt(s[i:]); size > 0 {
			return true
		}
		j := strings.IndexByte(s[i+1:], '<')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// Normalize returns s in the form messages are stored and compared in: NFC,
// every run of ASCII white space (line breaks included) collapsed to one
// space, and no space at either end. Non-breaking spaces are kept: in French
// and other typographies they are deliberate.
func Normalize(s string) string {
	if normalized(s) {
		return s
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteByte(c)
	}
	return b.String()
}

// normalized reports whether Normalize would give s back as it is, without
// making a copy: most text, translations from a compiled catalog above
// all, already is.
func normalized(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	ascii := true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\t', '\n', '\r', '\f', '\v':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		default:
			ascii = ascii && c < utf8.RuneSelf
		}
	}
	return ascii || norm.NFC.IsNormalString(s)
}

// Plain returns the text of s without its placeholders, for counting words
// and deriving ids.
func Plain(s string) string {
	var b strings.Builder
	for _, t := range Parse(s) {
		if t.Kind == Text {
			b.WriteString(t.Text)
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// HasWords reports whether s has anything to translate: a letter outside its
// placeholders. A block of numbers, punctuation or markup only is left alone.
func HasWords(s string) bool {
	for _, t := range Parse(s) {
		if t.Kind != Text {
			continue
		}
		for _, r := range t.Text {
			if unicode.IsLetter(r) {
				return true
			}
		}
	}
	return false
}

// Error says what is wrong with the placeholders of a translation.
type Error struct {
	Problem string
}

func (e *Error) Error() string { return e.Problem }

// Check validates the placeholders of translation tr against its source src:
// every placeholder of the source appears exactly once, no other appears,
// pairs open before they close, and every pair sits inside the same pair as
// in the source, so that the markup they stand for stays well formed. An
// atom may move freely. It returns nil or an *Error.
func Check(src, tr string) error {
	if sameTags(src, tr) {
		return nil
	}
	return check(src, tr)
}

// check is Check, comparing the shapes of the two texts in full.
func check(src, tr string) error {
	want, err := shape(Parse(src))
	if err != nil {
		// The source comes from the segmenter; a broken one is a bug
		// there, but say so rather than accept anything.
		return &Error{Problem: "source text: " + err.Error()}
	}
	got, err := shape(Parse(tr))
	if err != nil {
		return err
	}
	var problems []string
	for _, n := range sortedKeys(want) {
		w := want[n]
		g, ok := got[n]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s is missing", w.show(n)))
		case g.atom != w.atom:
			problems = append(problems, fmt.Sprintf("%s is written as %s", w.show(n), g.show(n)))
		case !w.atom && g.parent != w.parent:
			problems = append(problems, fmt.Sprintf("%s must be %s, as in the source", w.show(n), where(w.parent)))
		}
	}
	for _, n := range sortedKeys(got) {
		if _, ok := want[n]; !ok {
			problems = append(problems, fmt.Sprintf("%s is not in the source", got[n].show(n)))
		}
	}
	if len(problems) > 0 {
		return &Error{Problem: strings.Join(problems, "; ")}
	}
	return nil
}

// sameTags reports whether tr has the tags of src, in the same order, and
// they are well formed: each number once, pairs closed in order. Most
// translations keep their tags where they were, and this answers for them
// without a copy; anything else is left to Check's full comparison.
func sameTags(src, tr string) bool {
	var seen uint64 // the numbers opened so far, below 64
	var stack [16]int
	depth := 0
	i, j := 0, 0
	for {
		ks, ns, is := nextTag(src, i)
		kt, nt, it := nextTag(tr, j)
		if is < 0 || it < 0 {
			return is < 0 && it < 0 && depth == 0
		}
		if ks != kt || ns != nt || ns >= 64 {
			return false
		}
		switch ks {
		case Open, Atom:
			if seen&(1<<ns) != 0 {
				return false
			}
			seen |= 1 << ns
			if ks == Open {
				if depth == len(stack) {
					return false
				}
				stack[depth] = ns
				depth++
			}
		case Close:
			if depth == 0 || stack[depth-1] != ns {
				return false
			}
			depth--
		}
		i, j = is, it
	}
}

// nextTag finds the first tag of s at or after i: its kind, number and
// where it ends; end is -1 when there is none.
func nextTag(s string, i int) (k Kind, n, end int) {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			return 0, 0, -1
		}
		i += j
		if k, n, size := tagAt(s[i:]); size > 0 {
			return k, n, i + size
		}
		i++
	}
	return 0, 0, -1
}

type place struct {
	atom   bool
	parent int // number of the enclosing pair, 0 at top level
}

func (p place) show(n int) string {
	if p.atom {
		return AtomTag(n)
	}
	return OpenTag(n) + "…" + CloseTag(n)
}

func where(parent int) string {
	if parent == 0 {
		return "outside every other pair"
	}
	return "inside " + OpenTag(parent) + "…" + CloseTag(parent)
}

// shape records where each placeholder of toks sits, and fails on a repeated,
// unbalanced or crossed tag.
func shape(toks []Token) (map[int]place, error) {
	m := map[int]place{}
	var stack []int
	top := func() int {
		if len(stack) == 0 {
			return 0
		}
		return stack[len(stack)-1]
	}
	for _, t := range toks {
		switch t.Kind {
		case Open, Atom:
			if _, dup := m[t.N]; dup {
				return nil, &Error{Problem: fmt.Sprintf("placeholder %d appears more than once", t.N)}
			}
			m[t.N] = place{atom: t.Kind == Atom, parent: top()}
			if t.Kind == Open {
				stack = append(stack, t.N)
			}
		case Close:
			switch {
			case len(stack) == 0 || !slices.Contains(stack, t.N):
				return nil, &Error{Problem: fmt.Sprintf("%s closes a pair that is not open", CloseTag(t.N))}
			case top() != t.N:
				return nil, &Error{Problem: fmt.Sprintf("%s closes before %s: pairs cross", CloseTag(t.N), CloseTag(top()))}
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		return nil, &Error{Problem: fmt.Sprintf("%s is never closed", OpenTag(stack[len(stack)-1]))}
	}
	return m, nil
}

func sortedKeys(m map[int]place) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

// Words counts the words of s outside its placeholders, the way translation
// agencies count: runs of letters and digits separated by spaces or
// punctuation, except that every character of a script written without
// spaces (Chinese, Japanese, Thai, ...) counts as a word.
func Words(s string) int {
	n := 0
	in := false
	for _, t := range Parse(s) {
		if t.Kind != Text {
			in = false
			continue
		}
		for _, r := range t.Text {
			switch {
			case isUnspaced(r):
				n++
				in = false
			case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’' || r == '-' && in:
				if !in {
					n++
				}
				in = true
			default:
				in = false
			}
		}
	}
	return n
}

// Reading returns what a reader reads in s: its words (see Words), and
// whether they are characters of a script written without spaces, read
// at another pace. A text counts as such when its words outnumber half its
// characters.
func Reading(s string) (words int, unspaced bool) {
	// As Words(s) and utf8.RuneCountInString(Plain(s)), in one pass and
	// without a copy: a build asks this of every translation.
	runes := 0
	in := false
	for i := 0; i < len(s); {
		if s[i] == '<' {
			if _, _, size := tagAt(s[i:]); size > 0 {
				runes++ // Plain writes a space for a tag
				in = false
				i += size
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		runes++
		switch {
		case isUnspaced(r):
			words++
			in = false
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '\'' || r == '’' || r == '-' && in:
			if !in {
				words++
			}
			in = true
		default:
			in = false
		}
	}
	return words, words > runes/2
}

func isUnspaced(r rune) bool {
	// Every script written without spaces starts at Thai (U+0E00): the
	// letters of most text are answered at once.
	return r >= 0x0E00 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Thai, r) || unicode.Is(unicode.Lao, r) ||
		unicode.Is(unicode.Khmer, r) || unicode.Is(unicode.Myanmar, r))
}
