// Package check owns glot's quality checks on translations: the mistakes a
// reviewer of medical and technical pages must not let through. Each check
// looks at one translation beside its source and reports findings with an
// id and a severity:
//
//	numbers       error    a number of the source is not in the translation (its
//	                       digits and separators may be the language's own)
//	addresses     error    a URL, e-mail address or phone number differs, or the
//	                       translation has a web or e-mail address the source has not
//	glossary      error    a term is not rendered as the glossary says, each time the
//	                       source has it, or a do-not-translate term is missing
//	characters    error    a control, bidi or invisible character the source has not
//	whitespace    warning  leading or trailing white space differs
//	punctuation   warning  the final punctuation differs
//	identical     warning  the translation is the source, unchanged
//	length        warning  the translation is far shorter or longer than the source
//
// Whether a translation fits its source at all (its placeholders, template
// actions and plural forms) is decided by package verdict, which glot check
// reports beside these as the errors placeholders, template and plural.
//
// Some errors are blocking (see Blocking): a page must not show a
// translation that has them, for a reader could be harmed by it, until a
// reviewer approves that exact text. Package verdict asks Blocking; glot
// check reports everything.
//
//	c := check.New("en", glossary)
//	findings := c.Translation("es", src, translation)
//	blocking := c.Blocking("es", src, translation)
package check

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// Severity says how bad a finding is. Any error fails glot check.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
)

// Problem is what one check found in one translation.
type Problem struct {
	Check    string // the check's id
	Severity Severity
	Message  string
}

// Checker checks translations from one source language.
type Checker struct {
	source   string
	glossary *Glossary
}

// New returns a checker for translations from source, with glossary g (nil
// for none).
func New(source string, g *Glossary) *Checker {
	return &Checker{source: source, glossary: g}
}

// Translation checks translation t into lang of source text src (both
// message text, with placeholders). Whether t fits src at all (its
// placeholders, template actions and plural forms) is not a quality but a
// verdict, which package verdict gives; glot check reports both.
func (c *Checker) Translation(lang, src, t string) []Problem {
	ps := c.blocking(lang, src, t, true, false)
	add := func(id string, sev Severity, format string, args ...any) {
		ps = append(ps, Problem{Check: id, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	srcText, trText := msgtext.Plain(src), msgtext.Plain(t)
	if lead, trail := edges(src), edges(t); lead != trail {
		add("whitespace", Warning, "white space at the ends differs from the source's")
	}
	if a, b := finalPunct(srcText), finalPunct(trText); !samePunct(a, b) {
		switch {
		case a == 0:
			add("punctuation", Warning, "the translation ends with %q, the source with none", b)
		case b == 0:
			add("punctuation", Warning, "the source ends with %q, the translation with none", a)
		default:
			add("punctuation", Warning, "the source ends with %q, the translation with %q", a, b)
		}
	}
	if msgtext.Normalize(t) == src && msgtext.HasWords(src) && !c.keptWhole(srcText) {
		add("identical", Warning, "the translation is the source text, unchanged")
	}
	if r, ok := lengthRatio(srcText, trText, lang); !ok {
		add("length", Warning, "the translation is %.1f times as long as the source", r)
	}
	return ps
}

// Blocking returns the errors in translation t into lang of source text
// src that keep it off the pages: a number, address or link that is not
// the source's, a glossary term marked required that is not rendered as
// the glossary says, or a control, bidi or invisible character that the
// source does not have. A reader must not be given a wrong dose or a link
// the site never had under the site's name. A translation with plural
// forms varies its numbers with the count: for its forms, numbers is
// false and they are not compared.
func (c *Checker) Blocking(lang, src, t string, numbers bool) []Problem {
	return c.blocking(lang, src, t, numbers, true)
}

// blocking runs the error checks: all of them, or (only) just those that
// block publication.
func (c *Checker) blocking(lang, src, t string, withNumbers, only bool) []Problem {
	var ps []Problem
	add := func(id string, format string, args ...any) {
		ps = append(ps, Problem{Check: id, Severity: Error, Message: fmt.Sprintf(format, args...)})
	}
	srcText, trText := msgtext.Plain(src), msgtext.Plain(t)
	if withNumbers {
		if missing := missingNumbers(c.source, lang, srcText, trText); len(missing) > 0 {
			add("numbers", "%s of the source %s not in the translation", strings.Join(quoteAll(missing), ", "), isAre(len(missing)))
		}
	}
	// A changed address is one missing and one added: one finding.
	var says []string
	if missing := missingAddresses(srcText, trText); len(missing) > 0 {
		says = append(says, fmt.Sprintf("%s of the source %s not in the translation, unchanged", strings.Join(quoteAll(missing), ", "), isAre(len(missing))))
	}
	if added := addedLinks(srcText, trText); len(added) > 0 {
		says = append(says, fmt.Sprintf("the translation adds %s, which the source does not have", strings.Join(quoteAll(added), ", ")))
	}
	if len(says) > 0 {
		add("addresses", "%s", strings.Join(says, "; "))
	}
	if c.glossary != nil {
		for _, m := range c.glossary.check(c.source, lang, srcText, trText, only) {
			add("glossary", "%s", m)
		}
	}
	if bad := addedCharacters(lang, src, t); len(bad) > 0 {
		add("characters", "the translation has %s, which the source does not have", strings.Join(bad, ", "))
	}
	return ps
}

// keptWhole reports whether text is all do-not-translate terms and
// non-words: a name or a title that rightly stays as it is.
func (c *Checker) keptWhole(text string) bool {
	if c.glossary == nil {
		return false
	}
	rest := strings.ToLower(text)
	for _, k := range c.glossary.Keep {
		rest = strings.ReplaceAll(rest, strings.ToLower(k), " ")
	}
	return !msgtext.HasWords(rest)
}

func quoteAll(ss []string) []string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return q
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

// edges describes the white space at the ends of s.
func edges(s string) string {
	lead := len(s) - len(strings.TrimLeftFunc(s, unicode.IsSpace))
	trail := len(s) - len(strings.TrimRightFunc(s, unicode.IsSpace))
	return fmt.Sprint(lead > 0, trail > 0)
}

// finalPunct is the sentence-ending punctuation at the end of s, or 0.
func finalPunct(s string) rune {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'”’»)]`, r)
	})
	r, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?:;…。！？：；؟؛।", r) {
		return r
	}
	return 0
}

