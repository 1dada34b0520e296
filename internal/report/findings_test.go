package report_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/report"
)

// site: three messages on a page; es has one current, one stale (edited
// since), one missing; the current one has a wrong number.
func site(t *testing.T) *locale.Site {
	t.Helper()
	fsys := glottest.FS(t, "testdata/findings.txtar")

	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDiff(t *testing.T) {
	t.Parallel()
	r := diff(t, site(t), report.DiffOptions{ContentName: "content"}, "es")
	if len(r.Findings) != 3 || r.Count("missing", "") != 1 || r.Count("stale", "") != 2 {
		t.Fatalf("findings: %+v", r.Findings)
	}
	// The wrong dose is held back: the page shows the source.
	if held := r.Findings[0]; held.ID != "dose-aaaa" || !strings.Contains(held.Message, `held back from the pages (numbers: "2" of the source is not in the translation)`) || !strings.Contains(held.Message, "glot approve") {
		t.Errorf("held finding: %+v", held)
	}
	st := r.Findings[1]
	if st.Kind != "stale" || st.Page != "content/a.md" || st.Line != 5 || st.Previous != "The text as it was." || st.Translation != "El texto como era." {
		t.Errorf("stale finding: %+v", st)
	}
	if got := lcs.FormatDiff(st.Diff, "[-", "-]", "{+", "+}", ""); got != "The text as it [-was.-]{+is now.+}" {
		t.Errorf("word diff: %q", got)
	}
	var out struct {
		Findings []map[string]any `json:"findings"`
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, "json"); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(buf.Bytes(), &out); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"lang", "id", "page", "line", "kind", "severity", "message"} {
		if _, ok := out.Findings[0][k]; !ok {
			t.Errorf("JSON finding lacks %q: %s", k, buf.Bytes())
		}
	}
	for format, want := range map[string]string{
		"text":     "es: 1 missing, 2 stale (12 words)\n  content/a.md:3: warning: stale: dose-aaaa\n      held back from the pages (numbers: \"2\" of the source is not in the translation): if it is right, a reviewer approves it with glot approve\n  content/a.md:5: warning: stale: edited-bbbb\n      the source changed since it was translated: The text as it [-was.-]{+is now.+}\n",
		"markdown": "| `content/a.md:5` | warning stale | source changed: The text as it ~~was.~~ **is now.** |",
		"github":   "::warning file=content/a.md,line=7,title=es%3A missing new-cccc::no translation: A new sentence.\n",
	} {
		buf.Reset()
		if err := r.Write(&buf, format); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(buf.String(), want) {
			t.Errorf("%s:\n%s\nwant it to contain\n%s", format, buf.String(), want)
		}
	}
	// Only what changed since a revision: new-cccc was not there.
	r = diff(t, site(t), report.DiffOptions{Since: map[string]bool{"dose-aaaa": true, "edited-bbbb": true}}, "es")
	if len(r.Findings) != 1 || r.Findings[0].ID != "new-cccc" {
		t.Errorf("--since: %+v", r.Findings)
	}
}

func TestCheckReport(t *testing.T) {
	t.Parallel()
	r := checks(t, site(t), check.New("en", nil), "es")
	if len(r.Findings) != 1 || r.Findings[0].Kind != "numbers" || r.Findings[0].Severity != "error" || r.Findings[0].Line != 3 {
		t.Fatalf("findings: %+v", r.Findings)
	}
	var buf bytes.Buffer
	if err := r.Write(&buf, "sarif"); err != nil {
		t.Fatal(err)
	}
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Tool struct {
				Driver struct {
					Rules []struct{ ID string } `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
						Region           struct{ StartLine int } `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(buf.Bytes(), &sarif); err != nil {
		t.Fatal(err)
	}
	res := sarif.Runs[0].Results[0]
	if sarif.Version != "2.1.0" || res.RuleID != "numbers" || res.Level != "error" || res.Locations[0].PhysicalLocation.ArtifactLocation.URI != "content/a.md" ||
		res.Locations[0].PhysicalLocation.Region.StartLine != 3 || sarif.Runs[0].Tool.Driver.Rules[0].ID != "numbers" {
		t.Errorf("SARIF: %s", buf.Bytes())
	}
}

func TestReviewPage(t *testing.T) {
	t.Parallel()
	files, err := report.NewReview(site(t), tables(t, site(t), "es")[0], check.New("en", nil), report.ReviewOptions{Content: "content", Index: "review.html"}).Files()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || files[0].Name != "review.html" {
		t.Fatalf("a small site's review is one file: %d files", len(files))
	}
	page := string(files[0].Data)
	for _, want := range []string{
		`<html lang="en">`, "<h2>content/a.md", "Tome 3 comprimidos.", "numbers", `<span class="state stale">stale</span>`,
		`<span class="state missing">missing</span>`, "<del>was.</del><ins>is now.</ins>", "El texto como era.",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("review page lacks %q", want)
		}
	}
	if strings.Contains(page, "<script") || strings.Contains(page, `<link rel="stylesheet"`) {
		t.Error("the review page must be self-contained")
	}
}

// Every plural form of a translation is checked, against the source's form
// of the same name, and a finding says which form.
func TestCheckPluralForms(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`
[ui-reading-time]
one = "Reading time: {{.Count}} minute"
other = "Reading time: {{.Count}} minutes"
`)},
		"active.ar.toml": {Data: []byte(`
[ui-reading-time]
one = "مدة القراءة: دقيقة واحدة"
few = "مدة القراءة: {{.Count}} دقائق {{.Secret}}"
other = "مدة القراءة: {{.Count}} دقيقة"
`)},
	}
	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	r := checks(t, s, check.New("en", nil), "ar")
	if len(r.Findings) != 1 || r.Findings[0].Kind != "template" || !strings.HasPrefix(r.Findings[0].Message, "few: template action {{.Secret}}") {
		t.Fatalf("findings: %+v", r.Findings)
	}
}
