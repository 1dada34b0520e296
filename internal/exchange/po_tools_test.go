package exchange_test

import (
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/locale"
)

// richSource is a site's English catalog of every kind of message a
// translator meets: a page's message with tags, an interface message named
// with a space, one long enough for a PO tool to wrap, one of quotes, a
// backslash and a line break, and one with plural forms and a template
// field.
const richSource = `
read-aaaa = "Read <1>the study</1> & take 0.5 mg<2/>."
"Nav Home" = "Home 🏠"
long-dddd = "A long sentence that goes on and on, well past the seventy-nine columns at which a PO tool wraps its lines, so that it is wrapped."
quote-eeee = "Say \"hi\" \\ back,\nthen go."

[ui-reading-time]
description = "How long a page takes to read. Count is a number of minutes."
one = "Reading time: {{.Count}} minute"
other = "Reading time: {{.Count}} minutes"
`

// richSite is a site of source, its pages using the page messages, with
// nothing translated into Arabic yet.
func richSite(t *testing.T, source string) (*locale.Site, *locale.Lang) {
	t.Helper()
	s, err := locale.Load(fstest.MapFS{
		"active.en.toml": {Data: []byte(source)},
		".glot/pages/a.md.toml": {Data: []byte(`
[[block]]
id = "read-aaaa"
kind = "p"
line = 3
codes = ["link to study.html", "line break"]

[[block]]
id = "long-dddd"
kind = "p"
line = 5

[[block]]
id = "quote-eeee"
kind = "li"
line = 7
`)},
	}, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang("ar")
	if err != nil {
		t.Fatal(err)
	}
	return s, l
}

// richArabic is the Arabic a translator gives each message of richSource,
// by id and plural form: right-to-left text around the tags and the
// template field, emoji, quotes, a backslash, a line break and a
// right-to-left mark.
func richArabic() map[string]string {
	want := map[string]string{
		"read-aaaa other":  "اقرأ <1>الدراسة</1> وتناول 0.5 ملغ<2/>.",
		"Nav Home other":   "الرئيسية 🏠",
		"long-dddd other":  "جملة طويلة تمضي وتمضي، متجاوزة بكثير الأعمدة التسعة والسبعين التي تلف عندها أدوات PO أسطرها، حتى تُلف. 📜",
		"quote-eeee other": "قل \"مرحبا\" \\ بالمقابل،\nثم اذهب.\u200f",
	}
	for f, text := range arabic {
		want["ui-reading-time "+f] = text
	}
	return want
}

// arForms are Arabic's plural forms as a PO file numbers them, msgstr[0]
// to msgstr[5].
var arForms = []string{"zero", "one", "two", "few", "many", "other"}

// fillPO is a translator's script: polib fills every msgstr and msgstr[n]
// of a PO file with the texts a JSON file gives by msgctxt and index, and
// saves it, wrapping its lines as polib does.
const fillPO = `import json, sys, polib
po = polib.pofile(sys.argv[1])
fill = json.load(open(sys.argv[2], encoding="utf-8"))
for e in po:
    texts = fill[e.msgctxt]
    if e.msgid_plural:
        for i in e.msgstr_plural:
            e.msgstr_plural[i] = texts[str(i)]
    else:
        e.msgstr = texts["0"]
po.save(sys.argv[3])
`

// polibFill fills the PO file in with richArabic, with polib, and returns
// the file it saves.
func polibFill(t *testing.T, in string) string {
	t.Helper()
	fill := map[string]map[string]string{}
	for k, text := range richArabic() {
		sp := strings.LastIndex(k, " ")
		id, f := k[:sp], k[sp+1:]
		if fill[id] == nil {
			fill[id] = map[string]string{}
		}
		i := 0
		if id == "ui-reading-time" {
			for i = range arForms {
				if arForms[i] == f {
					break
				}
			}
		}
		fill[id][strconv.Itoa(i)] = text
	}
	js, err := json.Marshal(fill)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "filled.po")
	glottest.Run(t, glottest.Python(t, "polib"), write(t, "fill.py", []byte(fillPO)), in, write(t, "fill.json", js), out)
	return out
}

