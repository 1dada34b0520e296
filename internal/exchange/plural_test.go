package exchange

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/langtag"
)

// Every formula of the table, evaluated as gettext evaluates it, puts each
// count from 0 to 1000 (and the millions) in the msgstr whose plural form
// is the one go-i18n, which picks the form a page shows, gives that count;
// and it has as many forms as a translation into the language must have.
func TestGettextFormulasAgreeWithCLDR(t *testing.T) {
	t.Parallel()
	for _, lang := range slices.Sorted(maps.Keys(gettextFormulas)) {
		expr := gettextFormulas[lang]
		t.Run(lang, func(t *testing.T) {
			eval, err := parsePlural(expr)
			if err != nil {
				t.Fatalf("%q: %v", expr, err)
			}
			forms := langtag.PluralForms(lang)
			reached := map[string]bool{}
			for _, n := range checkCounts {
				i, ok := eval(n)
				if !ok || i >= uint64(len(forms)) {
					t.Fatalf("n=%d: msgstr[%d] (ok %v), but %s has %d forms", n, i, ok, lang, len(forms))
				}
				if want := langtag.PluralForm(lang, int64(n)); forms[i] != want {
					t.Fatalf("n=%d: msgstr[%d] holds %s, but CLDR (go-i18n) says %s", n, i, forms[i], want)
				}
				reached[forms[i]] = true
			}
			// Every form integers take is reached: a formula that put
			// every count in "other" would fail here.
			for _, f := range forms {
				if !reached[f] && integerForm(lang, f) {
					t.Errorf("no count reaches msgstr for %s", f)
				}
			}
			r, err := pluralRuleOf(lang)
			if err != nil || r.expr != expr || len(r.forms) != len(forms) {
				t.Errorf("pluralRuleOf(%s) = %+v, %v", lang, r, err)
			}
		})
	}
}

// integerForm reports whether some integer count takes plural form f in
// lang (Russian "other" is for fractions only).
func integerForm(lang, f string) bool {
	for n := int64(0); n <= 1000; n++ {
		if langtag.PluralForm(lang, n) == f {
			return true
		}
	}
	return langtag.PluralForm(lang, 1000000) == f
}

// A language outside the table gets the table's formula that agrees with
// its rules, and an error when none does.
func TestPluralRuleOfOtherLanguages(t *testing.T) {
	t.Parallel()
	for lang, want := range map[string]string{
		"sw":    "n!=1",                                        // German's
		"th":    "0",                                           // no plural forms
		"pt-AO": gettextFormulas["pt-PT"],                      // European Portuguese's, not Brazilian
		"ar-XB": gettextFormulas["ar"],                         // a pseudo-language: Arabic's
		"es-MX": gettextFormulas["es"],                         // a region: its language's
		"lt":    "glot knows no gettext plural formula for lt", // one, few, many, other, unlike any
		"cy":    "glot knows no gettext plural formula for cy",
	} {
		r, err := pluralRuleOf(lang)
		switch {
		case strings.HasPrefix(want, "glot"):
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("%s: %+v, %v; want the error %q", lang, r, err, want)
			}
		case err != nil || r.expr != want:
			t.Errorf("%s: %+v, %v; want %q", lang, r, err, want)
		}
	}
}

func TestParsePlural(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		expr string
		n    uint64
		want uint64
	}{
		{"n!=1", 1, 0},
		{"n != 1", 2, 1},
		{"(n==1 ? 0 : n==2 ? 1 : 2)", 2, 1},
		{"n%10==1 && n%100!=11 ? 0 : 1", 111, 1},
		{"1 + 2 * 3", 0, 7},
		{"(1 + 2) * 3", 0, 9},
		{"!n", 0, 1},
		{"!(n>3) || n<=1", 5, 0},
		{"n>=2 && n<=4", 3, 1},
		{"10 - 3 - 2", 0, 5}, // left to right
		{"n/2", 7, 3},
		{"0 ? 1 : 0 ? 2 : 3", 0, 3},
	} {
		eval, err := parsePlural(tt.expr)
		if err != nil {
			t.Errorf("%q: %v", tt.expr, err)
			continue
		}
		if got, ok := eval(tt.n); !ok || got != tt.want {
			t.Errorf("%q with n=%d: %d (%v), want %d", tt.expr, tt.n, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "n ==", "(n", "n ? 1", "n | 1", "x", "n 1", strings.Repeat("(", 100) + "n" + strings.Repeat(")", 100), "99999999999999999999999"} {
		if _, err := parsePlural(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
	if eval, err := parsePlural("n % 0"); err != nil {
		t.Error(err)
	} else if _, ok := eval(3); ok {
		t.Error("a division by zero is no index")
	}
}
