package report_test

import (
	"os"
	"testing"

	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/report"
)

// The sample site: German is about 60 % done, and every shipped
// translation passes the checks with the site's glossary.
func TestSampleSite(t *testing.T) {
	t.Parallel()
	s, err := locale.Load(os.DirFS("../../locales"), "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	d := diff(t, s, report.DiffOptions{ContentName: "content"}, "de")
	if n := d.Count("missing", ""); n < 15 || n > 20 || d.Count("stale", "") != 0 {
		t.Errorf("German gaps: %d missing, %d stale", n, d.Count("stale", ""))
	}
	for _, f := range d.Findings {
		if f.Page == "" || f.Line == 0 {
			t.Errorf("a gap without its place: %+v", f)
		}
	}
	data, err := os.ReadFile("../../glossary.toml")
	if err != nil {
		t.Fatal(err)
	}
	g, err := check.ParseGlossary("glossary.toml", data, []string{"en", "es", "fr", "ar", "de"})
	if err != nil {
		t.Fatal(err)
	}
	r := checks(t, s, check.New("en", g), "es", "fr", "ar", "de")
	for _, f := range r.Findings {
		t.Errorf("%s:%d: %s: %s: %s", f.Page, f.Line, f.Lang, f.Kind, f.Message)
	}
}
