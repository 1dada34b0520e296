package catalog

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// Message is a go-i18n message.
type Message = i18n.Message

// Catalog is the content of one message file.
type Catalog struct {
	Messages map[string]*Message
	// Lines gives the line at which each message starts in the file it
	// was parsed from, for error messages.
	Lines map[string]int
	// KeyLines gives, for a catalog read by ParseKeyed, the line of each
	// key (lowercased: "hash", "one", "other"...) of each message written
	// as a table, so that an error can point at the form that is wrong.
	KeyLines map[string]map[string]int
	// Fuzzy gives, for a catalog read by ParseKeyed, the line of the
	// FuzzyMark above each message marked with one.
	Fuzzy map[string]int
}

// FuzzyMark, a comment line of its own above a message's [id] header,
// marks a translation as a draft that is not to be taken: merge pre-fills
// a stale message with its old translation under this mark, as gettext
// does with "#, fuzzy", and the translator deletes the line once the text
// fits the new source. It is a comment so that the file stays one that
// go-i18n reads (a key it does not know beside a message's keys is an
// error there).
const FuzzyMark = "#, fuzzy"

// LineOf returns the line of key (a plural form, or "hash") of message
// id, or the line where the message starts when that is not known.
func (c *Catalog) LineOf(id, key string) int {
	if n := c.KeyLines[id][key]; n > 0 {
		return n
	}
	return c.Lines[id]
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{Messages: map[string]*Message{}, Lines: map[string]int{}}
}

// Parse reads a TOML message file. Errors name the file and the line (and
// column, for syntax errors).
func Parse(path string, data []byte) (*Catalog, error) {
	return parse(path, data, false)
}

// ParseKeyed is Parse, that also records the line of each key of each
// message (Catalog.KeyLines): a translator's file, whose errors point at
// the form that is wrong. The large catalogs do without.
func ParseKeyed(path string, data []byte) (*Catalog, error) {
	return parse(path, data, true)
}

func parse(path string, data []byte, keyed bool) (*Catalog, error) {
	c := New()
	if len(bytes.TrimSpace(data)) == 0 {
		return c, nil
	}
	dec, err := decodeKeyed(path, data, keyed)
	if err != nil {
		return nil, err
	}
	raw, lines, keyLines := dec.raw, dec.lines, dec.keyLines
	// Check every value before go-i18n sees it: its errors carry no
	// position, and it silently ignores keys it does not know.
	for id, v := range raw {
		if err := checkMessage(id, v); err != nil {
			return nil, fileerr.At(path, lines[id], 0, err)
		}
	}
	if key, ok := topLevelMessage(raw, lines); ok {
		return nil, fileerr.At(path, lines[key], 0, fmt.Errorf("%s is at the top level, outside any message: a message's keys go under its [id] header", key))
	}
	msgs, keys, err := messages(raw)
	if err != nil {
		var ke *keyError
		if errors.As(err, &ke) {
			return nil, fileerr.At(path, lines[ke.key], 0, ke.err)
		}
		return nil, fileerr.At(path, 0, 0, err)
	}
	c.Messages = make(map[string]*Message, len(msgs))
	c.Lines = make(map[string]int, len(msgs))
	dup := false
	for i, m := range msgs {
		if _, ok := c.Messages[m.ID]; ok {
			dup = true
		}
		c.Messages[m.ID] = m
		// A message is on the line of the top-level key it was made
		// from: its table, or the outer table of a nested one.
		c.Lines[m.ID] = lines[keys[i]]
		if kl := keyLines[keys[i]]; kl != nil && keys[i] != "" {
			if c.KeyLines == nil {
				c.KeyLines = map[string]map[string]int{}
			}
			c.KeyLines[m.ID] = kl
		}
		if n := dec.fuzzy[keys[i]]; n > 0 && keys[i] != "" {
			if c.Fuzzy == nil {
				c.Fuzzy = map[string]int{}
			}
			c.Fuzzy[m.ID] = n
		}
	}
	if dup {
		return nil, duplicate(path, msgs, keys, lines)
	}
	return c, nil
}

