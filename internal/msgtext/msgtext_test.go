package msgtext

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want []Token
	}{
		{"plain", []Token{{Kind: Text, Text: "plain"}}},
		{"a <1>b</1> <2/>", []Token{{Kind: Text, Text: "a "}, {Kind: Open, N: 1, Text: "<1>"}, {Kind: Text, Text: "b"}, {Kind: Close, N: 1, Text: "</1>"}, {Kind: Text, Text: " "}, {Kind: Atom, N: 2, Text: "<2/>"}}},
		// Anything that is not a well-formed tag is text.
		{"1 < 2 and <b> and <0> and <01> and </x> and <12345>", []Token{{Kind: Text, Text: "1 < 2 and <b> and <0> and <01> and </x> and <12345>"}}},
		{"<3", []Token{{Kind: Text, Text: "<3"}}},
		{"<10>x</10>", []Token{{Kind: Open, N: 10, Text: "<10>"}, {Kind: Text, Text: "x"}, {Kind: Close, N: 10, Text: "</10>"}}},
	}
	for _, tt := range tests {
		if got := Parse(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) = %#v, want %#v", tt.in, got, tt.want)
		}
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	const src = "Read <1>the <2>new</2> study</1> now<3/>."
	tests := []struct {
		name, tr string
		want     string // substring of the error; "" for none
	}{
		{"same", src, ""},
		{"reordered words", "Lea ahora <1>el <2>nuevo</2> estudio</1><3/>.", ""},
		{"atom moved", "<3/>Lea <1>el <2>nuevo</2> estudio</1> ahora.", ""},
		{"atom moved into a pair", "Lea <1>el <2>nuevo</2> estudio<3/></1>.", ""},
		{"missing atom", "Lea <1>el <2>nuevo</2> estudio</1>.", "<3/> is missing"},
		{"missing pair", "Lea el <2>nuevo</2> estudio<3/>.", "<1>…</1> is missing"},
		{"extra atom", "Lea <1>el <2>nuevo</2> estudio</1><3/><4/>.", "<4/> is not in the source"},
		{"extra pair", "<7>Lea</7> <1>el <2>nuevo</2> estudio</1><3/>.", "<7>…</7> is not in the source"},
		{"duplicated", "<1>Lea</1> <1>el <2>nuevo</2> estudio</1><3/>.", "appears more than once"},
		{"never closed", "Lea <1>el <2>nuevo</2> estudio<3/>.", "<1> is never closed"},
		{"close without open", "Lea el <2>nuevo</2> estudio</1><3/>.", "</1> closes a pair that is not open"},
		{"crossed", "Lea <1>el <2>nuevo</1> estudio</2><3/>.", "pairs cross"},
		{"pair taken out of its parent", "Lea <1>el</1> <2>nuevo</2> estudio<3/>.", "<2>…</2> must be inside <1>…</1>"},
		{"pair written as atom", "Lea <1/> <2>nuevo</2><3/>.", "<1>…</1> is written as <1/>"},
		{"atom written as pair", "Lea <1>el <2>nuevo</2> estudio</1><3>x</3>.", "<3/> is written as <3>…</3>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Check(src, tt.tr)
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Check(%q) = %v, want nil", tt.tr, err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Check(%q) = %v, want an error containing %q", tt.tr, err, tt.want)
			}
		})
	}
}

