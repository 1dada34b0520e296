package exchange_test

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/locale"
)

// tmxMemory wraps units in a TMX 1.4 memory as a translator's tool writes
// one, its header on line 4.
func tmxMemory(srclang, units string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
<header creationtool="Tool" creationtoolversion="1" segtype="sentence" o-tmf="tool" adminlang="en" srclang="` + srclang + `" datatype="plaintext"/>
<body>
` + units + `</body>
</tmx>
`
}

// validTMX fails t unless data is valid against the TMX 1.4b DTD: the
// memories of the tests are ones a tool may write, and glot's exports
// ones any tool may read.
func validTMX(t *testing.T, data []byte) {
	t.Helper()
	tool(t, "xmllint", "--noout", "--nonet", "--dtdvalid", filepath.Join("testdata", "tmx-1.4b", "tmx14.dtd"), write(t, "memory.tmx", data))
}

// lineOf is the line of the first occurrence of s in data.
func lineOf(t *testing.T, data, s string) int {
	t.Helper()
	i := strings.Index(data, s)
	if i < 0 {
		t.Fatalf("%q is not in\n%s", s, data)
	}
	return 1 + strings.Count(data[:i], "\n")
}

// A memory holds translations into several languages: each comes back as
// its own work, in the order the languages first appear.
func TestTMXEveryTargetLanguage(t *testing.T) {
	t.Parallel()
	memory := tmxMemory("en", `<tu tuid="read-aaaa">
 <tuv xml:lang="en"><seg>Read the study.</seg></tuv>
 <tuv xml:lang="fr"><seg>Lisez l'étude.</seg></tuv>
 <tuv xml:lang="es"><seg>Lea el estudio.</seg></tuv>
</tu>
<tu tuid="new-cccc">
 <tuv xml:lang="en"><seg>A new sentence.</seg></tuv>
 <tuv xml:lang="es"><seg>Una frase nueva.</seg></tuv>
 <tuv xml:lang="de"><seg>Ein neuer Satz.</seg></tuv>
</tu>
`)
	validTMX(t, []byte(memory))
	ws, err := exchange.Import("memory.tmx", []byte(memory), "en")
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		lang         string
		translations map[string]string
	}{
		{"fr", map[string]string{"read-aaaa other": "Lisez l'étude."}},
		{"es", map[string]string{"read-aaaa other": "Lea el estudio.", "new-cccc other": "Una frase nueva."}},
		{"de", map[string]string{"new-cccc other": "Ein neuer Satz."}},
	}
	sources := map[string]string{"read-aaaa": "Read the study.", "new-cccc": "A new sentence."}
	if len(ws) != len(want) {
		t.Fatalf("%d works, want %d", len(ws), len(want))
	}
	for i, w := range ws {
		if got := translations(w); w.Lang != want[i].lang || !maps.Equal(got, want[i].translations) {
			t.Errorf("work %d: %s %v, want %s %v", i, w.Lang, got, want[i].lang, want[i].translations)
		}
		if w.SourceLang != "en" {
			t.Errorf("work %s: source language %q", w.Lang, w.SourceLang)
		}
		for id := range w.Translations {
			if got, want := otherOf(w.Sources[id]), sources[id]; got != want {
				t.Errorf("work %s: the source of %s came back as %q, want %q", w.Lang, id, got, want)
			}
		}
	}
}

// Inline codes as other tools write them: what stands for markup becomes
// glot's tags, a tool's native code and the text of a <sub> within it
// never become text, and a template field comes back as the field.
func TestTMXInlineCodes(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, seg, want string }{
		{"glot's own codes", `Lea <bpt i="1" x="1">&lt;1&gt;</bpt>el estudio<ept i="1">&lt;/1&gt;</ept> y tome 0,5 mg<ph x="2">&lt;2/&gt;</ph>.`, "Lea <1>el estudio</1> y tome 0,5 mg<2/>."},
		{"isolated tags", `<it pos="begin" x="1">&lt;b&gt;</it>Lea<it pos="end" x="1">&lt;/b&gt;</it> el estudio.`, "<1>Lea</1> el estudio."},
		{"unknown codes", `Lea<ut>{\b }</ut> el<ut x="2">{\b0 }</ut> estudio.`, "Lea el estudio."},
		{"a sub in a code", `<bpt i="1" x="1">&lt;a title="<sub>Lea <ph x="9">&amp;amp;</ph> más</sub>"&gt;</bpt>el estudio<ept i="1">&lt;/a&gt;</ept>.`, "<1>el estudio</1>."},
		{"highlighted text", `<hi type="b">Lea</hi> el estudio.`, "Lea el estudio."},
		{"a template field", `Lectura: <ph type="x-field">{{.Count}}</ph> minutos`, "Lectura: {{.Count}} minutos"},
		{"a template field in a code of no type", `Lectura: <ph>{{.Count}}</ph> minutos`, "Lectura: {{.Count}} minutos"},
		// Codes that stand for no tag of glot's are tags no source has,
		// which merge refuses, never text.
		{"a code of no number", `Lea<ph>&lt;br&gt;</ph>.`, "Lea<9999/>."},
		{"a field code that holds no field", `Lea<ph type="x-field">&lt;br&gt;</ph>.`, "Lea<9999/>."},
		{"a closing code with no opening", `Lea<ept i="4">&lt;/b&gt;</ept>.`, "Lea</9999>."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			memory := tmxMemory("en", "<tu tuid=\"m\">\n <tuv xml:lang=\"en\"><seg>Read.</seg></tuv>\n <tuv xml:lang=\"es\"><seg>"+tt.seg+"</seg></tuv>\n</tu>\n")
			validTMX(t, []byte(memory))
			w, err := importOne("es.tmx", []byte(memory))
			if err != nil {
				t.Fatal(err)
			}
			if got := other(w, "m"); got != tt.want {
				t.Errorf("read %q, want %q", got, tt.want)
			}
		})
	}
}

// Each translation comes with the source text the memory holds beside it,
// in glot's tag notation, for merge to tell a translation of an older
// source; and with the source language the header says, where it says it.
func TestTMXCarriesSources(t *testing.T) {
	t.Parallel()
	s, _ := site(t)
	data := string(export(t, "tmx"))
	ws, err := exchange.Import("es.tmx", []byte(data), "en")
	if err != nil {
		t.Fatal(err)
	}
	w := ws[0]
	want := s.Source.Messages["read-aaaa"].Other
	if !strings.Contains(want, "<1>") || otherOf(w.Sources["read-aaaa"]) != want {
		t.Errorf("the source of read-aaaa came back as %v, want %q", w.Sources["read-aaaa"], want)
	}
	if w.SourceLang != "en" {
		t.Errorf("source language %q", w.SourceLang)
	}
	// A site whose source is in another language refuses the memory,
	// naming the header's line.
	_, err = exchange.Import("es.tmx", []byte(data), "fr")
	if at := fmt.Sprintf("es.tmx:%d:", lineOf(t, data, "<header")); err == nil || !strings.Contains(err.Error(), at) {
		t.Errorf("a memory of en sources for a site in fr: %v, want an error at %s", err, at)
	}

	// Each plural form carries the source form it translates.
	ps, pl := pluralSite(t, "ar")
	exported, err := exchange.Export(ps, table(t, ps, pl), exchange.Options{Format: "tmx"})
	if err != nil {
		t.Fatal(err)
	}
	w, err = importOne("ar.tmx", []byte(fillPlural(t, "tmx", string(exported))))
	if err != nil {
		t.Fatal(err)
	}
	src := ps.Source.Messages["ui-reading-time"]
	if w.Sources["ui-reading-time"] == nil {
		t.Fatalf("no source came back for ui-reading-time: %v", w.Sources)
	}
	for _, f := range langtag.PluralForms("ar") {
		want := catalog.FormText(src, f)
		if want == "" {
			want = src.Other
		}
		if got := catalog.FormText(w.Sources["ui-reading-time"], f); got != want {
			t.Errorf("the source of form %s came back as %q, want %q", f, got, want)
		}
	}
}

// otherOf is the other form of m, "" for none.
func otherOf(m *catalog.Message) string {
	if m == nil {
		return ""
	}
	return m.Other
}

// The source <tuv> is the one in the site's source language: whatever its
// region, and, in a memory whose srclang is *all*, whichever language the
// site's source is in. Every other language is a target.
func TestTMXSourceLanguage(t *testing.T) {
	t.Parallel()
	units := `<tu tuid="a">
 <tuv xml:lang="de"><seg>Lies die Studie.</seg></tuv>
 <tuv xml:lang="en-US"><seg>Read the study.</seg></tuv>
 <tuv xml:lang="fr"><seg>Lisez l'étude.</seg></tuv>
</tu>
`
	for _, tt := range []struct {
		name, srclang, site string
		langs               []string
		source              string
	}{
		{"a region of the site's language", "en", "en", []string{"de", "fr"}, "Read the study."},
		{"*all*, for a site in English", "*all*", "en", []string{"de", "fr"}, "Read the study."},
		{"*all*, for a site in German", "*all*", "de", []string{"en-US", "fr"}, "Lies die Studie."},
	} {
		t.Run(tt.name, func(t *testing.T) {
			memory := tmxMemory(tt.srclang, units)
			validTMX(t, []byte(memory))
			ws, err := exchange.Import("memory.tmx", []byte(memory), tt.site)
			if err != nil {
				t.Fatal(err)
			}
			var langs []string
			for _, w := range ws {
				langs = append(langs, w.Lang)
				if got := otherOf(w.Sources["a"]); got != tt.source {
					t.Errorf("%s: the source came back as %q, want %q", w.Lang, got, tt.source)
				}
			}
			if !slices.Equal(langs, tt.langs) {
				t.Errorf("works in %v, want %v", langs, tt.langs)
			}
		})
	}
}

// Translate Toolkit's po2tmx, run on a PO file glot exported and a
// translator filled, writes a memory with no tuid, the sources in "en" or
// the region it is told (its header saying "en" all the same), the
// translations in the language as it is given: every translation comes
// back by its source text.
func TestTMXFromPo2tmx(t *testing.T) {
	t.Parallel()
	s, _ := site(t)
	dir := t.TempDir()
	po := write(t, "es.po", export(t, "po"))
	filled := filepath.Join(dir, "filled.po")
	// The translator fills every empty entry and accepts the fuzzy one;
	// the script says what the file then holds, by source text.
	out := glottest.Run(t, glottest.Python(t, "polib"), "-c", `
import json, polib, sys
po = polib.pofile(sys.argv[1])
for e in po:
    if not e.msgstr:
        e.msgstr = "ES " + e.msgid
    if "fuzzy" in e.flags:
        e.flags.remove("fuzzy")
        e.previous_msgid = e.previous_msgctxt = None
po.save(sys.argv[2])
print(json.dumps({e.msgid: e.msgstr for e in po}))
`, po, filled)
	var want map[string]string
	if err := json.Unmarshal([]byte(out), &want); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if len(want) != len(s.Source.Messages) {
		t.Fatalf("the filled PO holds %d translations, the site %d messages: %v", len(want), len(s.Source.Messages), want)
	}
	for _, m := range s.Source.Messages {
		if want[m.Other] == "" {
			t.Fatalf("the filled PO does not translate %q: %v", m.Other, want)
		}
	}
	for _, tt := range []struct {
		lang string
		args []string
	}{
		{"es", []string{"-l", "es"}},
		{"es_ES", []string{"-l", "es_ES", "--source-language", "en_US"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			tmx := filepath.Join(t.TempDir(), "es.tmx")
			glottest.Run(t, glottest.Tool(t, "po2tmx"), append(tt.args, "--progress=none", filled, tmx)...)
			data := readFile(t, tmx)
			if strings.Contains(data, "tuid") {
				t.Fatalf("po2tmx wrote tuids:\n%s", data)
			}
			w, err := importOne("es.tmx", []byte(data))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for src, m := range w.BySource {
				got[src] = m.Other
				if w.BySourceLines[src] < 1 {
					t.Errorf("%q has no line", src)
				}
			}
			if w.Lang != tt.lang || w.SourceLang != "en" || len(w.Translations) > 0 || len(w.Faults) > 0 || !maps.Equal(got, want) {
				t.Errorf("imported %s from %s: by source %q, by id %v, faults %v; want by source %q\n%s", w.Lang, w.SourceLang, got, w.Translations, w.Faults, want, data)
			}
		})
	}
}

// A message translated twice into one language, by two units of the same
// tuid or the same plural form of a message, is a fault naming both
// lines, and neither translation is taken; so is a source text translated
// in two ways by units with no tuid. The rest of the memory is read.
func TestTMXDuplicates(t *testing.T) {
	t.Parallel()
	memory := tmxMemory("en", `<tu tuid="a">
 <tuv xml:lang="en"><seg>One.</seg></tuv>
 <tuv xml:lang="es"><seg>Uno A.</seg></tuv>
</tu>
<tu tuid="kept">
 <tuv xml:lang="en"><seg>Kept.</seg></tuv>
 <tuv xml:lang="es"><seg>Guardado.</seg></tuv>
</tu>
<tu tuid="a">
 <tuv xml:lang="en"><seg>One.</seg></tuv>
 <tuv xml:lang="es"><seg>Uno B.</seg></tuv>
</tu>
<tu tuid="minutes.one">
 <prop type="x-message">minutes</prop>
 <prop type="x-plural-form">one</prop>
 <tuv xml:lang="en"><seg>1 minute</seg></tuv>
 <tuv xml:lang="es"><seg>1 minuto A</seg></tuv>
</tu>
<tu tuid="minutes.other">
 <prop type="x-message">minutes</prop>
 <prop type="x-plural-form">other</prop>
 <tuv xml:lang="en"><seg>{{.Count}} minutes</seg></tuv>
 <tuv xml:lang="es"><seg>{{.Count}} minutos</seg></tuv>
</tu>
<tu tuid="minutes-again">
 <prop type="x-message">minutes</prop>
 <prop type="x-plural-form">one</prop>
 <tuv xml:lang="en"><seg>1 minute</seg></tuv>
 <tuv xml:lang="es"><seg>1 minuto B</seg></tuv>
</tu>
<tu>
 <tuv xml:lang="en"><seg>Same.</seg></tuv>
 <tuv xml:lang="es"><seg>Mismo.</seg></tuv>
</tu>
<tu>
 <tuv xml:lang="en"><seg>Same.</seg></tuv>
 <tuv xml:lang="es"><seg>Igual.</seg></tuv>
</tu>
<tu>
 <tuv xml:lang="en"><seg>Twice.</seg></tuv>
 <tuv xml:lang="es"><seg>Dos veces.</seg></tuv>
</tu>
<tu>
 <tuv xml:lang="en"><seg>Twice.</seg></tuv>
 <tuv xml:lang="es"><seg>Dos veces.</seg></tuv>
</tu>
`)
	validTMX(t, []byte(memory))
	w, err := importOne("es.tmx", []byte(memory))
	if err != nil {
		t.Fatal(err)
	}
	wantFaults := []struct {
		id          string
		first, then string // the two translations
	}{
		{"a", "Uno A.", "Uno B."},
		{"minutes", "1 minuto A", "1 minuto B"},
		{"", "Mismo.", "Igual."},
	}
	if len(w.Faults) != len(wantFaults) {
		t.Fatalf("faults %v, want %d", w.Faults, len(wantFaults))
	}
	for i, want := range wantFaults {
		f := w.Faults[i]
		first, then := lineOf(t, memory, want.first), lineOf(t, memory, want.then)
		if f.ID != want.id || f.Line != then || !strings.Contains(f.Text, fmt.Sprintf("lines %d and %d", first, then)) {
			t.Errorf("fault %d: %+v, want one for %q at line %d naming lines %d and %d", i, f, want.id, then, first, then)
		}
	}
	wantTranslations := map[string]string{"kept other": "Guardado.", "minutes other": "{{.Count}} minutos"}
	if got := translations(w); !maps.Equal(got, wantTranslations) {
		t.Errorf("took %v, want %v", got, wantTranslations)
	}
	if len(w.BySource) != 1 || otherOf(w.BySource["Twice."]) != "Dos veces." {
		t.Errorf("took by source %v, want Twice. alone", w.BySource)
	}
}

// A target <tuv> left empty, as a tool leaves a unit it has not
// translated, is no translation, whatever the x-state prop glot wrote.
func TestTMXEmptyTarget(t *testing.T) {
	t.Parallel()
	memory := tmxMemory("en", `<tu tuid="empty">
 <prop type="x-state">missing</prop>
 <tuv xml:lang="en"><seg>Read.</seg></tuv>
 <tuv xml:lang="es"><seg></seg></tuv>
</tu>
<tu tuid="blank">
 <prop type="x-state">translated</prop>
 <tuv xml:lang="en"><seg>Read.</seg></tuv>
 <tuv xml:lang="es"><seg>
 </seg></tuv>
</tu>
<tu tuid="done">
 <prop type="x-state">missing</prop>
 <tuv xml:lang="en"><seg>Done.</seg></tuv>
 <tuv xml:lang="es"><seg>Hecho.</seg></tuv>
</tu>
`)
	validTMX(t, []byte(memory))
	w, err := importOne("es.tmx", []byte(memory))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"done other": "Hecho."}; !maps.Equal(translations(w), want) {
		t.Errorf("took %v, want %v", translations(w), want)
	}
}

// An export of interface messages, Arabic's six plural forms, template
// fields, emoji and right-to-left text is valid TMX 1.4b, carries each
// template field as a code, and comes back as it was.
func TestTMXExportValid(t *testing.T) {
	t.Parallel()
	ar := "[ui-reading-time]\n"
	for f, text := range arabic {
		ar += fmt.Sprintf("%s = %q\n", f, text)
	}
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`
read-aaaa = "Read <1>the study</1> 🎉<2/>"
"Nav Home" = "Home 🏠"

[ui-reading-time]
one = "Reading time: {{.Count}} minute"
other = "Reading time: {{.Count}} minutes"
`)},
		".glot/pages/a.md.toml": {Data: []byte(`
[[block]]
id = "read-aaaa"
kind = "p"
line = 3
codes = ["link to study.html", "line break"]
`)},
		"active.ar.toml": {Data: []byte(`
read-aaaa = "اقرأ <1>الدراسة</1> 🎉<2/>"
"Nav Home" = "الرئيسية 🏠"
` + ar)},
	}
	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang("ar")
	if err != nil {
		t.Fatal(err)
	}
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "tmx", ContentName: "content"})
	if err != nil {
		t.Fatal(err)
	}
	validTMX(t, data)
	x := string(data)
	field := `<ph type="x-field">{{.Count}}</ph>`
	if n := strings.Count(x, "{{.Count}}"); n == 0 || strings.Count(x, field) != n {
		t.Errorf("of %d template fields, %d are written %s:\n%s", n, strings.Count(x, field), field, x)
	}
	w, err := importOne("ar.tmx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for id, m := range l.Active.Messages {
		for _, f := range catalog.Forms(m) {
			want[id+" "+f.Name] = f.Text
		}
	}
	if got := translations(w); len(want) != 8 || !maps.Equal(got, want) {
		t.Errorf("came back as\n%q\nwant\n%q\n%s", got, want, x)
	}
}

// readFile reads a file a tool wrote.
func readFile(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
