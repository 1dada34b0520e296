package site

import (
	"math/rand/v2"
	"testing"

	"github.com/glot-i18n/glot/internal/render"
)

// TestSpans checks the sorted answers against the plain definitions, over
// random insertions and spans that overlap, nest and touch.
func TestSpans(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var inserts []edit
		var spans []render.Span
		for range r.IntN(20) {
			at := r.IntN(100)
			inserts = append(inserts, edit{at, at, string(make([]byte, r.IntN(5)))})
		}
		for range r.IntN(20) {
			s := r.IntN(100)
			spans = append(spans, render.Span{Start: s, End: s + r.IntN(10)})
		}
		sh, set := newShifts(inserts), newSpanSet(spans)
		for at := -1; at <= 110; at++ {
			want := at
			for _, e := range inserts {
				if e.start <= at {
					want += len(e.text)
				}
			}
			if got := sh.moved(at); got != want {
				t.Fatalf("round %d: %d moves to %d, want %d", round, at, got, want)
			}
			in := false
			for _, s := range spans {
				in = in || at >= s.Start && at < s.End
			}
			if got := set.has(at); got != in {
				t.Fatalf("round %d: has(%d) = %v, want %v (spans %v)", round, at, got, in, spans)
			}
		}
	}
}
