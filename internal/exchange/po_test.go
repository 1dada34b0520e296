package exchange_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/locale"
)

// describe writes what w brings back, one sorted line a thing: each
// translation by id (T) with its line, the source the file carries beside
// it (S), each translation named by its source alone (B), each fault (F),
// the drafts (D) and the file's source language.
func describe(w *exchange.Work) string {
	forms := func(m *catalog.Message) string {
		var s []string
		for _, f := range catalog.Forms(m) {
			s = append(s, fmt.Sprintf("%s=%q", f.Name, f.Text))
		}
		return strings.Join(s, " ")
	}
	var out []string
	for id, m := range w.Translations {
		out = append(out, fmt.Sprintf("T %s @%d %s", id, w.Lines[id], forms(m)))
	}
	for id, m := range w.Sources {
		out = append(out, fmt.Sprintf("S %s %s", id, forms(m)))
	}
	for src, m := range w.BySource {
		out = append(out, fmt.Sprintf("B %q @%d %s", src, w.BySourceLines[src], forms(m)))
	}
	for _, f := range w.Faults {
		out = append(out, fmt.Sprintf("F %d %q %s", f.Line, f.ID, f.Text))
	}
	if w.Drafts > 0 {
		out = append(out, fmt.Sprintf("D %d", w.Drafts))
	}
	if w.SourceLang != "" {
		out = append(out, "X "+w.SourceLang)
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// poHeader is the header of the PO files of TestPOReader: its entries
// begin on line 5.
const poHeader = "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\n"

// What a PO file brings back, entry by entry: the translations with the
// sources beside them, those of entries without msgctxt, the faults and
// the drafts.
func TestPOReader(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, po, want string
	}{
		{
			name: "sources beside translations",
			po: "msgctxt \"a\"\nmsgid \"Apple.\"\nmsgstr \"Manzana.\"\n\n" +
				"msgctxt \"m\"\nmsgid \"1 minute\"\nmsgid_plural \"{{.Count}} minutes\"\nmsgstr[0] \"1 minuto\"\nmsgstr[1] \"\"\nmsgstr[2] \"{{.Count}} minutos\"\n\n" +
				// No translation, no source: it translates nothing.
				"msgctxt \"empty\"\nmsgid \"Nothing yet.\"\nmsgstr \"\"\n\n" +
				"#, fuzzy\nmsgctxt \"draft\"\nmsgid \"Draft.\"\nmsgstr \"Borrador.\"\n",
			want: `D 1
S a other="Apple."
S m one="1 minute" other="{{.Count}} minutes"
T a @5 other="Manzana."
T m @9 one="1 minuto" other="{{.Count}} minutos"`,
		},
		{
			// As Translate Toolkit's xliff2po and msginit from another
			// tool's template leave them: named by their source alone.
			name: "entries without msgctxt",
			po: "msgid \"Apple.\"\nmsgstr \"Manzana.\"\n\n" +
				"msgid \"1 minute\"\nmsgid_plural \"{{.Count}} minutes\"\nmsgstr[0] \"1 minuto\"\nmsgstr[1] \"\"\nmsgstr[2] \"{{.Count}} minutos\"\n\n" +
				"msgid \"Plum.\"\nmsgstr \"\"\n\n" +
				"#, fuzzy\nmsgid \"Pear.\"\nmsgstr \"Pera.\"\n\n" +
				"msgctxt \"a\"\nmsgid \"Apple.\"\nmsgstr \"Manzana.\"\n",
			want: `B "Apple." @5 other="Manzana."
B "{{.Count}} minutes" @8 one="1 minuto" other="{{.Count}} minutos"
D 1
S a other="Apple."
T a @21 other="Manzana."`,
		},
		{
			// msgfmt refuses the file; glot cannot tell which is meant.
			name: "a msgctxt twice",
			po: "msgctxt \"a\"\nmsgid \"Apple.\"\nmsgstr \"Manzana.\"\n\n" +
				"msgctxt \"b\"\nmsgid \"Bean.\"\nmsgstr \"Judía.\"\n\n" +
				"msgctxt \"a\"\nmsgid \"Apple!\"\nmsgstr \"¡Manzana!\"\n\n" +
				"#, fuzzy\nmsgctxt \"b\"\nmsgid \"Bean.\"\nmsgstr \"\"\n",
			want: `F 13 "a" msgctxt "a" a second time (the first at line 5): neither entry is taken
F 18 "b" msgctxt "b" a second time (the first at line 9): neither entry is taken`,
		},
		{
			name: "a msgid without msgctxt twice",
			po: "msgid \"Apple.\"\nmsgstr \"Manzana.\"\n\n" +
				"msgid \"Bean.\"\nmsgstr \"Judía.\"\n\n" +
				"msgid \"Apple.\"\nmsgstr \"Poma.\"\n\n" +
				// The same msgid as a plural entry is the same entry to
				// gettext; the same msgid_plural is to glot.
				"msgid \"Bean.\"\nmsgid_plural \"Beans.\"\nmsgstr[0] \"Judía.\"\n\n" +
				"msgid \"Pea.\"\nmsgid_plural \"Peas.\"\nmsgstr[0] \"Guisante.\"\n\n" +
				"msgid \"Peas.\"\nmsgstr \"Guisantes.\"\n\n" +
				"msgctxt \"c\"\nmsgid \"Apple.\"\nmsgstr \"Manzana.\"\n",
			want: `F 11 "" msgid "Apple." without msgctxt a second time (the first at line 5): neither entry is taken
F 14 "" msgid "Bean." without msgctxt a second time (the first at line 8): neither entry is taken
F 22 "" a second entry without msgctxt for the source "Peas." (the first at line 18): neither entry is taken
S c other="Apple."
T c @25 other="Manzana."`,
		},
		{
			// As gettext takes them.
			name: "a tab or spaces after a keyword",
			po:   "msgctxt\t\"a\"\nmsgid   \"Apple.\"\n  msgstr \t\"Manzana.\"\n",
			want: `S a other="Apple."
T a @5 other="Manzana."`,
		},
		{
			name: "flags on two lines",
			po:   "#, fuzzy\n#, c-format\nmsgctxt \"a\"\nmsgid \"Apple.\"\nmsgstr \"Manzana.\"\n\n#, c-format\nmsgctxt \"b\"\nmsgid \"Bean.\"\nmsgstr \"Judía.\"\n",
			want: `D 1
S b other="Bean."
T b @12 other="Judía."`,
		},
		{
			name: "glot's source language header",
			po:   "msgctxt \"a\"\nmsgid \"Apple.\"\nmsgstr \"Manzana.\"\n",
			want: `S a other="Apple."
T a @9 other="Manzana."
X en-GB`,
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			head := poHeader
			if tt.name == "glot's source language header" {
				head = "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"X-Source-Language: en_GB\\n\"\n\"X-Generator: glot\\n\"\n\n\n\n"
			}
			w, err := importOne("es.po", []byte(head+tt.po))
			if err != nil {
				t.Fatal(err)
			}
			if got := describe(w); got != tt.want {
				t.Errorf("read\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// A PO file whose X-Source-Language is not the site's source language was
// made from other source texts: refused, naming the header's line.
func TestPOSourceLanguage(t *testing.T) {
	t.Parallel()
	po := "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n!=0 && n%1000000==0 ? 1 : 2);\\n\"\n\"X-Source-Language: de\\n\"\n\nmsgctxt \"a\"\nmsgid \"Apfel.\"\nmsgstr \"Manzana.\"\n"
	_, err := exchange.Import("es.po", []byte(po), "en")
	if want := "es.po:5: the file's source language is de, but the site's is en"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
	if _, err := exchange.Import("es.po", []byte(po), "de"); err != nil {
		t.Errorf("a German site: %v", err)
	}
}

// A malformed PO file is refused with the line and column of the fault.
func TestPOReadErrors(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct{ po, want string }{
		"bad string after a tab":  {"msgctxt \"a\"\nmsgid \"x\"\nmsgstr\t'y'\n", "x.po:7:8: bad string after msgstr: a PO string is written between double quotes"},
		"bad string after spaces": {"msgctxt \"a\"\nmsgid \"x\"\n  msgstr   'y'\n", "x.po:7:12: bad string after msgstr"},
		"an indented string":      {"msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n# note\n\t\"z\"\n", "x.po:9:2: a string continues no keyword"},
		"msgstr with no msgid":    {"msgctxt \"a\"\nmsgstr \"y\"\n", "x.po:6:1: msgstr before any msgid"},
		"msgstr[0] with no msgid": {"msgctxt \"a\"\nmsgstr[0] \"y\"\n", "x.po:6:1: msgstr[0] before any msgid"},
		"a keyword gettext lacks": {"msgctxt \"a\"\nmsgid \"x\"\nmsgtxt \"y\"\n", `x.po:7:1: unknown keyword "msgtxt"`},
		"the template's nplurals": {"msgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n", `x.po:3: Plural-Forms is still the template's "nplurals=INTEGER; plural=EXPRESSION;": put es's, Plural-Forms: nplurals=3; plural=(n==1 ? 0 : n!=0 && n%1000000==0 ? 1 : 2);`},
	} {
		head := poHeader
		if name == "the template's nplurals" {
			head = "msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n\"\n\"Language: es\\n\"\n"
		}
		if _, err := importOne("x.po", []byte(head+tt.po)); err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
	}
}

// A stale translation's "#|" comment names the entry that was translated:
// the message this one took over, when it took over another's, so that
// gettext's tools show the previous entry as it was.
func TestPOPreviousEntry(t *testing.T) {
	t.Parallel()
	p := string(export(t, "po"))
	if want := "#, fuzzy\n#| msgctxt \"old-bbbb\"\n#| msgid \"The text as it was.\"\nmsgctxt \"edited-bbbb\"\n"; !strings.Contains(p, want) {
		t.Errorf("the stale entry lacks\n%s\n%s", want, p)
	}

	// A message whose source was edited in place was itself translated.
	s, err := locale.Load(fstest.MapFS{
		"active.en.toml":        {Data: []byte(`edited-bbbb = "The text as it is now."`)},
		".glot/archive.es.toml": {Data: []byte("[edited-bbbb]\nsource = \"The text as it was.\"\nother = \"El texto como era.\"\n")},
	}, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang("es")
	if err != nil {
		t.Fatal(err)
	}
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", Date: exportDate})
	if err != nil {
		t.Fatal(err)
	}
	if want := "#, fuzzy\n#| msgctxt \"edited-bbbb\"\n#| msgid \"The text as it was.\"\nmsgctxt \"edited-bbbb\"\n"; !strings.Contains(string(data), want) {
		t.Errorf("the stale entry lacks\n%s\n%s", want, data)
	}
	quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, write(t, "es.po", data))
}

// Every PO export passes gettext's own checks (msgfmt -c --check-format)
// without a word, whatever it holds and whenever it is written: the
// header has every field msgfmt asks for, PO-Revision-Date among them.
// A template passes them but for the header check, which refuses
// nplurals=INTEGER, as in any xgettext template: msginit fills it in.
func TestPOExportsPassMsgfmt(t *testing.T) {
	t.Parallel()
	kathmandu := time.Date(2026, 3, 1, 15, 15, 0, 0, time.FixedZone("NPT", 5*3600+45*60))
	for _, tt := range []struct {
		name, lang string
		plural     bool
		o          exchange.Options
		want       string // a line of the header
	}{
		{name: "no date", lang: "es", o: exchange.Options{Format: "po"}, want: `"PO-Revision-Date: \n"`},
		{name: "a date", lang: "es", o: exchange.Options{Format: "po", Date: kathmandu}, want: `"PO-Revision-Date: 2026-03-01 15:15+0545\n"`},
		{name: "now", lang: "es", o: exchange.Options{Format: "po", Date: time.Now()}, want: `"PO-Revision-Date: 20`},
		{name: "missing and stale", lang: "es", o: exchange.Options{Format: "po", Only: []string{"missing", "stale"}}},
		{name: "one page", lang: "es", o: exchange.Options{Format: "po", Page: "a.*"}},
		{name: "plural", lang: "ar", plural: true, o: exchange.Options{Format: "po", Date: kathmandu}},
		{name: "one form", lang: "ja", plural: true, o: exchange.Options{Format: "po"}},
		{name: "template", lang: "es", o: exchange.Options{Format: "pot", Date: kathmandu}, want: `"POT-Creation-Date: 2026-03-01 15:15+0545\n"`},
		{name: "plural template", lang: "ar", plural: true, o: exchange.Options{Format: "pot"}, want: `"POT-Creation-Date: \n"`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var s *locale.Site
			var l *locale.Lang
			if tt.plural {
				s, l = pluralSite(t, tt.lang)
			} else {
				s, l = site(t)
			}
			tt.o.ContentName = "content"
			data, err := exchange.Export(s, table(t, s, l), tt.o)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(data), tt.want) {
				t.Errorf("the header lacks %s:\n%s", tt.want, data)
			}
			f := write(t, "glot."+tt.o.Format, data)
			if tt.o.Format == "pot" {
				quiet(t, "msgfmt", "--check-format", "--check-domain", "-o", os.DevNull, f)
			} else {
				quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, f)
			}
		})
	}
}

// A template holds every message the filters let through, with its
// source and none of a language's translations, states or forms.
func TestPOT(t *testing.T) {
	t.Parallel()
	s, l := site(t)
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "pot", ContentName: "content", Date: exportDate})
	if err != nil {
		t.Fatal(err)
	}
	p := string(data)
	for _, want := range []string{
		"#, fuzzy\nmsgid \"\"\nmsgstr \"\"\n\"Project-Id-Version: glot\\n\"\n\"POT-Creation-Date: 2026-03-01 09:30+0000\\n\"\n\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n",
		"\"X-Source-Language: en\\n\"",
		"#. p; tag 1: link to study.html; tag 2: line break\n#: content/a.md:3\nmsgctxt \"read-aaaa\"\nmsgid \"Read <1>the study</1> & take 0.5 mg<2/>.\"\nmsgstr \"\"\n",
		"#. p\n#: content/a.md:5\nmsgctxt \"edited-bbbb\"\nmsgid \"The text as it is now.\"\nmsgstr \"\"\n",
		"#. li\n#: content/a.md:7\nmsgctxt \"new-cccc\"\nmsgid \"A \\\"new\\\" sentence.\"\nmsgstr \"\"\n",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the template lacks\n%s\n%s", want, p)
		}
	}
	// A template is no language's: nothing of Spanish is in it.
	for _, not := range []string{"\"Language:", "Lea", "El texto", "fuzzy\n#|", "Plural-Forms", "reviewed"} {
		if strings.Contains(p, not) {
			t.Errorf("the template has %q:\n%s", not, p)
		}
	}

	data, err = exchange.Export(s, table(t, s, l), exchange.Options{Format: "pot", Only: []string{"missing"}})
	if err != nil {
		t.Fatal(err)
	}
	if p := string(data); strings.Count(p, "msgctxt") != 1 || !strings.Contains(p, "msgctxt \"new-cccc\"") {
		t.Errorf("--only missing:\n%s", p)
	}

	// A message with plural forms: two msgstr, as xgettext writes them,
	// whatever the language exported; Plural-Forms is msginit's to fill.
	s, l = pluralSite(t, "ar")
	data, err = exchange.Export(s, table(t, s, l), exchange.Options{Format: "pot"})
	if err != nil {
		t.Fatal(err)
	}
	p = string(data)
	for _, want := range []string{
		"\"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n\"",
		"#. How long a page takes to read. Count is a number of minutes.\nmsgctxt \"ui-reading-time\"\nmsgid \"Reading time: {{.Count}} minute\"\nmsgid_plural \"Reading time: {{.Count}} minutes\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the template lacks\n%s\n%s", want, p)
		}
	}
	if strings.Contains(p, "msgstr[2]") || strings.Contains(p, "zero") {
		t.Errorf("the template has Arabic's forms:\n%s", p)
	}
	// glot import takes no template: it is no language's work.
	if _, err := importOne("glot.pot", data); err == nil || !strings.Contains(err.Error(), "names no Language") {
		t.Errorf("importing a template: %v", err)
	}
}
