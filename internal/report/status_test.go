package report_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/verdict"
)

func TestStatus(t *testing.T) {
	t.Parallel()
	// Three source messages: one translated into es, one stale (its
	// translation was made for another source text), one missing.
	locales := glottest.FS(t, "testdata/status.txtar")

	s, err := locale.Load(locales, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	st := report.Status(compiled(t, s, "es", "fr"))
	var buf bytes.Buffer
	if err := st.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Source    string `json:"source"`
		Languages []map[string]any
	}
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	es := got.Languages[0]
	want := map[string]any{"lang": "es", "messages": 3.0, "translated": 1.0, "stale": 1.0, "missing": 1.0, "words_missing": 9.0, "percent": 33.33, "reviewed": 0.0}
	for k, v := range want {
		if es[k] != v {
			t.Errorf("es %s = %v, want %v (all: %v)", k, es[k], v, es)
		}
	}
	if len(es) != len(want) || got.Source != "en" {
		t.Errorf("JSON shape: %s", buf.Bytes())
	}
	fr := got.Languages[1]
	if fr["translated"] != 0.0 || fr["missing"] != 3.0 || fr["percent"] != 0.0 {
		t.Errorf("fr: %v", fr)
	}
	buf.Reset()
	if err := st.WriteText(&buf); err != nil || !bytes.Contains(buf.Bytes(), []byte("33.33%")) {
		t.Errorf("text: %s %v", buf.Bytes(), err)
	}
}

// compiled compiles the source and the catalogs of langs.
func compiled(t testing.TB, s *locale.Site, langs ...string) (*verdict.Source, []*verdict.Table) {
	t.Helper()
	src, ts, err := verdict.CompileLangs(s, langs)
	if err != nil {
		t.Fatal(err)
	}
	return src, ts
}

// tables compiles the catalogs of langs.
func tables(t *testing.T, s *locale.Site, langs ...string) []*verdict.Table {
	t.Helper()
	_, ts := compiled(t, s, langs...)
	return ts
}

// diff runs report.Diff on langs.
func diff(t *testing.T, s *locale.Site, o report.DiffOptions, langs ...string) *report.Findings {
	t.Helper()
	src, ts := compiled(t, s, langs...)
	r, err := report.Diff(src, ts, o)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// checks runs report.Check on langs.
func checks(t *testing.T, s *locale.Site, c *check.Checker, langs ...string) *report.Findings {
	t.Helper()
	src, ts := compiled(t, s, langs...)
	r, err := report.Check(src, ts, c, "content", nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
