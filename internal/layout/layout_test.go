package layout

import (
	"reflect"
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