// punctClass maps each script's sentence punctuation to a common class.
var punctClass = map[rune]rune{
	'.': '.', '。': '.', '।': '.', '…': '.',
	'!': '!', '！': '!',
	'?': '?', '？': '?', '؟': '?',
	':': ':', '：': ':',
	';': ';', '；': ';', '؛': ';',
}

func samePunct(a, b rune) bool {
	return a == b || punctClass[a] == punctClass[b] && a != 0 && b != 0
}

// lengthRatio compares the lengths of a source and its translation, in
// characters; a language written without spaces gets a lower bound. Short
// texts are not judged: "OK" may be "Aceptar".
func lengthRatio(src, tr, lang string) (float64, bool) {
	ns, nt := utf8.RuneCountInString(strings.TrimSpace(src)), utf8.RuneCountInString(strings.TrimSpace(tr))
	if ns < 20 || nt == 0 {
		return 0, true
	}
	r := float64(nt) / float64(ns)
	low := 0.4
	if compact(lang) {
		low = 0.15
	}
	return r, r >= low && r <= 3
}

// compact reports whether lang is written without spaces between words,
// and so in far fewer characters.
func compact(lang string) bool {
	base, _ := language.Make(lang).Base()
	switch base.String() {
	case "zh", "ja", "ko", "th", "lo", "km", "my", "yue":
		return true
	}
	return false
}

// numberRE matches a number written with any script's digits and any of
// the usual grouping and decimal separators. numbers finds what it finds,
// at a tenth of the cost.
var numberRE = regexp.MustCompile(`\p{Nd}+(?:[.,\x{00A0}\x{202F}'’٬٫]\p{Nd}+)*`)

// numbers returns the numbers of s, as numberRE.FindAllString does.
func numbers(s string) []string {
	if !mayHaveDigit(s) {
		return nil
	}
	var out []string
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Nd, r) {
			i += n
			continue
		}
		start := i
		i = digitsEnd(s, i)
		for i < len(s) {
			sep, n := utf8.DecodeRuneInString(s[i:])
			if !strings.ContainsRune(".,\u00A0\u202F'’٬٫", sep) {
				break
			}
			if d, _ := utf8.DecodeRuneInString(s[i+n:]); i+n >= len(s) || !unicode.Is(unicode.Nd, d) {
				break
			}
			i = digitsEnd(s, i+n)
		}
		out = append(out, s[start:i])
	}
	return out
}

// mayHaveDigit reports whether s may have a decimal digit of any script:
// ASCII text without 0-9 has none, and is spared the rune-by-rune search.
func mayHaveDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' || c >= 0x80 {
			return true
		}
	}
	return false
}

