package exchange

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/fuzzcheck"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/verdict"
)

// format is one of the formats translators' files come back in: glot's
// reader of it and the writer glot export uses.
type format struct {
	file  string
	read  func(file string, data []byte) (*Work, error)
	write func(src, trg string, us []unit) []byte
	// codes says the format carries placeholders as paired inline codes,
	// so that only well-formed tags can travel in it.
	codes bool
}

// The seeds are in testdata/fuzz: glot's own exports of the sample site,
// files as other tools write them (XLIFF 1.2 among them, which glot does
// not read), and hostile ones.
func FuzzPO(f *testing.F) { fuzzFormat(f, format{file: "es.po", read: poIn, write: poOut}) }
func FuzzXLIFF(f *testing.F) {
	fuzzFormat(f, format{file: "es.xlf", read: xliffIn, write: xliffOut, codes: true})
}
func FuzzTMX(f *testing.F) {
	fuzzFormat(f, format{file: "es.tmx", read: tmxIn, write: tmxOut, codes: true})
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
		want := map[string]string{}
		for _, id := range slices.Sorted(maps.Keys(w.Translations)) {
			tr := w.Translations[id]
			if fm.codes && msgtext.Check(tr, tr) != nil {
				continue // tags no source has; glot import refuses them
			}
			us = append(us, unit{id: id, source: tr, state: verdict.Translated, target: tr})
			if tr != "" {
				want[id] = tr
			}
		}
		if len(us) == 0 {
			return
		}
		src := "und" // any source language but the translations'
		if strings.EqualFold(w.Lang, src) {
			src = "zxx"
		}
		out := fm.write(src, w.Lang, us)
		var back *Work
		fuzzcheck.Bounded(t, func() { back, err = Import(fm.file, out) })
		if err != nil {
			t.Fatalf("glot cannot import what it exported of %q: %v\n%s", data, err, out)
		}
		got := map[string]string{}
		for id, tr := range back.Translations {
			if tr != "" {
				got[id] = tr
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
		fuzzcheck.Bounded(t, func() { _, err = Import("work.txt", data) })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, "work.txt", data)
		}
	})
}
