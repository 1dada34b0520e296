package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// decode reads a TOML document into the tables and strings it holds, as
// a TOML decoder's map[string]any, and the line on which each top-level
// key is first defined.
//
// Catalogs are the largest files glot reads, tens of megabytes on a large
// site, and every command used to decode them with a general decoder at
// a few tens of megabytes a second. go-toml's parser does the syntax, at
// several hundred; this function builds the tables and applies TOML's
// rules on keys (no key defined twice, no table defined twice, inline
// tables closed), which are the decoder's part. Values that are not strings
// or tables are kept as nonString, for the caller to refuse by name.
func decode(file string, data []byte) (map[string]any, map[string]int, error) {
	dec, err := decodeKeyed(file, data, false)
	if err != nil {
		return nil, nil, err
	}
	return dec.raw, dec.lines, nil
}

// decoded is what decodeKeyed read: the tables, the line of each
// top-level key and, when keyed, the line of each key of every top-level
// table (lowercased) by the table's key, and the tables marked fuzzy.
type decoded struct {
	raw      map[string]any
	lines    map[string]int
	keyLines map[string]map[string]int
	// fuzzy gives, by table key, the line of the FuzzyMark comment above
	// the table's header.
	fuzzy map[string]int
}

// decodeKeyed is decode that can also return, when keyed is set, the line
// of each key of every top-level table (the line of a message's "one"
// form, say) and the tables a FuzzyMark comment marks.
func decodeKeyed(file string, data []byte, keyed bool) (*decoded, error) {
	d := &decoder{file: file, root: map[string]any{}, lines: map[string]int{}, defined: map[string]uint8{}}
	var fuzzy map[string]int
	if keyed {
		d.keyLines = map[string]map[string]int{}
		d.p.KeepComments = true
		fuzzy = map[string]int{}
	}
	// An editor may start the file with a byte order mark; TOML decoders
	// skip it.
	d.p.Reset(bytes.TrimPrefix(data, []byte("\ufeff")))
	cur, curPath := d.root, "" // the table key-values go in, and its path
	mark := 0                  // the line of a FuzzyMark waiting for its table
	for d.p.NextExpression() {
		e := d.p.Expression()
		switch e.Kind {
		case unstable.Comment:
			if strings.TrimSpace(string(e.Data)) == FuzzyMark {
				mark = d.lineAt(int(e.Raw.Offset))
			}
		case unstable.Table:
			keys, first := d.keys(e.Key())
			t, path, err := d.table(keys, first, true)
			if err != nil {
				return nil, err
			}
			cur, curPath = t, path
			if mark > 0 && len(keys) == 1 {
				fuzzy[path] = mark
			}
			mark = 0
		case unstable.ArrayTable:
			keys, first := d.keys(e.Key())
			return nil, d.at(first, fmt.Errorf("message %q must be a string or a table", keys[0]))
		case unstable.KeyValue:
			keys, first := d.keys(e.Key())
			if err := d.keyValue(cur, curPath, keys, first, e.Value()); err != nil {
				return nil, err
			}
			mark = 0
		}
	}
	if err := d.p.Error(); err != nil {
		var pe *unstable.ParserError
		if errors.As(err, &pe) {
			return nil, d.atBytes(pe.Highlight, d.quoteHint(pe))
		}
		return nil, fileerr.At(file, 0, 0, err)
	}
	return &decoded{raw: d.root, lines: d.lines, keyLines: d.keyLines, fuzzy: fuzzy}, nil
}

// quoteHint is the parser's error pe, with a hint when the line it is on
// looks like a string holding a double quote that was not escaped:
// translations quote people, and a bare " ends the string early, which
// the parser can only report as what follows it.
func (d *decoder) quoteHint(pe *unstable.ParserError) error {
	err := errors.New(pe.Message)
	data := d.p.Data()
	at := len(data)
	if pe.Highlight != nil {
		at = int(d.p.Range(pe.Highlight).Offset)
	}
	start := bytes.LastIndexByte(data[:min(at, len(data))], '\n') + 1
	end := bytes.IndexByte(data[start:], '\n')
	if end < 0 {
		end = len(data) - start
	}
	line := data[start : start+end]
	eq := bytes.IndexByte(line, '=')
	if eq < 0 {
		return err
	}
	value := bytes.TrimSpace(line[eq+1:])
	if !bytes.HasPrefix(value, []byte{'"'}) || bytes.HasPrefix(value, []byte(`"""`)) {
		return err
	}
	quotes := 0
	for i := 0; i < len(value); i++ {
		switch value[i] {
		case '\\':
			i++
		case '"':
			quotes++
		}
	}
	if quotes > 2 {
		return fmt.Errorf("%s (a double quote inside the text must be written \\\")", pe.Message)
	}
	return err
}

// nonString stands for a value that is neither a string nor a table: a
// number, a date, a boolean, an array.
type nonString struct{ kind string }

// How a table was defined, for TOML's rules.
const (
	implicit uint8 = iota + 1 // made on the way to another ([a.b] makes a)
	header                    // by a [header]
	dotted                    // by a dotted key (a.b = "x" makes a)
	inline                    // an inline table {...}: closed
)

type decoder struct {
	file  string
	p     unstable.Parser
	root  map[string]any
	lines map[string]int
	// keyLines, when not nil, records the line of each key of every
	// top-level table, by the table's key.
	keyLines map[string]map[string]int
	// defined records how each table was defined, by its path (keys
	// joined with a NUL, which no key of a catalog holds).
	defined map[string]uint8
	// The line at offset seen, for counting lines forward: the parser's
	// own Shape counts from the start of the document, every time.
	seen, seenLine int
}

