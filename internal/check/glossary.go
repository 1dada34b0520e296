package check

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/fileerr"
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
//	es = "ketamina"              # the rendering a translation must contain
//	fr = ["kétamine"]            # or one of several
//	de = "Ketamin"
//	ar = "الكيتامين"
//
//	[[term]]
//	pattern = "treatment[- ]resistant depression"   # a regular expression instead
//	es = "depresión resistente al tratamiento"
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
}

// Term is a term with required renderings.
type Term struct {
	Source     string
	Forms      []string
	Pattern    *regexp.Regexp
	Renderings map[string][]string // by language
	Note       string
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
// lang of src.
func (g *Glossary) check(source, lang, src, tr string) []string {
	var out []string
	for _, k := range g.Keep {
		if hasWord(src, k) && !strings.Contains(strings.ToLower(tr), strings.ToLower(k)) {
			out = append(out, fmt.Sprintf("%q stays as it is, but is not in the translation", k))
		}
	}
	// A kept term (a paper's title, say) may hold a term that is
	// otherwise translated: inside it, it stays as it is.
	rest := src
	for _, k := range g.Keep {
		rest = replaceFold(rest, k, " ")
	}
	for _, t := range g.Terms {
		want := t.Renderings[lang]
		if len(want) == 0 || !t.found(rest) {
			continue
		}
		ok := false
		for _, w := range want {
			if contains(lang, tr, w) {
				ok = true
				break
			}
		}
		if !ok {
			name := t.Source
			if name == "" {
				name = t.Pattern.String()[4:]
			}
			out = append(out, fmt.Sprintf("%q must be rendered %s", name, orList(want)))
		}
	}
	sort.Strings(out)
	return out
}

// replaceFold replaces every case-insensitive occurrence of old in s.
func replaceFold(s, old, new string) string {
	if old == "" {
		return s
	}
	re := regexp.MustCompile("(?i)" + regexp.QuoteMeta(old))
	return re.ReplaceAllString(s, new)
}

func orList(ws []string) string {
	q := quoteAll(ws)
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}

// found reports whether the source text has the term.
func (t *Term) found(src string) bool {
	if t.Pattern != nil && t.Pattern.MatchString(src) {
		return true
	}
	if t.Source != "" && hasWord(src, t.Source) {
		return true
	}
	for _, f := range t.Forms {
		if hasWord(src, f) {
			return true
		}
	}
	return false
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

// contains reports whether translation tr into lang contains rendering w.
func contains(lang, tr, w string) bool {
	if base, _ := language.Make(lang).Base(); base.String() == "ar" {
		return strings.Contains(" "+arabicStems(tr)+" ", " "+arabicStems(w)+" ")
	}
	return strings.Contains(strings.ToLower(tr), strings.ToLower(w))
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
