package exchange_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// xliff2 wraps units in an XLIFF 2.0 document whose first unit is on line
// 4, one <file> for each of files.
func xliff2(files ...string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"es\">\n")
	for i, f := range files {
		fmt.Fprintf(&b, "<file id=\"f%d\">\n%s</file>\n", i+1, f)
	}
	b.WriteString("</xliff>\n")
	return b.String()
}

// A unit a CAT tool split into segments, with the white space between them
// in <ignorable>s, is read whole: its target is every segment's target and
// every ignorable's, or, where an ignorable has none, its source, in
// document order (or the order its targets say). A unit half translated,
// or one whose message another unit of the file also has, is a fault, and
// nothing of that message is taken.
func TestXLIFFSegmentedUnits(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, file string
		want       map[string]string // by id and plural form: the translation taken
		source     map[string]string // by id and plural form: the source recorded beside it
		faults     []string          // "line: id: text"
	}{{
		name: "an ignorable without a target keeps its space",
		file: xliff2(`<unit id="a"><segment><source>Use quotes.</source><target>Use comillas.</target></segment><ignorable><source> </source></ignorable><segment><source>Emoticons</source><target>Emoticonos</target></segment></unit>
`),
		want:   map[string]string{"a other": "Use comillas. Emoticonos"},
		source: map[string]string{"a other": "Use quotes. Emoticons"},
	}, {
		name: "an ignorable's target is its part",
		file: xliff2(`<unit id="a"><segment><source>One.</source><target>Uno.</target></segment><ignorable><source> </source><target>` + "\u00a0" + `</target></ignorable><segment><source>Two.</source><target>Dos.</target></segment></unit>
`),
		want:   map[string]string{"a other": "Uno.\u00a0Dos."},
		source: map[string]string{"a other": "One. Two."},
	}, {
		name: "targets in the order they say",
		file: xliff2(`<unit id="a"><segment><source>A.</source><target order="3">Phrase A.</target></segment><ignorable><source> </source></ignorable><segment><source>B.</source><target order="1">Phrase B.</target></segment></unit>
`),
		want:   map[string]string{"a other": "Phrase B. Phrase A."},
		source: map[string]string{"a other": "A. B."},
	}, {
		name: "a partly translated unit",
		file: xliff2(`<unit id="p"><segment><source>One.</source><target>Uno.</target></segment><ignorable><source> </source></ignorable><segment><source>Two.</source></segment><segment><source>Three.</source><target>Tres.</target></segment></unit>
<unit id="ok"><segment><source>Fine.</source><target>Bien.</target></segment></unit>
`),
		want:   map[string]string{"ok other": "Bien."},
		source: map[string]string{"ok other": "Fine."},
		faults: []string{"4: p: unit p: segment 2 of 3 has no target: a partly translated unit is not taken"},
	}, {
		name: "a unit with no target is untranslated",
		file: xliff2(`<unit id="u"><segment><source>One.</source></segment><ignorable><source> </source><target> </target></ignorable><segment><source>Two.</source><target/></segment></unit>
`),
		want: map[string]string{},
	}, {
		name: "the same id in two files",
		file: xliff2(`<unit id="a"><segment><source>A.</source><target>Uno.</target></segment></unit>
<unit id="b"><segment><source>B.</source><target>Be.</target></segment></unit>
`, `<unit id="a"><segment><source>A.</source><target>Otro.</target></segment></unit>
`),
		want:   map[string]string{"b other": "Be."},
		source: map[string]string{"b other": "B."},
		faults: []string{"8: a: unit a: a second unit for it (the first is at line 4): which is the translation?"},
	}, {
		name: "the same id twice in a file, untranslated the first time",
		file: xliff2(`<unit id="a"><segment><source>A.</source></segment></unit>
<unit id="a"><segment><source>A.</source><target>Uno.</target></segment></unit>
`),
		want:   map[string]string{},
		faults: []string{"5: a: unit a: a second unit for it (the first is at line 4): which is the translation?"},
	}, {
		name: "a plural form twice in a group",
		file: xliff2(`<group id="m">
<unit id="m.one"><segment><source>1 minute</source><target>1 minuto</target></segment></unit>
<unit id="m.other"><segment><source>{{.Count}} minutes</source><target>{{.Count}} minutos</target></segment></unit>
<unit id="m.one"><segment><source>1 minute</source><target>un minuto</target></segment></unit>
</group>
<unit id="m.few"><segment><source>few</source><target>pocos</target></segment></unit>
`),
		// m.few outside the group is a message of its own, named so.
		want:   map[string]string{"m.few other": "pocos"},
		source: map[string]string{"m.few other": "few"},
		faults: []string{"7: m: unit m.one: a second unit for it (the first is at line 5): which is the translation?"},
	}} {
		t.Run(tt.name, func(t *testing.T) {
			w, err := importOne("es.xlf", []byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if got := translations(w); !equal(got, tt.want) {
				t.Errorf("translations %q, want %q", got, tt.want)
			}
			if got := forms(w.Sources); !equal(got, tt.source) {
				t.Errorf("sources %q, want %q", got, tt.source)
			}
			var faults []string
			for _, f := range w.Faults {
				faults = append(faults, fmt.Sprintf("%d: %s: %s", f.Line, f.ID, f.Text))
			}
			if strings.Join(faults, "\n") != strings.Join(tt.faults, "\n") {
				t.Errorf("faults\n%s\nwant\n%s", strings.Join(faults, "\n"), strings.Join(tt.faults, "\n"))
			}
		})
	}
}

