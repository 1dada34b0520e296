package corpus

import (
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/check"
)

// TestTranslateKeepsWhatMustStay runs glot's own checks on the
// dictionaries' translations: placeholders, numbers, addresses and
// template fields come through, and nothing else stays as it was.
func TestTranslateKeepsWhatMustStay(t *testing.T) {
	sources := []string{
		"Take <1>0.5 mg/kg</1> every 6 hours.",
		"See <1>the <2>study</2></1><3/> from 2019 (p < 0.05).",
		"Write to info@clinic.example or call +1 555 0100, or see https://www.who.int/x?y=1.",
		"Reading time: {{.Count}} minutes",
		"MDD affects 4,417 of 8,372 patients in 12.5% of cases.",
		"Don't stop: a {brace} is text.",
	}
	c := check.New(SourceLanguage, nil)
	for _, lang := range Languages {
		d := newDictionary(lang)
		for _, src := range sources {
			tr := d.translate(src)
			for _, p := range c.Translation(lang, src, tr) {
				if p.Severity == check.Error {
					t.Errorf("%s %q -> %q: %s: %s", lang, src, tr, p.Check, p.Message)
				}
			}
			if tr == src {
				t.Errorf("%s %q: left as it is", lang, src)
			}
			if lang == "ja" && strings.Contains(tr, "> ") && !strings.Contains(src, "> ") {
				t.Errorf("ja %q -> %q: a space after a tag", src, tr)
			}
		}
	}
}

func TestTranslateIsWordForWord(t *testing.T) {
	d := newDictionary("es")
	a, b := d.translate("the dose"), d.translate("The dose of the day")
	if !strings.HasPrefix(strings.ToLower(b), a) {
		t.Errorf("%q and %q: the same words translated differently", a, b)
	}
	if up := d.translate("MDD"); up != strings.ToUpper(up) {
		t.Errorf("MDD -> %q: not in capitals", up)
	}
}

func TestRelPath(t *testing.T) {
	for _, tc := range []struct{ dir, target, want string }{
		{".", "a/b.md", "a/b.md"},
		{"a", "a/b.md", "b.md"},
		{"a/b", "a/c/d.md", "../c/d.md"},
		{"a/b", "e.md", "../../e.md"},
		{"a", "a/_index.md", "_index.md"},
	} {
		if got := relPath(tc.dir, tc.target); got != tc.want {
			t.Errorf("relPath(%q, %q) = %q, want %q", tc.dir, tc.target, got, tc.want)
		}
	}
}
