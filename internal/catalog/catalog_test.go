package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

func TestParseErrorsNameFileAndLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, data, want string
	}{
		{"syntax", "[a]\nother = \"x\"\n\n[b]\nother = \"unterminated\n", "locales/x.toml:5:"},
		{"unknown key", "[a]\nother = \"x\"\n\n[b]\nhash = \"h\"\ntranslation_ = \"y\"\n", `locales/x.toml:4: message "b": unknown key "translation_"`},
		{"not a string", "[a]\nother = \"x\"\n[b]\nother = 3\n", `locales/x.toml:3: message "b": other must be a string`},
		{"bad top-level", "a = 3\n", `locales/x.toml:1: message "a" must be a string or a table`},
		// A message whose [id] header was deleted would be read as one
		// message with no id, and its text lost.
		{"header deleted", "# comment\nhash = \"sha1-x\"\nother = \"Hola\"\n", `locales/x.toml:2: hash is at the top level, outside any message`},
		// Which of two messages of one id a catalog kept was left to
		// chance.
		{"id key gives another's id", "[a]\nid = \"b\"\nother = \"x\"\n\n[b]\nother = \"y\"\n", `locales/x.toml:5: message "b" is defined twice, the first time on line 1`},
		{"nested table gives a dotted id", "\"c.d\" = \"x\"\n[c.d]\nother = \"y\"\n", `locales/x.toml:2: message "c.d" is defined twice, the first time on line 1`},
		{"go-i18n's error names its table", "[a]\nother = \"x\"\n\n[b.c]\nother = \"y\"\n[b.c.d]\nother = \"z\"\n", `locales/x.toml:4: `},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("locales/x.toml", []byte(tt.data))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to start with %q", err, tt.want)
			}
		})
	}
}

func TestParseForms(t *testing.T) {
	t.Parallel()
	data := `
short = "Short form"
"quoted-id" = "Quoted"

[table]
description = "Context"
hash = "sha1-x"
one = "{{.Count}} minute"
other = "{{.Count}} minutes"

[nested]
[nested.inner]
other = "Nested"
`
	c, err := Parse("x.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if c.Messages["short"].Other != "Short form" || c.Messages["quoted-id"].Other != "Quoted" {
		t.Errorf("short forms: %+v", c.Messages)
	}
	m := c.Messages["table"]
	if m.Description != "Context" || m.Hash != "sha1-x" || m.One != "{{.Count}} minute" || m.Other != "{{.Count}} minutes" {
		t.Errorf("table: %+v", m)
	}
	if c.Messages["nested.inner"].Other != "Nested" {
		t.Errorf("go-i18n reads nested tables as dotted ids: %+v", c.Messages)
	}
	if c.Lines["table"] != 5 || c.Lines["short"] != 2 || c.Lines["nested.inner"] != 11 {
		t.Errorf("lines: %v", c.Lines)
	}
}

// Written files are deterministic, one line per string, and read back the
// same by glot and by go-i18n's own parser.
func TestBytesRoundTrip(t *testing.T) {
	t.Parallel()
	c := New()
	c.Messages["b-2"] = &Message{ID: "b-2", Hash: "sha1-1", Other: "line one\nline \"two\" \\ tab\t"}
	c.Messages["a-1"] = &Message{ID: "a-1", Hash: "sha1-2", One: "one", Other: "other"}
	c.Messages["c.3"] = &Message{ID: "c.3", Hash: "sha1-3", Other: "dotted id"}
	out := c.Bytes("# header\n", false)
	want := `# header

[a-1]
hash = "sha1-2"
one = "one"
other = "other"

[b-2]
hash = "sha1-1"
other = "line one\nline \"two\" \\ tab\t"

["c.3"]
hash = "sha1-3"
other = "dotted id"
`
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	back, err := Parse("x.toml", out)
	if err != nil {
		t.Fatal(err)
	}
	for id, m := range c.Messages {
		if b := back.Messages[id]; b == nil || b.Other != m.Other || b.One != m.One || b.Hash != m.Hash {
			t.Errorf("%s: read back %+v, wrote %+v", id, b, m)
		}
	}
	msgs, err := i18n.ParseMessageBytes(out, toml.Unmarshal)
	if err != nil || len(msgs) != 3 {
		t.Fatalf("go-i18n reads %d messages, err %v", len(msgs), err)
	}
	// A message with no text is written with an empty other: an empty
	// table would be read as no message at all.
	empty := New()
	empty.Messages["e-1"] = &Message{ID: "e-1", Hash: "sha1-4"}
	for _, source := range []bool{true, false} {
		back, err := Parse("x.toml", empty.Bytes("# h\n", source))
		if err != nil || back.Messages["e-1"] == nil {
			t.Errorf("a message with no text, written with source %v, reads back as %v, %v", source, back, err)
		}
	}
	src := New()
	src.Messages["x-1"] = &Message{ID: "x-1", Other: "Source text"}
	if got := string(src.Bytes("# h\n", true)); got != "# h\n\nx-1 = \"Source text\"\n" {
		t.Errorf("source short form: %q", got)
	}
}

