package merge_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/merge"
)

// Work brought back from a translator's tool is folded in as the translate
// file's is: checked, and refused when its placeholders do not fit.
func TestImported(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	ls := s.load()
	var good, bad string
	for id, m := range ls.Source.Messages {
		switch {
		case strings.Contains(m.Other, "<2>"):
			bad = id
		case m.Other == "Page A":
			good = id
		}
	}
	res := s.merge("es", merge.Options{Imported: []merge.Imported{{
		File:         "es.xlf",
		Translations: map[string]*catalog.Message{good: {Other: "Página A"}, bad: {Other: "Sin etiquetas."}},
		Lines:        map[string]int{good: 7, bad: 12},
	}}})
	if res.Folded != 1 || len(res.Refused) != 1 || res.Refused[0].File != "es.xlf" || res.Refused[0].Line != 12 {
		t.Fatalf("merge: %s", summary(res))
	}
	if !strings.Contains(s.file("active.es.toml"), `other = "Página A"`) || !strings.Contains(s.file("translate.es.toml"), `other = "Sin etiquetas."`) {
		t.Errorf("the good one is in force, the refused one waits in the translate file:\n%s", s.file("translate.es.toml"))
	}
}

// An import that brings a translation of a message whose translation
// waits, filled in, in the translate file takes the imported one, and
// keeps the other in the archive, saying so: two translators' work for one
// message, and neither is lost.
func TestImportKeepsWaitingTranslation(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	s.merge("es", merge.Options{})
	s.translate("es", spanish)
	var id string
	for i, m := range s.load().Source.Messages {
		if m.Other == "Page A" {
			id = i
		}
	}
	res := s.merge("es", merge.Options{Imported: []merge.Imported{{
		File: "es.po", Translations: map[string]*catalog.Message{id: {Other: "Página A"}}, Lines: map[string]int{id: 9},
	}}})
	if !strings.Contains(s.file("active.es.toml"), `other = "Página A"`) {
		t.Errorf("the imported translation is not in force:\n%s", s.file("active.es.toml"))
	}
	if !strings.Contains(s.file(".glot/archive.es.toml"), `other = "ES Page A"`) {
		t.Errorf("the translation that waited in the translate file is not in the archive:\n%s", s.file(".glot/archive.es.toml"))
	}
	said := false
	for _, n := range res.Notes {
		said = said || n.File == "es.po" && n.Line == 9 && n.ID == id && strings.Contains(n.Text, "translate.es.toml")
	}
	if !said {
		t.Errorf("no note names the replaced translation: %v", res.Notes)
	}
}

// arabicReadingTime is a translation of the interface message
// ui-reading-time into Arabic, with the six forms Arabic distinguishes.
var arabicReadingTime = catalog.Message{
	Zero:  "مدة القراءة: {{.Count}} دقيقة (صفر)",
	One:   "مدة القراءة: دقيقة واحدة",
	Two:   "مدة القراءة: دقيقتان",
	Few:   "مدة القراءة: {{.Count}} دقائق",
	Many:  "مدة القراءة: {{.Count}} دقيقة",
	Other: "مدة القراءة: {{.Count}} دقيقة (مئة)",
}

// pluralSite is a site whose interface message ui-reading-time has plural
// forms, translated into Arabic with all six in force.
func pluralSite(t *testing.T) *site {
	t.Helper()
	s := newSite(t, map[string]string{"a.md": pageA})
	src := &catalog.Message{ID: "ui-reading-time", One: "Reading time: {{.Count}} minute", Other: "Reading time: {{.Count}} minutes"}
	s.ui = []*catalog.Message{src}
	s.extract()
	m := arabicReadingTime
	m.Hash = catalog.Hash(src)
	var b bytes.Buffer
	catalog.WriteTable(&b, "ui-reading-time", &m, true)
	s.locales["active.ar.toml"] = &fstest.MapFile{Data: b.Bytes()}
	return s
}

// activeForms are the forms of message id in force in lang's catalog.
func activeForms(t *testing.T, s *site, lang, id string) *catalog.Message {
	t.Helper()
	c, err := catalog.Parse("active."+lang+".toml", []byte(s.file("active."+lang+".toml")))
	if err != nil {
		t.Fatal(err)
	}
	if m := c.Messages[id]; m != nil {
		return m
	}
	return &catalog.Message{}
}

