package layout

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func TestDefault(t *testing.T) {
	s, err := Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ui-footer", "ui-languages", "ui-last-updated", "ui-outdated", "ui-reading-time", "ui-skip", "ui-untranslated"}
	if got := s.Used(); !reflect.DeepEqual(got, want) {
		t.Errorf("Used = %v", got)
	}
	m := s.Messages.Messages["ui-reading-time"]
	if m.One == "" || m.Other == "" || m.Description == "" {
		t.Errorf("ui-reading-time: %+v", m)
	}
	if len(s.Interface()) != len(want) {
		t.Errorf("Interface: %d messages", len(s.Interface()))
	}
}

func TestSiteLayouts(t *testing.T) {
	site := fstest.MapFS{
		"page.html": {Data: []byte(`<html>{{if .X}}{{t "my-note"}}{{end}}{{range .Y}}{{t "ui-skip"}}{{end}}{{.Content}}</html>`)},
		"ui.toml":   {Data: []byte("[my-note]\ndescription = \"A note.\"\nother = \"Note\"\n\n[ui-skip]\nother = \"Skip\"\n")},
	}
	s, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Used(); !reflect.DeepEqual(got, []string{"my-note", "ui-skip"}) {
		t.Errorf("Used = %v", got)
	}
	if s.Files["page.html"] != "layouts/page.html" || !strings.Contains(s.Files["index.html"], "default") {
		t.Errorf("files: %v", s.Files)
	}
	site["page.html"] = &fstest.MapFile{Data: []byte(`{{t "undefined-message"}}`)}
	if _, err := Load(site); err == nil || !strings.Contains(err.Error(), `layouts/page.html calls the message "undefined-message", which layouts/ui.toml does not define`) {
		t.Errorf("error = %v", err)
	}
}

// A site's shortcode templates are part of its layout: loaded from
// layouts/shortcodes, in folders too, and their interface messages are
// extracted as the page templates' are, whatever functions they call.
func TestShortcodeTemplates(t *testing.T) {
	site := fstest.MapFS{
		"shortcodes/note.html":      {Data: []byte(`<div><strong>{{t "my-note"}}</strong>{{ .Inner | markdownify }}</div>`)},
		"shortcodes/docs/tabs.html": {Data: []byte(`<div class="tabs">{{ .Inner }}</div>`)},
		"shortcodes/README.md":      {Data: []byte(`not a template`)},
		"ui.toml":                   {Data: []byte("[my-note]\nother = \"Note\"\n[ui-footer]\nother = \"F\"\n[ui-languages]\nother = \"L\"\n[ui-last-updated]\nother = \"U\"\n[ui-outdated]\nother = \"O\"\n[ui-reading-time]\nother = \"R\"\n[ui-skip]\nother = \"S\"\n[ui-untranslated]\nother = \"N\"\n")},
	}
	s, err := Load(site)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.Shortcodes(); !reflect.DeepEqual(got, []string{"shortcodes/docs/tabs.html", "shortcodes/note.html"}) {
		t.Errorf("Shortcodes = %v", got)
	}
	if n, ok := s.Shortcode("docs/tabs"); !ok || s.Files[n] != "layouts/shortcodes/docs/tabs.html" {
		t.Errorf("docs/tabs: %q %v", n, ok)
	}
	if _, ok := s.Shortcode("README"); ok {
		t.Error("a file that is not HTML is a template")
	}
	if !slices.Contains(s.Used(), "my-note") {
		t.Errorf("Used = %v", s.Used())
	}
}