// A file says what language its sources are in: one made from another
// site's sources is refused, naming the line.
func TestXLIFFSourceLanguage(t *testing.T) {
	t.Parallel()
	file := "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\"\n srcLang=\"de-DE\" trgLang=\"es\">\n<file id=\"f1\"><unit id=\"a\"><segment><source>A.</source><target>Uno.</target></segment></unit></file></xliff>\n"
	if _, err := exchange.Import("es.xlf", []byte(file), "en"); err == nil || !strings.Contains(err.Error(), "es.xlf:3:") || !strings.Contains(err.Error(), "de-DE") {
		t.Errorf("a file from German sources into a site in English: %v", err)
	}
	ws, err := exchange.Import("es.xlf", []byte(file), "de")
	if err != nil || ws[0].SourceLang != "de-DE" {
		t.Fatalf("into a site in German: %v", err)
	}
}

// uiSite: a page whose text holds placeholders, an emoji and a quote, and
// interface messages with template fields (one with its own delimiters,
// one with plural forms), translated into Arabic, right to left; one
// translation is stale, and two are missing.
func uiSite(t *testing.T) (*locale.Site, *locale.Lang) {
	t.Helper()
	var plural strings.Builder
	for _, f := range catalog.FormNames {
		fmt.Fprintf(&plural, "%s = %q\n", f, arabic[f])
	}
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`
read-aaaa = "Read <1>the study</1> 🎉 & take 0.5 mg<2/>."
edited-bbbb = "The text as it is now 👍."
ui-greeting = "Hello, {{.Name}}! {{.Name}}, you have {{ .Count }} messages 📬"
ui-skip = "Skip to content"

[ui-page]
leftdelim = "[["
rightdelim = "]]"
other = "Page [[.Page]] of [[.Total]] ({{not a field}})"

[ui-reading-time]
description = "How long a page takes to read. Count is a number of minutes."
one = "Reading time: {{.Count}} minute"
other = "Reading time: {{.Count}} minutes"
`)},
		".glot/pages/a.md.toml": {Data: []byte(`
[[block]]
id = "read-aaaa"
kind = "p"
line = 3
codes = ["link to study.html", "line break"]

[[block]]
id = "edited-bbbb"
kind = "p"
line = 5
was = ["old-bbbb"]
`)},
		"active.ar.toml": {Data: []byte(`
read-aaaa = "اقرأ <1>الدراسة</1> 🎉 وتناول 0.5 ملغ<2/>."
ui-greeting = "مرحبًا {{.Name}}! لديك {{ .Count }} رسائل 📬"

[ui-reading-time]
` + plural.String())},
		".glot/archive.ar.toml": {Data: []byte(`
[old-bbbb]
source = "The text as it was."
other = "النص كما كان."
`)},
	}
	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang("ar")
	if err != nil {
		t.Fatal(err)
	}
	return s, l
}