// keys returns the parts of a key, and the node of its first part.
func (d *decoder) keys(it unstable.Iterator) ([]string, *unstable.Node) {
	var keys []string
	var first *unstable.Node
	for it.Next() {
		n := it.Node()
		if first == nil {
			first = n
		}
		keys = append(keys, string(n.Data))
	}
	return keys, first
}

// table opens the table a [header] names, making the tables on the way.
func (d *decoder) table(keys []string, at *unstable.Node, isHeader bool) (map[string]any, string, error) {
	t, path := d.root, ""
	for i, k := range keys {
		if i == 0 {
			d.line(k, at)
		}
		path = join(path, k)
		switch v := t[k].(type) {
		case nil:
			m := map[string]any{}
			t[k] = m
			d.defined[path] = implicit
			t = m
		case map[string]any:
			// A header may open a table a dotted key made, and one inside
			// an inline table, but not an inline table itself: so says
			// BurntSushi's decoder, go-i18n's, which catalogs follow.
			if d.defined[path] == inline && i == len(keys)-1 {
				return nil, "", d.at(at, fmt.Errorf("key %s is defined twice", strings.Join(keys, ".")))
			}
			t = v
		default:
			return nil, "", d.at(at, fmt.Errorf("key %s is defined twice", strings.Join(keys[:i+1], ".")))
		}
	}
	if isHeader {
		if d.defined[path] == header {
			return nil, "", d.at(at, fmt.Errorf("table %s is defined twice", strings.Join(keys, ".")))
		}
		d.defined[path] = header
	}
	return t, path, nil
}

// keyValue sets keys = value in table t, whose path is path.
func (d *decoder) keyValue(t map[string]any, path string, keys []string, at *unstable.Node, value *unstable.Node) error {
	for i, k := range keys {
		if path == "" && i == 0 {
			d.line(k, at)
		}
		if d.keyLines != nil && i == 0 && path != "" && !strings.Contains(path, "\x00") {
			kl := d.keyLines[path]
			if kl == nil {
				kl = map[string]int{}
				d.keyLines[path] = kl
			}
			if _, ok := kl[strings.ToLower(k)]; !ok {
				kl[strings.ToLower(k)] = d.lineAt(int(at.Raw.Offset))
			}
		}
		path = join(path, k)
		if i == len(keys)-1 {
			if _, dup := t[k]; dup {
				return d.at(at, fmt.Errorf("key %s is defined twice", strings.Join(keys, ".")))
			}
			v, err := d.value(path, value)
			if err != nil {
				return err
			}
			t[k] = v
			return nil
		}
		switch v := t[k].(type) {
		case nil:
			m := map[string]any{}
			t[k] = m
			d.defined[path] = dotted
			t = m
		case map[string]any:
			if how := d.defined[path]; how != dotted {
				return d.at(at, fmt.Errorf("table %s is defined twice", strings.Join(keys[:i+1], ".")))
			}
			t = v
		default:
			return d.at(at, fmt.Errorf("key %s is defined twice", strings.Join(keys[:i+1], ".")))
		}
	}
	return nil
}

// value converts a value node.
func (d *decoder) value(path string, n *unstable.Node) (any, error) {
	switch n.Kind {
	case unstable.String:
		return string(n.Data), nil
	case unstable.InlineTable:
		m := map[string]any{}
		d.defined[path] = inline
		it := n.Children()
		for it.Next() {
			kv := it.Node()
			if kv.Kind == unstable.Comment {
				continue // kept when reading a translator's file
			}
			keys, first := d.keys(kv.Key())
			if err := d.keyValue(m, path, keys, first, kv.Value()); err != nil {
				return nil, err
			}
		}
		return m, nil
	case unstable.Array:
		var out []any
		it := n.Children()
		for it.Next() {
			if it.Node().Kind == unstable.Comment {
				continue
			}
			v, err := d.value("", it.Node())
			if err != nil {
				return nil, err
			}
			out = append(out, v)
		}
		return out, nil
	}
	return nonString{strings.ToLower(n.Kind.String())}, nil
}

// line records where top-level key k is first defined.
func (d *decoder) line(k string, at *unstable.Node) {
	if _, ok := d.lines[k]; !ok {
		d.lines[k] = d.lineAt(int(at.Raw.Offset))
	}
}

// lineAt returns the line of offset, which is never before one asked for
// earlier: expressions come in order.
func (d *decoder) lineAt(offset int) int {
	if d.seenLine == 0 {
		d.seenLine = 1
	}
	if offset >= d.seen {
		d.seenLine += bytes.Count(d.p.Data()[d.seen:offset], []byte{'\n'})
		d.seen = offset
	}
	return d.seenLine
}

func (d *decoder) at(n *unstable.Node, err error) error {
	s := d.p.Shape(n.Raw)
	return fileerr.At(d.file, s.Start.Line, s.Start.Column, err)
}

// atBytes positions err at highlight, a part of the document (or at its
// end, when the parser names none).
func (d *decoder) atBytes(highlight []byte, err error) error {
	r := unstable.Range{Offset: uint32(len(d.p.Data()))}
	if highlight != nil {
		r = d.p.Range(highlight)
	}
	s := d.p.Shape(r)
	return fileerr.At(d.file, s.Start.Line, s.Start.Column, err)
}

// join extends path with key k. A top-level table's path is its key, with
// no copy: a catalog has one per message.
func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "\x00" + k
}