// A catalog of translations is written with each message's source text
// above it, form by form, and go-i18n reads it as it reads any other.
func TestTranslationBytes(t *testing.T) {
	t.Parallel()
	src := map[string]*Message{
		"a-1": {ID: "a-1", Other: "Welcome"},
		"b-2": {ID: "b-2", One: "{{.Count}} minute", Other: "{{.Count}} minutes"},
		"c-3": {ID: "c-3", Other: "Two\nlines with a \x01 control"},
	}
	c := New()
	c.Messages["a-1"] = &Message{ID: "a-1", Hash: "sha1-1", Other: "Bienvenue"}
	c.Messages["b-2"] = &Message{ID: "b-2", Hash: "sha1-2", One: "{{.Count}} minute", Other: "{{.Count}} minutes"}
	c.Messages["c-3"] = &Message{ID: "c-3", Hash: "sha1-3", Other: "Deux lignes"}
	c.Messages["d-4"] = &Message{ID: "d-4", Hash: "sha1-4", Other: "Sans source"}
	out := c.TranslationBytes("# header\n", "en", func(id string) *Message { return src[id] })
	want := `# header

# en: Welcome
[a-1]
hash = "sha1-1"
other = "Bienvenue"

# en (one): {{.Count}} minute
# en (other): {{.Count}} minutes
[b-2]
hash = "sha1-2"
one = "{{.Count}} minute"
other = "{{.Count}} minutes"

# en: Two
# en: lines with a \u0001 control
[c-3]
hash = "sha1-3"
other = "Deux lignes"

[d-4]
hash = "sha1-4"
other = "Sans source"
`
	if string(out) != want {
		t.Fatalf("got\n%s\nwant\n%s", out, want)
	}
	if again := c.TranslationBytes("# header\n", "en", func(id string) *Message { return src[id] }); string(again) != string(out) {
		t.Error("written twice, the catalog differs")
	}
	back, err := Parse("x.toml", out)
	if err != nil || len(back.Messages) != 4 || back.Messages["c-3"].Other != "Deux lignes" {
		t.Fatalf("read back %+v, %v", back, err)
	}
	msgs, err := i18n.ParseMessageBytes(out, toml.Unmarshal)
	if err != nil || len(msgs) != 4 {
		t.Fatalf("go-i18n reads %d messages, err %v", len(msgs), err)
	}
}

func TestHashIsGoI18nHash(t *testing.T) {
	t.Parallel()
	// goi18n merge writes sha1(description + other).
	m := &Message{Other: "Hello"}
	if got := Hash(m); got != "sha1-f7ff9e8b7bb2e09b70935a5d785e0cc5d9d0abf0" {
		t.Errorf("Hash = %s", got)
	}
}

