package exchange_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/ledger"
)

// xliff12Schema is the OASIS XLIFF 1.2 strict schema, kept in testdata
// with its notice, so that the exports are validated offline on any clone.
func xliff12Schema(t *testing.T) string {
	t.Helper()
	f := filepath.Join("testdata", "xliff-1.2", "xliff-core-1.2-strict.xsd")
	if _, err := os.Stat(f); err != nil {
		t.Fatalf("the XLIFF 1.2 schema is needed to validate exports: %v", err)
	}
	return f
}

// The XLIFF 1.2 export lays out the same messages as the XLIFF 2 one, as
// Translate Toolkit's po2xliff does a PO file: a <trans-unit> named by
// resname, a plural message as a <group restype="x-gettext-plurals">, the
// markup as <g> and <x/>, a template field as a <ph> that holds it, each
// state as the target's. It is valid XLIFF 1.2, Arabic, emoji and all,
// and read back unchanged it brings back the translations in force.
func TestXLIFF12(t *testing.T) {
	t.Parallel()
	s, l := uiSite(t)
	l.Reviews = ledger.Reviews{"ui-greeting": {Translation: ledger.TextHash(l.Active.Messages["ui-greeting"])}}
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "xliff12", ContentName: "content"})
	if err != nil {
		t.Fatal(err)
	}
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliff12Schema(t), write(t, "ar.xlf", data))
	x := string(data)
	for _, want := range []string{
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">`,
		`<file original="content/a.md" source-language="en" target-language="ar" datatype="plaintext">`,
		"<trans-unit id=\"read-aaaa\" resname=\"read-aaaa\">\n" +
			"    <source>Read <g id=\"1\" ctype=\"link\">the study</g> 🎉 &amp; take 0.5 mg<x id=\"2\" ctype=\"lb\"/>.</source>\n" +
			"    <target state=\"translated\">اقرأ <g id=\"1\" ctype=\"link\">الدراسة</g> 🎉 وتناول 0.5 ملغ<x id=\"2\" ctype=\"lb\"/>.</target>\n" +
			"    <note from=\"glot\">content/a.md:3</note>\n" +
			"    <note from=\"glot\">p; tag 1: link to study.html; tag 2: line break</note>",
		// Stale: the old translation, to review.
		"<target state=\"needs-review-translation\">النص كما كان.</target>",
		"<note from=\"glot\">previous source: The text as it was.</note>",
		// Reviewed in glot.
		"<trans-unit id=\"ui-greeting\" resname=\"ui-greeting\" approved=\"yes\">\n" +
			"    <source>Hello, <ph id=\"f1\" ctype=\"x-template\">{{.Name}}</ph>! <ph id=\"f2\" ctype=\"x-template\">{{.Name}}</ph>, you have <ph id=\"f3\" ctype=\"x-template\">{{ .Count }}</ph> messages 📬</source>\n" +
			"    <target state=\"signed-off\">مرحبًا <ph id=\"f1\" ctype=\"x-template\">{{.Name}}</ph>! لديك <ph id=\"f3\" ctype=\"x-template\">{{ .Count }}</ph> رسائل 📬</target>",
		"<source>Page <ph id=\"f1\" ctype=\"x-template\">[[.Page]]</ph> of <ph id=\"f2\" ctype=\"x-template\">[[.Total]]</ph> ({{not a field}})</source>\n    <target state=\"needs-translation\"></target>",
		"<group id=\"ui-reading-time\" resname=\"ui-reading-time\" restype=\"x-gettext-plurals\">",
		"<trans-unit id=\"ui-reading-time[4]\">\n" +
			"     <source>Reading time: <ph id=\"f1\" ctype=\"x-template\">{{.Count}}</ph> minutes</source>\n" +
			"     <target state=\"translated\">القراءة: <ph id=\"f1\" ctype=\"x-template\">{{.Count}}</ph> دقيقة</target>\n" +
			"     <note from=\"glot\">plural form many: e.g. 11, 21</note>",
	} {
		if !strings.Contains(x, want) {
			t.Errorf("the export lacks\n%s\n%s", want, x)
		}
	}

	w, err := importOne("ar.xlf", data)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{}
	for _, id := range []string{"read-aaaa", "ui-greeting", "ui-reading-time"} {
		for _, f := range catalog.Forms(l.Active.Messages[id]) {
			want[id+" "+f.Name] = f.Text
		}
	}
	if got := translations(w); !equal(got, want) {
		t.Errorf("imported\n%q\nwant\n%q", got, want)
	}
	if w.Lang != "ar" || w.SourceLang != "en" || w.Drafts != 1 || len(w.Reviewed) != 1 || !w.Reviewed["ui-greeting"] || len(w.Faults) != 0 {
		t.Errorf("imported %s from %s, %d drafts (want 1, the stale one), reviewed %v, faults %v", w.Lang, w.SourceLang, w.Drafts, w.Reviewed, w.Faults)
	}
	if src := catalog.FormText(w.Sources["ui-reading-time"], "one"); src != "Reading time: {{.Count}} minute" {
		t.Errorf("the source of one is %q", src)
	}
}

