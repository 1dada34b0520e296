package catalog

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
)

// SetText returns data, the message file file, with the translation of
// message id set to forms (each plural form's text, by its name), as a
// translator typing into the file would leave it: the value of each form
// the message has is replaced where it is, a form it lacks is added after
// its last key, and a FuzzyMark above it goes, for what was typed is meant
// to stand. A message the file does not hold is added at its end, with
// hash (the source it translates). Everything else in the file, its
// comments and the other messages, is kept byte for byte.
func SetText(file string, data []byte, id string, forms map[string]string, hash string) ([]byte, error) {
	for name := range forms {
		if !IsForm(name) {
			return nil, fmt.Errorf("%s: message %s: %q is not a plural form", file, id, name)
		}
	}
	if _, err := ParseKeyed(file, data); err != nil {
		return nil, err
	}
	ed := &textEdit{data: data, id: id, forms: forms, seen: map[string]bool{}, fuzzy: -1, last: -1}
	if err := ed.scan(); err != nil {
		return nil, fmt.Errorf("%s: message %s: %w", file, id, err)
	}
	if !ed.found {
		ed.appendTable(hash)
	}
	return ed.apply(), nil
}

// textEdit is SetText's walk over a file: the edits it makes, in the
// order of the bytes they replace.
type textEdit struct {
	data  []byte
	id    string
	forms map[string]string
	edits []byteEdit

	in, found bool
	seen      map[string]bool // the forms met in the message's table
	last      int             // where its last key-value ends
	fuzzy     int             // where a FuzzyMark waiting for its table starts, or -1
}

type byteEdit struct {
	start, end int
	text       string
}

func (ed *textEdit) scan() error {
	var p unstable.Parser
	p.KeepComments = true
	p.Reset(ed.data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Comment:
			if strings.TrimSpace(string(e.Data)) == FuzzyMark {
				ed.fuzzy = int(e.Raw.Offset)
			}
			continue
		case unstable.Table:
			ed.closeTable()
			keys := keyParts(e.Key())
			ed.in = len(keys) == 1 && keys[0] == ed.id
			if ed.in {
				ed.found = true
				if ed.fuzzy >= 0 {
					ed.removeLine(ed.fuzzy)
				}
			}
		case unstable.KeyValue:
			keys := keyParts(e.Key())
			if !ed.in && len(keys) == 1 && keys[0] == ed.id {
				return fmt.Errorf("written as a string: write it as a table, [%s] with other = \"...\"", Key(ed.id))
			}
			if ed.in && len(keys) == 1 {
				name := strings.ToLower(keys[0])
				if text, ok := ed.forms[name]; ok && e.Value().Kind == unstable.String {
					r := e.Value().Raw
					ed.edits = append(ed.edits, byteEdit{int(r.Offset), int(r.Offset + r.Length), Quote(text)})
					ed.seen[name] = true
				}
				r := e.Raw
				ed.last = int(r.Offset + r.Length)
			}
		}
		ed.fuzzy = -1
	}
	ed.closeTable()
	return p.Error()
}

// closeTable adds, at the end of the message's table, the forms it
// lacked.
func (ed *textEdit) closeTable() {
	if !ed.in || ed.last < 0 {
		ed.in = false
		return
	}
	var b bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(ed.forms)) {
		if !ed.seen[name] {
			b.WriteString("\n" + name + " = " + Quote(ed.forms[name]))
		}
	}
	if b.Len() > 0 {
		ed.edits = append(ed.edits, byteEdit{ed.last, ed.last, b.String()})
	}
	ed.in = false
}

// removeLine removes the line that starts at or holds offset at.
func (ed *textEdit) removeLine(at int) {
	start := bytes.LastIndexByte(ed.data[:at], '\n') + 1
	end := len(ed.data)
	if n := bytes.IndexByte(ed.data[at:], '\n'); n >= 0 {
		end = at + n + 1
	}
	ed.edits = append(ed.edits, byteEdit{start, end, ""})
}

// appendTable adds the message at the end of the file.
func (ed *textEdit) appendTable(hash string) {
	m := &Message{ID: ed.id, Hash: hash}
	for name, text := range ed.forms {
		SetForm(m, name, text)
	}
	var b bytes.Buffer
	if len(ed.data) > 0 && !bytes.HasSuffix(ed.data, []byte("\n")) {
		b.WriteByte('\n')
	}
	if len(ed.data) > 0 {
		b.WriteByte('\n')
	}
	WriteTable(&b, ed.id, m, true)
	ed.edits = append(ed.edits, byteEdit{len(ed.data), len(ed.data), b.String()})
}

// apply makes the edits, which do not overlap.
func (ed *textEdit) apply() []byte {
	slices.SortStableFunc(ed.edits, func(a, b byteEdit) int { return a.start - b.start })
	var out bytes.Buffer
	at := 0
	for _, e := range ed.edits {
		out.Write(ed.data[at:e.start])
		out.WriteString(e.text)
		at = e.end
	}
	out.Write(ed.data[at:])
	return out.Bytes()
}

// keyParts returns the parts of a key.
func keyParts(it unstable.Iterator) []string {
	var keys []string
	for it.Next() {
		keys = append(keys, string(it.Node().Data))
	}
	return keys
}