// TestSiteCatalogsLoadInGoI18n loads every active.*.toml of the sample
// site's locales/ with go-i18n's own Bundle, as an application would, and
// localizes a message of each.
func TestSiteCatalogsLoadInGoI18n(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../locales/active.*.toml")
	if len(files) < 5 {
		t.Fatalf("found %d catalogs in locales/, want the source and four languages", len(files))
	}
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	for _, f := range files {
		if _, err := bundle.LoadMessageFile(f); err != nil {
			t.Fatalf("go-i18n cannot load %s: %v", f, err)
		}
	}
	src, err := Parse("active.en.toml", mustRead(t, "../../locales/active.en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	id := ""
	for _, i := range src.IDs() {
		if strings.HasPrefix(i, "ketamine-infusion-therapy-") && !strings.Contains(src.Messages[i].Other, "<") {
			id = i
			break
		}
	}
	want := map[string]string{"en": "Ketamine infusion therapy", "es": "Terapia de infusión de ketamina", "fr": "kétamine", "ar": "الكيتامين", "de": "Ketamin-Infusionstherapie"}
	for lang, w := range want {
		got, err := i18n.NewLocalizer(bundle, lang).Localize(&i18n.LocalizeConfig{MessageID: id})
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if !strings.Contains(got, w) {
			t.Errorf("%s: %s = %q, want it to contain %q", lang, id, got, w)
		}
	}
}

func mustRead(t *testing.T, f string) []byte {
	t.Helper()
	b, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Quote writes every string as TOML reads it back: escapes, control
// characters and bytes that are not UTF-8 (as U+FFFD) included.
func FuzzQuote(f *testing.F) {
	for _, s := range []string{"", `a "b" \c`, "tab\tnl\nret\r", "\x01\x7f", "é日本", "\xff\xfe bad", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v struct{ K string }
		if _, err := toml.Decode("K = "+Quote(s), &v); err != nil {
			t.Fatalf("Quote(%q) = %s: %v", s, Quote(s), err)
		}
		want := s
		if !utf8.ValidString(s) {
			var b strings.Builder
			for _, r := range s {
				b.WriteRune(r)
			}
			want = b.String()
		}
		if v.K != want {
			t.Fatalf("Quote(%q) reads back %q", s, v.K)
		}
	})
}

// What glot writes into a comment cannot make the catalog unreadable: a
// control character in a translation is written as its escape.
func TestCommentEscapesControlCharacters(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	Comment(&b, "es (before): ", "Hola\x1b[2J\rmundo\x07\x7f\tfin")
	b.WriteString("[a]\nother = \"x\"\n")
	if _, err := Parse("t.toml", b.Bytes()); err != nil {
		t.Fatalf("%v:\n%s", err, b.String())
	}
	if want := `# es (before): Hola\u001B[2J\u000Dmundo\u0007\u007F` + "\tfin\n"; !strings.HasPrefix(b.String(), want) {
		t.Errorf("comment %q, want %q", b.String(), want)
	}
}

// A catalog of translations refuses its own template delimiters and
// control characters, naming the file and line.
func TestCheckTranslations(t *testing.T) {
	t.Parallel()
	for data, want := range map[string]string{
		"\n[ui-skip]\nleftdelim = \"[[\"\nrightdelim = \"]]\"\nother = \"[[ range 9 ]]x[[ end ]]\"\n": `t.toml:2: message "ui-skip": a translation may not set leftdelim`,
		"a = \"ok\"\n\n[b]\nother = \"x\\u001By\"\n":                                                  `t.toml:3: message "b": other holds the control character U+001B`,
		"[d]\ndescription = \"note\"\nother = \"y\"\n":                                                `t.toml:1: message "d": a translation has no description`,
		"[c]\none = \"x\\u0085\"\nother = \"y\"\n":                                                    `t.toml:1: message "c": one holds the control character U+0085`,
	} {
		c, err := Parse("t.toml", []byte(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckTranslations("t.toml", c); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: %v, want %q", data, err, want)
		}
	}
	ok, _ := Parse("t.toml", []byte("[a]\nother = \"line one\\nline two\\tend\"\n"))
	if err := CheckTranslations("t.toml", ok); err != nil {
		t.Errorf("newline and tab refused: %v", err)
	}
}

func TestFuzzyMark(t *testing.T) {
	t.Parallel()
	data := []byte(`# header
#, fuzzy
[kept]
other = "no mark above this one's header"

# a note
#, fuzzy
# more notes
[draft]
hash = "sha1-x"
other = "Texto viejo"

[plain]
other = "x" #, fuzzy

[nested.deeper]
#, fuzzy
other = "y"
`)
	c, err := ParseKeyed("translate.es.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	// The first mark is above a table too: only what lies between two
	// tables' keys marks the table after it.
	want := map[string]int{"kept": 2, "draft": 7}
	if !reflect.DeepEqual(c.Fuzzy, want) {
		t.Errorf("fuzzy: %v, want %v", c.Fuzzy, want)
	}
	if c.Messages["draft"].Other != "Texto viejo" || c.LineOf("draft", "other") != 11 {
		t.Errorf("draft: %+v at line %d", c.Messages["draft"], c.LineOf("draft", "other"))
	}
	// Parse, for the large catalogs, does without.
	if c, err := Parse("active.es.toml", data); err != nil || c.Fuzzy != nil {
		t.Errorf("Parse: %v, %v", c.Fuzzy, err)
	}
}
