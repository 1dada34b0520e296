package langtag

import (
	"fmt"
	"strings"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

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
