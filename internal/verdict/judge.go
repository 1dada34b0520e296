package verdict

import (
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// State is where a message stands in a language.
type State uint8

const (
	// Missing: no translation at all (an empty one is none).
	Missing State = iota
	// Stale: translated, but for an earlier version of its source.
	Stale
	// Held: translated for this version of its source, but the
	// translation does not fit it (a placeholder lost, a template action
	// added), so it is held back and the source text shows.
	Held
	// Translated: a translation in force, made for this source and
	// fitting it.
	Translated
)

func (s State) String() string {
	return [...]string{"missing", "stale", "held", "translated"}[s]
}

// Verdict is the judgement on one translation.
type Verdict struct {
	State State
	// Reason says why a Held translation may not stand for its source.
	Reason *Problem
}

// Problem is why a translation does not fit its source.
type Problem struct {
	// Check names what it breaks, as glot check reports it: the
	// structure ("placeholders", "template", "plural" or "control", a
	// control character) or a blocking
	// check ("numbers", "addresses", "glossary" or "characters").
	Check string
	Err   error
	// Form names the plural form that is wrong ("other" for a message
	// with one text), so that an error can point at its line; "" when
	// the whole translation is.
	Form string
}

// Approvable reports whether a reviewer may release a translation held
// back for p (see glot approve): a blocking check can be wrong about a
// deliberate change, such as a dose converted to a country's units; a
// broken structure cannot be shown at all.
func (p *Problem) Approvable() bool {
	if p == nil {
		return false
	}
	switch p.Check {
	case "numbers", "addresses", "glossary", "characters":
		return true
	}
	return false
}

func (p *Problem) Error() string { return p.Err.Error() }
func (p *Problem) Unwrap() error { return p.Err }

// Rules are the rule as a site has it: the source language, whose numbers
// a translation must keep, and the glossary, whose required terms it must
// render. Every command of a site asks the same Rules.
type Rules struct {
	checker *check.Checker
	// judged are the memories of judgements given by Remember, by
	// language.
	mu     sync.RWMutex
	judged map[string]*Judged
}

// Remember makes Fits of translations into lang ask j first, and tell it
// what it finds: see Judged.
func (r *Rules) Remember(lang string, j *Judged) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.judged == nil {
		r.judged = map[string]*Judged{}
	}
	r.judged[lang] = j
}

// RulesOf returns the rules of site s: its source language and glossary.
func RulesOf(s *locale.Site) *Rules { return NewRules(s.SourceLang, s.Glossary) }

// NewRules returns the rules for translations from source with glossary
// g (nil for none).
func NewRules(source string, g *check.Glossary) *Rules {
	return &Rules{checker: check.New(source, g)}
}

// Judge decides whether translation t into lang may stand for source
// message src: it must not be empty, must have been made for this version
// of the source (its hash, when it has one, is the source's), and must fit
// it (see Fits). It is the one place that decides; every command asks it.
func (r *Rules) Judge(lang string, src, t *catalog.Message) Verdict {
	return r.judge(lang, src, catalog.Hash(src), t)
}

// judge is Judge, with the source's hash worked out already.
func (r *Rules) judge(lang string, src *catalog.Message, hash string, t *catalog.Message) Verdict {
	switch {
	case t == nil || catalog.Empty(t):
		return Verdict{State: Missing}
	case t.Hash != "" && t.Hash != hash:
		return Verdict{State: Stale}
	}
	if p := r.Fits(lang, src, t); p != nil {
		return Verdict{State: Held, Reason: p}
	}
	return Verdict{State: Translated}
}

// Takes reports whether glot merge takes a translation judged v into the
// language's catalog: one that stands, and one held back only by a
// blocking check, which a reviewer may approve. One that does not fit its
// source's structure stays with the translator.
func Takes(v Verdict) bool {
	return v.State == Translated || v.State == Held && v.Reason.Approvable()
}

// Fits reports why translation t into lang cannot be shown in place of
// source message src, or nil when it can, whatever version of the source
// it was made for:
//
//   - every plural form it has keeps the source's placeholders, each once
//     and in the same nesting (msgtext.Check), so the markup they stand for
//     comes out whole;
//   - its template actions are only the {{.Field}}s the source uses
//     (msgtext.CheckTemplate), and it keeps the source's delimiters: a
//     translation is untrusted input and runs through go-i18n's templates;
//   - a message with plural forms has every form lang distinguishes, for
//     go-i18n picks among them by count;
//   - it passes the blocking checks (check.Checker.Blocking): its numbers,
//     addresses and links are the source's, the glossary's required terms
//     are rendered, and it adds no control, bidi or invisible character.
//     A form of a plural message is not held to the source's numbers,
//     which vary with the count.
//
// A template action may use any field of any of the source's forms: the
// English "one" form need not say {{.Count}} for the Arabic "one" to.
func (r *Rules) Fits(lang string, src, t *catalog.Message) *Problem {
	r.mu.RLock()
	j := r.judged[lang]
	r.mu.RUnlock()
	if j == nil {
		return r.fits(lang, src, t)
	}
	key := judgedKey(lang, src, t)
	if p, ok := j.get(key); ok {
		return p
	}
	p := r.fits(lang, src, t)
	j.put(key, p)
	return p
}

