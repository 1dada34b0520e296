package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/glot-i18n/glot/internal/fileerr"
)

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
