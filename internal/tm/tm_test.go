package tm

import (
	"fmt"
	"strings"
	"testing"
)

var pairs = []Pair{
	{"a", "Ketamine infusion therapy can successfully treat post-traumatic stress.", "La terapia de infusión de ketamina puede tratar con éxito el estrés postraumático."},
	{"b", "Take 5 mg twice a day.", "Tome 5 mg dos veces al día."},
	{"c", "It is safe for most patients.", "Es segura para la mayoría de los pacientes."},
	{"d", "Read <1>the study</1> first.", "Lea primero <1>el estudio</1>."},
	{"e", "Completely unrelated words here.", "Palabras sin relación."},
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
