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

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"

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
	u := &ui{source: cfg.SourceLanguage, digits: cfg.Build.Digits, bundles: map[string]*i18n.Bundle{}, templates: map[string]*template.Template{}, from: map[string]map[string]string{}, set: set}
	src, err := language.Parse(cfg.SourceLanguage)
	if err != nil {
		return nil, err
	}
	base, err := u.parseLayouts(set)
	if err != nil {
		return nil, err
	}
	in := &uiInput{set: set, source: source, tables: tables, policy: p, used: set.Used(), src: src, base: base}
	for _, l := range langs {
		if err := u.addLang(in, l); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// uiInput is what newUI loads the interface of each language from.
type uiInput struct {
	set    *layout.Set
	source *verdict.Source
	tables map[string]*verdict.Table
	policy verdict.Policy
	used   []string           // the ids of the messages the layouts use
	src    language.Tag       // the source language
	base   *template.Template // the layouts, parsed once, for each language to clone
}

// parseLayouts parses the page templates and the shortcode templates, the
// interface functions stubbed for each language to set. The shortcode
// templates are parsed with the page templates, so that they call the
// interface messages as the layouts do.
func (u *ui) parseLayouts(set *layout.Set) (*template.Template, error) {
	base := template.New("").Funcs(render.Funcs()).Funcs(template.FuncMap{"t": func(string, ...any) (string, error) { return "", nil }, "tlang": func(string) string { return "" }, "tdir": func(string) string { return "" }})
	u.sizes = map[string]int{}
	for _, n := range append(slices.Clone(layout.Names), set.Shortcodes()...) {
		u.sizes[n] = len(set.Templates[n])
		if _, err := base.New(n).Parse(set.Templates[n]); err != nil {
			return nil, fmt.Errorf("%s: %w", set.Files[n], err)
		}
	}
	return base, nil
}

// addLang loads the interface of language l: a bundle of the source
// messages and of the translations shown in l, and the layouts with l's
// interface functions.
func (u *ui) addLang(in *uiInput, l string) error {
	tag, err := language.Parse(l)
	if err != nil {
		return err
	}
	bundle := i18n.NewBundle(in.src)
	for _, id := range in.used {
		m := *in.set.Messages.Messages[id]
		if err := bundle.AddMessages(in.src, &m); err != nil {
			return err
		}
	}
	msgs, from, err := u.messagesIn(in, l)
	if err != nil {
		return err
	}
	if len(msgs) > 0 {
		if err := bundle.AddMessages(tag, msgs...); err != nil {
			return err
		}
	}
	u.bundles[l], u.from[l] = bundle, from
	for _, m := range msgs {
		fmt.Fprintf(&u.sum, "%s\x00%s\x00%s\x00%q\x00", l, m.ID, from[m.ID], []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other, m.LeftDelim, m.RightDelim})
	}
	t, err := in.base.Clone()
	if err != nil {
		return err
	}
	u.templates[l] = t.Funcs(template.FuncMap{"t": u.localizer(l), "tlang": u.langOf(l), "tdir": u.dirOf(l)})
	return nil
}

// messagesIn returns the interface messages shown in language l, and the
// language each one's text is in, by id: none for the source language, the
// source's made over for a pseudo-language, the translations the tables
// let the build show for any other.
func (u *ui) messagesIn(in *uiInput, l string) ([]*i18n.Message, map[string]string, error) {
	from := map[string]string{}
	var msgs []*i18n.Message
	switch {
	case l == u.source:
	case langtag.IsPseudo(l):
		for _, id := range in.used {
			m := *in.set.Messages.Messages[id]
			m.Zero, m.One, m.Two, m.Few, m.Many, m.Other = pseudoForm(l, m.Zero), pseudoForm(l, m.One), pseudoForm(l, m.Two), pseudoForm(l, m.Few), pseudoForm(l, m.Many), pseudoForm(l, m.Other)
			msgs = append(msgs, &m)
			from[id] = l
		}
	case in.source != nil && in.tables[l] != nil:
		return u.translations(in, l)
	}
	return msgs, from, nil
}

// translations returns the translations into l of the interface messages
// that its table lets the build show, and the language each is in (a
// parent's, maybe). One held back is named in the warnings.
func (u *ui) translations(in *uiInput, l string) ([]*i18n.Message, map[string]string, error) {
	from := map[string]string{}
	var msgs []*i18n.Message
	for _, id := range in.used {
		// The table judged translations against the extracted source; a
		// layout changed since then has text of its own.
		i, ok := in.source.Index(id)
		if !ok {
			continue
		}
		cur, err := in.source.Message(i)
		if err != nil {
			return nil, nil, err
		}
		if cur.Hash != catalog.Hash(in.set.Messages.Messages[id]) {
			continue
		}
		e := in.tables[l].Entry(id)
		t, lang, _, ok := e.Use(in.policy)
		if !ok {
			if p := e.Problem(in.policy); p != nil {
				u.warnings = append(u.warnings, fmt.Sprintf("%s: interface message %s: %v; shown in the source language", l, id, p))
			}
			continue
		}
		m := *t
		m.ID = id
		msgs = append(msgs, &m)
		from[id] = lang
	}
	if err := in.tables[l].Err(); err != nil {
		return nil, nil, err
	}
	return msgs, from, nil
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
