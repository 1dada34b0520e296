package cli

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/catalog"
)

// dosePara is a paragraph with a dose, added to the sample site's page.
const dosePara = "A typical infusion gives 0.5 mg/kg of ketamine over 40 minutes.\n"

// A changed dose in a translation is never published unless a reviewer
// approved that text: merge takes it and warns, build shows the English
// sentence marked as English and names it, build --strict fails, and after
// glot approve the next build publishes it.
func TestChangedDoseIsHeldUntilApproved(t *testing.T) {
	t.Parallel()
	dir := sampleSite(t)
	page := filepath.Join(dir, "content", "ketamine-infusion-therapy.md")
	src := string(read(t, page))
	src = strings.Replace(src, "## How ketamine works", dosePara+"\n## How ketamine works", 1)
	write(t, page, src)
	run(t, dir, 0, "extract")
	run(t, dir, 0, "merge", "--lang", "es")
	translate := filepath.Join(dir, "locales", "translate.es.toml")
	id := fill(t, translate, "A typical infusion", "Una infusión típica administra 5 mg/kg de ketamina durante 40 minutos.")

	var out, errb bytes.Buffer
	if code := Run([]string{"-C", dir, "merge", "--lang", "es"}, &out, &errb); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errb.String())
	}
	if want := "message " + id + ": held back from the pages: numbers"; !strings.Contains(errb.String(), want) || !strings.Contains(errb.String(), "locales/active.es.toml:") {
		t.Errorf("merge does not warn of the dose, naming file and line:\n%s", errb.String())
	}
	active := string(read(t, filepath.Join(dir, "locales", "active.es.toml")))
	if !strings.Contains(active, "5 mg/kg") {
		t.Fatal("merge did not keep the translation")
	}

	out.Reset()
	errb.Reset()
	if code := Run([]string{"-C", dir, "build"}, &out, &errb); code != 0 {
		t.Fatalf("build: exit %d: %s", code, errb.String())
	}
	html := filepath.Join(dir, "public", "es", "ketamine-infusion-therapy", "index.html")
	if lang, ok := langOf(t, read(t, html), "0.5 mg/kg of ketamine"); !ok || lang != "en" {
		t.Errorf("the English sentence is shown with lang %q (found %v), want en", lang, ok)
	}
	if strings.Contains(string(read(t, html)), "5 mg/kg de ketamina") {
		t.Error("the wrong dose was published")
	}
	md := string(read(t, filepath.Join(dir, "localized", "es", "ketamine-infusion-therapy.md")))
	if strings.Contains(md, "5 mg/kg de ketamina") || !strings.Contains(md, dosePara[:40]) {
		t.Error("the Markdown output does not show the English sentence")
	}
	if !strings.Contains(errb.String(), "message "+id+": ") || !strings.Contains(out.String(), "held back") {
		t.Errorf("the build report does not name the translation held back:\n%s\n%s", out.String(), errb.String())
	}
	errb.Reset()
	if code := Run([]string{"-C", dir, "build", "--strict"}, &bytes.Buffer{}, &errb); code != 1 || !strings.Contains(errb.String(), id) {
		t.Errorf("build --strict: exit %d, want 1 naming %s:\n%s", code, id, errb.String())
	}

	// A reviewer approves the converted dose: it is published.
	run(t, dir, 0, "approve", "--lang", "es", id)
	run(t, dir, 0, "build", "--strict")
	if lang, ok := langOf(t, read(t, html), "5 mg/kg de ketamina"); !ok || lang != "es" {
		t.Errorf("after approval the translation is shown with lang %q (found %v), want es", lang, ok)
	}
	// glot check still reports it, as a warning: an approved text.
	var chk struct {
		Findings []struct{ ID, Kind, Severity, Message string }
	}
	decode(t, run(t, dir, 0, "check", "--lang", "es", "--format", "json"), &chk)
	found := false
	for _, f := range chk.Findings {
		if f.ID == id && f.Kind == "numbers" {
			found = f.Severity == "warning" && strings.Contains(f.Message, "approved")
		}
	}
	if !found {
		t.Errorf("check after approval: %+v", chk.Findings)
	}
	// A changed text is no longer approved.
	write(t, filepath.Join(dir, "locales", "active.es.toml"), strings.Replace(string(read(t, filepath.Join(dir, "locales", "active.es.toml"))), "5 mg/kg", "50 mg/kg", 1))
	run(t, dir, 0, "build")
	if strings.Contains(string(read(t, html)), "50 mg/kg") {
		t.Error("an edit after the approval was published")
	}
}

// fill writes text as the translation of the one message of a translate
// file whose source starts with prefix, and returns its id.
func fill(t *testing.T, file, prefix, text string) string {
	t.Helper()
	data := string(read(t, file))
	c, err := catalog.Parse(file, []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(data, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, "# en: "+prefix) {
			continue
		}
		for j := i + 1; j < len(lines); j++ {
			if strings.HasPrefix(lines[j], "[") {
				id := strings.Trim(strings.TrimSpace(lines[j]), `[]"`)
				if _, ok := c.Messages[id]; !ok {
					t.Fatalf("no message %s in %s", id, file)
				}
				for k := j + 1; k < len(lines); k++ {
					if strings.TrimSpace(lines[k]) == `other = ""` {
						lines[k] = "other = " + catalog.Quote(text) + "\n"
						write(t, file, strings.Join(lines, ""))
						return id
					}
				}
			}
		}
	}
	t.Fatalf("%s has no entry for %q", file, prefix)
	return ""
}

// langOf returns the language of the element that shows text in an HTML
// page: the lang of its nearest ancestor that has one.
func langOf(t *testing.T, page []byte, text string) (string, bool) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var find func(n *xhtml.Node) *xhtml.Node
	find = func(n *xhtml.Node) *xhtml.Node {
		if n.Type == xhtml.TextNode && strings.Contains(n.Data, text) {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	n := find(doc)
	if n == nil {
		return "", false
	}
	for ; n != nil; n = n.Parent {
		for _, a := range n.Attr {
			if a.Key == "lang" {
				return a.Val, true
			}
		}
	}
	return "", true
}
