// Package langtag owns what glot needs to know about a language beyond its
// tag: its name in its own language, for switchers and file headers, and its
// writing direction.
//
//	langtag.Name("es") // "Español"
//	langtag.Dir("ar")  // "rtl"
package langtag

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Name returns the name of lang in lang itself, as CLDR gives it, with its
// first letter in upper case as at the start of a menu item ("Español",
// "Français", "العربية"), and its region where CLDR's name alone would be
// its language's ("Português (Brasil)"). An unknown tag is returned as it
// is.
func Name(lang string) string {
	switch lang {
	case "en-XA":
		return "[Ƥşḗḗŭŭḓǿǿ]"
	case "ar-XB":
		return "Pseudo-RTL"
	}
	t, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	n := display.Self.Name(t)
	if n == "" {
		return lang
	}
	// CLDR names some regional variants as their language alone
	// ("pt-BR" is "português", Brazilian being CLDR's default): a
	// switcher with pt and pt-BR would list "Português" twice. Such a
	// variant is named with its region, in its own language.
	if base, conf := t.Base(); conf != language.No {
		region, rconf := t.Region()
		if bn := display.Self.Name(language.Make(base.String())); n == bn && rconf == language.Exact {
			if rn := display.Regions(t).Name(region); rn != "" {
				n += " (" + rn + ")"
			}
		}
	}
	r, size := utf8.DecodeRuneInString(n)
	return string(unicode.ToUpper(r)) + n[size:]
}

// rtlScripts are the scripts written right to left.
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true,
	"Rohg": true, "Mand": true, "Samr": true, "Mend": true, "Yezi": true,
}

// Dir returns "rtl" for a language written right to left, else "ltr". The
// script is the tag's own or, when it has none, the one CLDR gives as most
// likely ("ar" is Arab, "ur" Arab, "he" Hebr).
func Dir(lang string) string {
	if strings.EqualFold(lang, "ar-XB") {
		return "rtl"
	}
	t, err := language.Parse(lang)
	if err != nil {
		return "ltr"
	}
	s, _ := t.Script()
	if rtlScripts[s.String()] {
		return "rtl"
	}
	return "ltr"
}

// PluralForms returns the CLDR plural forms lang distinguishes, as go-i18n
// knows them, in CLDR order: "one", "other" for English; "zero", "one",
// "two", "few", "many", "other" for Arabic. They are found by asking
// go-i18n's own Localizer which form it picks for a range of counts, so
// they are the forms a translation must have for go-i18n to use it.
func PluralForms(lang string) []string {
	tag, err := language.Parse(lang)
	if err != nil {
		return []string{"other"}
	}
	b := i18n.NewBundle(tag)
	all := &i18n.Message{ID: "m", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}
	if err := b.AddMessages(tag, all); err != nil {
		return []string{"other"}
	}
	l := i18n.NewLocalizer(b, lang)
	seen := map[string]bool{}
	counts := []any{}
	for n := 0; n <= 200; n++ {
		counts = append(counts, n)
	}
	counts = append(counts, 1000000, 1000001, "0.5", "1.5", "2.5", "1.0", "10.25")
	for _, n := range counts {
		if f, err := l.Localize(&i18n.LocalizeConfig{MessageID: "m", PluralCount: n}); err == nil {
			seen[f] = true
		}
	}
	var out []string
	for _, f := range []string{"zero", "one", "two", "few", "many", "other"} {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out
}

// PluralForm returns the CLDR plural form go-i18n picks in lang for the
// count n ("few" for 3 in Arabic), or "" for a tag it cannot read. It is
// the form a page shows for that count.
func PluralForm(lang string, n int64) string {
	l := pluralLocalizer(lang)
	if l == nil {
		return ""
	}
	f, err := l.Localize(&i18n.LocalizeConfig{MessageID: "m", PluralCount: n})
	if err != nil {
		return ""
	}
	return f
}

// pluralLocalizer returns a localizer for lang whose message "m" says the
// name of the plural form it picks, made once for each language.
func pluralLocalizer(lang string) *i18n.Localizer {
	if l, ok := localizers.Load(lang); ok {
		return l.(*i18n.Localizer)
	}
	tag, err := language.Parse(lang)
	if err != nil {
		return nil
	}
	b := i18n.NewBundle(tag)
	if err := b.AddMessages(tag, &i18n.Message{ID: "m", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"}); err != nil {
		return nil
	}
	l, _ := localizers.LoadOrStore(lang, i18n.NewLocalizer(b, lang))
	return l.(*i18n.Localizer)
}

var localizers sync.Map

// PluralExample gives a few counts that take plural form f in lang, for a
// translator: "1" for English "one", "0, 5, 6, …" for "other".
func PluralExample(lang, f string) string {
	tag, err := language.Parse(lang)
	if err != nil {
		return ""
	}
	b := i18n.NewBundle(tag)
	_ = b.AddMessages(tag, &i18n.Message{ID: "m", Zero: "zero", One: "one", Two: "two", Few: "few", Many: "many", Other: "other"})
	l := i18n.NewLocalizer(b, lang)
	var ns []string
	for _, n := range []any{0, 1, 2, 3, 5, 11, 21, 100, 101, 1000000, "1.5"} {
		if got, err := l.Localize(&i18n.LocalizeConfig{MessageID: "m", PluralCount: n}); err == nil && got == f {
			ns = append(ns, fmt.Sprint(n))
		}
	}
	if len(ns) > 4 {
		ns = append(ns[:4], "…")
	}
	return strings.Join(ns, ", ")
}

// SameLanguage reports whether tags a and b name one language in one
// script, whatever regions they name: the test of a translator's file
// whose source language is said as "en-US" or "en_GB" against a site
// whose source is "en". Scripts are compared as CLDR gives them when a
// tag names none ("zh-TW" is Hant, "zh" Hans); an unknown tag is the same
// only as itself.
func SameLanguage(a, b string) bool {
	ta, erra := language.Parse(strings.ReplaceAll(strings.TrimSpace(a), "_", "-"))
	tb, errb := language.Parse(strings.ReplaceAll(strings.TrimSpace(b), "_", "-"))
	if erra != nil || errb != nil {
		return strings.EqualFold(a, b)
	}
	ba, _ := ta.Base()
	bb, _ := tb.Base()
	sa, _ := ta.Script()
	sb, _ := tb.Script()
	return ba == bb && sa == sb
}

// Parents lists the parent languages of lang in CLDR's inheritance, nearest
// first: es-MX gives es-419 and es; pt-BR gives pt; es gives none. A
// regional variant's pages fall back through them.
func Parents(lang string) []string {
	t, err := language.Parse(lang)
	if err != nil {
		return nil
	}
	var out []string
	for p := t.Parent(); p != language.Und; p = p.Parent() {
		out = append(out, p.String())
	}
	return out
}