// A pair that sits inside another in the translation but not in the source
// would nest markup the page never had: a link inside a link, say.
func TestCheckRefusesNewNesting(t *testing.T) {
	t.Parallel()
	err := Check("<1>x</1> <2>y</2>", "<1>x <2>y</2></1>")
	if err == nil || !strings.Contains(err.Error(), "<2>…</2> must be outside every other pair") {
		t.Fatalf("Check = %v, want a nesting error", err)
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"  a \n\t b  ":  "a b",
		"a\u00a0: b":    "a\u00a0: b", // a deliberate no-break space stays
		"Cafe\u0301":    "Café",       // NFC
		"line\r\nbreak": "line break",
		"<1> x </1>":    "<1> x </1>",
		"":              "",
		"\n\n":          "",
	}
	for in, want := range tests {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
	}{
		{"Ketamine works through the glutamate system.", 6},
		{"It's <1>treatment-resistant</1> depression", 3},
		{"2016, pp. 2859–2867", 4},
		{"ケタミン点滴療法", 8},                // Japanese: one word per character
		{"氯胺酮 works", 4},               // mixed
		{"العلاج بتسريب الكيتامين", 3}, // Arabic words are spaced
		{"<1/><2/>", 0},
	}
	for _, tt := range tests {
		if got := Words(tt.in); got != tt.want {
			t.Errorf("Words(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestHasWordsAndHasTag(t *testing.T) {
	t.Parallel()
	if HasWords("<1>2016</1>, 12–14.") {
		t.Error("numbers and punctuation have nothing to translate")
	}
	if !HasWords("<1/> é") {
		t.Error("a letter is something to translate")
	}
	if !HasTag("see <2/>") || HasTag("a < b > c") {
		t.Error("HasTag")
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("a <1>b</1> <2/>", "<2/> <1>b</1> a")
	f.Add("<1><2>x</2></1>", "<1></2>x<2></1>")
	f.Add("a <1>b <2/></1> c", "x <1>y <2/></1> z")
	f.Add("<1>a</1><1>b</1>", "<1>a</1><1>b</1>")
	f.Fuzz(func(t *testing.T, src, tr string) {
		// Check must never panic, and a text always fits itself when
		// its own tags are well formed.
		_ = Check(src, tr)
		// The shortcut for tags kept in place only says yes where the
		// full comparison does.
		if sameTags(src, tr) {
			if err := check(src, tr); err != nil {
				t.Fatalf("sameTags(%q, %q), but check says %v", src, tr, err)
			}
		}
		if _, err := shape(Parse(src)); err == nil {
			if err := Check(src, src); err != nil {
				t.Fatalf("Check(%q, itself) = %v", src, err)
			}
		}
	})
}

func TestCheckTemplate(t *testing.T) {
	t.Parallel()
	const src = "Reading time: {{.Count}} minutes"
	tests := []struct {
		src, tr, want string
	}{
		{src, "Tiempo de lectura: {{.Count}} minutos", ""},
		{src, "Tiempo de lectura: {{ .Count }} min", ""},
		{src, "Lesezeit: {{.Count}} Minuten, {{.Count}} min", ""},
		{src, "Tiempo de lectura: minutos", ""},
		{src, "{{.Secret}} minutos", "template action {{.Secret}} is not allowed: a translation may use only {{.Count}}"},
		{src, "{{range .Items}}x{{end}}", "is not allowed"},
		{src, `{{printf "%s" .Count}}`, "is not allowed"},
		{src, "{{template \"x\"}}", "is not allowed"},
		{src, "{{$x := .Count}}{{$x}}", "is not allowed"},
		{src, "{{.Count", "malformed template action"},
		{"Languages", "{{.Count}}", "template action {{.Count}} is not allowed: the source uses no template field, so a translation may use none"},
		// Page text with braces that are not a template stays text.
		{"Write {{ x }} here", "Escriba {{ x }} aquí", ""},
	}
	for _, tt := range tests {
		err := CheckTemplate(tt.src, tt.tr)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%q: %v", tt.tr, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%q: %v, want %q", tt.tr, err, tt.want)
		}
	}
}

// Normalize gives back text already in normal form as it is, without a
// copy; whatever the text, its result is the same as normalizing it in
// full.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a", " a", "a ", "a  b", "a\tb", "a\nb", "e\u0301", "é", "non\u00a0breaking", "日本語", "a b c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		full := strings.Join(strings.FieldsFunc(norm.NFC.String(s), func(r rune) bool {
			return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v'
		}), " ")
		if got := Normalize(s); got != full {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, full)
		}
	})
}

// Reading counts as Words and Plain do.
func FuzzReading(f *testing.F) {
	for _, s := range []string{"", "Read <1>the study</1> now.", "日本語の<2/>テキスト", "a-b c’d <3/>x", "<1>", "<12/>--"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words, unspaced := Reading(s)
		w := Words(s)
		if words != w || unspaced != (w > utf8.RuneCountInString(Plain(s))/2) {
			t.Fatalf("Reading(%q) = %d, %v; Words %d, Plain %q", s, words, unspaced, w, Plain(s))
		}
	})
}
