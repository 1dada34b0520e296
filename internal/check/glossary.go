package check

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// GlossaryFile is the name of a site's glossary, at its root.
const GlossaryFile = "glossary.toml"

// Glossary holds a site's terms:
//
//	# Terms that stay as they are in every language.
//	keep = ["NMDA", "AMPA", "BDNF"]
//
//	# Terms with a required rendering per language.
//	[[term]]
//	source = "ketamine"          # found case-insensitively, as a word
//	forms = ["ketamine's"]       # more source forms that count (optional)
//	required = true              # a page never shows a translation without it
//	es = "ketamina"              # the rendering a translation must contain
//	fr = ["kétamine", "kétamines"] # or one of several
//	de = "Ketamin"
//	ar = "الكيتامين"
//
//	[[term]]
//	pattern = "treatment[- ]resistant depression"   # a regular expression instead
//	es = "depresión resistente al tratamiento"
//
// A term is checked by occurrence: each time the source has it (any of
// its forms), the translation must have one of its renderings (the
// renderings are its inflections), and the source term itself left in a
// translation that should render it is reported too. A term marked
// required is a blocking check (see Checker.Blocking): a translation
// without it is held back from the pages until a reviewer approves it.
//
// Renderings are found case-insensitively anywhere in the translation, so
// that German compounds (Ketamin-Infusion) count. In Arabic, the prefixes
// that attach to a word (ال the, ب with, و and, ل for, and their
// combinations such as بال and لل) are taken off every word of the
// rendering and of the translation before they are compared, so that
// الكيتامين is found in بالكيتامين and للكيتامين.
type Glossary struct {
	Keep  []string
	Terms []Term

	keep *regexp.Regexp // any kept term, case-insensitively
}

// Term is a term with required renderings.
type Term struct {
	Source     string
	Forms      []string
	Pattern    *regexp.Regexp
	Renderings map[string][]string // by language
	Note       string
	// Required makes a missing rendering a blocking error.
	Required bool
}

// ParseGlossary reads glossary.toml; langs are the site's languages, the
// only keys a term may have besides its own.
func ParseGlossary(file string, data []byte, langs []string) (*Glossary, error) {
	var raw struct {
		Keep []string         `toml:"keep"`
		Term []map[string]any `toml:"term"`
	}
	md, err := toml.Decode(string(data), &raw)
	if err != nil {
		return nil, fileerr.TOML(file, 0, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, fileerr.At(file, 0, 0, fmt.Errorf("unknown key %q (a glossary has keep and [[term]])", und[0].String()))
	}
	g := &Glossary{Keep: raw.Keep}
	termLines := headerLines(data, "[[term]]")
	known := map[string]bool{}
	for _, l := range langs {
		known[l] = true
	}
	for i, t := range raw.Term {
		term := Term{Renderings: map[string][]string{}}
		where := fmt.Errorf("term %d", i+1)
		for k, v := range t {
			switch k {
			case "source":
				term.Source, err = str(v)
			case "note":
				term.Note, err = str(v)
			case "required":
				var ok bool
				if term.Required, ok = v.(bool); !ok {
					err = errors.New("must be true or false")
				}
			case "forms":
				term.Forms, err = strs(v)
			case "pattern":
				var p string
				if p, err = str(v); err == nil {
					term.Pattern, err = regexp.Compile("(?i)" + p)
				}
			default:
				if _, perr := language.Parse(k); perr != nil || !known[k] {
					err = fmt.Errorf("unknown key %q: not a language of the site", k)
					break
				}
				term.Renderings[k], err = strs(v)
			}
			if err != nil {
				return nil, fileerr.At(file, termLines[i], 0, fmt.Errorf("%v: %s: %w", where, k, err))
			}
		}
		if term.Source == "" && term.Pattern == nil {
			return nil, fileerr.At(file, termLines[i], 0, fmt.Errorf("%v has neither source nor pattern", where))
		}
		g.Terms = append(g.Terms, term)
	}
	if len(g.Keep) > 0 {
		alts := make([]string, len(g.Keep))
		for i, k := range g.Keep {
			alts[i] = regexp.QuoteMeta(k)
		}
		g.keep = regexp.MustCompile("(?i)" + strings.Join(alts, "|"))
	}
	return g, nil
}

// headerLines returns the line of each occurrence of header, in order,
// with 0 for any beyond them.
func headerLines(data []byte, header string) map[int]int {
	lines := map[int]int{}
	n := 0
	for i, l := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(l) == header {
			lines[n] = i + 1
			n++
		}
	}
	return lines
}

