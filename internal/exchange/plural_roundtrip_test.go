package exchange_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
)

// arabic is a translation of ui-reading-time into Arabic, a different text
// for each of its six plural forms, so that a form filed under another
// shows.
var arabic = map[string]string{
	"zero":  "القراءة: لا دقائق",
	"one":   "القراءة: دقيقة واحدة",
	"two":   "القراءة: دقيقتان",
	"few":   "القراءة: {{.Count}} دقائق",
	"many":  "القراءة: {{.Count}} دقيقة",
	"other": "القراءة: {{.Count}} من الدقائق",
}

// pluralSite: a page message and the interface message ui-reading-time,
// with plural forms in English; nothing is translated into Arabic yet.
// (Its description is not the default layout's, so that glot's shipped
// Arabic does not serve it: the test fixtures of this package all word it
// so.)
func pluralSite(t *testing.T, lang string) (*locale.Site, *locale.Lang) {
	t.Helper()
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`
read-aaaa = "Read the study."

[ui-reading-time]
description = "How long a page takes to read. Count is a number of minutes."
one = "Reading time: {{.Count}} minute"
other = "Reading time: {{.Count}} minutes"
`)},
	}
	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang(lang)
	if err != nil {
		t.Fatal(err)
	}
	return s, l
}

// The PO export of a message with plural forms is one gettext's own
// msgfmt takes without a word, in every language of the table: its
// Plural-Forms formula never gives an index past nplurals, and every
// plural entry has nplurals msgstr.
func TestPOPluralFormsPassMsgfmt(t *testing.T) {
	t.Parallel()
	for _, lang := range []string{"ar", "cs", "de", "es", "fr", "he", "hi", "id", "it", "ja", "ko", "nl", "pl", "pt", "pt-BR", "ru", "sv", "tr", "uk", "zh"} {
		s, l := pluralSite(t, lang)
		data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", Date: exportDate})
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if !strings.Contains(string(data), "msgid_plural") || !strings.Contains(string(data), `"Plural-Forms: nplurals=`) {
			t.Errorf("%s: no plural entry:\n%s", lang, data)
		}
		quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, write(t, lang+".po", data))
	}
}

// fillPlural plays a translator's tool on an export of ui-reading-time
// into Arabic: a text edit of the file that fills each plural form with
// arabic's text, as the format carries it.
func fillPlural(t *testing.T, format, data string) string {
	t.Helper()
	forms := []string{"zero", "one", "two", "few", "many", "other"}
	for i, f := range forms {
		var old, new string
		switch format {
		case "po":
			old = fmt.Sprintf("msgstr[%d] \"\"\n", i)
			new = fmt.Sprintf("msgstr[%d] %q\n", i, arabic[f])
		case "xliff":
			// The tool marks the segment translated, not a draft.
			unit := data[strings.Index(data, `<unit id="ui-reading-time.`+f+`"`):]
			old = unit[:strings.Index(unit, "</source>")+len("</source>")]
			new = strings.Replace(old, `<segment state="initial">`, `<segment state="translated">`, 1) + "\n     <target>" + arabic[f] + "</target>"
		case "xliff12":
			// The tool marks the target translated.
			tu := data[strings.Index(data, fmt.Sprintf(`<trans-unit id="ui-reading-time[%d]">`, i)):]
			old = tu[:strings.Index(tu, "</target>")+len("</target>")]
			new = strings.Replace(old, `<target state="needs-translation"></target>`, `<target state="translated">`+arabic[f]+`</target>`, 1)
		case "tmx":
			tu := data[strings.Index(data, `<tu tuid="ui-reading-time.`+f+`">`):]
			old = tu[:strings.Index(tu, "</tuv>")+len("</tuv>")]
			new = old + "\n  <tuv xml:lang=\"ar\"><seg>" + arabic[f] + "</seg></tuv>"
		}
		if strings.Count(data, old) != 1 {
			t.Fatalf("%s: the form %s is not where a translator finds it (%q):\n%s", format, f, old, data)
		}
		data = strings.Replace(data, old, new, 1)
	}
	return data
}

