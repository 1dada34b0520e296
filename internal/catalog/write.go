package catalog

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

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
