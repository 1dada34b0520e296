package tm

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/glot-i18n/glot/internal/msgtext"
)

var pairs = []Pair{
	{ID: "a", Source: "Ketamine infusion therapy can successfully treat post-traumatic stress.", Translation: "La terapia de infusión de ketamina puede tratar con éxito el estrés postraumático."},
	{ID: "b", Source: "Take 5 mg twice a day.", Translation: "Tome 5 mg dos veces al día."},
	{ID: "c", Source: "It is safe for most patients.", Translation: "Es segura para la mayoría de los pacientes."},
	{ID: "d", Source: "Read <1>the study</1> first.", Translation: "Lea primero <1>el estudio</1>."},
	{ID: "e", Source: "Completely unrelated words here.", Translation: "Palabras sin relación."},
}

func TestSuggest(t *testing.T) {
	m := New(pairs)
	tests := []struct {
		src   string
		want  string // id, or "" for no suggestion
		risks string
	}{
		{"Ketamine infusion therapy can successfully treat post-traumatic stress and depression.", "a", ""},
		{"Take 50 mg twice a day.", "b", "numbers differ"},
		{"Take 5 ml twice a day.", "b", "units differ"},
		{"It is not safe for most patients.", "c", "negations differ"},
		{"Read <1>the report</1> first.", "d", ""},
		{"Something else altogether, nothing like the others.", "", ""},
		// The exact source is not a suggestion for itself.
		{"Take 5 mg twice a day.", "", ""},
	}
	for _, tt := range tests {
		s, ok := m.Suggest(tt.src, 0.75)
		switch {
		case tt.want == "" && ok:
			t.Errorf("%q: suggested %q (%.2f)", tt.src, s.ID, s.Score)
		case tt.want != "" && (!ok || s.ID != tt.want):
			t.Errorf("%q: got %q %v, want %q", tt.src, s.ID, ok, tt.want)
		case ok && !strings.Contains(fmt.Sprint(s.Risks), tt.risks):
			t.Errorf("%q: risks %v, want %q", tt.src, s.Risks, tt.risks)
		case ok && tt.risks == "" && len(s.Risks) > 0:
			t.Errorf("%q: unexpected risks %v", tt.src, s.Risks)
		}
	}
}

func TestSimilarity(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want float64
	}{
		{"a b c d", "a b c d", 1},
		{"a b c d", "a b x d", 0.75},
		{"a b", "c d", 0},
		{"a b c d", "a b c", 0.75},
	} {
		if got := similarity(strings.Fields(tt.a), strings.Fields(tt.b)); got != tt.want {
			t.Errorf("similarity(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// BenchmarkSuggest measures a query against a memory of 100,000
// translations.
func BenchmarkSuggest(b *testing.B) {
	var ps []Pair
	for i := 0; i < 100000; i++ {
		ps = append(ps, Pair{ID: fmt.Sprint(i), Source: fmt.Sprintf("Paragraph %d of page %d talks about topic %d and subtopic %d at length.", i%37, i, i%101, i%13), Translation: "x"})
	}
	m := New(ps)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Suggest("Paragraph 3 of page 777 talks about topic 9 and subtopic 2 at some length.", 0.75)
	}
}

// distance, which works out only a band of the table and stops early,
// finds the edit distance when it is within most, and says so when not.
func FuzzDistance(f *testing.F) {
	f.Add([]byte("abcd"), []byte("abxd"), 1)
	f.Add([]byte(""), []byte("abc"), 2)
	f.Add([]byte("aaaa"), []byte("b"), 5)
	f.Fuzz(func(t *testing.T, a, b []byte, most int) {
		if most < 0 || most > 64 || len(a) > 64 || len(b) > 64 {
			return
		}
		wa, wb := make([]int32, len(a)), make([]int32, len(b))
		for i, c := range a {
			wa[i] = int32(c % 4)
		}
		for i, c := range b {
			wb[i] = int32(c % 4)
		}
		n := max(len(wa), len(wb))
		exact := 0
		if n > 0 {
			exact = int(math.Round((1 - similarity(wa, wb)) * float64(n)))
		}
		d, ok := distance(wa, wb, most)
		if ok != (exact <= most) || ok && d != exact {
			t.Fatalf("distance(%v, %v, %d) = %d, %v; the distance is %d", wa, wb, most, d, ok, exact)
		}
	})
}

// tokens splits as strings.FieldsFunc over the lower-cased text does.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{"Take 5 mg, twice a day.", "Read <1>the study</1> first.", "É.T.É, 1,5 mg", "日本語のテキスト", ".,.", "ÀB c", "İSTANBUL"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var want []string
		for _, tok := range msgtext.Parse(s) {
			if tok.Kind != msgtext.Text {
				want = append(want, tok.Text)
				continue
			}
			for _, w := range strings.FieldsFunc(strings.ToLower(tok.Text), func(r rune) bool {
				return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '.' && r != ','
			}) {
				if w = strings.Trim(w, ".,"); w != "" {
					want = append(want, w)
				}
			}
		}
		if got := tokens(s); !slices.Equal(got, want) {
			t.Fatalf("tokens(%q) = %q, want %q", s, got, want)
		}
	})
}

// The numbers of placeholders are not numbers of the text: a suggestion is
// flagged for the numbers a reader sees, and only those are named.
func TestRisksNumbersIgnorePlaceholders(t *testing.T) {
	for _, tt := range []struct {
		src, other string
		want       string // the numbers risk, or "" for none
	}{
		{"Read <1>the report</1> and <2/> now.", "Read <1>the summary</1> and <2/> today.", ""},
		{"<1>Vol.</1> <2>12</2>, page <3/>", "<1>Vol.</1> <2>6</2>, page <3/>", "numbers differ: 12 here, 6 there"},
		{"Take <1>50 mg</1>.", "Take <1>50 mg</1> now.", ""},
	} {
		got := ""
		for _, r := range Risks(tt.src, tt.other) {
			if strings.HasPrefix(r, "numbers") {
				got = r
			}
		}
		if got != tt.want {
			t.Errorf("Risks(%q, %q): numbers risk %q, want %q", tt.src, tt.other, got, tt.want)
		}
	}
}
