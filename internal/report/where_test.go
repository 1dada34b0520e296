package report

import (
	"bytes"
	"strings"
	"testing"
)

// A message on no page, the layout's interface text, is named in the
// Markdown report's Where cell, which was empty for it.
func TestMarkdownWhereOfInterfaceText(t *testing.T) {
	t.Parallel()
	f := &Findings{tool: "diff", Findings: []Finding{
		{Lang: "ja", ID: "ui-skip", Kind: "missing", Severity: "warning", Message: "no translation: Skip to content"},
		{Lang: "ja", ID: "first-aaaa", Page: "content/a.md", Line: 3, Kind: "missing", Severity: "warning", Message: "no translation: First."},
	}}
	var b bytes.Buffer
	if err := f.writeMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"| interface text `ui-skip` | warning missing | no translation: Skip to content |",
		"| `content/a.md:3` | warning missing | no translation: First. |",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the report lacks %s:\n%s", want, b.String())
		}
	}
}

// The status page writes a share as a reader does: "100 %", "65.4 %",
// and a share short of all never as 100.
func TestPercent(t *testing.T) {
	t.Parallel()
	for p, want := range map[float64]string{100: "100 %", 0: "0 %", 65.38461: "65.4 %", 99.95: "99.9 %", 50: "50 %"} {
		if got := percent(p); got != want {
			t.Errorf("percent(%v) = %q, want %q", p, got, want)
		}
	}
}

// The status page names a gap of the interface text as such: it read
// "missing : Skip to content".
func TestStatusHTMLGapOfInterfaceText(t *testing.T) {
	t.Parallel()
	data := struct {
		Source string
		Langs  []langData
		Index  string
	}{Source: "en", Langs: []langData{{
		LangStatus: LangStatus{Lang: "ja", Messages: 2, Translated: 1, Missing: 1, Percent: 50},
		Name:       "日本語",
		Gaps:       []gap{{Kind: "missing", Source: "Skip to content"}},
	}}}
	var b bytes.Buffer
	if err := pages.ExecuteTemplate(&b, "status.html", data); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<span class="kind missing">missing</span> interface text: Skip to content`, `<td class="num">50 %</td>`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("the status page lacks %s:\n%s", want, b.String())
		}
	}
}
