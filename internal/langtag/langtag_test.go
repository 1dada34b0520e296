package langtag

import (
	"slices"
	"strings"
	"testing"
)

func TestNameAndDir(t *testing.T) {
	tests := []struct{ tag, name, dir string }{
		{"en", "English", "ltr"},
		{"es", "Español", "ltr"},
		{"fr", "Français", "ltr"},
		{"de", "Deutsch", "ltr"},
		{"ar", "العربية", "rtl"},
		{"he", "עברית", "rtl"},
		{"fa", "فارسی", "rtl"},
		{"ur", "اردو", "rtl"},
		{"az-Arab", "az-Arab", "rtl"}, // x/text has no name for it: the tag stands in
		{"az", "Azərbaycan", "ltr"},
		{"ja", "日本語", "ltr"},
		{"ar-XB", "Pseudo-RTL", "rtl"},
		{"en-XA", "[Ƥşḗḗŭŭḓǿǿ]", "ltr"},
		// A regional variant that CLDR names as its language alone is
		// named with its region, so that pt and pt-BR differ in a
		// switcher; one CLDR names apart keeps its name.
		{"pt", "Português", "ltr"},
		{"pt-BR", "Português (Brasil)", "ltr"},
		{"pt-PT", "Português europeu", "ltr"},
		{"es-MX", "Español de México", "ltr"},
		{"fr-BE", "Français (Belgique)", "ltr"},
		{"zh-Hant", "繁體中文", "ltr"},
	}
	for _, tt := range tests {
		if got := Name(tt.tag); got != tt.name {
			t.Errorf("Name(%s) = %q, want %q", tt.tag, got, tt.name)
		}
		if got := Dir(tt.tag); got != tt.dir {
			t.Errorf("Dir(%s) = %q, want %q", tt.tag, got, tt.dir)
		}
	}
}

func TestPluralForms(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "one other", "ja": "other", "ar": "zero one two few many other", "ru": "one few many other",
		"fr": "one many other", "es": "one many other", "de": "one other",
	} {
		if got := strings.Join(PluralForms(lang), " "); got != want {
			t.Errorf("PluralForms(%s) = %q, want %q", lang, got, want)
		}
	}
}

func TestSameLanguage(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"en", "en", true},
		{"en-US", "en", true},
		{"en_GB", "en", true},
		{"EN", "en", true},
		{"de", "en", false},
		{"zh-TW", "zh", false}, // Traditional, against Simplified
		{"zh-CN", "zh-Hans", true},
		{"sr-Latn", "sr", false},
		{"xx-!!", "en", false},
	} {
		if got := SameLanguage(tt.a, tt.b); got != tt.want {
			t.Errorf("SameLanguage(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestParents(t *testing.T) {
	for lang, want := range map[string][]string{
		"es-MX": {"es-419", "es"}, "pt-BR": {"pt"}, "pt-PT": {"pt"}, "es": nil, "zh-Hant-HK": {"zh-Hant"}, "not a tag": nil,
	} {
		if got := Parents(lang); !slices.Equal(got, want) {
			t.Errorf("Parents(%q) = %q, want %q", lang, got, want)
		}
	}
}

// A pseudo-language is one whatever the case it is typed in, and comes
// back as glot spells it; any other tag must be written canonically,
// since file names and URLs are made from it.
func TestCanonicalAndPseudo(t *testing.T) {
	for _, tt := range []struct {
		in, want string
		pseudo   bool
		err      string
	}{
		{in: "es", want: "es"},
		{in: "pt-BR", want: "pt-BR"},
		{in: "en-XA", want: "en-XA", pseudo: true},
		{in: "en-xa", want: "en-XA", pseudo: true},
		{in: "AR-xb", want: "ar-XB", pseudo: true},
		{in: "es_MX", err: `not in canonical BCP 47 form; write "es-MX"`},
		{in: "EN", err: `write "en"`},
		{in: "xx-!!", err: "unknown language tag"},
	} {
		got, err := Canonical(tt.in)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("Canonical(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("Canonical(%q) = %q, %v; want an error saying %q", tt.in, got, err, tt.err)
		}
		if IsPseudo(tt.in) != tt.pseudo {
			t.Errorf("IsPseudo(%q) = %v, want %v", tt.in, !tt.pseudo, tt.pseudo)
		}
	}
	for _, p := range Pseudo() {
		if got, err := Canonical(p); got != p || err != nil {
			t.Errorf("Canonical(%q) = %q, %v: a pseudo-language is its own canonical form", p, got, err)
		}
	}
}

// A translator's tool writes tags its own way; Fits finds the site's
// language the file is for, and more than one when the tag does not say.
func TestFits(t *testing.T) {
	site := []string{"es", "es-MX", "pt-BR", "zh-Hant"}
	for _, tt := range []struct{ tag, want string }{
		{"es", "es"},
		{"es_MX", "es-MX"},
		{"ES-es", "es"},
		{"pt_br", "pt-BR"},
		{"pt-PT", ""},
		{"pt", ""},
		{"zh-TW", "zh-Hant"},
		{"es-419", "es"},
	} {
		fits, _, err := Fits(tt.tag, site)
		if err != nil || strings.Join(fits, " ") != tt.want {
			t.Errorf("Fits(%q) = %q, %v; want %q", tt.tag, fits, err, tt.want)
		}
	}
	if fits, _, _ := Fits("es-MX", []string{"es", "es-419"}); len(fits) != 1 || fits[0] != "es" {
		t.Errorf("es-MX with es and es-419 fits %q: es-419 names a region es-MX is not", fits)
	}
	if _, _, err := Fits("xx-!!", site); err == nil {
		t.Error("Fits of a tag that is none: no error")
	}
}

// Hugo reads its configuration's keys lowercased: a language key is
// glot's tag once canonical.
func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{"pt-br": "pt-BR", "zh-hant": "zh-Hant", "en": "en", "EN-us": "en-US"} {
		if got, err := Normalize(in); got != want || err != nil {
			t.Errorf("Normalize(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := Normalize("not a tag"); err == nil {
		t.Error("Normalize(\"not a tag\"): no error")
	}
}

// A reader's Accept-Language picks the closest of a site's languages, a
// regional variant its language, and none when it names none of them.
func TestPreferred(t *testing.T) {
	tags := []string{"en", "es", "pt-BR", "ar"}
	for _, tt := range []struct {
		accept string
		want   string
	}{
		{"es", "es"},
		{"es-AR, en;q=0.5", "es"},
		{"pt-PT;q=0.9, fr;q=0.8", "pt-BR"},
		{"de, ar;q=0.3", "ar"},
		{"ja", ""},
		{"", ""},
		{";;;", ""},
	} {
		i, ok := Preferred(tt.accept, tags)
		got := ""
		if ok {
			got = tags[i]
		}
		if got != tt.want {
			t.Errorf("Preferred(%q) = %q, want %q", tt.accept, got, tt.want)
		}
	}
}