// duplicate reports the first message, in the order of the file, that has
// the id of one before it: an "id" key, or a nested table's dotted id, can
// give a message the id of another, and which of the two a catalog kept
// would be left to chance.
func duplicate(path string, msgs []*Message, keys []string, lines map[string]int) error {
	order := make([]int, len(msgs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int {
		if la, lb := lines[keys[a]], lines[keys[b]]; la != lb {
			return la - lb
		}
		return strings.Compare(msgs[a].ID, msgs[b].ID)
	})
	first := map[string]int{}
	for _, i := range order {
		id, line := msgs[i].ID, lines[keys[i]]
		if l, ok := first[id]; ok {
			return fileerr.At(path, line, 0, fmt.Errorf("message %q is defined twice, the first time on line %d", id, l))
		}
		first[id] = line
	}
	return nil
}

// topLevelMessage finds the first message key ("other", "hash"...) given
// a string at the top level of a decoded catalog. go-i18n reads such a
// file as a single message, with no id unless it has an "id" key; in a
// catalog it is a message whose [id] header was lost, and its text would
// vanish unseen.
func topLevelMessage(raw map[string]any, lines map[string]int) (string, bool) {
	key := ""
	for k, v := range raw {
		if _, s := v.(string); s && messageKeys[strings.ToLower(k)] && (key == "" || lines[k] < lines[key] || lines[k] == lines[key] && k < key) {
			key = k
		}
	}
	return key, key != ""
}

// messages makes the messages of a decoded catalog as go-i18n does, so
// that whatever glot accepts, go-i18n's own Bundle reads the same. A
// message written as a string or as a table of its keys, which is every
// message glot writes, is made here, in a tenth of the time; anything
// else (nested tables) is left to go-i18n. With each message it returns
// the top-level key it was made from, which gives its line ("" when the
// whole file is one message); an error of go-i18n's on one table is a
// *keyError naming it.
func messages(raw map[string]any) ([]*Message, []string, error) {
	for id, v := range raw {
		if _, s := v.(string); s && messageKeys[strings.ToLower(id)] {
			// go-i18n reads a file whose top level has a message's own
			// keys ("other = ...") as one message: it decides.
			msgs, err := goI18n(raw)
			return msgs, make([]string, len(msgs)), err
		}
	}
	out := make([]*Message, 0, len(raw))
	keys := make([]string, 0, len(raw))
	var nested []string
	for id, v := range raw {
		switch v := v.(type) {
		case string:
			out = append(out, &Message{ID: id, Other: v})
			keys = append(keys, id)
			continue
		case map[string]any:
			if m, ok := flatMessage(id, v); ok {
				out = append(out, m)
				keys = append(keys, id)
				continue
			}
		}
		nested = append(nested, id)
	}
	// One table at a time, in order, so that an error names its table.
	slices.Sort(nested)
	for _, id := range nested {
		msgs, err := goI18n(map[string]any{id: raw[id]})
		if err != nil {
			return nil, nil, &keyError{key: id, err: err}
		}
		for _, m := range msgs {
			out = append(out, m)
			keys = append(keys, id)
		}
	}
	return out, keys, nil
}

// keyError is go-i18n's error on the table of top-level key key.
type keyError struct {
	key string
	err error
}

func (e *keyError) Error() string { return e.err.Error() }
func (e *keyError) Unwrap() error { return e.err }

// goI18n makes the messages of decoded tables with go-i18n's own reader.
func goI18n(raw map[string]any) ([]*Message, error) {
	return i18n.ParseMessageBytes([]byte("-"), func(_ []byte, v any) error {
		p, ok := v.(*any)
		if !ok {
			return fmt.Errorf("go-i18n asked for a %T", v)
		}
		*p = raw
		return nil
	})
}

// flatMessage makes the message of a table whose keys are all message
// keys and whose values are all strings, as go-i18n's NewMessage does;
// ok is false for any other table.
func flatMessage(id string, t map[string]any) (*Message, bool) {
	m := &Message{}
	for k, v := range t {
		s, ok := v.(string)
		if !ok {
			return nil, false
		}
		switch strings.ToLower(k) {
		case "id":
			m.ID = s
		case "description":
			m.Description = s
		case "hash":
			m.Hash = s
		case "leftdelim":
			m.LeftDelim = s
		case "rightdelim":
			m.RightDelim = s
		case "zero":
			m.Zero = s
		case "one":
			m.One = s
		case "two":
			m.Two = s
		case "few":
			m.Few = s
		case "many":
			m.Many = s
		case "other":
			m.Other = s
		default:
			return nil, false
		}
	}
	if len(t) == 0 {
		return nil, false // go-i18n reads an empty table as no message
	}
	if m.ID == "" {
		m.ID = id
	}
	return m, true
}

var messageKeys = map[string]bool{
	"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
	"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true,
}

func checkMessage(id string, v any) error {
	switch v := v.(type) {
	case string:
		return nil
	case map[string]any:
		for k, x := range v {
			if !messageKeys[strings.ToLower(k)] {
				if _, nested := x.(map[string]any); nested {
					// go-i18n reads nested tables as ids joined with ".".
					if err := checkMessage(id+"."+k, x); err != nil {
						return err
					}
					continue
				}
				return fmt.Errorf("message %q: unknown key %q (a message has description, hash and the plural forms zero, one, two, few, many, other)", id, k)
			}
			if _, ok := x.(string); !ok {
				return fmt.Errorf("message %q: %s must be a string", id, k)
			}
		}
		return nil
	}
	return fmt.Errorf("message %q must be a string or a table", id)
}

// CheckTranslations refuses, with file and line, what a catalog of
// translations (parsed from file) may not hold, although go-i18n reads it:
//   - leftdelim and rightdelim: interface text is read with the source's
//     delimiters, {{ and }}, and a translation that chose its own could run
//     template actions that no check of "{{" would see;
//   - description: the note on a message is the source's, and glot shows
//     it to translators; a translation has only its hash and plural forms;
//   - a control character other than newline and tab, which no reader
//     needs, which can hide text, and which TOML comments cannot hold.
func CheckTranslations(file string, c *Catalog) error {
	for _, id := range c.IDs() {
		m := c.Messages[id]
		if m.LeftDelim != "" || m.RightDelim != "" {
			return fileerr.At(file, c.LineOf(id, "leftdelim"), 0, fmt.Errorf("message %q: a translation may not set leftdelim or rightdelim: interface text is read with {{ and }}", id))
		}
		if m.Description != "" {
			return fileerr.At(file, c.LineOf(id, "description"), 0, fmt.Errorf("message %q: a translation has no description (a message has hash and the plural forms zero, one, two, few, many, other)", id))
		}
		for _, f := range Forms(m) {
			if r, ok := ControlChar(f.Text); ok {
				return fileerr.At(file, c.LineOf(id, f.Name), 0, fmt.Errorf("message %q: %s holds the control character U+%04X: a translation may hold no control character but newline and tab", id, f.Name, r))
			}
		}
	}
	return nil
}

// ControlChar returns the first control character of s other than newline
// and tab (C0, DEL or C1), if it has one.
func ControlChar(s string) (rune, bool) {
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7F && r <= 0x9F {
			return r, true
		}
	}
	return 0, false
}

