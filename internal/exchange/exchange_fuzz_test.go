package exchange

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fuzzcheck"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/verdict"
)

// format is one of the formats translators' files come back in: glot's
// reader of it and the writer glot export uses.
type format struct {
	file  string
	read  func(file string, data []byte) (*Work, error)
	write func(src, trg string, us []unit) ([]byte, error)
	// codes says the format carries placeholders as paired inline codes,
	// so that only well-formed tags can travel in it.
	codes bool
}

// The seeds are in testdata/fuzz: glot's own exports of the sample site,
// files as other tools write them (XLIFF 1.2 among them, which glot does
// not read), and hostile ones.
func FuzzPO(f *testing.F) {
	fuzzFormat(f, format{file: "es.po", read: poIn, write: func(src, trg string, us []unit) ([]byte, error) {
		return poOut(src, trg, us, time.Time{})
	}})
}
func FuzzXLIFF(f *testing.F) {
	fuzzFormat(f, format{file: "es.xlf", read: xliffIn, write: infallible(xliffOut), codes: true})
}
func FuzzTMX(f *testing.F) {
	// A memory's first target language stands for all: they are read alike.
	read := func(file string, data []byte) (*Work, error) {
		ws, err := tmxIn(file, data, "en")
		if err != nil {
			return nil, err
		}
		return ws[0], nil
	}
	fuzzFormat(f, format{file: "es.tmx", read: read, write: infallible(tmxOut), codes: true})
}

func infallible(write func(src, trg string, us []unit) []byte) func(src, trg string, us []unit) ([]byte, error) {
	return func(src, trg string, us []unit) ([]byte, error) { return write(src, trg, us), nil }
}

// fuzzFormat checks a reader on any file: it ends in bounded time and
// memory, refuses with the file and line, gives each translation the line
// it stands on, and whatever it reads, exported in the same format and
// imported again, comes back the same.
func fuzzFormat(f *testing.F, fm format) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzcheck.MaxInput {
			return
		}
		var w *Work
		var err error
		fuzzcheck.Bounded(t, func() { w, err = fm.read(fm.file, data) })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, fm.file, data)
			return
		}
		lines := bytes.Count(data, []byte("\n")) + 1
		for id := range w.Translations {
			if l := w.Lines[id]; l < 1 || l > lines {
				t.Fatalf("translation %q is on line %d, outside the %d lines of the file", id, l, lines)
			}
		}

		var us []unit
		want := map[string]string{} // by id and plural form
		for _, id := range slices.Sorted(maps.Keys(w.Translations)) {
			m := &catalog.Message{ID: id}
			var names []string
			for _, f := range catalog.Forms(w.Translations[id]) {
				if fm.codes && msgtext.Check(f.Text, f.Text) != nil {
					continue // tags no source has; glot import refuses them
				}
				catalog.SetForm(m, f.Name, f.Text)
				names = append(names, f.Name)
				want[id+" "+f.Name] = f.Text
			}
			if len(names) == 0 {
				continue
			}
			u := unit{id: id, source: m, state: verdict.Translated, target: m}
			if len(names) > 1 || len(names) == 1 && names[0] != "other" {
				// A message with plural forms: in PO, those of the
				// language, which it numbers; elsewhere, those it has.
				u.forms = names
				if rule, err := pluralRuleOf(w.Lang); fm.file == "es.po" && err == nil {
					u.forms = rule.forms
				}
			}
			us = append(us, u)
		}
		if len(us) == 0 {
			return
		}
		src := "und" // any source language but the translations'
		if strings.EqualFold(w.Lang, src) {
			src = "zxx"
		}
		out, err := fm.write(src, w.Lang, us)
		if err != nil {
			t.Fatalf("glot cannot export what it imported of %q: %v", data, err)
		}
		var back *Work
		fuzzcheck.Bounded(t, func() { back, err = importOne(fm.file, out) })
		if err != nil {
			t.Fatalf("glot cannot import what it exported of %q: %v\n%s", data, err, out)
		}
		got := map[string]string{}
		for id, m := range back.Translations {
			for _, f := range catalog.Forms(m) {
				got[id+" "+f.Name] = f.Text
			}
		}
		if back.Lang != w.Lang || !maps.Equal(got, want) {
			t.Fatalf("exported and imported again, %q gives\n%q %q\nwhere it gave\n%q %q\n%s", data, back.Lang, got, w.Lang, want, out)
		}
	})
}

// Import tells the format by the content, and refuses any other file with
// its name.
func FuzzImport(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzcheck.MaxInput {
			return
		}
		var err error
		fuzzcheck.Bounded(t, func() { _, err = Import("work.txt", data, "en") })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, "work.txt", data)
		}
	})
}

// importOne imports a file that holds one language's work, checking no
// source language.
func importOne(file string, data []byte) (*Work, error) {
	ws, err := Import(file, data, "")
	if err != nil {
		return nil, err
	}
	if len(ws) != 1 {
		return nil, fmt.Errorf("%s: %d languages, not one", file, len(ws))
	}
	return ws[0], nil
}
