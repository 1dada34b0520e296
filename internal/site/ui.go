package site

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"html/template"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/verdict"
)

// ui renders a layout's interface text in each language: its messages go
// through go-i18n's Localizer, with the language's plural rules; numbers
// and dates are written with x/text in the language's own digits.
//
// Each language has a bundle of its own, holding the source messages and
// the translations chosen for that language, its parents' included (es-MX
// takes what it lacks from es). One bundle for every language would let
// go-i18n's matcher answer "ar" with "ar-XB", pseudo-Arabic, when ar
// lacks a message.
type ui struct {
	set       *layout.Set
	source    string
	digits    map[string]string // lang -> numbering system, from [build] digits
	bundles   map[string]*i18n.Bundle
	templates map[string]*template.Template
	sizes     map[string]int               // layout name -> the length of its text
	from      map[string]map[string]string // lang -> message id -> the language its text is in
	// warnings name the interface translations held back, and why.
	warnings []string
	// sum spells out every translation shown, for digest.
	sum strings.Builder
}

// digest identifies the interface text of every language, for the keys of
// the pages that show it.
func (u *ui) digest() string {
	h := sha256.Sum256([]byte(u.sum.String()))
	return string(h[:])
}

// newUI loads the interface messages: the layout's own, in the source
// language, and, for each of langs, the translations the compiled tables
// let the build show under p (they have judged them: a translation may use
// only its source's template fields, for it is untrusted).
func newUI(set *layout.Set, source *verdict.Source, cfg *config.Config, langs []string, tables map[string]*verdict.Table, p verdict.Policy) (*ui, error) {
	u := &ui{source: cfg.SourceLanguage, digits: cfg.Build.Digits, bundles: map[string]*i18n.Bundle{}, templates: map[string]*template.Template{}, from: map[string]map[string]string{}}
	src, err := language.Parse(cfg.SourceLanguage)
	if err != nil {
		return nil, err
	}
	used := set.Used()
	base := template.New("").Funcs(render.Funcs()).Funcs(template.FuncMap{"t": func(string, ...any) (string, error) { return "", nil }, "tlang": func(string) string { return "" }, "tdir": func(string) string { return "" }})
	u.sizes = map[string]int{}
	u.set = set
	// The shortcode templates are parsed with the page templates, so that
	// they call the interface messages as the layouts do.
	for _, n := range append(slices.Clone(layout.Names), set.Shortcodes()...) {
		u.sizes[n] = len(set.Templates[n])
		if _, err := base.New(n).Parse(set.Templates[n]); err != nil {
			return nil, fmt.Errorf("%s: %w", set.Files[n], err)
		}
	}
	for _, l := range langs {
		tag, err := language.Parse(l)
		if err != nil {
			return nil, err
		}
		bundle := i18n.NewBundle(src)
		for _, id := range used {
			m := *set.Messages.Messages[id]
			if err := bundle.AddMessages(src, &m); err != nil {
				return nil, err
			}
		}
		from := map[string]string{}
		var msgs []*i18n.Message
		switch {
		case l == cfg.SourceLanguage:
		case langtag.IsPseudo(l):
			for _, id := range used {
				m := *set.Messages.Messages[id]
				m.Zero, m.One, m.Two, m.Few, m.Many, m.Other = pseudoForm(l, m.Zero), pseudoForm(l, m.One), pseudoForm(l, m.Two), pseudoForm(l, m.Few), pseudoForm(l, m.Many), pseudoForm(l, m.Other)
				msgs = append(msgs, &m)
				from[id] = l
			}
		case source != nil && tables[l] != nil:
			for _, id := range used {
				// The table judged translations against the extracted
				// source; a layout changed since then has text of its own.
				i, ok := source.Index(id)
				if !ok {
					continue
				}
				cur, err := source.Message(i)
				if err != nil {
					return nil, err
				}
				if cur.Hash != catalog.Hash(set.Messages.Messages[id]) {
					continue
				}
				e := tables[l].Entry(id)
				t, in, _, ok := e.Use(p)
				if !ok {
					if p := e.Problem(p); p != nil {
						u.warnings = append(u.warnings, fmt.Sprintf("%s: interface message %s: %v; shown in the source language", l, id, p))
					}
					continue
				}
				m := *t
				m.ID = id
				msgs = append(msgs, &m)
				from[id] = in
			}
			if err := tables[l].Err(); err != nil {
				return nil, err
			}
		}
		if len(msgs) > 0 {
			if err := bundle.AddMessages(tag, msgs...); err != nil {
				return nil, err
			}
		}
		u.bundles[l], u.from[l] = bundle, from
		for _, m := range msgs {
			fmt.Fprintf(&u.sum, "%s\x00%s\x00%s\x00%q\x00", l, m.ID, from[m.ID], []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other, m.LeftDelim, m.RightDelim})
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		u.templates[l] = t.Funcs(template.FuncMap{"t": u.localizer(l), "tlang": u.langOf(l), "tdir": u.dirOf(l)})
	}
	return u, nil
}

