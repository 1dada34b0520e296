package catalog

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	gotoml "github.com/pelletier/go-toml/v2"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// tomlCases are documents a translator's editor or another tool might
// write, valid and not.
var tomlCases = []string{
	"",
	"a = \"x\"\n",
	"\"quoted id\" = \"x\"\n'literal id' = 'y'\n",
	"[a]\nother = \"x\"\n[b]\none = \"1\"\nother = \"\"\"\nmany\nlines\"\"\"\n",
	"[a]\nother = 'C:\\path'\n",
	"[a]\nother = \"tab\\there \\u00e9 \\U0001F600 \\\" \\\\\"\n",
	"[a.b]\nother = \"x\"\n[a]\nc = \"y\"\n",
	"[a]\n[a.b]\nother = \"x\"\n",
	"a.b.other = \"x\"\na.c = \"y\"\n",
	"a = {other = \"x\", hash = \"h\"}\n",
	"[a]\nother = \"x\"\n[a]\nother = \"y\"\n",
	"a = \"x\"\na = \"y\"\n",
	"a = \"x\"\n[a]\nother = \"y\"\n",
	"[a]\nb.c = \"x\"\n[a.b]\nd = \"y\"\n",
	"a = {other = \"x\"}\n[a.b]\nc = \"y\"\n",
	"[[a]]\nother = \"x\"\n",
	"a = 3\nb = true\nc = 1979-05-27\nd = [\"x\", 1]\n",
	"[a]\nother = \"unterminated\n",
	"[a\nother = \"x\"\n",
	"a = \"x\" b = \"y\"\n",
	"a = \"bad \\q escape\"\n",
	"a = \"bad \\uD800 surrogate\"\n",
	"a = \"control \x01 char\"\n",
	"# comment \x01\na = \"x\"\n",
	"a = \"\xff invalid utf-8\"\n",
	"\ufeffa = \"x\"\n",
	"a = \"x\"\r\n[b]\r\nother = \"y\"\r\n",
	"[ a . b ]\nother = \"x\"\n",
	"[\"a.b\"]\nother = \"x\"\n",
	"=\"x\"\n",
	"\"\" = \"x\"\n",
}

// TestDecodeAgreesWithBurntSushi holds decode to a full TOML decoder: on
// every case, and on every catalog of the sample site, both accept or both
// refuse, and what they read is the same tables and strings.
func TestDecodeAgreesWithBurntSushi(t *testing.T) {
	t.Parallel()
	cases := append([]string(nil), tomlCases...)
	files, _ := filepath.Glob("../../locales/*.toml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, string(data))
	}
	for _, c := range cases {
		agree(t, []byte(c))
	}
}

func FuzzDecode(f *testing.F) {
	for _, c := range tomlCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, data []byte) { agree(t, data) })
}