// richExport exports source for Arabic in format.
func richExport(t *testing.T, source, format string) []byte {
	t.Helper()
	s, l := richSite(t, source)
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: format, ContentName: "content", Date: exportDate})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// importFile imports the file at path.
func importFile(t *testing.T, path string) *exchange.Work {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	w, err := importOne(filepath.Base(path), data)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// sameForms fails t unless got, by id and form, is want.
func sameForms(t *testing.T, got, want map[string]string) {
	t.Helper()
	if !maps.Equal(got, want) {
		for k := range want {
			if got[k] != want[k] {
				t.Errorf("%q: %q, want %q", k, got[k], want[k])
			}
		}
		for k := range got {
			if _, ok := want[k]; !ok {
				t.Errorf("%q: %q, which was not given", k, got[k])
			}
		}
	}
}

// A translator fills glot's PO export with a polib script, which rewraps
// the long lines: every form of every message comes back exactly, with
// the source it was made against.
func TestPOPolibRoundTrip(t *testing.T) {
	t.Parallel()
	data := richExport(t, richSource, "po")
	filled := polibFill(t, write(t, "ar.po", data))
	quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, filled)
	text, err := os.ReadFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(text), "msgctxt \"long-dddd\"\nmsgid \"\"\n\"A long sentence") {
		t.Fatalf("polib did not rewrap the long message:\n%s", text)
	}
	w := importFile(t, filled)
	if w.Lang != "ar" || w.SourceLang != "en" || len(w.Faults) > 0 || len(w.BySource) > 0 {
		t.Errorf("imported %s, from %s, faults %v, by source %v", w.Lang, w.SourceLang, w.Faults, w.BySource)
	}
	sameForms(t, translations(w), richArabic())
	sources := map[string]string{}
	for id, m := range w.Sources {
		for _, f := range []string{"one", "other"} {
			if text := catalog.FormText(m, f); text != "" {
				sources[id+" "+f] = text
			}
		}
	}
	sameForms(t, sources, map[string]string{
		"read-aaaa other":       "Read <1>the study</1> & take 0.5 mg<2/>.",
		"Nav Home other":        "Home 🏠",
		"long-dddd other":       "A long sentence that goes on and on, well past the seventy-nine columns at which a PO tool wraps its lines, so that it is wrapped.",
		"quote-eeee other":      "Say \"hi\" \\ back,\nthen go.",
		"ui-reading-time one":   "Reading time: {{.Count}} minute",
		"ui-reading-time other": "Reading time: {{.Count}} minutes",
	})
}

// Translate Toolkit's round trip through XLIFF 1.1 (po2xliff, then
// xliff2po) drops every msgctxt: the entries come back named by their
// source alone, and land in BySource, every form of each.
func TestPOTranslateToolkitRoundTrip(t *testing.T) {
	t.Parallel()
	filled := polibFill(t, write(t, "ar.po", richExport(t, richSource, "po")))
	xlf := filepath.Join(t.TempDir(), "ar.xlf")
	back := filepath.Join(t.TempDir(), "back.po")
	glottest.Run(t, glottest.Tool(t, "po2xliff"), "--progress=none", filled, xlf)
	glottest.Run(t, glottest.Tool(t, "xliff2po"), "--progress=none", xlf, back)
	text, err := os.ReadFile(back)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(text), "msgctxt") {
		t.Fatalf("xliff2po kept msgctxt; this test is of a file without:\n%s", text)
	}
	w := importFile(t, back)
	if w.Lang != "ar" || w.SourceLang != "en" || len(w.Translations) > 0 || len(w.Faults) > 0 {
		t.Errorf("imported %s, from %s, by id %v, faults %v", w.Lang, w.SourceLang, w.Translations, w.Faults)
	}
	got := map[string]string{}
	for src, m := range w.BySource {
		for _, f := range arForms {
			if text := catalog.FormText(m, f); text != "" {
				got[src+" | "+f] = text
			}
		}
		if w.BySourceLines[src] == 0 {
			t.Errorf("%q has no line", src)
		}
	}
	want := map[string]string{}
	ar := richArabic()
	for k, src := range map[string]string{
		"read-aaaa":  "Read <1>the study</1> & take 0.5 mg<2/>.",
		"Nav Home":   "Home 🏠",
		"long-dddd":  "A long sentence that goes on and on, well past the seventy-nine columns at which a PO tool wraps its lines, so that it is wrapped.",
		"quote-eeee": "Say \"hi\" \\ back,\nthen go.",
	} {
		want[src+" | other"] = ar[k+" other"]
	}
	for _, f := range arForms {
		want["Reading time: {{.Count}} minutes | "+f] = ar["ui-reading-time "+f]
	}
	sameForms(t, got, want)
}