func pseudoForm(lang, s string) string {
	if s == "" {
		return ""
	}
	return pseudo.Translate(lang, s)
}

// localizer returns the template function t of lang:
//
//	{{t "ui-skip"}}                          a message
//	{{t "ui-reading-time" 3}}                a message with a count: its plural form, and
//	                                         the count, in the language's digits, as .Count
//	{{t "ui-last-updated" "Date" .Date}}     a message with template data, as key-value pairs
func (u *ui) localizer(lang string) func(id string, args ...any) (string, error) {
	// A Localizer only reads its bundle: one per language serves every
	// page, in parallel.
	loc := i18n.NewLocalizer(u.bundles[lang], lang, u.source)
	srcLoc := i18n.NewLocalizer(u.bundles[lang], u.source)
	// Every page of a language asks for the same few texts ("Skip to
	// content", "Reading time: 3 minutes"): each is made once.
	var memo sync.Map
	return func(id string, args ...any) (string, error) {
		// The two common calls, no argument and a count, have keys
		// made without fmt; the others' keys start "[]interface".
		var key string
		if n, ok := oneInt(args); ok {
			key = id + "\x00i" + strconv.Itoa(n)
		} else if len(args) == 0 {
			key = id
		} else {
			key = fmt.Sprintf("%s\x00%#v", id, args)
		}
		if v, ok := memo.Load(key); ok {
			return v.(string), nil
		}
		out, err := u.localize(loc, srcLoc, lang, id, args)
		if err == nil {
			memo.Store(key, out)
		}
		return out, err
	}
}

// localize makes the text of message id in lang with args (see localizer).
func (u *ui) localize(loc, srcLoc *i18n.Localizer, lang, id string, args []any) (string, error) {
	lc := &i18n.LocalizeConfig{MessageID: id}
	if n, ok := oneInt(args); ok {
		lc.PluralCount = n
		// The count is written as the language of the text around
		// it writes numbers: Arabic digits in Arabic, not in the
		// English shown for want of a translation.
		in, ok := u.from[lang][id]
		if !ok {
			in = u.source
		}
		lc.TemplateData = map[string]any{"Count": formatNumber(u.numbers(in), n)}
	} else if len(args) > 0 {
		if len(args)%2 != 0 {
			return "", fmt.Errorf("t %q: give a count, or template data as key-value pairs", id)
		}
		data := map[string]any{}
		for i := 0; i < len(args); i += 2 {
			k, ok := args[i].(string)
			if !ok {
				return "", fmt.Errorf("t %q: key %v is not a string", id, args[i])
			}
			data[k] = args[i+1]
		}
		lc.TemplateData = data
	}
	out, err := loc.Localize(lc)
	if err != nil {
		// A translation without the plural form a count needs: the
		// source language says it.
		if out, err = srcLoc.Localize(lc); err != nil {
			return "", err
		}
	}
	return out, nil
}