// Every plural form of a message travels in every format: exported with
// the source form it translates, filled in a translator's tool, imported
// and merged, each lands in active.ar.toml as the form it is.
func TestPluralRoundTrip(t *testing.T) {
	t.Parallel()
	for _, format := range exchange.Formats {
		if format == "pot" {
			continue // a template carries no translation
		}
		t.Run(format, func(t *testing.T) {
			s, l := pluralSite(t, "ar")
			data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: format, Date: exportDate})
			if err != nil {
				t.Fatal(err)
			}
			x := string(data)
			var want []string
			switch format {
			case "po":
				f := write(t, "ar.po", data)
				quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, f)
				want = []string{
					`"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\n"`,
					"#. How long a page takes to read. Count is a number of minutes.\n#. msgstr[0]: zero (0); msgstr[1]: one (1); msgstr[2]: two (2); msgstr[3]: few (3, 5); msgstr[4]: many (11, 21); msgstr[5]: other (100, 101, 1000000, 1.5)\n" +
						"msgctxt \"ui-reading-time\"\nmsgid \"Reading time: {{.Count}} minute\"\nmsgid_plural \"Reading time: {{.Count}} minutes\"\nmsgstr[0] \"\"\n",
				}
			case "xliff":
				tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), write(t, "ar.xlf", data))
				want = []string{
					`<group id="ui-reading-time" name="ui-reading-time">`,
					"<unit id=\"ui-reading-time.few\" name=\"ui-reading-time.few\">\n    <notes>\n     <note category=\"plural-form\">few: e.g. 3, 5</note>\n    </notes>\n    <originalData>\n     <data id=\"d1\">{{.Count}}</data>\n    </originalData>\n    <segment state=\"initial\">\n     <source>Reading time: <ph id=\"f1\" canCopy=\"no\" disp=\"{{.Count}}\" dataRef=\"d1\"/> minutes</source>",
					"<unit id=\"ui-reading-time.one\" name=\"ui-reading-time.one\">\n    <notes>\n     <note category=\"plural-form\">one: e.g. 1</note>\n    </notes>\n    <originalData>\n     <data id=\"d1\">{{.Count}}</data>\n    </originalData>\n    <segment state=\"initial\">\n     <source>Reading time: <ph id=\"f1\" canCopy=\"no\" disp=\"{{.Count}}\" dataRef=\"d1\"/> minute</source>",
				}
			case "xliff12":
				tool(t, "xmllint", "--noout", "--nonet", "--schema", xliff12Schema(t), write(t, "ar.xlf", data))
				want = []string{
					"<group id=\"ui-reading-time\" resname=\"ui-reading-time\" restype=\"x-gettext-plurals\">\n    <note from=\"glot\">How long a page takes to read. Count is a number of minutes.</note>",
					"<trans-unit id=\"ui-reading-time[3]\">\n     <source>Reading time: <ph id=\"f1\" ctype=\"x-template\">{{.Count}}</ph> minutes</source>\n     <target state=\"needs-translation\"></target>\n     <note from=\"glot\">plural form few: e.g. 3, 5</note>",
					"<trans-unit id=\"ui-reading-time[1]\">\n     <source>Reading time: <ph id=\"f1\" ctype=\"x-template\">{{.Count}}</ph> minute</source>",
				}
			case "tmx":
				want = []string{
					"<tu tuid=\"ui-reading-time.many\">\n  <prop type=\"x-message\">ui-reading-time</prop>\n  <prop type=\"x-plural-form\">many</prop>\n  <prop type=\"x-plural-example\">11, 21</prop>",
				}
			}
			for _, w := range want {
				if !strings.Contains(x, w) {
					t.Errorf("the export lacks\n%s\n%s", w, x)
				}
			}

			filled := fillPlural(t, format, x)
			if format == "po" {
				quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, write(t, "filled.po", []byte(filled)))
			}
			w, err := importOne("ar."+format, []byte(filled))
			if err != nil {
				t.Fatal(err)
			}
			res, err := merge.Run(s, l, merge.Options{Imported: []merge.Imported{{File: "ar." + format, Translations: w.Translations, Lines: w.Lines}}})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Refused) > 0 || res.Folded != 1 {
				t.Fatalf("merge: %d taken, refused %v", res.Folded, res.Refused)
			}
			var active []byte
			for _, f := range res.Plan.Writes {
				if f.Path == "active.ar.toml" {
					active = f.Data
				}
			}
			c, err := catalog.Parse("active.ar.toml", active)
			if err != nil {
				t.Fatal(err)
			}
			m := c.Messages["ui-reading-time"]
			for f, text := range arabic {
				if got := catalog.FormText(m, f); got != text {
					t.Errorf("active.ar.toml has %s = %q, want %q\n%s", f, got, text, active)
				}
			}
		})
	}
}
