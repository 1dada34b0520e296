package pseudo

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/msgtext"
)

func TestEnXA(t *testing.T) {
	src := "Read <1>the study</1> in 2016<2/>."
	got := Translate("en-XA", src)
	if !strings.HasPrefix(got, "⟦Ŕéåđ <1>ţĥé šţûđý</1> îñ 2016<2/>.") || !strings.HasSuffix(got, "⟧") {
		t.Errorf("got %q", got)
	}
	if err := msgtext.Check(src, got); err != nil {
		t.Errorf("placeholders: %v", err)
	}
	// About 35 % longer, counting letters.
	long := "Ketamine has shown itself to be a powerful tool in the fight against depression."
	ratio := float64(utf8.RuneCountInString(Translate("en-XA", long))) / float64(utf8.RuneCountInString(long))
	if ratio < 1.25 || ratio > 1.5 {
		t.Errorf("length ratio %.2f", ratio)
	}
	for _, r := range Translate("en-XA", "plain ASCII text") {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			t.Fatalf("unaccented letter %q left", r)
		}
	}
}

func TestArXB(t *testing.T) {
	got := Translate("ar-XB", "Two words, <1>one</1>.")
	want := "\u200F\u202ETwo\u202C\u200F \u200F\u202Ewords\u202C\u200F, <1>\u200F\u202Eone\u202C\u200F</1>."
	if got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestTemplateActionsStay(t *testing.T) {
	if got := Translate("en-XA", "Reading time: {{.Count}} minutes"); !strings.Contains(got, "{{.Count}}") || !strings.HasPrefix(got, "⟦Ŕéåđîñĝ ţîɱé: {{.Count}} ɱîñûţéš") {
		t.Errorf("got %q", got)
	}
}