// langOf returns the template function tlang of lang: the language message
// id is shown in, lang or one it falls back to, for the lang attribute of
// its element. An interface text shown in the source language on a
// translated page says so, as page text does.
func (u *ui) langOf(lang string) func(id string) string {
	return func(id string) string {
		if l, ok := u.from[lang][id]; ok {
			return l
		}
		return u.source
	}
}

// dirOf returns the template function tdir of lang: the direction of the
// text of message id when it is not lang's (English shown on an Arabic
// page is "ltr"), else "", so that a layout writes
//
//	<p lang="{{tlang "ui-footer"}}"{{with tdir "ui-footer"}} dir="{{.}}"{{end}}>
func (u *ui) dirOf(lang string) func(id string) string {
	langOf := u.langOf(lang)
	return func(id string) string {
		if d := langtag.Dir(langOf(id)); d != langtag.Dir(lang) {
			return d
		}
		return ""
	}
}

func oneInt(args []any) (int, bool) {
	if len(args) != 1 {
		return 0, false
	}
	n, ok := args[0].(int)
	return n, ok
}

// execute runs the layout template name in lang. body is the length of
// the page's own content: with the layout's text and a line or two per
// language around it, it makes the buffer big enough once, rather than
// grown and copied as the layout writes.
func (u *ui) execute(lang, name string, data any, body int) ([]byte, error) {
	t := u.templates[lang]
	if t == nil {
		t = u.templates[u.source]
	}
	var buf bytes.Buffer
	buf.Grow(body + u.sizes[name] + 256*len(u.templates))
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// shortcodes are the site's shortcode templates, run in lang.
func (u *ui) shortcodes(lang string) render.Templates {
	t := u.templates[lang]
	if t == nil {
		t = u.templates[u.source]
	}
	return scTemplates{u.set, t}
}

type scTemplates struct {
	set *layout.Set
	t   *template.Template
}

func (s scTemplates) Has(name string) bool {
	_, ok := s.set.Shortcode(name)
	return ok
}

func (s scTemplates) Execute(w io.Writer, name string, data any) error {
	n, _ := s.set.Shortcode(name)
	return s.t.ExecuteTemplate(w, n, data)
}

// numbers is the tag that numbers in lang are written with: lang, with
// the numbering system [build] digits gives it or its language (ar for
// ar-EG), else CLDR's default for lang, as x/text has it.
func (u *ui) numbers(lang string) language.Tag {
	nu, ok := u.digits[lang]
	if !ok {
		base, _, _ := strings.Cut(lang, "-")
		nu, ok = u.digits[base]
	}
	if ok {
		if t, err := language.Parse(lang + "-u-nu-" + nu); err == nil {
			return t
		}
	}
	return language.Make(lang)
}

// formatNumber writes n as tag writes numbers: its digits and grouping.
func formatNumber(tag language.Tag, n int) string {
	return message.NewPrinter(tag).Sprint(number.Decimal(n))
}

// formatDate writes a date as ISO 8601 (2026-11-25), which every language
// reads, in the digits of tag (see numbers) (٢٠٢٦-١١-٢٥ in Arabic): x/text gives the
// digits; it has no calendar patterns to say more.
func formatDate(tag language.Tag, t time.Time) string {
	zero := []rune(message.NewPrinter(tag).Sprint(number.Decimal(0)))
	iso := t.Format("2006-01-02")
	if len(zero) != 1 || zero[0] == '0' {
		return iso
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return zero[0] + (r - '0')
		}
		return r
	}, iso)
}

// pageDate reads the date a page was last changed from its front matter:
// lastmod, else date.
func pageDate(values map[string]any) (time.Time, bool) {
	for _, k := range []string{"lastmod", "date"} {
		switch v := values[k].(type) {
		case time.Time:
			return v, true
		case string:
			for _, f := range []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05"} {
				if t, err := time.Parse(f, v); err == nil {
					return t, true
				}
			}
		}
	}
	return time.Time{}, false
}
