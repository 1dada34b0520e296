package check

import (
	"reflect"
	"testing"
)

// The terms an editor shows beside a source are those the checks will
// hold its translation to: kept terms, and translated ones with their
// renderings in the language; a term inside a kept one is not there.
func TestGlossaryIn(t *testing.T) {
	g, err := ParseGlossary("glossary.toml", []byte(`
keep = ["Spravato", "Ketamine Clinic of Austin"]

[[term]]
source = "ketamine"
forms = ["ketamines"]
de = "Ketamin"
required = true
note = "the drug, not the clinic"

[[term]]
source = "dose"
es = "dosis"
`), []string{"en", "de", "es"})
	if err != nil {
		t.Fatal(err)
	}
	got := g.In("de", "Ask the <1>Ketamine Clinic of Austin</1> about ketamine and Spravato.")
	want := []Found{
		{Term: "Spravato", Note: "stays as it is"},
		{Term: "Ketamine Clinic of Austin", Note: "stays as it is"},
		{Term: "ketamine", Renderings: []string{"Ketamin"}, Note: "the drug, not the clinic", Required: true},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if got := g.In("de", "One dose."); len(got) != 1 || got[0].Term != "dose" || got[0].Renderings != nil {
		t.Errorf("a term with no rendering in the language: %+v", got)
	}
	if got := (*Glossary)(nil).In("de", "ketamine"); got != nil {
		t.Errorf("no glossary: %+v", got)
	}
}