func str(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", errors.New("must be a string")
	}
	return s, nil
}

func strs(v any) ([]string, error) {
	switch v := v.(type) {
	case string:
		return []string{v}, nil
	case []any:
		out := make([]string, 0, len(v))
		for _, x := range v {
			s, ok := x.(string)
			if !ok {
				return nil, errors.New("must be strings")
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, errors.New("must be a string or a list of strings")
}

// check returns what the glossary finds wrong with translation tr into
// lang of src: with only, just what its required terms find.
func (g *Glossary) check(source, lang, src, tr string, only bool) []string {
	var out []string
	ltr := strings.ToLower(tr)
	if !only {
		for _, k := range g.Keep {
			if hasWord(src, k) && !strings.Contains(ltr, strings.ToLower(k)) {
				out = append(out, fmt.Sprintf("%q stays as it is, but is not in the translation", k))
			}
		}
	}
	// A kept term (a paper's title, say) may hold a term that is
	// otherwise translated: inside it, it stays as it is.
	rest := src
	if g.keep != nil {
		rest = g.keep.ReplaceAllString(src, " ")
	}
	var lrest string
	for i := range g.Terms {
		t := &g.Terms[i]
		want := t.Renderings[lang]
		if len(want) == 0 || only && !t.Required {
			continue
		}
		if lrest == "" {
			lrest = strings.ToLower(rest)
		}
		n := t.count(rest, lrest)
		if n == 0 {
			continue
		}
		name := t.Source
		if name == "" {
			name = t.Pattern.String()[4:]
		}
		have := renderings(lang, tr, ltr, want)
		var msg string
		switch left := t.leftIn(tr, want); {
		case left != "":
			msg = fmt.Sprintf("%q is left untranslated: render it %s", left, orList(want))
		case have < n:
			msg = fmt.Sprintf("%q must be rendered %s", name, orList(want))
		}
		if have < n && n > 1 {
			msg += fmt.Sprintf(" each time: the source has it %d times, the translation %d", n, have)
		}
		if msg != "" {
			out = append(out, msg)
		}
	}
	sort.Strings(out)
	return out
}

// count returns how many times the source text s (lower, in lower case)
// has the term: its pattern's matches and its words, an overlap counted
// once.
func (t *Term) count(s, lower string) int {
	var spans [][2]int
	if t.Pattern != nil {
		for _, m := range t.Pattern.FindAllStringIndex(s, -1) {
			spans = append(spans, [2]int{m[0], m[1]})
		}
	}
	for _, w := range append([]string{t.Source}, t.Forms...) {
		if w != "" {
			spans = append(spans, wordSpans(lower, strings.ToLower(w))...)
		}
	}
	if len(spans) <= 1 {
		return len(spans)
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i][0] < spans[j][0] })
	n, end := 0, -1
	for _, sp := range spans {
		if sp[0] >= end {
			n++
			end = sp[1]
		} else if sp[1] > end {
			end = sp[1]
		}
	}
	return n
}

// leftIn returns a source form of the term that translation tr has as a
// word where none of the renderings want accounts for it, or "".
func (t *Term) leftIn(tr string, want []string) string {
	for _, w := range append([]string{t.Source}, t.Forms...) {
		if w == "" || !hasWord(tr, w) {
			continue
		}
		// A rendering that is, or holds, the source word (an English
		// loanword kept in German, say) accounts for it.
		taken := false
		for _, r := range want {
			if hasWord(r, w) {
				taken = true
				break
			}
		}
		if !taken {
			return w
		}
	}
	return ""
}

// wordSpans returns where lower has w as a whole word; both are in lower
// case.
func wordSpans(lower, w string) [][2]int {
	var out [][2]int
	for i := 0; ; {
		j := strings.Index(lower[i:], w)
		if j < 0 {
			return out
		}
		a, b := i+j, i+j+len(w)
		if (a == 0 || !isWordChar(lastRune(lower[:a]))) && (b == len(lower) || !isWordChar(firstRune(lower[b:]))) {
			out = append(out, [2]int{a, b})
			i = b
			continue
		}
		i = a + 1
	}
}

// renderings counts the renderings want in translation tr into lang (ltr
// in lower case), each place counted once, the longest rendering there
// first.
func renderings(lang, tr, ltr string, want []string) int {
	if base, _ := language.Make(lang).Base(); base.String() == "ar" {
		words := strings.Fields(arabicStems(tr))
		n := 0
		for i := 0; i < len(words); {
			best := 0
			for _, w := range want {
				ws := strings.Fields(arabicStems(w))
				if len(ws) > best && i+len(ws) <= len(words) && slices.Equal(words[i:i+len(ws)], ws) {
					best = len(ws)
				}
			}
			if best == 0 {
				i++
				continue
			}
			n++
			i += best
		}
		return n
	}
	lw := make([]string, len(want))
	for i, w := range want {
		lw[i] = strings.ToLower(w)
	}
	n := 0
	for i := 0; i < len(ltr); {
		best := 0
		for _, w := range lw {
			if len(w) > best && strings.HasPrefix(ltr[i:], w) {
				best = len(w)
			}
		}
		if best == 0 {
			_, size := utf8.DecodeRuneInString(ltr[i:])
			i += size
			continue
		}
		n++
		i += best
	}
	return n
}

func orList(ws []string) string {
	q := quoteAll(ws)
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// hasWord reports whether s has w, case-insensitively, not inside a
// longer word.
func hasWord(s, w string) bool {
	ls, lw := strings.ToLower(s), strings.ToLower(w)
	for i := 0; ; {
		j := strings.Index(ls[i:], lw)
		if j < 0 {
			return false
		}
		a, b := i+j, i+j+len(lw)
		if (a == 0 || !isWordChar(lastRune(ls[:a]))) && (b == len(ls) || !isWordChar(firstRune(ls[b:]))) {
			return true
		}
		i = a + 1
	}
}

func isWordChar(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func lastRune(s string) rune {
	r := []rune(s)
	return r[len(r)-1]
}

func firstRune(s string) rune {
	for _, r := range s {
		return r
	}
	return 0
}

// arabicPrefixes are taken off the start of Arabic words, longest first:
// the article ال, and the particles و (and), ف (so), ب (with), ك (as),
// ل (for) attached to a word or to its article.
var arabicPrefixes = []string{"وبال", "وال", "بال", "فال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل"}

// arabicStems writes the words of s without their attached prefixes,
// separated by single spaces.
func arabicStems(s string) string {
	words := strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsMark(r) })
	for i, w := range words {
		for _, p := range arabicPrefixes {
			if strings.HasPrefix(w, p) && len([]rune(w)) > len([]rune(p))+1 {
				w = strings.TrimPrefix(w, p)
				break
			}
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

// Found is a term of the glossary found in a source text, with what it
// asks of a translation into one language.
type Found struct {
	Term       string   // as the glossary names it
	Renderings []string // the renderings allowed in the language; none: keep it as it is
	Note       string
	Required   bool
}

// In returns the terms of the glossary that source text src (message
// text, placeholders and all) holds, in the glossary's order, with their
// renderings in lang: kept terms first, then translated ones, as the
// checks read them.
func (g *Glossary) In(lang, src string) []Found {
	if g == nil {
		return nil
	}
	src = msgtext.Plain(src)
	var out []Found
	for _, k := range g.Keep {
		if hasWord(src, k) {
			out = append(out, Found{Term: k, Note: "stays as it is"})
		}
	}
	rest := src
	if g.keep != nil {
		rest = g.keep.ReplaceAllString(src, " ")
	}
	lrest := strings.ToLower(rest)
	for i := range g.Terms {
		t := &g.Terms[i]
		if t.count(rest, lrest) == 0 {
			continue
		}
		name := t.Source
		if name == "" {
			name = t.Pattern.String()[4:]
		}
		out = append(out, Found{Term: name, Renderings: t.Renderings[lang], Note: t.Note, Required: t.Required})
	}
	return out
}
