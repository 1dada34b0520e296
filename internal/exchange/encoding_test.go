package exchange_test

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/exchange"
)

// translated plays a translator on an export: it fills the missing
// new-cccc with a text of accents and quotes no ASCII has, so that a file
// in another encoding differs from the UTF-8 one where it matters.
func translated(t *testing.T, format string) []byte {
	t.Helper()
	x := string(export(t, format))
	var old, new string
	switch format {
	case "po":
		old = "msgid \"A \\\"new\\\" sentence.\"\nmsgstr \"\""
		new = "msgid \"A \\\"new\\\" sentence.\"\nmsgstr \"Una frase «nueva» sobre la depresión.\""
	case "xliff":
		old = "<source>A &#34;new&#34; sentence.</source>"
		new = old + "\n    <target>Una frase «nueva» sobre la depresión.</target>"
	case "tmx":
		i := strings.Index(x, `<tu tuid="new-cccc">`)
		old = x[i : i+strings.Index(x[i:], "</tuv>")+len("</tuv>")]
		new = old + "\n  <tuv xml:lang=\"es\"><seg>Una frase «nueva» sobre la depresión.</seg></tuv>"
	}
	if strings.Count(x, old) != 1 {
		t.Fatalf("%s: new-cccc is not where a translator finds it:\n%s", format, x)
	}
	if format == "xliff" {
		// A tool marks the segment it filled in as translated: one left
		// "initial" is a draft, and is not taken.
		i := strings.Index(x, old)
		seg := strings.LastIndex(x[:i], "<segment")
		x = x[:seg] + strings.Replace(x[seg:i], `state="initial"`, `state="translated"`, 1) + x[i:]
	}
	return []byte(strings.Replace(x, old, new, 1))
}

// declare rewrites the encoding of an XML export's declaration, as a tool
// that writes the file in that encoding does.
func declare(t *testing.T, data []byte, enc string) []byte {
	t.Helper()
	const decl = `<?xml version="1.0" encoding="UTF-8"?>`
	if !bytes.HasPrefix(data, []byte(decl)) {
		t.Fatalf("the export does not begin with %s:\n%s", decl, data)
	}
	return append([]byte(`<?xml version="1.0" encoding="`+enc+`"?>`), data[len(decl):]...)
}

// translations are the forms w brings back, by message id and form.
func translations(w *exchange.Work) map[string]string {
	got := map[string]string{}
	for id, m := range w.Translations {
		for _, f := range catalog.Forms(m) {
			got[id+" "+f.Name] = f.Text
		}
	}
	return got
}

// A file that gettext's msgconv or iconv has written in another encoding
// brings back the same translations as the UTF-8 file it was converted
// from: the encoding is told by the PO header's charset, the XML
// declaration's encoding, a byte order mark, or the zero bytes of UTF-16.
func TestImportConverted(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, format, ext string
		declare           string // the XML declaration's encoding after conversion; "" to keep it
		convert           func(t *testing.T, in, out string)
	}{
		{"po msgconv ISO-8859-1", "po", "po", "", func(t *testing.T, in, out string) {
			tool(t, "msgconv", "-t", "ISO-8859-1", "-o", out, in)
		}},
		{"po msgconv windows-1252", "po", "po", "", func(t *testing.T, in, out string) {
			tool(t, "msgconv", "-t", "CP1252", "-o", out, in)
		}},
		{"tmx UTF-16 with a byte order mark", "tmx", "tmx", "UTF-16", iconv("UTF-16")},
		{"tmx UTF-16LE without one", "tmx", "tmx", "UTF-16", iconv("UTF-16LE")},
		{"tmx UTF-16BE without one", "tmx", "tmx", "UTF-16", iconv("UTF-16BE")},
		{"tmx ISO-8859-1", "tmx", "tmx", "ISO-8859-1", iconv("ISO-8859-1")},
		{"xliff UTF-16 with a byte order mark", "xliff", "xlf", "UTF-16", iconv("UTF-16")},
		{"xliff UTF-16BE without one", "xliff", "xlf", "UTF-16", iconv("UTF-16BE")},
		{"xliff ISO-8859-15", "xliff", "xlf", "ISO-8859-15", iconv("ISO-8859-15")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := translated(t, tt.format)
			want, err := importOne("es."+tt.ext, data)
			if err != nil {
				t.Fatal(err)
			}
			if got := other(want, "new-cccc"); got != "Una frase «nueva» sobre la depresión." {
				t.Fatalf("the UTF-8 file brings back new-cccc = %q", got)
			}
			if tt.declare != "" {
				data = declare(t, data, tt.declare)
			}
			out := filepath.Join(t.TempDir(), "converted."+tt.ext)
			tt.convert(t, write(t, "es."+tt.ext, data), out)
			converted, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(converted, []byte("«nueva»")) {
				t.Fatalf("the conversion left the file in UTF-8:\n%s", converted)
			}
			got, err := importOne("es."+tt.ext, converted)
			if err != nil {
				t.Fatal(err)
			}
			if got.Lang != want.Lang || !maps.Equal(translations(got), translations(want)) {
				t.Errorf("the converted file brings back %s %q, the UTF-8 one %s %q", got.Lang, translations(got), want.Lang, translations(want))
			}
			for id, line := range want.Lines {
				if got.Lines[id] != line {
					t.Errorf("%s is on line %d of the converted file, %d of the UTF-8 one", id, got.Lines[id], line)
				}
			}
		})
	}
}