// states12 has a unit in each XLIFF 1.2 target state, as tools leave them.
const states12 = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="a.md" source-language="en" target-language="es" datatype="plaintext">
  <header><note>A header note.</note></header>
  <body>
   <trans-unit id="1" resname="new"><source>New.</source><target state="new">Nuevo.</target></trans-unit>
   <trans-unit id="2" resname="needs-translation"><source>Needs.</source><target state="needs-translation">Necesita.</target></trans-unit>
   <trans-unit id="3" resname="needs-review"><source>Review.</source><target state="needs-review-translation">Revisar.</target></trans-unit>
   <trans-unit id="4" resname="needs-l10n" approved="yes"><source>L10n.</source><target state="needs-l10n">L10n.</target></trans-unit>
   <trans-unit id="5" resname="translated"><source>Translated.</source><target state="translated">Traducido.</target>
    <alt-trans><source>Translated!</source><target>¡Traducido!</target></alt-trans></trans-unit>
   <trans-unit id="6" resname="approved" approved="yes"><source>Approved.</source><target state="translated">Aprobado.</target></trans-unit>
   <trans-unit id="7" resname="signed-off"><source>Signed off.</source><target state="signed-off">Firmado.</target></trans-unit>
   <trans-unit id="8" resname="final"><source>Final.</source><target state="final">Definitivo.</target></trans-unit>
   <trans-unit id="9" resname="no-state"><source>No state.</source><target>Sin estado.</target></trans-unit>
   <trans-unit id="10" resname="custom"><source>Custom.</source><target state="x-checked">Propio.</target></trans-unit>
   <trans-unit id="11" resname="empty"><source>Empty.</source><target state="translated"></target></trans-unit>
   <trans-unit id="12" resname="untranslatable" translate="no"><source>glot</source><target>glot</target></trans-unit>
   <trans-unit id="13" resname="no-target"><source>No target.</source></trans-unit>
  </body>
 </file>
</xliff>
`

// new, needs-translation and every needs-* state are drafts, left out and
// counted; translated, signed-off, final and no state are taken, and
// signed-off, final or approved="yes" count as reviewed. A translation
// memory's match (<alt-trans>) is not the unit's target.
func TestXLIFF12States(t *testing.T) {
	t.Parallel()
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliff12Schema(t), write(t, "states.xlf", []byte(states12)))
	w, err := importOne("states.xlf", []byte(states12))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"translated other": "Traducido.", "approved other": "Aprobado.", "signed-off other": "Firmado.",
		"final other": "Definitivo.", "no-state other": "Sin estado.", "custom other": "Propio.",
	}
	if got := translations(w); !equal(got, want) {
		t.Errorf("imported\n%q\nwant\n%q", got, want)
	}
	if w.Drafts != 4 {
		t.Errorf("%d drafts, want 4", w.Drafts)
	}
	var reviewed []string
	for id := range w.Reviewed {
		reviewed = append(reviewed, id)
	}
	slices.Sort(reviewed)
	if want := []string{"approved", "final", "signed-off"}; !slices.Equal(reviewed, want) {
		t.Errorf("reviewed %v, want %v", reviewed, want)
	}
	if _, err := importOne("states.xlf", []byte(strings.Replace(states12, `state="final"`, `state="done"`, 1))); err == nil || !strings.Contains(err.Error(), "states.xlf:14:") {
		t.Errorf("a state XLIFF 1.2 does not have: %v", err)
	}
}

// A file holds one unit for each message: a second, even in another
// <file>, is a fault naming both, and a plural form given twice is too.
func TestXLIFF12Faults(t *testing.T) {
	t.Parallel()
	file := `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">
 <file original="a.md" source-language="en" target-language="es" datatype="plaintext"><body>
  <trans-unit id="a" resname="a"><source>A.</source><target>Uno.</target></trans-unit>
  <trans-unit id="b" resname="b"><source>B.</source><target>Be.</target></trans-unit>
  <group id="m" resname="m" restype="x-gettext-plurals">
   <trans-unit id="m[0]"><source>1 minute</source><target>1 minuto</target></trans-unit>
   <trans-unit id="m[0]"><source>1 minute</source><target>un minuto</target></trans-unit>
  </group>
 </body></file>
 <file original="b.md" source-language="en" target-language="es" datatype="plaintext"><body>
  <trans-unit id="a" resname="a"><source>A.</source><target>Otro.</target></trans-unit>
 </body></file>
