package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/verdict"
)

// defectPage has a paragraph for each kind of translation a catalog can
// hold.
const defectPage = `---
title: Dosing
---

# Dosing

Take the *first* dose.

Read the [guide](https://example.org/guide) first.

Call us today.

See *this* page.

Write to us.

Come back soon.

Ask a question.

Say hello.

Take 2 tablets a day.

Ask the front desk.

Rest well.
`

// defect is one translation of a catalog, and the verdict every command
// must agree on.
type defect struct {
	lang  string
	src   string // the source text, or the id of an interface message
	m     catalog.Message
	state verdict.State
	check string // for Held: what glot check reports
	shown string // a word of the translation, to look for on the built page
}

var defects = []defect{
	{"es", "Dosing", catalog.Message{Other: "Dosis"}, verdict.Translated, "", "Dosis"},
	{"es", "Take the <1>first</1> dose.", catalog.Message{Other: "Tome la <1>primera</1> dosis."}, verdict.Translated, "", "primera"},
	{"es", "Read the <1>guide</1> first.", catalog.Message{Other: "Lea la guía primero."}, verdict.Held, "placeholders", "primero"},
	{"es", "Call us today.", catalog.Message{Other: "Llámenos <1/> hoy."}, verdict.Held, "placeholders", "Llámenos"},
	{"es", "See <1>this</1> page.", catalog.Message{Other: "Vea <1>esta página."}, verdict.Held, "placeholders", "esta página"},
	{"es", "Write to us.", catalog.Message{Other: "Escríbanos {{.Secret}}."}, verdict.Held, "template", "Escríbanos"},
	{"es", "Come back soon.", catalog.Message{Hash: "sha1-0000000000000000000000000000000000000000", Other: "Vuelva pronto."}, verdict.Stale, "", "Vuelva"},
	{"es", "Ask a question.", catalog.Message{Other: ""}, verdict.Missing, "", ""},
	{"es", "ui-skip", catalog.Message{Other: "Ir al {{.Count}}"}, verdict.Held, "template", "Ir al"},
	{"es", "ui-reading-time", catalog.Message{One: "{{.Count}} minuto", Many: "{{.Count}} de minutos", Other: "{{range 9}}minutos{{end}}"}, verdict.Held, "template", "minutos"},
	// Held back by a blocking check: kept, but shown only once approved.
	{"es", "Take 2 tablets a day.", catalog.Message{Other: "Tome 3 comprimidos al día."}, verdict.Held, "numbers", "comprimidos"},
	{"es", "Ask the front desk.", catalog.Message{Other: "Pregunte en www.evil.example."}, verdict.Held, "addresses", "Pregunte"},
	{"es", "Rest well.", catalog.Message{Other: "Descanse \u202ebien."}, verdict.Held, "characters", "Descanse"},
	{"es", "ui-footer", catalog.Message{Other: "Esta página existe en varios idiomas."}, verdict.Translated, "", "varios idiomas"},
	{"ar", "Dosing", catalog.Message{Other: "الجرعات"}, verdict.Translated, "", "الجرعات"},
	{"ar", "ui-skip", catalog.Message{Other: "انتقل إلى المحتوى"}, verdict.Translated, "", "انتقل"},
	{"ar", "ui-reading-time", catalog.Message{Zero: "{{.Count}} دقيقة", One: "دقيقة واحدة", Two: "دقيقتان", Many: "{{.Count}} دقيقة", Other: "{{.Count}} دقيقة"}, verdict.Held, "plural", "دقيقتان"},
}