// msginit makes the file of a language of glot's template, as a
// translator does; the language's Plural-Forms it takes from CLDR's
// rules, those go-i18n carries and glot's pages follow, through gettext's
// own cldr-plurals (gettext's table has no Arabic).
func msginit(t *testing.T, pot, lang string) string {
	t.Helper()
	mod := strings.TrimSpace(glottest.Run(t, "go", "list", "-m", "-f", "{{.Dir}}", "github.com/nicksnyder/go-i18n/v2"))
	plurals, err := os.ReadFile(filepath.Join(mod, "internal", "plural", "codegen", "plurals.xml"))
	if err != nil {
		t.Fatalf("CLDR's plural rules, as go-i18n carries them: %v", err)
	}
	cldr := t.TempDir()
	write := filepath.Join(cldr, "common", "supplemental", "plurals.xml")
	if err := os.MkdirAll(filepath.Dir(write), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(write, plurals, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), lang+".po")
	cmd := exec.Command(glottest.Tool(t, "msginit"), "--no-translator", "-l", lang, "-i", pot, "-o", out)
	cmd.Env = append(os.Environ(), "GETTEXTCLDRDIR="+cldr)
	if said, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("msginit: %v\n%s", err, said)
	}
	return out
}

// A translator who works from glot's template makes their language's
// file with msginit, fills it with polib and brings it up to date with
// msgmerge when the site changes: glot import takes every form of every
// message from it, and what msgmerge marked fuzzy as a draft.
func TestPOTWithGettext(t *testing.T) {
	t.Parallel()
	pot := write(t, "glot.pot", richExport(t, richSource, "pot"))
	quiet(t, "msgfmt", "--check-format", "--check-domain", "-o", os.DevNull, pot)
	po := msginit(t, pot, "ar")
	quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, po)
	made, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"\"Language: ar\\n\"", "\"Plural-Forms: nplurals=6;", "msgstr[5] \"\"\n"} {
		if !strings.Contains(string(made), want) {
			t.Fatalf("msginit's file lacks %s:\n%s", want, made)
		}
	}
	filled := polibFill(t, po)
	quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, filled)
	w := importFile(t, filled)
	if w.Lang != "ar" || w.SourceLang != "en" || len(w.Faults) > 0 {
		t.Errorf("imported %s, from %s, faults %v", w.Lang, w.SourceLang, w.Faults)
	}
	sameForms(t, translations(w), richArabic())

	// The site changes: a source is edited, a message is added and one
	// removed. msgmerge keeps every translation of the messages that
	// stay, and marks the edited one's fuzzy.
	edited := strings.Replace(richSource, `"Nav Home" = "Home 🏠"`, `new-ffff = "A new sentence."`, 1)
	edited = strings.Replace(edited, `Say \"hi\"`, `Say \"hello\"`, 1)
	newPOT := write(t, "new.pot", richExport(t, edited, "pot"))
	merged := filepath.Join(t.TempDir(), "merged.po")
	quiet(t, glottest.Tool(t, "msgmerge"), "--quiet", "--previous", "-o", merged, filled, newPOT)
	quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, merged)
	w = importFile(t, merged)
	want := richArabic()
	delete(want, "Nav Home other")
	delete(want, "quote-eeee other")
	sameForms(t, translations(w), want)
	if w.Drafts != 1 {
		t.Errorf("%d drafts, want 1: quote-eeee, fuzzy", w.Drafts)
	}
}
