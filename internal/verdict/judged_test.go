package verdict

import (
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
)

// A memory of judgements gives what Fits finds, read back from its bytes
// in another process; it keeps only the judgements asked for since it
// was read, and bytes that do not read are an empty memory.
func TestJudged(t *testing.T) {
	t.Parallel()
	gl, err := check.ParseGlossary("glossary.toml", []byte("[[term]]\nsource = \"ketamine\"\nrequired = true\nes = \"ketamina\"\n"), []string{"es"})
	if err != nil {
		t.Fatal(err)
	}
	dose := &catalog.Message{ID: "d", Other: "Take 0.5 mg/kg of <1>ketamine</1>."}
	ui := &catalog.Message{ID: "u", One: "{{.Count}} minute", Other: "{{.Count}} minutes"}
	cases := []struct {
		src, t *catalog.Message
	}{
		{dose, &catalog.Message{Other: "Tome 0,5 mg/kg de <1>ketamina</1>."}}, // fits
		{dose, &catalog.Message{Other: "Tome 5 mg/kg de <1>ketamina</1>."}},   // a number: held back
		{dose, &catalog.Message{Other: "Tome 0,5 mg/kg de ketamina."}},        // a placeholder lost
		{ui, &catalog.Message{One: "{{.Count}} minuto", Many: "{{.Count}} de minutos", Other: "{{.Count}} minutos"}},
		{ui, &catalog.Message{Other: "{{.Count}} minutos"}}, // a form missing
	}
	plain := NewRules("en", gl)
	want := make([]*Problem, len(cases))
	for i, c := range cases {
		want[i] = plain.Fits("es", c.src, c.t)
	}
	if want[0] != nil || want[1] == nil || want[1].Check != "numbers" || want[2] == nil || want[3] != nil || want[4] == nil {
		t.Fatalf("the cases are not what they say: %v", want)
	}
	same := func(a, b *Problem) bool {
		if a == nil || b == nil {
			return a == nil && b == nil
		}
		return a.Check == b.Check && a.Form == b.Form && a.Error() == b.Error()
	}

	first := NewRules("en", gl)
	j := NewJudged(nil)
	first.Remember("es", j)
	for i, c := range cases {
		if got := first.Fits("es", c.src, c.t); !same(got, want[i]) {
			t.Errorf("case %d, with an empty memory: %v, want %v", i, got, want[i])
		}
	}
	data := j.Bytes()

	// Read back, each judgement is the memory's: one it holds is not
	// worked out again (here, the first case's, changed in the bytes).
	again := NewRules("en", gl)
	again.Remember("es", NewJudged(data))
	for i, c := range cases {
		if got := again.Fits("es", c.src, c.t); !same(got, want[i]) {
			t.Errorf("case %d, read back: %v, want %v", i, got, want[i])
		}
	}
	key := judgedKey("es", cases[0].src, cases[0].t)
	forged := NewJudged(data)
	forged.old[key] = &Problem{Check: "numbers", Err: errString("remembered"), Form: "other"}
	forgedRules := NewRules("en", gl)
	forgedRules.Remember("es", forged)
	if got := forgedRules.Fits("es", cases[0].src, cases[0].t); got == nil || got.Error() != "remembered" {
		t.Errorf("a judgement the memory holds was worked out again: %v", got)
	}
	// Another language is judged afresh.
	if got := again.Fits("fr", cases[1].src, cases[1].t); got == nil || got.Check != "numbers" {
		t.Errorf("French, which has no memory: %v", got)
	}

	// Only what was asked since it was read is written.
	partial := NewJudged(data)
	r := NewRules("en", gl)
	r.Remember("es", partial)
	r.Fits("es", cases[1].src, cases[1].t)
	if n := len(NewJudged(partial.Bytes()).old); n != 1 {
		t.Errorf("a memory asked one judgement writes %d", n)
	}
	for _, bad := range [][]byte{[]byte("not a memory"), data[:len(data)-3], append([]byte(judgedMagic), 1, 2, 3)} {
		if n := len(NewJudged(bad).old); n != 0 {
			t.Errorf("%q reads as %d judgements", bad, n)
		}
	}
}

type errString string

func (e errString) Error() string { return string(e) }
