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