// digitsEnd returns where the run of digits that starts at i ends.
func digitsEnd(s string, i int) int {
	for i < len(s) {
		if c := s[i]; c >= '0' && c <= '9' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.Is(unicode.Nd, r) {
			break
		}
		i += n
	}
	return i
}

// separators returns the grouping and decimal separators of lang, asking
// x/text once per language.
func separators(lang string) (group, decimal string) {
	if v, ok := separatorCache.Load(lang); ok {
		s := v.([2]string)
		return s[0], s[1]
	}
	g, d := findSeparators(lang)
	separatorCache.Store(lang, [2]string{g, d})
	return g, d
}

var separatorCache sync.Map

func findSeparators(lang string) (group, decimal string) {
	s := message.NewPrinter(language.Make(lang)).Sprint(number.Decimal(12345.6))
	var seps []rune
	for _, r := range s {
		if !unicode.IsDigit(r) {
			seps = append(seps, r)
		}
	}
	if len(seps) != 2 {
		return ",", "."
	}
	return string(seps[0]), string(seps[1])
}

// canonical writes a number token with ASCII digits, without grouping and
// with "." as its decimal separator, reading it with the given separators.
func canonical(tok, group, decimal string) string {
	var b strings.Builder
	for _, r := range tok {
		switch {
		case unicode.IsDigit(r):
			b.WriteRune('0' + digitValue(r))
		case string(r) == decimal:
			b.WriteByte('.')
		case string(r) == group || r == '\u00A0' || r == '\u202F' || r == '\'' || r == '’':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// digitValue returns the value of a decimal digit of any script: Unicode
// gives each script's digits as runs of ten, zero first.
func digitValue(r rune) rune {
	z := r
	for unicode.IsDigit(z - 1) {
		z--
	}
	return (r - z) % 10
}

// missingNumbers lists the numbers of src (in language from) that are not
// in tr (in language to), either as written or in to's own digits and
// separators. Each number of the translation answers for one of the
// source's.
func missingNumbers(from, to, src, tr string) []string {
	want := numbers(src)
	if len(want) == 0 {
		// Most text has no number: the translation need not be read.
		return nil
	}
	sg, sd := separators(from)
	tg, td := separators(to)
	type token struct {
		text, value string
		used        bool
	}
	var have []token
	for _, t := range numbers(tr) {
		have = append(have, token{text: t, value: canonical(t, tg, td)})
	}
	take := func(match func(token) bool) bool {
		for i := range have {
			if !have[i].used && match(have[i]) {
				have[i].used = true
				return true
			}
		}
		return false
	}
	var missing []string
	for _, t := range want {
		v := canonical(t, sg, sd)
		if !take(func(h token) bool { return h.text == t }) && !take(func(h token) bool { return h.value == v }) {
			missing = append(missing, t)
		}
	}
	return missing
}

// mayHaveAddress reports whether addressRE may match in s: whether s has
// what every address has, an "@", "://", "www.", "doi:", or a run of eight
// characters of a phone number. Most text has none, and is spared a
// regular expression that would try an e-mail address at every word.
func mayHaveAddress(s string) bool {
	if strings.Contains(s, "@") || strings.Contains(s, "://") {
		return true
	}
	if lower := strings.ToLower(s); strings.Contains(lower, "www.") || strings.Contains(lower, "doi:") {
		return true
	}
	run := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9' || c == ' ' || c == '(' || c == ')' || c == '-':
			if run++; run >= 8 {
				return true
			}
		default:
			run = 0
		}
	}
	return false
}

var addressRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s<>"]+[^\s<>".,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\bdoi:\s*\S+[^\s.,;]|\+?\d[\d ()-]{6,}\d`)

// missingAddresses lists the URLs, e-mail addresses, DOIs and phone
// numbers of src that tr does not have exactly.
func missingAddresses(src, tr string) []string {
	if !mayHaveAddress(src) {
		return nil
	}
	var missing []string
	for _, a := range addressRE.FindAllString(src, -1) {
		if !strings.Contains(tr, a) {
			missing = append(missing, a)
		}
	}
	sort.Strings(missing)
	return missing
}

// addedLinks returns the web and e-mail addresses of tr that src does not
// have.
func addedLinks(src, tr string) []string {
	var out []string
	for _, sp := range msgtext.AddedLinks(src, tr) {
		out = append(out, tr[sp[0]:sp[1]])
	}
	return out
}