</xliff>
`
	w, err := importOne("es.xlf", []byte(file))
	if err != nil {
		t.Fatal(err)
	}
	if got := translations(w); !equal(got, map[string]string{"b other": "Be."}) {
		t.Errorf("imported %q", got)
	}
	var faults []string
	for _, f := range w.Faults {
		faults = append(faults, fmt.Sprintf("%d: %s: %s", f.Line, f.ID, f.Text))
	}
	want := []string{
		"8: m: unit m[0]: a second unit for it (the first is at line 7): which is the translation?",
		"12: a: unit a: a second unit for it (the first is at line 4): which is the translation?",
	}
	if !slices.Equal(faults, want) {
		t.Errorf("faults\n%s\nwant\n%s", strings.Join(faults, "\n"), strings.Join(want, "\n"))
	}
}

// Translate Toolkit reads glot's XLIFF 1.2: xliff2po makes an entry of
// every unit. And glot reads Translate Toolkit's: po2xliff, given glot's
// PO export, writes XLIFF 1.1 without the message ids (msgctxt) and
// without a target-language; glot takes the language and the source
// language from the gettext header it keeps, names each unit by its
// source, and reads a plural group's forms as the PO numbered them.
func TestXLIFF12TranslateToolkit(t *testing.T) {
	t.Parallel()
	x := exportUI(t, "xliff12")
	po := filepath.Join(t.TempDir(), "ar.po")
	glottest.Run(t, glottest.Tool(t, "xliff2po"), "--progress=none", write(t, "ar.xlf", []byte(x)), po)
	out, err := os.ReadFile(po)
	if err != nil {
		t.Fatal(err)
	}
	units := strings.Count(x, "<trans-unit ")
	if entries := strings.Count(string(out), "\nmsgid ") - 1; entries != units || units != 11 {
		t.Errorf("xliff2po made %d entries of %d units (want 11):\n%s", entries, units, out)
	}
	if !strings.Contains(string(out), `msgstr "مرحبًا {{.Name}}! لديك {{ .Count }} رسائل 📬"`) {
		t.Errorf("xliff2po lost a field:\n%s", out)
	}

	xlf := filepath.Join(t.TempDir(), "ar.xlf")
	glottest.Run(t, glottest.Tool(t, "po2xliff"), "--progress=none", write(t, "ar.po", []byte(exportUI(t, "po"))), xlf)
	data, err := os.ReadFile(xlf)
	if err != nil {
		t.Fatal(err)
	}
	w, err := importOne("ar.xlf", data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	s, l := uiSite(t)
	want := map[string]string{}
	for _, id := range []string{"read-aaaa", "ui-greeting", "ui-reading-time"} {
		for _, f := range catalog.Forms(l.Active.Messages[id]) {
			want[s.Source.Messages[id].Other+" "+f.Name] = f.Text
		}
	}
	if got := forms(w.BySource); !equal(got, want) {
		t.Errorf("po2xliff's file brings back, by source,\n%q\nwant\n%q\n%s", got, want, data)
	}
	if w.Lang != "ar" || w.SourceLang != "en" || len(w.Translations) != 0 || w.Drafts != 1 || len(w.Faults) != 0 {
		t.Errorf("po2xliff's file: %s from %s, %d by id, %d drafts (want 1, the stale one), faults %v", w.Lang, w.SourceLang, len(w.Translations), w.Drafts, w.Faults)
	}
}

// A file glot cannot read as XLIFF 1.2 is refused with its line: a
// language nowhere said, a plural form the language does not have, a
// Plural-Forms header (kept by po2xliff) that numbers the forms otherwise
// than glot, two target languages.
func TestXLIFF12Errors(t *testing.T) {
	t.Parallel()
	head := "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.1\" version=\"1.1\">\n"
	for name, tt := range map[string]struct{ data, want string }{
		"no language": {head + `<file original="a" source-language="en" datatype="plaintext"><body><trans-unit id="1"><source>A</source><target>B</target></trans-unit></body></file></xliff>`,
			"x.xlf: no <file> says its target-language"},
		"form past the language's": {head + `<file original="a" source-language="en" target-language="es" datatype="plaintext"><body><group id="g" restype="x-gettext-plurals">` + "\n" + `<trans-unit id="g[3]"><source>A</source><target>B</target></trans-unit></group></body></file></xliff>`,
			"x.xlf:4: trans-unit g[3]: es has 3 plural forms, [0] to [2] (one, many, other)"},
		"Plural-Forms": {head + `<file original="a" source-language="en-US" datatype="plaintext"><body>` + "\n" +
			`<trans-unit id="1" restype="x-gettext-domain-header"><source>Language: es` + "\n" + `Plural-Forms: nplurals=2; plural=(n != 1);` + "\n" + `</source></trans-unit>` +
			`<group id="g" restype="x-gettext-plurals"><trans-unit id="g[0]"><source>A</source><target>B</target></trans-unit></group></body></file></xliff>`,
			"x.xlf:4: Plural-Forms says nplurals=2, but es has 3 plural forms"},
		"two languages": {head + `<file original="a" source-language="en" target-language="es" datatype="plaintext"><body/></file>` + "\n" + `<file original="b" source-language="en" target-language="fr" datatype="plaintext"><body/></file></xliff>`,
			"x.xlf:4:"},
		"bad xml": {head + `<file original="a" source-language="en" target-language="es" datatype="plaintext"><body>` + "\n" + `</file></xliff>`, "x.xlf:4:"},
	} {
		if _, err := importOne("x.xlf", []byte(tt.data)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
	}
}
