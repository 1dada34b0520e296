package exchange_test

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/verdict"
)

// site: a page of three messages; es has one translated, one stale and
// one missing.
func site(t *testing.T) (*locale.Site, *locale.Lang) {
	t.Helper()
	fsys := fstest.MapFS{
		"active.en.toml": {Data: []byte(`
read-aaaa = "Read <1>the study</1> & take 0.5 mg<2/>."
edited-bbbb = "The text as it is now."
new-cccc = "A \"new\" sentence."
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

[[block]]
id = "new-cccc"
kind = "li"
line = 7
`)},
		"active.es.toml": {Data: []byte(`
[read-aaaa]
other = "Lea <1>el estudio</1> y tome 0,5 mg<2/>."
`)},
		".glot/archive.es.toml": {Data: []byte(`
[old-bbbb]
source = "The text as it was."
other = "El texto como era."
`)},
	}
	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang("es")
	if err != nil {
		t.Fatal(err)
	}
	return s, l
}

func export(t *testing.T, format string, only ...string) []byte {
	t.Helper()
	s, l := site(t)
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: format, Only: only, ContentName: "content", Date: exportDate})
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func write(t *testing.T, name string, data []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// tool runs a real tool of the trade on a file; the tools are installed by
// .ci/run.
func tool(t *testing.T, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is needed (Debian: apt-get install libxml2-utils gettext): %v", name, err)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// xliffSchema is the OASIS XLIFF 2.0 core schema, kept in testdata with
// its notice, so that the exports are validated offline on any clone.
func xliffSchema(t *testing.T) string {
	t.Helper()
	f := filepath.Join("testdata", "xliff-2.0", "xliff_core_2.0.xsd")
	if _, err := os.Stat(f); err != nil {
		t.Fatalf("the XLIFF 2.0 schema is needed to validate exports: %v", err)
	}
	return f
}

func TestXLIFF(t *testing.T) {
	t.Parallel()
	data := export(t, "xliff")
	f := write(t, "es.xlf", data)
	// Valid against the OASIS XLIFF 2.0 core schema, and 2.1's, offline.
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), f)
	tool(t, "xmllint", "--noout", "--nonet", "--schema", filepath.Join("testdata", "xliff-2.1", "xliff_core_2.0.xsd"), f)
	x := string(data)
	for _, want := range []string{
		`srcLang="en" trgLang="es"`,
		`<file id="f1" original="content/a.md">`,
		// The codes stand for the page's markup: a tool must neither
		// delete nor copy them.
		`<source>Read <pc id="1" canCopy="no" canDelete="no" type="link" dispStart="link to study.html">the study</pc> &amp; take 0.5 mg<ph id="2" canCopy="no" canDelete="no" type="other" disp="line break"/>.</source>`,
		`<segment state="translated">`,
		`<note category="previous-translation">El texto como era.</note>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("XLIFF lacks %s:\n%s", want, x)
		}
	}
	// The translator fills the missing target in their tool, which marks
	// the segment translated.
	x = strings.Replace(x, "<segment state=\"initial\">\n    <source>A &#34;new&#34; sentence.</source>", "<segment state=\"translated\">\n    <source>A &#34;new&#34; sentence.</source>\n    <target>Una frase «nueva».</target>", 1)
	w, err := importOne("es.xlf", []byte(x))
	if err != nil {
		t.Fatal(err)
	}
	if w.Lang != "es" || other(w, "read-aaaa") != "Lea <1>el estudio</1> y tome 0,5 mg<2/>." || other(w, "new-cccc") != "Una frase «nueva»." || w.Lines["new-cccc"] == 0 {
		t.Errorf("imported %+v", w)
	}
}

func TestPO(t *testing.T) {
	t.Parallel()
	data := export(t, "po")
	f := write(t, "es.po", data)
	quiet(t, "msgfmt", "-c", "--check-format", "-o", os.DevNull, f)
	p := string(data)
	for _, want := range []string{
		"#. p; tag 1: link to study.html; tag 2: line break\n#: content/a.md:3\nmsgctxt \"read-aaaa\"\nmsgid \"Read <1>the study</1> & take 0.5 mg<2/>.\"\nmsgstr \"Lea <1>el estudio</1> y tome 0,5 mg<2/>.\"",
		"#, fuzzy\n#| msgctxt \"old-bbbb\"\n#| msgid \"The text as it was.\"\nmsgctxt \"edited-bbbb\"\nmsgid \"The text as it is now.\"\nmsgstr \"El texto como era.\"",
		"msgid \"A \\\"new\\\" sentence.\"\nmsgstr \"\"",
		"\"Language: es\\n\"",
	} {
		if !strings.Contains(p, want) {
			t.Errorf("PO lacks %q:\n%s", want, p)
		}
	}
	// gettext's own tools read it: msgattrib lists the fuzzy entry.
	tool(t, "msgattrib", "--only-fuzzy", "-o", filepath.Join(t.TempDir(), "fuzzy.po"), f)
	p = strings.Replace(p, "msgid \"A \\\"new\\\" sentence.\"\nmsgstr \"\"", "msgid \"A \\\"new\\\" sentence.\"\nmsgstr \"Una frase \\\"nueva\\\".\"", 1)
	w, err := importOne("es.po", []byte(p))
	if err != nil {
		t.Fatal(err)
	}
	if w.Lang != "es" || other(w, "new-cccc") != `Una frase "nueva".` || other(w, "read-aaaa") == "" {
		t.Errorf("imported %+v", w)
	}
	if _, fuzzy := w.Translations["edited-bbbb"]; fuzzy {
		t.Error("a fuzzy entry is not taken")
	}
}

func TestTMX(t *testing.T) {
	t.Parallel()
	data := export(t, "tmx")
	f := write(t, "es.tmx", data)
	// Valid against the TMX 1.4b DTD, offline.
	tool(t, "xmllint", "--noout", "--nonet", "--dtdvalid", filepath.Join("testdata", "tmx-1.4b", "tmx14.dtd"), f)
	x := string(data)
	for _, want := range []string{
		`<tu tuid="read-aaaa">`,
		`<tuv xml:lang="en"><seg>Read <bpt i="1" x="1">&lt;1&gt;</bpt>the study<ept i="1">&lt;/1&gt;</ept> &amp; take 0.5 mg<ph x="2">&lt;2/&gt;</ph>.</seg></tuv>`,
		`<tuv xml:lang="es"><seg>Lea <bpt i="1" x="1">&lt;1&gt;</bpt>el estudio<ept i="1">&lt;/1&gt;</ept> y tome 0,5 mg<ph x="2">&lt;2/&gt;</ph>.</seg></tuv>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("TMX lacks %s:\n%s", want, x)
		}
	}
	w, err := importOne("es.tmx", data)
	if err != nil {
		t.Fatal(err)
	}
	if w.Lang != "es" || other(w, "read-aaaa") != "Lea <1>el estudio</1> y tome 0,5 mg<2/>." || len(w.Translations) != 1 {
		t.Errorf("imported %+v", w)
	}
}