// agree checks that decode accepts a catalog exactly when BurntSushi's
// decoder does, and reads the same from it. A catalog holds tables and
// strings only, so a document with any other value is refused either way
// (checkMessage), however well formed the value.
func agree(t *testing.T, data []byte) {
	t.Helper()
	var want map[string]any
	_, wantErr := toml.Decode(string(data), &want)
	if wantErr == nil {
		wantErr = checkAll(want)
	}
	got, _, err := decode("x.toml", data)
	if err != nil {
		if fe, ok := err.(*fileerr.Error); !ok || fe.File != "x.toml" || fe.Line < 1 {
			t.Errorf("%q: error %v is not positioned", data, err)
		}
	} else {
		err = checkAll(got)
	}
	if (err == nil) != (wantErr == nil) {
		if wantErr == nil && toml11(data) {
			return // TOML 1.1 syntax, which go-toml does not read yet
		}
		if wantErr == nil && (bytes.HasPrefix(data, []byte{0xfe, 0xff}) || bytes.HasPrefix(data, []byte{0xff, 0xfe})) {
			return // BurntSushi skips a UTF-16 byte order mark; a catalog is UTF-8
		}
		var m map[string]any
		if wantErr == nil && strings.Contains(err.Error(), "defined twice") && gotoml.Unmarshal(data, &m) != nil {
			// BurntSushi drops a value given to a key that a dotted key
			// made a table ("a.b = 1" then "a = 2"); go-toml's decoder,
			// like decode, refuses the document.
			return
		}
		if wantErr == nil && strings.Contains(err.Error(), "too many quotes") && gotoml.Unmarshal(data, &m) != nil {
			// After an escaped backslash, BurntSushi takes six quotes as
			// three of text and the closing delimiter ("""\\"""""" reads
			// as \"""); TOML allows at most two before the delimiter,
			// and go-toml's decoder, like decode, refuses the document.
			return
		}
		t.Fatalf("%q: decode error %v, BurntSushi error %v", data, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%q:\ndecode     %#v\nBurntSushi %#v", data, got, want)
	}
	if err != nil {
		return
	}
	// The messages are those go-i18n makes of the same tables.
	mine, _, err := messages(got)
	theirs, err2 := i18n.ParseMessageBytes([]byte("-"), func(_ []byte, v any) error {
		*(v.(*any)) = got
		return nil
	})
	if len(got) == 0 {
		theirs, err2 = nil, nil // go-i18n refuses a file with no messages; glot reads it as empty
	}
	if (err == nil) != (err2 == nil) {
		t.Fatalf("%q: messages error %v, go-i18n error %v", data, err, err2)
	}
	byID := func(ms []*Message) []*Message {
		if len(ms) == 0 {
			return nil
		}
		ms = slices.Clone(ms)
		slices.SortFunc(ms, func(a, b *Message) int { return strings.Compare(a.ID, b.ID) })
		return ms
	}
	if err == nil && !reflect.DeepEqual(byID(mine), byID(theirs)) {
		t.Fatalf("%q:\nmessages %+v\ngo-i18n  %+v", data, byID(mine), byID(theirs))
	}
}

func checkAll(raw map[string]any) error {
	for id, v := range raw {
		if err := checkMessage(id, v); err != nil {
			return err
		}
	}
	return nil
}

// toml11 reports whether a document may use what TOML 1.1 added: the \e
// and \x escapes, line breaks and a trailing comma in inline tables, times
// without seconds.
func toml11(data []byte) bool {
	s := string(data)
	return strings.Contains(s, `\e`) || strings.Contains(s, `\x`) || toml11RE.MatchString(s)
}

var toml11RE = regexp.MustCompile(`\{[^}]*(\n|,\s*\})|\d:\d\d([^:]|$)`)

// A double quote left bare inside a translation ends its string early: the
// error keeps its position and says how to write one.
func TestParseUnescapedQuoteHint(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name, data string
		want       []string // what the error must say; nil for no hint
	}{
		{"bare quote", "[a]\nhash = \"sha1-0\"\nother = \"He said \"hi\" to me\"\n",
			[]string{"translate.es.toml:3:", `must be written \"`}},
		{"bare quote in a plural form", "[a]\none = \"Un \"libro\"\"\nother = \"x\"\n",
			[]string{"translate.es.toml:2:", `must be written \"`}},
		{"another error", "[a]\nother = \"x\" y = 1\n", nil},
		{"unclosed table", "[a\nother = \"x\"\n", nil},
	} {
		_, err := Parse("translate.es.toml", []byte(tt.data))
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		if tt.want == nil {
			if strings.Contains(err.Error(), `\"`) {
				t.Errorf("%s: %v: a hint about quotes where there is no quote to escape", tt.name, err)
			}
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %v, want %q", tt.name, err, w)
			}
		}
	}
}

// A translator's file is read with the line of each form, so that an
// error can point at the form that is wrong rather than at its [id].
func TestParseKeyedLines(t *testing.T) {
	t.Parallel()
	data := "# work\nc = { other = \"c\" }\n[a]\nhash = \"sha1-0\"\n# a comment\none = \"uno\"\nother = \"otro\"\n\n[\"b\"]\nother = \"b\"\n"
	c, err := ParseKeyed("translate.es.toml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		id, key string
		want    int
	}{
		{"a", "", 3}, {"a", "hash", 4}, {"a", "one", 6}, {"a", "other", 7},
		{"b", "other", 10}, {"c", "other", 2},
		// A key the message does not have: its [id] line.
		{"a", "few", 3},
	} {
		if got := c.LineOf(tt.id, tt.key); got != tt.want {
			t.Errorf("LineOf(%s, %q) = %d, want %d", tt.id, tt.key, got, tt.want)
		}
	}
	// Parse, for the large catalogs, does without.
	if c, err := Parse("active.es.toml", []byte(data)); err != nil || c.KeyLines != nil {
		t.Errorf("Parse kept key lines: %v, %v", c.KeyLines, err)
	}
}
