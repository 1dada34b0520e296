package layout_test

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/language"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/verdict"
)

// The languages glot ships its default layout's interface text in: the 30
// of shipped.go's ranking, and pt-PT beside pt.
var shippedLangs = []string{
	"ar", "bg", "cs", "da", "de", "el", "es", "fa", "fi", "fr", "he", "hu", "id", "it", "ja",
	"ko", "nb", "nl", "pl", "pt", "pt-PT", "ro", "ru", "sk", "sv", "th", "tr", "uk", "vi", "zh-Hans", "zh-Hant",
}

// sharedWords are the words of the English source that a language truly
// writes the same way, so that finding them is no sign of English left
// untranslated: "original" in German, French, Spanish and Portuguese, the
// German and French "minute", the French "page", and the Romanian "minute"
// (the plural of "minut").
var sharedWords = map[string][]string{
	"de":    {"minute", "original"},
	"fr":    {"minute", "minutes", "original", "page"},
	"es":    {"original"},
	"pt":    {"original"},
	"pt-PT": {"original"},
	"ro":    {"minute"},
}

var action = regexp.MustCompile(`\{\{.*?\}\}`)

// words returns the words of text of four letters or more, in lower case,
// template actions left out.
func words(text string) []string {
	text = action.ReplaceAllString(text, " ")
	var out []string
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(w)) >= 4 {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
}

// Every shipped file is read as a language's catalog is, translates every
// message of the default ui.toml and nothing else, for the source as it is
// now, with exactly the plural forms the language distinguishes, the
// template fields kept, glot's own rule met, and no English left in it.
func TestShippedTranslations(t *testing.T) {
	langs, err := layout.ShippedLangs()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(langs, shippedLangs) {
		t.Fatalf("shipped languages %v, want %v", langs, shippedLangs)
	}
	def, err := layout.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	src := def.Messages
	rules := verdict.NewRules("en", nil)
	for _, lang := range langs {
		if tag, err := language.Parse(lang); err != nil || tag.String() != lang {
			t.Errorf("%s.toml is not named by a canonical language tag", lang)
		}
		sh, err := layout.ShippedFor(lang)
		if err != nil || len(sh) == 0 || sh[0].Lang != lang {
			t.Fatalf("ShippedFor(%s) = %v, %v", lang, sh, err)
		}
		c := sh[0].Messages
		if got, want := c.IDs(), src.IDs(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: messages %v, want those of ui.toml, %v", lang, got, want)
		}
		for _, id := range src.IDs() {
			s, m := src.Messages[id], c.Messages[id]
			if m == nil {
				continue
			}
			if m.Hash != catalog.Hash(s) {
				t.Errorf("%s %s: hash %s is not that of ui.toml's text (%s): translate the new text", lang, id, m.Hash, catalog.Hash(s))
			}
			var forms []string
			for _, f := range catalog.Forms(m) {
				forms = append(forms, f.Name)
			}
			want := []string{"other"}
			if len(catalog.Forms(s)) > 1 {
				want = langtag.PluralForms(lang)
			}
			if !slices.Equal(forms, want) {
				t.Errorf("%s %s: plural forms %v, want %v", lang, id, forms, want)
			}
			if p := rules.Fits(lang, s, m); p != nil {
				t.Errorf("%s %s: glot would hold it back: %s: %v", lang, id, p.Check, p)
			}
			fields := action.FindAllString(s.Other, -1)
			for _, f := range catalog.Forms(m) {
				// The forms for exactly one and two may spell the
				// number out ("دقيقة واحدة"); every other keeps every
				// field.
				if f.Name != "one" && f.Name != "two" {
					for _, field := range fields {
						if !strings.Contains(f.Text, field) {
							t.Errorf("%s %s: %s form %q lacks %s", lang, id, f.Name, f.Text, field)
						}
					}
				}
				if f.Text == catalog.FormText(s, f.Name) || f.Text == s.Other {
					t.Errorf("%s %s: %s form is the English text", lang, id, f.Name)
				}
				english := map[string]bool{}
				for _, f := range catalog.Forms(s) {
					for _, w := range words(f.Text) {
						english[w] = true
					}
				}
				for _, w := range words(f.Text) {
					if english[w] && !slices.Contains(sharedWords[lang], w) {
						t.Errorf("%s %s: %s form %q has the English word %q", lang, id, f.Name, f.Text, w)
					}
				}
			}
		}
	}
}

// A language takes the shipped translations of itself, then of the
// languages it falls back to, then of its likely script; a pseudo-language
// and a language glot ships nothing for take none.
func TestShippedFor(t *testing.T) {
	tests := []struct {
		lang string
		want []string
	}{
		{"de", []string{"de"}},
		{"de-CH", []string{"de"}},
		{"pt", []string{"pt"}},
		{"pt-BR", []string{"pt"}},
		{"pt-PT", []string{"pt-PT", "pt"}},
		{"pt-AO", []string{"pt-PT", "pt"}},
		{"es-MX", []string{"es"}},
		{"zh", []string{"zh-Hans"}},
		{"zh-CN", []string{"zh-Hans"}},
		{"zh-TW", []string{"zh-Hant"}},
		{"zh-Hant-HK", []string{"zh-Hant"}},
		{"no", []string{"nb"}},
		{"ur", nil},
		{"ar-XB", nil},
		{"en-XA", nil},
		{"en", nil},
		{"not a tag", nil},
	}
	for _, tt := range tests {
		sh, err := layout.ShippedFor(tt.lang)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range sh {
			got = append(got, s.Lang)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("ShippedFor(%q) = %v, want %v", tt.lang, got, tt.want)
		}
	}
}