// An import that brings some plural forms of a message changes those, and
// keeps the others in force: a file that brings only "other" (as every
// export did) took none, or would have left Arabic with one form of six.
func TestImportKeepsPluralForms(t *testing.T) {
	for name, tt := range map[string]struct {
		brought catalog.Message
		want    func(m *catalog.Message)
	}{
		"other only": {catalog.Message{Other: "زمن القراءة: {{.Count}} دقيقة"}, func(m *catalog.Message) { m.Other = "زمن القراءة: {{.Count}} دقيقة" }},
		"few and many": {catalog.Message{Few: "زمن القراءة: {{.Count}} دقائق", Many: "زمن القراءة: {{.Count}} دقيقة"}, func(m *catalog.Message) {
			m.Few, m.Many = "زمن القراءة: {{.Count}} دقائق", "زمن القراءة: {{.Count}} دقيقة"
		}},
		"all six": {catalog.Message{Zero: "0 {{.Count}}", One: "1", Two: "2", Few: "{{.Count}} few", Many: "{{.Count}} many", Other: "{{.Count}} other"}, func(m *catalog.Message) {
			*m = catalog.Message{Zero: "0 {{.Count}}", One: "1", Two: "2", Few: "{{.Count}} few", Many: "{{.Count}} many", Other: "{{.Count}} other"}
		}},
	} {
		t.Run(name, func(t *testing.T) {
			s := pluralSite(t)
			brought := tt.brought
			res := s.merge("ar", merge.Options{Imported: []merge.Imported{{
				File: "ar.po", Translations: map[string]*catalog.Message{"ui-reading-time": &brought}, Lines: map[string]int{"ui-reading-time": 12},
			}}})
			if len(res.Refused) != 0 || res.Folded != 1 {
				t.Fatalf("merge: %s", summary(res))
			}
			want := arabicReadingTime
			tt.want(&want)
			got := activeForms(t, s, "ar", "ui-reading-time")
			if !slices.Equal(catalog.Forms(got), catalog.Forms(&want)) {
				t.Errorf("in force:\n%v\nwant\n%v", catalog.Forms(got), catalog.Forms(&want))
			}
			if st := s.status("ar"); st.Missing+st.Stale != st.Messages-1 {
				t.Errorf("ui-reading-time is not translated: %+v", st)
			}
		})
	}
}

// A plural form brought back that the language does not use is kept, and
// the merge says so: it is neither dropped nor taken in silence.
func TestImportedFormTheLanguageLacks(t *testing.T) {
	s := pluralSite(t)
	m := &catalog.Message{Hash: catalog.Hash(&catalog.Message{Other: "Reading time: {{.Count}} minutes"}), One: "Lesezeit: {{.Count}} Minute", Other: "Lesezeit: {{.Count}} Minuten"}
	var b bytes.Buffer
	catalog.WriteTable(&b, "ui-reading-time", m, true)
	s.locales["active.de.toml"] = &fstest.MapFile{Data: b.Bytes()}
	res := s.merge("de", merge.Options{Imported: []merge.Imported{{
		File: "de.xlf", Translations: map[string]*catalog.Message{"ui-reading-time": {Few: "Lesezeit: {{.Count}} Minuten (einige)"}}, Lines: map[string]int{"ui-reading-time": 30},
	}}})
	got := activeForms(t, s, "de", "ui-reading-time")
	if got.Few != "Lesezeit: {{.Count}} Minuten (einige)" || got.One != m.One || got.Other != m.Other {
		t.Errorf("in force: %+v", got)
	}
	said := false
	for _, n := range res.Notes {
		said = said || n.File == "de.xlf" && n.Line == 30 && strings.Contains(n.Text, "few") && strings.Contains(n.Text, "no page shows it")
	}
	if !said {
		t.Errorf("no note names the form de does not use: %s", summary(res))
	}
}

// A file with units for messages the site never had is an error naming
// each, and nothing of it is taken; with Partial the rest is taken and
// each unit left out is named. Neither fills the archive with them.
func TestImportUnknownIDs(t *testing.T) {
	s := newSite(t, map[string]string{"a.md": pageA})
	s.extract()
	var good string
	for id, m := range s.load().Source.Messages {
		if m.Other == "Page A" {
			good = id
		}
	}
	im := func() []merge.Imported {
		return []merge.Imported{{File: "es.po", Translations: map[string]*catalog.Message{
			good:        {ID: good, Other: "Página A"},
			"made-up-1": {ID: "made-up-1", Other: "Inventado"},
		}, Lines: map[string]int{good: 5, "made-up-1": 9}}}
	}
	ls := s.load()
	l, err := ls.Lang("es")
	if err != nil {
		t.Fatal(err)
	}
	_, err = merge.Run(ls, l, merge.Options{ContentName: "content", Imported: im()})
	if err == nil || !strings.Contains(err.Error(), "es.po:9: made-up-1: no message of the site has this id") || !strings.Contains(err.Error(), "--partial") {
		t.Fatalf("strict import: error = %v", err)
	}
	res := s.merge("es", merge.Options{Imported: im(), Partial: true})
	if res.Folded != 1 || len(res.LeftOut) != 1 || res.LeftOut[0].ID != "made-up-1" || res.LeftOut[0].Line != 9 {
		t.Fatalf("partial import: %s, left out %v", summary(res), res.LeftOut)
	}
	if !strings.Contains(s.file("active.es.toml"), "Página A") || strings.Contains(s.file(".glot/archive.es.toml"), "made-up-1") {
		t.Errorf("active:\n%s\narchive:\n%s", s.file("active.es.toml"), s.file(".glot/archive.es.toml"))
	}
}
