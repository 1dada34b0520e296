package merge_test

import (
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/merge"
)

// A new message close to one already translated gets that translation as a
// suggestion, with its score, and a warning when numbers, units or
// negations differ. A suggestion is a comment: nothing is translated until
// the translator writes it in.
func TestSuggestions(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	s.write("c.md", "# Page C\n\nThe first paragraph of page C talks about *ketamine* and [receptors](b.md).\n\nThe third paragraph of page A closes the page, not.\n\nThe second paragraph of page A is about 2 other things entirely.\n")
	s.extract()
	res := s.merge("es", merge.Options{})
	if res.Suggested != 3 {
		t.Fatalf("suggested %d: %s", res.Suggested, summary(res))
	}
	tr := s.file("translate.es.toml")
	for _, want := range []string{
		"# suggestion (93 %): ES The first paragraph of page A talks about <1>ketamine</1> and <2>receptors</2>.",
		"#   translates: The first paragraph of page A talks about <1>ketamine</1> and <2>receptors</2>.",
		"# CAUTION: negations differ: not here, none there: check the suggestion before using it",
		"# CAUTION: numbers differ: 2 here, none there: check the suggestion before using it",
	} {
		if !strings.Contains(tr, want) {
			t.Errorf("translate.es.toml lacks %q:\n%s", want, tr)
		}
	}
	if st := s.status("es"); st.Missing != 4 {
		t.Errorf("a suggestion is not a translation: %+v", st)
	}
}

// Translation memory never offers a text that fails a blocking check
// against its own source: a wrong interval would be copied to the next
// page, approved or not.
func TestSuggestionsPassTheBlockingChecks(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": "# Dosing\n\nTake 2 tablets every 6 hours with water.\n\nDrink a glass of water after each of the tablets.\n"})
	s.extract()
	s.merge("es", merge.Options{})
	s.translate("es", func(src string) string { return "ES " + strings.ReplaceAll(src, "6", "8") })
	res := s.merge("es", merge.Options{})
	if len(res.Held) != 1 || res.Folded != 3 {
		t.Fatalf("the wrong interval is not held back: %s, held %v", summary(res), res.Held)
	}
	// Said at the form that fails, in the catalog it is now in, not in
	// the translate file it was read from, which merge rewrote.
	if h := res.Held[0]; h.File != "locales/active.es.toml" || h.Line != lineOf(s.file("active.es.toml"), h.ID, "other") {
		t.Errorf("held back at %s, want active.es.toml:%d", h.Where(), lineOf(s.file("active.es.toml"), h.ID, "other"))
	}
	s.write("b.md", "# More dosing\n\nTake 2 tablets every 6 hours with milk.\n\nDrink a glass of water after each of the tablets, please.\n")
	s.extract()
	s.merge("es", merge.Options{})
	tr := s.file("translate.es.toml")
	if !strings.Contains(tr, "# suggestion") || !strings.Contains(tr, "ES Drink a glass of water after each of the tablets.") {
		t.Fatalf("the good translation is not suggested:\n%s", tr)
	}
	if strings.Contains(tr, "every 8 hours") {
		t.Errorf("the wrong interval is suggested:\n%s", tr)
	}
}
