package exchange_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/exchange"
	"github.com/glot-i18n/glot/internal/locale"
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
	data, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: format, Only: only, ContentName: "content"})
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
	data := export(t, "xliff")
	f := write(t, "es.xlf", data)
	// Valid against the OASIS XLIFF 2.0 core schema, and 2.1's, offline.
	tool(t, "xmllint", "--noout", "--nonet", "--schema", xliffSchema(t), f)
	tool(t, "xmllint", "--noout", "--nonet", "--schema", filepath.Join("testdata", "xliff-2.1", "xliff_core_2.0.xsd"), f)
	x := string(data)
	for _, want := range []string{
		`srcLang="en" trgLang="es"`,
		`<file id="f1" original="content/a.md">`,
		`<source>Read <pc id="1" type="link" dispStart="link to study.html">the study</pc> &amp; take 0.5 mg<ph id="2" type="other" disp="line break"/>.</source>`,
		`<segment state="translated">`,
		`<note category="previous-translation">El texto como era.</note>`,
	} {
		if !strings.Contains(x, want) {
			t.Errorf("XLIFF lacks %s:\n%s", want, x)
		}
	}
	// The translator fills the missing target in their tool.
	x = strings.Replace(x, "<source>A &#34;new&#34; sentence.</source>", "<source>A &#34;new&#34; sentence.</source>\n    <target>Una frase «nueva».</target>", 1)
	w, err := exchange.Import("es.xlf", []byte(x))
	if err != nil {
		t.Fatal(err)
	}
	if w.Lang != "es" || w.Translations["read-aaaa"] != "Lea <1>el estudio</1> y tome 0,5 mg<2/>." || w.Translations["new-cccc"] != "Una frase «nueva»." || w.Lines["new-cccc"] == 0 {
		t.Errorf("imported %+v", w)
	}
}

func TestPO(t *testing.T) {
	data := export(t, "po")
	f := write(t, "es.po", data)
	tool(t, "msgfmt", "--check", "-o", os.DevNull, f)
	p := string(data)
	for _, want := range []string{
		"#. p; tag 1: link to study.html; tag 2: line break\n#: content/a.md:3\nmsgctxt \"read-aaaa\"\nmsgid \"Read <1>the study</1> & take 0.5 mg<2/>.\"\nmsgstr \"Lea <1>el estudio</1> y tome 0,5 mg<2/>.\"",
		"#, fuzzy\n#| msgctxt \"edited-bbbb\"\n#| msgid \"The text as it was.\"\nmsgctxt \"edited-bbbb\"\nmsgid \"The text as it is now.\"\nmsgstr \"El texto como era.\"",
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
	w, err := exchange.Import("es.po", []byte(p))
	if err != nil {
		t.Fatal(err)
	}
	if w.Lang != "es" || w.Translations["new-cccc"] != `Una frase "nueva".` || w.Translations["read-aaaa"] == "" {
		t.Errorf("imported %+v", w)
	}
	if _, fuzzy := w.Translations["edited-bbbb"]; fuzzy {
		t.Error("a fuzzy entry is not taken")
	}
}

func TestTMX(t *testing.T) {
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
	w, err := exchange.Import("es.tmx", data)
	if err != nil {
		t.Fatal(err)
	}
	if w.Lang != "es" || w.Translations["read-aaaa"] != "Lea <1>el estudio</1> y tome 0,5 mg<2/>." || len(w.Translations) != 1 {
		t.Errorf("imported %+v", w)
	}
}

func TestOnlyAndPage(t *testing.T) {
	p := string(export(t, "po", "missing", "stale"))
	if strings.Contains(p, "read-aaaa") || !strings.Contains(p, "new-cccc") || !strings.Contains(p, "edited-bbbb") {
		t.Errorf("--only missing,stale:\n%s", p)
	}
	s, l := site(t)
	if data, _ := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", Page: "other/*"}); strings.Contains(string(data), "msgctxt") {
		t.Errorf("--page other/* exports nothing of a.md:\n%s", data)
	}
	if _, err := exchange.Export(s, table(t, s, l), exchange.Options{Format: "po", Only: []string{"fuzzy"}}); err == nil {
		t.Error("--only fuzzy is not a state")
	}
}

func TestImportErrors(t *testing.T) {
	for name, tt := range map[string]struct{ data, want string }{
		"bad xml":     {"<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" trgLang=\"es\">\n<file>\n</xliff>", "x.xlf:4:"},
		"no trgLang":  {`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en"></xliff>`, "no trgLang"},
		"po string":   {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\nmsgstr \"y\"\n", "x.xlf:5:"},
		"po language": {"msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n", "names no Language"},
		"other xml":   {"<html></html>", "x.xlf: an XML file that is neither XLIFF nor TMX"},
		// strconv.Unquote turned bytes that are not UTF-8 into U+FFFD
		// unseen, and an escape such as \xff into such a byte.
		"po not utf-8":    {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"caf\xe9\"\n", "x.xlf:6:8: bad string after msgstr: not UTF-8"},
		"po escape":       {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\\xff\"\n", "x.xlf:6:8: bad string after msgstr: an escape makes a byte that is not UTF-8"},
		"po single quote": {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr 'y'\n", "x.xlf:6:8: bad string after msgstr: a PO string is written between double quotes"},
		// A string after a comment was added to the next entry.
		"po string after comment": {"msgid \"\"\nmsgstr \"Language: es\\n\"\n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n# note\n\"z\"\nmsgctxt \"b\"\n", "x.xlf:8:1: a string continues no keyword"},
	} {
		if _, err := exchange.Import("x.xlf", []byte(tt.data)); err == nil || !strings.Contains(err.Error(), tt.want) {
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