// exportUI exports uiSite's Arabic in format.
func exportUI(t *testing.T, format string) string {
	t.Helper()
	s, l := uiSite(t)
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: format, ContentName: "content"})
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Template fields are code, not words: the export makes each a protected
// <ph> whose original text is in the unit's <originalData>, ids apart from
// the markup's, and the import reads it back as the field it was. The
// export, with Arabic, emoji, plural forms and fields, is valid XLIFF 2.0
// and 2.1.
func TestXLIFFTemplateFields(t *testing.T) {
	t.Parallel()
	x := exportUI(t, "xliff")
	f := write(t, "ar.xlf", []byte(x))
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), f)
	tool(t, "xmllint", "--noout", "--nonet", "--schema", filepath.Join("testdata", "xliff-2.1", "xliff_core_2.0.xsd"), f)
	for _, want := range []string{
		// Each occurrence is a code of its own, on one original text;
		// the delimiters are the message's.
		"<originalData>\n    <data id=\"d1\">{{.Name}}</data>\n    <data id=\"d2\">{{ .Count }}</data>\n   </originalData>",
		`<source>Hello, <ph id="f1" canCopy="no" canDelete="no" disp="{{.Name}}" dataRef="d1"/>! <ph id="f2" canCopy="no" canDelete="no" disp="{{.Name}}" dataRef="d1"/>, you have <ph id="f3" canCopy="no" canDelete="no" disp="{{ .Count }}" dataRef="d2"/> messages 📬</source>`,
		`<target>مرحبًا <ph id="f1" canCopy="no" canDelete="no" disp="{{.Name}}" dataRef="d1"/>! لديك <ph id="f3" canCopy="no" canDelete="no" disp="{{ .Count }}" dataRef="d2"/> رسائل 📬</target>`,
		`<source>Page <ph id="f1" canCopy="no" canDelete="no" disp="[[.Page]]" dataRef="d1"/> of <ph id="f2" canCopy="no" canDelete="no" disp="[[.Total]]" dataRef="d2"/> ({{not a field}})</source>`,
		// A plural form may drop the count: its fields may be deleted.
		`<target>القراءة: <ph id="f1" canCopy="no" disp="{{.Count}}" dataRef="d1"/> دقائق</target>`,
		// The markup keeps its numbers.
		`<source>Read <pc id="1" canCopy="no" canDelete="no" type="link" dispStart="link to study.html">the study</pc> 🎉 &amp; take 0.5 mg<ph id="2" canCopy="no" canDelete="no" type="other" disp="line break"/>.</source>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("the export lacks\n%s\n%s", want, x)
		}
	}
	if strings.Contains(x, ">{{.Count}} ") || strings.Contains(x, ">Hello, {{") {
		t.Errorf("a field is left as text:\n%s", x)
	}

	// Read back as it was exported, every translation is the site's; the
	// translator fills ui-page, its fields copied from the source.
	page := `<segment state="initial">
    <source>Page <ph id="f1" canCopy="no" canDelete="no" disp="[[.Page]]" dataRef="d1"/> of <ph id="f2" canCopy="no" canDelete="no" disp="[[.Total]]" dataRef="d2"/> ({{not a field}})</source>`
	if strings.Count(x, page) != 1 {
		t.Fatalf("the export lacks %s", page)
	}
	x = strings.Replace(x, page, strings.Replace(page, "initial", "translated", 1)+`
    <target>الصفحة <ph id="f1" dataRef="d1"/> من <ph id="f2" dataRef="d2"/> ({{not a field}})</target>`, 1)
	w, err := importOne("ar.xlf", []byte(x))
	if err != nil {
		t.Fatal(err)
	}
	s, l := uiSite(t)
	want := map[string]string{"ui-page other": "الصفحة [[.Page]] من [[.Total]] ({{not a field}})"}
	for _, id := range []string{"read-aaaa", "ui-greeting", "ui-reading-time"} {
		for _, f := range catalog.Forms(l.Active.Messages[id]) {
			want[id+" "+f.Name] = f.Text
		}
	}
	if got := translations(w); !equal(got, want) {
		t.Errorf("imported\n%q\nwant\n%q", got, want)
	}
	// Beside each, the source it renders: Arabic's zero, two, few and
	// many render the English other.
	src := map[string]string{}
	for _, id := range []string{"read-aaaa", "ui-greeting", "ui-page"} {
		src[id+" other"] = s.Source.Messages[id].Other
	}
	for _, f := range catalog.FormNames {
		src["ui-reading-time "+f] = s.Source.Messages["ui-reading-time"].Other
	}
	src["ui-reading-time one"] = s.Source.Messages["ui-reading-time"].One
	if got := forms(w.Sources); !equal(got, src) {
		t.Errorf("sources\n%q\nwant\n%q", got, src)
	}
}

// A code glot cannot read back is never taken as text: a field whose
// original text is not in the unit, or a code whose id glot gives none,
// comes back as a placeholder no source has, which merge refuses.
func TestXLIFFUnknownCodes(t *testing.T) {
	t.Parallel()
	x := exportUI(t, "xliff")
	for name, edit := range map[string][2]string{
		"unknown dataRef": {`! لديك <ph id="f3" canCopy="no" canDelete="no" disp="{{ .Count }}" dataRef="d2"/>`, `! لديك <ph id="f3" canCopy="no" canDelete="no" disp="{{ .Count }}" dataRef="d9"/>`},
		"unknown field":   {`! لديك <ph id="f3" canCopy="no" canDelete="no" disp="{{ .Count }}" dataRef="d2"/>`, `! لديك <ph id="f7"/>`},
		"a tool's own id": {`! لديك <ph id="f3" canCopy="no" canDelete="no" disp="{{ .Count }}" dataRef="d2"/>`, `! لديك <ph id="count" dataRef="d2"/>`},
	} {
		t.Run(name, func(t *testing.T) {
			if strings.Count(x, edit[0]) != 1 {
				t.Fatalf("the export lacks %s", edit[0])
			}
			w, err := importOne("ar.xlf", []byte(strings.Replace(x, edit[0], edit[1], 1)))
			if err != nil {
				t.Fatal(err)
			}
			got := other(w, "ui-greeting")
			if !strings.Contains(got, "<9999/>") {
				t.Fatalf("ui-greeting came back as %q", got)
			}
			s, l := uiSite(t)
			res, err := merge.Run(s, l, merge.Options{Imported: []merge.Imported{{File: "ar.xlf", Translations: w.Translations, Lines: w.Lines}}})
			if err != nil {
				t.Fatal(err)
			}
			refused := false
			for _, r := range res.Refused {
				refused = refused || strings.Contains(fmt.Sprint(r), "ui-greeting")
			}
			if !refused {
				t.Errorf("merge took %q: refused %v", got, res.Refused)
			}
		})
	}
	// A field copied by a translator's tool with its dataRef comes back
	// as the field, wherever it stands, and a tag number is a tag's.
	x = regexp.MustCompile(`(<target>مرحبًا )(<ph id="f1"[^>]*/>)`).ReplaceAllString(x, "$1<ph id=\"f2\" dataRef=\"d1\"/>")
	w, err := importOne("ar.xlf", []byte(x))
	if err != nil {
		t.Fatal(err)
	}
	if got := other(w, "ui-greeting"); got != "مرحبًا {{.Name}}! لديك {{ .Count }} رسائل 📬" || msgtext.HasTag(got) {
		t.Errorf("ui-greeting came back as %q", got)
	}
}

// forms lists the texts of ms by id and plural form.
func forms(ms map[string]*catalog.Message) map[string]string {
	got := map[string]string{}
	for id, m := range ms {
		for _, f := range catalog.Forms(m) {
			got[id+" "+f.Name] = f.Text
		}
	}
	return got
}

func equal(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}