func TestOnlyAndPage(t *testing.T) {
	t.Parallel()
	p := string(export(t, "po", "missing", "stale"))
	if strings.Contains(p, "read-aaaa") || !strings.Contains(p, "new-cccc") || !strings.Contains(p, "edited-bbbb") {
		t.Errorf("--only missing,stale:\n%s", p)
	}
	s, l := site(t)
	var oe *option.Error
	if data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", Page: "other/*"}); !errors.As(err, &oe) || oe.Name != "page" || !strings.Contains(err.Error(), `page "other/*": matches no page`) {
		t.Errorf("--page other/* matches no page, and gives %v:\n%s", err, data)
	}
	if data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", Page: "a.*"}); err != nil || !strings.Contains(string(data), "read-aaaa") {
		t.Errorf("--page a.*: %v\n%s", err, data)
	}
	if _, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", Only: []string{"fuzzy"}}); !errors.As(err, &oe) || oe.Name != "only" {
		t.Error("--only fuzzy is not a state")
	}
}

func TestImportErrors(t *testing.T) {
	t.Parallel()
	for name, tt := range map[string]struct{ data, want string }{
		"bad xml":     {"<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" trgLang=\"es\">\n<file>\n</xliff>", "x.xlf:4:"},
		"no trgLang":  {`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"></xliff>`, "no trgLang"},
		"po string":   {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n", "x.xlf:5:"},
		"po language": {"msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", "names no Language"},
		"other xml":   {"<html></html>", "x.xlf: an XML file that is neither XLIFF nor TMX"},
		// An internal subset was reported as a file of no known format.
		"internal subset": {"<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY x SYSTEM \"file:///etc/passwd\">\n]>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"es\"/>",
			"x.xlf:2: the DOCTYPE declares entities or elements of its own (an internal subset)"},
		// strconv.Unquote turned bytes that are not UTF-8 into U+FFFD
		// unseen, and an escape such as \xff into such a byte.
		"po not utf-8":    {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"caf\xe9\"\n", "x.xlf:6:12: byte 0xe9 is not UTF-8"},
		"po escape":       {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\\xff\"\n", "x.xlf:6:8: bad string after msgstr: an escape makes a byte that is not UTF-8"},
		"po single quote": {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr 'y'\n", "x.xlf:6:8: bad string after msgstr: a PO string is written between double quotes"},
		// A string after a comment was added to the next entry.
		"po string after comment": {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n# note\n\"z\"\nmsgctxt \"b\"\n", "x.xlf:8:1: a string continues no keyword"},
		// Plural entries are read by the language's formula, which the
		// file's Plural-Forms header must agree with.
		"po nplurals": {"msgid \"\"\nmsgstr \"\"\n\"Language: ar\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\nmsgstr[1] \"ys\"\n",
			"x.xlf:4: Plural-Forms says nplurals=2, but ar has 6 plural forms (zero, one, two, few, many, other)"},
		"po formula": {"msgid \"\"\nmsgstr \"Language: es\\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : n==0 ? 1 : 2);\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n",
			"x.xlf:2: Plural-Forms puts 0 in msgstr[1], where es's other form is msgstr[2]"},
		"po bad formula": {"msgid \"\"\nmsgstr \"Language: es\\nPlural-Forms: nplurals=3; plural=(n==1 ? 0 : 2;\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n",
			"x.xlf:2: Plural-Forms: plural=(n==1 ? 0 : 2: a ( with no )"},
		"po index": {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\nmsgstr[3] \"z\"\n",
			"x.xlf:8:1: msgstr[3]: es has 3 plural forms, msgstr[0] to msgstr[2] (one, many, other)"},
		"po no formula": {"msgid \"\"\nmsgstr \"Language: lt\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr[0] \"y\"\n",
			"x.xlf:4: glot knows no gettext plural formula for lt (its plural forms: one, few, many, other)"},
		"po msgstr in plural": {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgid_plural \"xs\"\nmsgstr \"y\"\n",
			"x.xlf:4:1: an entry with msgid_plural has msgstr[0], msgstr[1]…, not msgstr"},
		"xliff form": {`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="ar"><file id="f1"><group id="a">` + "\n" + `<unit id="a.several"><segment><source>x</source><target>y</target></segment></unit></group></file></xliff>`,
			`x.xlf:2:22: unit a.several of group a: "several" is no plural form (zero, one, two, few, many, other)`},
		"xliff state": {`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es"><file id="f1">` + "\n" + `<unit id="a"><segment state="done"><source>x</source><target>y</target></segment></unit></file></xliff>`,
			`x.xlf:2:36: <segment state="done">: XLIFF 2 has the states initial, translated, reviewed and final`},
		"tmx form": {`<tmx version="1.4"><header srclang="en"/><body><tu tuid="a.several">` + "\n" + `<prop type="x-plural-form">several</prop><tuv xml:lang="ar"><seg>y</seg></tuv></tu></body></tmx>`,
			`x.xlf:2: tu a.several: "several" is no plural form`},
	} {
		if _, err := importOne("x.xlf", []byte(tt.data)); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
	}
}

// table compiles l's catalog.
func table(t *testing.T, s *locale.Site, l *locale.Lang) *verdict.Table {
	t.Helper()
	tb, err := verdict.Compile(verdict.NewSource(s), l)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// other is the other form imported for message id, "" for none.
func other(w *exchange.Work, id string) string {
	if m := w.Translations[id]; m != nil {
		return m.Other
	}
	return ""
}

// exportDate is the date of the test exports.
var exportDate = time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC)

// quiet runs a tool like tool, and fails on anything it says: a warning
// is a defect of the file too.
func quiet(t *testing.T, name string, args ...string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is needed (Debian: apt-get install libxml2-utils gettext): %v", name, err)
	}
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// Interface messages are named as the layout calls them, spaces and all;
// an XLIFF unit id is an xs:NMTOKEN. The export validates against the
// OASIS schema, and every id comes back as it was.
func TestXLIFFInterfaceIDs(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{"active.en.toml": {Data: []byte(`
"Nav Home" = "Home"
"a_b:c" = "Skip"
"x_41_" = "Literal"

["Reading time"]
description = "Minutes it takes to read the page"
one = "{{.Count}} minute"
other = "{{.Count}} minutes"
`)}}
	s, err := locale.Load(fsys, "locales", "en")
	if err != nil {
		t.Fatal(err)
	}
	l, err := s.Lang("de")
	if err != nil {
		t.Fatal(err)
	}
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "xliff", ContentName: "content"})
	if err != nil {
		t.Fatal(err)
	}
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), write(t, "de.xlf", data))
	x := string(data)
	for _, want := range []string{`<unit id="Nav_20_Home" name="Nav Home">`, `<group id="Reading_20_time" name="Reading time">`, `Minutes it takes to read the page`} {
		if !strings.Contains(x, want) {
			t.Errorf("the export lacks %s:\n%s", want, x)
		}
	}
	// A translator fills every target, marking each segment translated.
	x = strings.ReplaceAll(x, `state="initial"`, `state="translated"`)
	x = regexp.MustCompile(`(<source>(.*?)</source>)`).ReplaceAllString(x, "$1<target>DE $2</target>")
	w, err := importOne("de.xlf", []byte(x))
	if err != nil {
		t.Fatal(err)
	}
	got := translations(w)
	for _, want := range []string{"Nav Home other", "a_b:c other", "x_41_ other", "Reading time one", "Reading time other"} {
		if !strings.HasPrefix(got[want], "DE ") {
			t.Errorf("%s came back as %q; all: %v", want, got[want], got)
		}
	}
}

// importOne imports a file that holds one language's work, into a site
// whose source language is English.
func importOne(file string, data []byte) (*exchange.Work, error) {
	ws, err := exchange.Import(file, data, "en")
	if err != nil {
		return nil, err
	}
	if len(ws) != 1 {
		return nil, fmt.Errorf("%s: %d languages, not one", file, len(ws))
	}
	return ws[0], nil
}

// A file that is neither XML nor shaped like PO is refused by name, not
// read as a PO file that holds nothing.
func TestImportRefusesWhatIsNoExchangeFile(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		file, data, want string
	}{
		{"glot.toml", "source_language = \"en\"\nlanguages = [\"es\"]\n", "glot.toml: not a PO, XLIFF or TMX file (it looks like TOML"},
		{"translate.es.toml", "# work\n[home]\nother = \"Inicio\"\n", "translate.es.toml: not a PO, XLIFF or TMX file (it looks like TOML"},
		{"notes.txt", "Some notes about the translation.\n", "notes.txt: not a PO, XLIFF or TMX file"},
	} {
		_, err := exchange.Import(tt.file, []byte(tt.data), "en")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Import(%s): %v, want %q", tt.file, err, tt.want)
		}
	}
	// A PO file is still read as one.
	po := "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\nmsgctxt \"home\"\nmsgid \"Home\"\nmsgstr \"Inicio\"\n"
	if _, err := exchange.Import("es.po", []byte(po), "en"); err != nil && strings.Contains(err.Error(), "not a PO") {
		t.Errorf("Import(es.po): %v", err)
	}
}