// Hash is go-i18n's hash of a message's source, as goi18n merge writes it:
// it tells which version of the source a translation was made from.
func Hash(m *Message) string {
	h := sha1.New()
	_, _ = io.WriteString(h, m.Description)
	_, _ = io.WriteString(h, m.Other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// Forms returns the plural forms of m that are set, in CLDR order.
func Forms(m *Message) []Form {
	var fs []Form
	for _, f := range []Form{{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other}} {
		if f.Text != "" {
			fs = append(fs, f)
		}
	}
	return fs
}

// FormNames are the CLDR plural forms a message may have, in CLDR order.
var FormNames = []string{"zero", "one", "two", "few", "many", "other"}

// IsForm reports whether name is one of FormNames.
func IsForm(name string) bool { return slices.Contains(FormNames, name) }

// FormText returns the text of m's plural form name ("" when m has none of
// that name, or name is no form).
func FormText(m *Message, name string) string {
	if p := formField(m, name); p != nil {
		return *p
	}
	return ""
}

// SetForm sets m's plural form name to text; it reports false, and
// changes nothing, when name is no plural form.
func SetForm(m *Message, name, text string) bool {
	p := formField(m, name)
	if p != nil {
		*p = text
	}
	return p != nil
}

func formField(m *Message, name string) *string {
	switch name {
	case "zero":
		return &m.Zero
	case "one":
		return &m.One
	case "two":
		return &m.Two
	case "few":
		return &m.Few
	case "many":
		return &m.Many
	case "other":
		return &m.Other
	}
	return nil
}

// Form is one plural form of a message.
type Form struct {
	Name string // "zero", "one", "two", "few", "many" or "other"
	Text string
}

// Empty reports whether m has no text at all: an empty translation counts as
// no translation.
func Empty(m *Message) bool {
	return strings.TrimSpace(m.Zero+m.One+m.Two+m.Few+m.Many+m.Other) == ""
}

// IDs returns the ids of c, sorted.
func (c *Catalog) IDs() []string {
	return slices.Sorted(maps.Keys(c.Messages))
}

// Bytes writes c as a TOML message file, ids sorted, after the comment
// header, which ends in a newline. Source messages (source is true) with nothing but their text are
// written in go-i18n's short form, id = "text"; all others as tables.
func (c *Catalog) Bytes(header string, source bool) []byte {
	return c.write(header, source, nil)
}

// TranslationBytes writes c, a catalog of translations, as Bytes(header,
// false) does, each message after comment lines that give the text of the
// source it translates, source(id), form by form, labelled with srcLang:
//
//	# en: Welcome
//	[welcome-5ix5bh3i6tm2]
//	hash = "sha1-..."
//	other = "Bienvenue"
//
// so that a translator who edits the file by hand sees what each entry
// says. A source text is one comment line however long, and one a line of
// its own lines; a message that source does not know (nil) has none. The
// comments are TOML's: go-i18n reads the file as it reads any other.
func (c *Catalog) TranslationBytes(header, srcLang string, source func(id string) *Message) []byte {
	return c.write(header, false, func(b *bytes.Buffer, id string) {
		src := source(id)
		if src == nil {
			return
		}
		forms := Forms(src)
		for _, f := range forms {
			label := srcLang + ": "
			if len(forms) > 1 || f.Name != "other" {
				label = srcLang + " (" + f.Name + "): "
			}
			Comment(b, label, f.Text)
		}
	})
}

// write writes c after header, with comment, if not nil, writing the
// comment lines above the table of each message.
func (c *Catalog) write(header string, source bool, comment func(b *bytes.Buffer, id string)) []byte {
	var b bytes.Buffer
	// The size it will be, near enough: a language's catalog on a large
	// site is a hundred megabytes, which growing by doubling copies twice.
	size := len(header)
	for id, m := range c.Messages {
		size += 2*len(id) + len(m.Description) + len(m.Hash) + len(m.Zero) + len(m.One) + len(m.Two) + len(m.Few) + len(m.Many) + len(m.Other) + 64
		if comment != nil {
			size += len(m.Other) + 8 // the source is about as long
		}
	}
	b.Grow(size)
	b.WriteString(header)
	var tables []string
	short := 0
	for _, id := range c.IDs() {
		m := c.Messages[id]
		if source && m.Description == "" && m.Hash == "" && len(Forms(m)) == 1 && m.Other != "" {
			if short == 0 {
				b.WriteByte('\n')
			}
			short++
			writeKey(&b, id)
			b.WriteString(" = ")
			writeQuoted(&b, m.Other)
			b.WriteByte('\n')
			continue
		}
		tables = append(tables, id)
	}
	for _, id := range tables {
		b.WriteByte('\n')
		if comment != nil {
			comment(&b, id)
		}
		WriteTable(&b, id, c.Messages[id], !source)
	}
	return b.Bytes()
}

// WriteTable writes message m as a TOML table: description, hash (when
// withHash), then its plural forms.
func WriteTable(b *bytes.Buffer, id string, m *Message, withHash bool) {
	b.WriteByte('[')
	writeKey(b, id)
	b.WriteString("]\n")
	n := b.Len()
	WriteFields(b, m, withHash)
	if b.Len() == n {
		// An empty table is read as no message: the message would be
		// lost, where it was there with empty text.
		b.WriteString("other = \"\"\n")
	}
}

// WriteFields writes the keys of message m, one per line, in go-i18n's
// order.
func WriteFields(b *bytes.Buffer, m *Message, withHash bool) {
	field := func(k, v string) {
		b.WriteString(k)
		b.WriteString(" = ")
		writeQuoted(b, v)
		b.WriteByte('\n')
	}
	if m.Description != "" {
		field("description", m.Description)
	}
	if withHash && m.Hash != "" {
		field("hash", m.Hash)
	}
	if m.LeftDelim != "" {
		field("leftdelim", m.LeftDelim)
	}
	if m.RightDelim != "" {
		field("rightdelim", m.RightDelim)
	}
	for _, f := range Forms(m) {
		field(f.Name, f.Text)
	}
}

// Key writes id as a TOML key: bare when it can be, quoted otherwise.
func Key(id string) string {
	if isBare(id) {
		return id
	}
	return Quote(id)
}

func writeKey(b *bytes.Buffer, id string) {
	if isBare(id) {
		b.WriteString(id)
		return
	}
	writeQuoted(b, id)
}

// isBare reports whether id can be a bare TOML key: letters, digits, "_"
// and "-", at least one.
func isBare(id string) bool {
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return id != ""
}

// Quote writes s as a one-line TOML basic string.
func Quote(s string) string {
	var b bytes.Buffer
	b.Grow(len(s) + 2)
	writeQuoted(&b, s)
	return b.String()
}

func writeQuoted(b *bytes.Buffer, s string) {
	if !utf8.ValidString(s) {
		// A page may hold bytes that are not UTF-8; each is written as
		// U+FFFD, for TOML is UTF-8.
		var v strings.Builder
		for _, r := range s {
			v.WriteRune(r)
		}
		s = v.String()
	}
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		var esc string
		switch {
		case c == '"':
			esc = `\"`
		case c == '\\':
			esc = `\\`
		case c == '\n':
			esc = `\n`
		case c == '\t':
			esc = `\t`
		case c == '\r':
			esc = `\r`
		case c < 0x20 || c == 0x7F:
			esc = fmt.Sprintf(`\u%04X`, c)
		default:
			continue
		}
		b.WriteString(s[start:i])
		b.WriteString(esc)
		start = i + 1
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// Comment writes s as TOML comment lines, each starting with prefix.
//
// TOML allows no control character but tab in a comment, and a comment is
// where glot writes what translators wrote (a suggestion, an earlier
// translation): any other control character is written as its \u escape,
// so that no text can make a catalog unreadable.
func Comment(b *bytes.Buffer, prefix, s string) {
	for _, l := range strings.Split(s, "\n") {
		b.WriteString(strings.TrimRight("# "+escapeControls(prefix+l), " "))
		b.WriteByte('\n')
	}
}

// escapeControls writes the control characters of s but tab as \u
// escapes.
func escapeControls(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\t' || c == 0x7F {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 && r != '\t' || r == 0x7F {
			fmt.Fprintf(&b, "\\u%04X", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