// iconv converts a file from UTF-8 into enc with iconv.
func iconv(enc string) func(t *testing.T, in, out string) {
	return func(t *testing.T, in, out string) {
		tool(t, "iconv", "-f", "UTF-8", "-t", enc, "-o", out, in)
	}
}

// utf16LE is s in UTF-16LE; a rune outside the BMP is not needed.
func utf16LE(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}

// A byte that is not of the encoding the file says it is in, or an
// encoding glot does not know, is refused with the file and the line, and
// never read as U+FFFD.
func TestImportEncodingErrors(t *testing.T) {
	t.Parallel()
	const poHeader = "msgid \"\"\nmsgstr \"\"\n\"Language: es\\n\"\n\"Content-Type: text/plain; charset=%s\\n\"\n\n"
	po := func(charset, rest string) string {
		return strings.Replace(poHeader, "%s", charset, 1) + rest
	}
	const tmx = "<?xml version=\"1.0\" encoding=\"%s\"?>\n<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu tuid=\"a\">\n<tuv xml:lang=\"es\"><seg>%s</seg></tuv></tu></body></tmx>\n"
	xml := func(enc, seg string) string {
		return strings.Replace(strings.Replace(tmx, "%s", enc, 1), "%s", seg, 1)
	}
	for name, tt := range map[string]struct{ data, want string }{
		// A comment is read by no one, but its bytes say the file is not
		// what its header says.
		"po utf-8 header, latin-1 bytes": {po("UTF-8", "# Revisi\xf3n\nmsgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n"),
			"x.po:6:9: byte 0xf3 is not UTF-8"},
		"po unknown charset": {po("KLINGON-8", "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n"),
			`x.po:4:36: the header's charset is "KLINGON-8", an encoding glot does not know`},
		"po byte not in windows-1252": {po("windows-1252", "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"caf\x81\"\n"),
			"x.po:8: bytes that are not windows-1252"},
		"po charset not ascii": {po("UTF-16", "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"y\"\n"),
			`x.po:4:36: the header's charset is "UTF-16", but the file is not in it`},
		"xml unknown encoding": {xml("KLINGON-8", "y"),
			`x.po:1:31: the XML declaration's encoding is "KLINGON-8", an encoding glot does not know`},
		"xml byte not in shift_jis": {xml("Shift_JIS", "\x85\x20"),
			"x.po:3: bytes that are not Shift_JIS"},
		"xml utf-8, latin-1 bytes": {xml("UTF-8", "caf\xe9"),
			"x.po:3:28: byte 0xe9 is not UTF-8"},
		"utf-8 byte order mark, latin-1 bytes": {"\ufeff" + po("UTF-8", "msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"caf\xe9\"\n"),
			"x.po:8:12: byte 0xe9 is not UTF-8"},
		"utf-16 lone surrogate": {"\xff\xfe" + strings.Replace(utf16LE(xml("UTF-16", "@")), "@\x00", "\x00\xd8", 1),
			"x.po:3: a UTF-16LE surrogate (0xd800) that is not half of a pair"},
		"utf-16 half a character": {utf16LE(xml("UTF-16", "y")) + "\n",
			"x.po:4: the file ends in half a UTF-16LE character"},
	} {
		w, err := importOne("x.po", []byte(tt.data))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", name, err, tt.want)
		}
		if w != nil {
			for id, text := range translations(w) {
				if strings.ContainsRune(text, '\uFFFD') {
					t.Errorf("%s: %s reads as %q", name, id, text)
				}
			}
		}
	}
}
