package site

import (
	"bytes"
	"fmt"
	"html/template"
	"strings"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/pseudo"
)

// ui renders a layout's interface text in each language: its messages go
// through go-i18n's Localizer, with the language's plural rules and its
// fallbacks (es-MX, es-419, es, then the source language); numbers and
// dates are written with x/text in the language's own digits.
type ui struct {
	bundle    *i18n.Bundle
	source    string
	chains    map[string][]string // lang -> the languages it falls back through, itself first
	templates map[string]*template.Template
	has       map[string]map[string]bool // lang -> ids of the messages it has
}

// newUI loads the interface messages into a go-i18n bundle: the layout's
// own, in the source language, and, in each of langs, the translations in
// force that fit their source (a translation may use only its source's
// template fields: it is untrusted).
func newUI(set *layout.Set, s *locale.Site, cfg *config.Config, langs []string) (*ui, error) {
	u := &ui{source: cfg.SourceLanguage, chains: map[string][]string{}, templates: map[string]*template.Template{}, has: map[string]map[string]bool{}}
	src, err := language.Parse(cfg.SourceLanguage)
	if err != nil {
		return nil, err
	}
	u.bundle = i18n.NewBundle(src)
	used := set.Used()
	for _, id := range used {
		m := *set.Messages.Messages[id]
		if err := u.bundle.AddMessages(src, &m); err != nil {
			return nil, err
		}
	}
	for _, l := range langs {
		if l == cfg.SourceLanguage {
			continue
		}
		tag, err := language.Parse(l)
		if err != nil {
			return nil, err
		}
		var msgs []*i18n.Message
		switch {
		case pseudo.Is(l):
			for _, id := range used {
				m := *set.Messages.Messages[id]
				m.Zero, m.One, m.Two, m.Few, m.Many, m.Other = pseudoForm(l, m.Zero), pseudoForm(l, m.One), pseudoForm(l, m.Two), pseudoForm(l, m.Few), pseudoForm(l, m.Many), pseudoForm(l, m.Other)
				msgs = append(msgs, &m)
			}
		case s != nil:
			lang, err := s.Lang(l)
			if err != nil {
				return nil, err
			}
			for _, id := range used {
				t := lang.Active.Messages[id]
				if t == nil || catalog.Empty(t) || t.Hash != "" && t.Hash != catalog.Hash(set.Messages.Messages[id]) || !fits(set.Messages.Messages[id], t) {
					continue
				}
				m := *t
				m.ID = id
				msgs = append(msgs, &m)
			}
		}
		if len(msgs) > 0 {
			if err := u.bundle.AddMessages(tag, msgs...); err != nil {
				return nil, err
			}
		}
		u.has[l] = map[string]bool{}
		for _, m := range msgs {
			u.has[l][m.ID] = true
		}
	}
	base := template.New("").Funcs(template.FuncMap{"t": func(string, ...any) (string, error) { return "", nil }, "tlang": func(string) string { return "" }})
	for _, n := range layout.Names {
		if _, err := base.New(n).Parse(set.Templates[n]); err != nil {
			return nil, fmt.Errorf("%s: %w", set.Files[n], err)
		}
	}
	for _, l := range langs {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		u.chains[l] = chain(l, cfg)
		u.templates[l] = t.Funcs(template.FuncMap{"t": u.localizer(l), "tlang": u.langOf(l)})
	}
	return u, nil
}

func pseudoForm(lang, s string) string {
	if s == "" {
		return ""
	}
	return pseudo.Translate(lang, s)
}

// fits reports whether translation t of interface message src may be
// used: every form's template actions are its source's.
func fits(src, t *catalog.Message) bool {
	for _, f := range catalog.Forms(t) {
		if msgtext.CheckTemplate(src.Other, f.Text) != nil {
			return false
		}
	}
	return true
}

// chain lists the languages lang falls back through: itself, its parents
// among the site's languages, the source language.
func chain(lang string, cfg *config.Config) []string {
	out := []string{lang}
	if t, err := language.Parse(lang); err == nil {
		for p := t.Parent(); p != language.Und; p = p.Parent() {
			for _, l := range cfg.Languages {
				if l == p.String() {
					out = append(out, l)
				}
			}
		}
	}
	return append(out, cfg.SourceLanguage)
}

// localizer returns the template function t of lang:
//
//	{{t "ui-skip"}}                          a message
//	{{t "ui-reading-time" 3}}                a message with a count: its plural form, and
//	                                         the count, in the language's digits, as .Count
//	{{t "ui-last-updated" "Date" .Date}}     a message with template data, as key-value pairs
func (u *ui) localizer(lang string) func(id string, args ...any) (string, error) {
	return func(id string, args ...any) (string, error) {
		lc := &i18n.LocalizeConfig{MessageID: id}
		if n, ok := oneInt(args); ok {
			lc.PluralCount = n
			lc.TemplateData = map[string]any{"Count": formatNumber(lang, n)}
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
		out, err := i18n.NewLocalizer(u.bundle, u.chains[lang]...).Localize(lc)
		if err != nil {
			// A translation without the plural form a count needs: the
			// source language says it.
			if out, err = i18n.NewLocalizer(u.bundle, u.source).Localize(lc); err != nil {
				return "", err
			}
		}
		return out, nil
	}
}

// langOf returns the template function tlang of lang: the language message
// id is shown in, lang or one it falls back to, for the lang attribute of
// its element. An interface text shown in the source language on a
// translated page says so, as page text does.
func (u *ui) langOf(lang string) func(id string) string {
	return func(id string) string {
		for _, l := range u.chains[lang] {
			if l == u.source || u.has[l][id] {
				return l
			}
		}
		return u.source
	}
}

func oneInt(args []any) (int, bool) {
	if len(args) != 1 {
		return 0, false
	}
	n, ok := args[0].(int)
	return n, ok
}

// execute runs the layout template name in lang.
func (u *ui) execute(lang, name string, data any) ([]byte, error) {
	t := u.templates[lang]
	if t == nil {
		t = u.templates[u.source]
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// formatNumber writes n as lang writes numbers: its digits and grouping.
func formatNumber(lang string, n int) string {
	return message.NewPrinter(language.Make(lang)).Sprint(number.Decimal(n))
}

// formatDate writes a date as ISO 8601 (2026-11-25), which every language
// reads, in lang's own digits (٢٠٢٦-١١-٢٥ in Arabic): x/text gives the
// digits; it has no calendar patterns to say more.
func formatDate(lang string, t time.Time) string {
	zero := []rune(message.NewPrinter(language.Make(lang)).Sprint(number.Decimal(0)))
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
