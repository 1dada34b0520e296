package verdict

import (
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
)

// locales is a locales folder with a message in every situation a
// translation can be in: current, edited once and twice since it was
// translated, never translated, translated as empty, translated with its
// placeholders broken, reviewed, and a regional variant that takes what it
// lacks from its parent.
func locales(t *testing.T) *locale.Site {
	t.Helper()
	fsys := glottest.FS(t, "testdata/locales.txtar")
	fsys[".glot/review.es.toml"] = &fstest.MapFile{Data: []byte("[rev-g]\ntranslation = \"" + ledger.TextHash(&catalog.Message{Other: "Texto revisado"}) + "\"\n[cur-a]\ntranslation = \"sha1-other-text\"\n")}

	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func compile(t *testing.T, s *locale.Site, lang string) *Table {
	t.Helper()
	l, err := s.Lang(lang)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Compile(NewSource(s), l)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func TestCompile(t *testing.T) {
	t.Parallel()
	s := locales(t)
	es := compile(t, s, "es")
	tests := []struct {
		id               string
		state            State
		inForce, from    string
		prior, priorFrom string
		reviewed         bool
	}{
		{"cur-a", Translated, "Texto actual", "es", "", "", false}, // its review was of other text
		{"new-b", Stale, "", "", "Texto original", "Original text", false},
		{"newer-c", Stale, "", "", "Primer texto", "First text", false}, // found through the chain
		{"fresh-d", Missing, "", "", "", "", false},
		{"empty-e", Missing, "", "", "", "", false},
		{"bad-f", Held, "", "", "Sin el par", "Has <1>a pair</1>", false}, // not usable as it is: shown to the translator
		{"rev-g", Translated, "Texto revisado", "es", "", "", true},
		{"old-h", Stale, "", "", "Cambiado desde", "", false},
	}
	for _, tt := range tests {
		e := es.Entry(tt.id)
		if e.State != tt.state {
			t.Errorf("%s: %s, want %s", tt.id, e.State, tt.state)
			continue
		}
		if got := text(e.InForce); got != tt.inForce || e.From != tt.from || e.Reviewed != tt.reviewed {
			t.Errorf("%s: in force %q from %q reviewed %v, want %q from %q reviewed %v", tt.id, got, e.From, e.Reviewed, tt.inForce, tt.from, tt.reviewed)
		}
		if tt.prior == "" {
			if e.Prior != nil {
				t.Errorf("%s: prior %+v", tt.id, e.Prior)
			}
			continue
		}
		if e.Prior == nil || e.Prior.Translation.Other != tt.prior || e.Prior.Source != tt.priorFrom {
			t.Errorf("%s: prior %+v, want %q from %q", tt.id, e.Prior, tt.prior, tt.priorFrom)
		}
	}
	if e := es.Entry("bad-f"); e.Reason == nil || e.Reason.Check != "placeholders" || e.Own == nil || e.Prior.Fits {
		t.Errorf("bad-f: %+v", e)
	}
	if es.Entry("no-such-id") != nil {
		t.Error("an entry for an id the source does not have")
	}
}

// A regional variant shows its own translation where it has one that
// stands, and its parent's elsewhere; it is translated where either is.
func TestCompileRegionalVariant(t *testing.T) {
	t.Parallel()
	mx := compile(t, locales(t), "es-MX")
	tests := []struct {
		id, inForce, from string
		state             State
		reviewed          bool
	}{
		{"rev-g", "Texto revisado en México", "es-MX", Translated, false},
		{"cur-a", "Texto actual", "es", Translated, false},
		{"bad-f", "Con <1>el par</1>", "es-MX", Translated, false}, // es's is held back, es-MX's stands
		{"fresh-d", "", "", Missing, false},
	}
	for _, tt := range tests {
		e := mx.Entry(tt.id)
		if e.State != tt.state || text(e.InForce) != tt.inForce || e.From != tt.from || e.Reviewed != tt.reviewed {
			t.Errorf("%s: %s %q from %q reviewed %v, want %s %q from %q", tt.id, e.State, text(e.InForce), e.From, e.Reviewed, tt.state, tt.inForce, tt.from)
		}
	}
}

// What a build shows for each message depends on its policy: stale
// translations only when allowed and fitting, reviewed ones only when
// required.
func TestUse(t *testing.T) {
	t.Parallel()
	es := compile(t, locales(t), "es")
	tests := []struct {
		id      string
		p       Policy
		want    string
		stale   bool
		problem string
	}{
		{"cur-a", Policy{}, "Texto actual", false, ""},
		{"cur-a", Policy{RequireReviewed: true}, "", false, ""},
		{"rev-g", Policy{RequireReviewed: true}, "Texto revisado", false, ""},
		{"new-b", Policy{}, "", false, ""},
		{"new-b", Policy{AllowStale: true}, "Texto original", true, ""},
		{"new-b", Policy{AllowStale: true, RequireReviewed: true}, "", false, ""},
		{"bad-f", Policy{}, "", false, "placeholders"},
		{"bad-f", Policy{AllowStale: true}, "", false, "placeholders"},
		{"fresh-d", Policy{AllowStale: true}, "", false, ""},
	}
	for _, tt := range tests {
		e := es.Entry(tt.id)
		m, lang, stale, ok := e.Use(tt.p)
		if text(m) != tt.want || ok != (tt.want != "") || stale != tt.stale || ok && lang != "es" {
			t.Errorf("%s %+v: %q %q stale %v ok %v, want %q stale %v", tt.id, tt.p, text(m), lang, stale, ok, tt.want, tt.stale)
		}
		p := e.Problem(tt.p)
		if (p == nil) != (tt.problem == "") || p != nil && p.Check != tt.problem {
			t.Errorf("%s %+v: problem %v, want %q", tt.id, tt.p, p, tt.problem)
		}
	}
}

func text(m *catalog.Message) string {
	if m == nil {
		return ""
	}
	return m.Other
}