// TestCommandsAgree gives a catalog a translation of every kind (fitting,
// stale, empty, missing, and held back for each reason the verdict knows)
// and checks that merge, build, check, status and diff all say the same of
// each: what one command uses, every command counts as translated; what one
// holds back, every other holds back and says why.
func TestCommandsAgree(t *testing.T) {
	t.Parallel()
	dir, want := defectSite(t)

	// glot status counts each as its verdict says: a translation held back
	// is stale, for it needs a translator.
	var st struct {
		Languages []struct {
			Lang                       string
			Translated, Stale, Missing int
		}
	}
	decode(t, run(t, dir, 0, "status", "--format", "json"), &st)
	for _, ls := range st.Languages {
		var tr, stale, missing int
		for _, d := range want[ls.Lang] {
			switch d.state {
			case verdict.Translated:
				tr++
			case verdict.Stale, verdict.Held:
				stale++
			default:
				missing++
			}
		}
		if ls.Translated != tr || ls.Stale != stale || ls.Missing != missing {
			t.Errorf("status %s: %d translated, %d stale, %d missing; want %d, %d, %d", ls.Lang, ls.Translated, ls.Stale, ls.Missing, tr, stale, missing)
		}
	}

	// glot diff lists every message not translated, and only those.
	var diff, chk struct {
		Findings []struct{ Lang, ID, Kind, Severity, Message string }
	}
	decode(t, run(t, dir, 0, "diff", "--format", "json"), &diff)
	listed := map[string]string{}
	for _, f := range diff.Findings {
		listed[f.Lang+" "+f.ID] = f.Kind
	}
	// glot check reports every translation held back, as an error, with
	// the verdict's reason; and no fitting translation as unfit.
	decode(t, run(t, dir, 1, "check", "--format", "json"), &chk)
	unfit := map[string]string{}
	for _, f := range chk.Findings {
		if slices.Contains([]string{"placeholders", "template", "plural", "numbers", "addresses", "characters"}, f.Kind) && f.Severity == "error" {
			unfit[f.Lang+" "+f.ID] = f.Kind
		}
	}
	// glot build shows what stands and warns of what it holds back.
	var errb bytes.Buffer
	if code := Run([]string{"-C", dir, "build"}, &bytes.Buffer{}, &errb); code != 0 {
		t.Fatalf("glot build: exit %d: %s", code, errb.String())
	}
	warnings := errb.String()
	for lang, byID := range want {
		md := string(read(t, filepath.Join(dir, "localized", lang, "a.md")))
		page := string(read(t, filepath.Join(dir, "public", lang, "a", "index.html")))
		for id, d := range byID {
			key := lang + " " + id
			wantDiff := map[verdict.State]string{verdict.Missing: "missing", verdict.Stale: "stale", verdict.Held: "stale"}[d.state]
			if listed[key] != wantDiff {
				t.Errorf("diff %s: %q, want %q", key, listed[key], wantDiff)
			}
			if unfit[key] != d.check {
				t.Errorf("check %s: %q, want %q", key, unfit[key], d.check)
			}
			warned := strings.Contains(warnings, lang+": message "+id+":") || strings.Contains(warnings, lang+": interface message "+id+":")
			if warned != (d.state == verdict.Held) {
				t.Errorf("build %s: warned %v, verdict %s:\n%s", key, warned, d.state, warnings)
			}
			if d.shown == "" {
				continue
			}
			out := md
			if strings.HasPrefix(id, "ui-") {
				out = page
			}
			if shown := strings.Contains(out, d.shown); shown != (d.state == verdict.Translated) {
				t.Errorf("build %s: %q shown %v, verdict %s", key, d.shown, shown, d.state)
			}
		}
	}

	// glot merge takes what stands, refuses what does not fit, takes in
	// what a blocking check holds back but warns of it, and archives what
	// is stale.
	var mergeErr bytes.Buffer
	if code := Run([]string{"-C", dir, "merge"}, &bytes.Buffer{}, &mergeErr); code != 1 {
		t.Fatalf("glot merge: exit %d, want 1 for the refused translations", code)
	}
	for lang, byID := range want {
		active, err := catalog.Parse(lang, read(t, filepath.Join(dir, "locales", "active."+lang+".toml")))
		if err != nil {
			t.Fatal(err)
		}
		archive := string(readIf(filepath.Join(dir, "locales", ".glot", "archive."+lang+".toml")))
		for id, d := range byID {
			key := lang + " " + id
			blocking := d.state == verdict.Held && (&verdict.Problem{Check: d.check}).Approvable()
			refused := strings.Contains(mergeErr.String(), lang+": message "+id+": refused:")
			if refused != (d.state == verdict.Held && !blocking) {
				t.Errorf("merge %s: refused %v, verdict %s", key, refused, d.state)
			}
			if warned := strings.Contains(mergeErr.String(), lang+": message "+id+": held back from the pages: "+d.check); warned != blocking {
				t.Errorf("merge %s: warned %v of a %s translation held back:\n%s", key, warned, d.check, mergeErr.String())
			}
			if _, kept := active.Messages[id]; kept != (d.state == verdict.Translated || blocking) {
				t.Errorf("merge %s: in the catalog %v, verdict %s", key, kept, d.state)
			}
			if archived := strings.Contains(archive, "["+id+"]"); archived != (d.state == verdict.Stale) {
				t.Errorf("merge %s: archived %v, verdict %s", key, archived, d.state)
			}
		}
	}
}

// defectSite writes a site whose catalogs hold every translation of
// defects, extracted, and returns its folder and the verdict each message
// must get, by language and id.
func defectSite(t *testing.T) (string, map[string]map[string]defect) {
	t.Helper()
	dir := t.TempDir()
	run(t, dir, 0, "init", "--lang", "es,ar")
	ownInterfaceText(t, dir)
	write(t, filepath.Join(dir, "content", "a.md"), defectPage)
	run(t, dir, 0, "extract")
	src, err := catalog.Parse("en", read(t, filepath.Join(dir, "locales", "active.en.toml")))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{} // source text (or id) -> id
	for id, m := range src.Messages {
		ids[m.Other], ids[id] = id, id
	}
	want := map[string]map[string]defect{"es": {}, "ar": {}} // lang -> id -> defect
	for _, lang := range []string{"es", "ar"} {
		c := catalog.New()
		for _, d := range defects {
			if d.lang != lang {
				continue
			}
			id := ids[d.src]
			if id == "" {
				t.Fatalf("no message %q in the source catalog", d.src)
			}
			m := d.m
			if m.Hash == "" {
				m.Hash = catalog.Hash(src.Messages[id])
			}
			c.Messages[id] = &m
			want[lang][id] = d
		}
		write(t, filepath.Join(dir, "locales", "active."+lang+".toml"), string(c.Bytes("", false)))
		for id := range src.Messages {
			if _, ok := want[lang][id]; !ok {
				want[lang][id] = defect{lang: lang, state: verdict.Missing}
			}
		}
	}
	return dir, want
}

// run runs glot in dir and fails the test unless it exits with code; it
// returns standard output.
func run(t *testing.T, dir string, code int, args ...string) []byte {
	t.Helper()
	var out, errb bytes.Buffer
	if got := Run(append([]string{"-C", dir}, args...), &out, &errb); got != code {
		t.Fatalf("glot %s: exit %d, want %d\n%s", strings.Join(args, " "), got, code, errb.String())
	}
	return out.Bytes()
}

func write(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func readIf(name string) []byte {
	data, _ := os.ReadFile(name)
	return data
}

func decode(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
}
