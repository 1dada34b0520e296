package verdict

import (
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/layout"
	"github.com/glot-i18n/glot/internal/locale"
)

// shippedSite is a site whose source catalog holds the default layout's
// interface messages, ui-skip worded as skip says (the default's wording
// when skip is ""), and whose catalog of lang is active.
func shippedSite(t *testing.T, skip, lang, active string) (*Table, *locale.Lang) {
	t.Helper()
	set, err := layout.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	src := catalog.New()
	for id, m := range set.Messages.Messages {
		cp := *m
		if id == "ui-skip" && skip != "" {
			cp.Other = skip
		}
		src.Messages[id] = &cp
	}
	fsys := fstest.MapFS{"active.en.toml": {Data: src.Bytes("", true)}, locale.ActivePath(lang): {Data: []byte(active)}}
	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang(lang)
	if err != nil {
		t.Fatal(err)
	}
	table, err := Compile(NewSource(s), l)
	if err != nil {
		t.Fatal(err)
	}
	return table, l
}

// glot's shipped translations of the default layout's text stand where a
// site has none of its own, in the language or in one it falls back to,
// and are counted as translated; a site's own translation stands before
// them; a message the site words otherwise gets none; and a translation
// of the site's own that is held back stays held, with its reason, while
// the shipped one shows.
func TestShippedTranslations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, skip, lang, active string
		state                    State
		shows, from              string // what a page shows for ui-skip, in which language; "" for the source
		translated               int    // of the 7 messages
		reason                   string // the check an entry held back names
	}{
		{"none of its own", "", "de", "", Translated, "Zum Inhalt springen", "de", 7, ""},
		{"a regional variant", "", "pt-BR", "", Translated, "Pular para o conteúdo", "pt", 7, ""},
		{"the site's own", "", "de", "[ui-skip]\nother = \"Direkt zum Inhalt\"\n", Translated, "Direkt zum Inhalt", "de", 7, ""},
		{"reworded by the site", "Jump to the text", "de", "", Missing, "", "", 6, ""},
		{"no language shipped", "", "ur", "", Missing, "", "", 0, ""},
		{"its own held back", "", "ar", "[ui-skip]\nother = \"{{.Secret}} انتقل\"\n", Held, "انتقل إلى المحتوى", "ar", 6, "template"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			table, _ := shippedSite(t, tt.skip, tt.lang, tt.active)
			e := table.Entry("ui-skip")
			if err := table.Err(); err != nil {
				t.Fatal(err)
			}
			if e.State != tt.state {
				t.Errorf("ui-skip is %s, want %s", e.State, tt.state)
			}
			m, from, _, ok := e.Use(Policy{})
			shows := ""
			if ok {
				shows = m.Other
			}
			if shows != tt.shows || from != tt.from {
				t.Errorf("a page shows %q in %q, want %q in %q", shows, from, tt.shows, tt.from)
			}
			if got := table.Summary().Translated; got != tt.translated {
				t.Errorf("%d messages counted as translated, want %d", got, tt.translated)
			}
			if tt.reason != "" && (e.Reason == nil || e.Reason.Check != tt.reason) {
				t.Errorf("the held translation's reason is %v, want %s", e.Reason, tt.reason)
			}
		})
	}
}