// fits is Fits, worked out.
func (r *Rules) fits(lang string, src, t *catalog.Message) *Problem {
	// Every check judges the text as a page shows it: normalized, which
	// can join a ">" with a combining mark after it.
	forms := catalog.Forms(t)
	for i := range forms {
		forms[i].Text = msgtext.Normalize(forms[i].Text)
	}
	if p := structure(lang, src, t, forms); p != nil {
		return p
	}
	plural := len(catalog.Forms(src)) > 1
	var says []string
	first, form := "", ""
	for _, f := range forms {
		if !plural && f.Name != "other" {
			continue
		}
		for _, p := range r.checker.Blocking(lang, formText(src, f.Name), f.Text, !plural) {
			if first == "" {
				first, form = p.Check, f.Name
			}
			msg := p.Check + ": " + p.Message
			if plural {
				msg = f.Name + ": " + msg
			}
			says = append(says, msg)
		}
	}
	if first == "" {
		return nil
	}
	return &Problem{first, errors.New(strings.Join(says, "; ")), form}
}

// structure is the part of Fits that no reviewer can waive: the
// structure of the translation.
func structure(lang string, src, t *catalog.Message, forms []catalog.Form) *Problem {
	if t.LeftDelim != src.LeftDelim || t.RightDelim != src.RightDelim {
		return &Problem{Check: "template", Err: errors.New("a translation may not change the template delimiters")}
	}
	// The control characters of the text as written: normalizing would
	// turn a carriage return into a space, and the catalog keeps the text
	// as written.
	for _, f := range catalog.Forms(t) {
		if r, ok := catalog.ControlChar(f.Text); ok {
			return &Problem{Check: "control", Form: f.Name, Err: named(len(catalog.Forms(src)) > 1, f.Name, fmt.Errorf("the translation holds the control character U+%04X: a translation may hold no control character but newline and tab", r))}
		}
	}
	srcForms := catalog.Forms(src)
	plural := len(srcForms) > 1
	var fields strings.Builder
	for _, f := range srcForms {
		fields.WriteString(f.Text)
		fields.WriteByte('\n')
	}
	for _, f := range forms {
		if !plural && f.Name != "other" {
			// Page text has one form; another is never shown.
			continue
		}
		if err := msgtext.Check(formText(src, f.Name), f.Text); err != nil {
			return &Problem{"placeholders", named(plural, f.Name, err), f.Name}
		}
		if err := msgtext.CheckTemplate(fields.String(), f.Text); err != nil {
			return &Problem{"template", named(plural, f.Name, err), f.Name}
		}
	}
	if !plural {
		if t.Other == "" {
			return &Problem{"plural", errors.New("the translation has no other form"), "other"}
		}
		return nil
	}
	var lack []string
	for _, name := range pluralForms(lang) {
		if !hasForm(t, name) {
			lack = append(lack, name)
		}
	}
	if len(lack) > 0 {
		return &Problem{"plural", fmt.Errorf("the plural form %s is missing: %s distinguishes %s",
			strings.Join(lack, ", "), lang, strings.Join(pluralForms(lang), ", ")), lack[0]}
	}
	return nil
}

func named(plural bool, form string, err error) error {
	if !plural {
		return err
	}
	return fmt.Errorf("%s: %w", form, err)
}

// formText is the text of m's plural form name, or its other form when it
// has none of that name (English has no "few"; Arabic has).
func formText(m *catalog.Message, name string) string {
	if t := formOf(m, name); t != "" {
		return t
	}
	return m.Other
}

func hasForm(m *catalog.Message, name string) bool { return formOf(m, name) != "" }

func formOf(m *catalog.Message, name string) string {
	switch name {
	case "zero":
		return m.Zero
	case "one":
		return m.One
	case "two":
		return m.Two
	case "few":
		return m.Few
	case "many":
		return m.Many
	}
	return m.Other
}

// pluralForms memoizes langtag.PluralForms, which asks go-i18n about a
// few hundred counts.
func pluralForms(lang string) []string {
	if v, ok := pluralCache.Load(lang); ok {
		return v.([]string)
	}
	fs := langtag.PluralForms(lang)
	pluralCache.Store(lang, fs)
	return fs
}

var pluralCache sync.Map
