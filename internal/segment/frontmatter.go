package segment

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// FrontMatterKeys are the front matter keys whose values are translated.
var FrontMatterKeys = []string{"title", "description"}

// frontMatter segments the translatable top-level string values of a page's
// front matter. Each segment covers the value as written (quotes included),
// so a translation replaces it with a quoted string of its own and can never
// add a key.
func frontMatter(src []byte, fm content.FrontMatter, ls lines, keys []string) ([]Segment, error) {
	block := src[fm.Start:fm.End]
	line0, _ := ls.pos(fm.Start)
	// The YAML and TOML readers take a byte order mark as a sign of
	// UTF-16 and decode it, and their offsets would no longer be the
	// page's: front matter is UTF-8, as the rest of the page.
	if !utf8.Valid(block) {
		i := 0
		for i < len(block) {
			r, size := utf8.DecodeRune(block[i:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			i += size
		}
		line, col := ls.pos(fm.Start + i)
		return nil, fileerr.At("", line, col, fmt.Errorf("front matter: byte %#x is not UTF-8", block[i]))
	}
	var vals []fmValue
	var err error
	if fm.Format == "yaml" {
		vals, err = yamlValues(block, keys)
	} else {
		vals, err = tomlValues(block, keys)
	}
	if err != nil {
		var fe *fileerr.Error
		if errors.As(err, &fe) {
			fe.Line += line0 - 1
			return nil, fe
		}
		return nil, fileerr.At("", line0, 0, err)
	}
	syntax := YAMLValue
	if fm.Format == "toml" {
		syntax = TOMLValue
	}
	var segs []Segment
	for _, v := range vals {
		t := msgtext.Normalize(v.text)
		if !msgtext.HasWords(t) {
			continue
		}
		s := Segment{Kind: v.key, Start: fm.Start + v.start, End: fm.Start + v.end, Syntax: syntax}
		// Text that reads as a placeholder becomes an atom holding that
		// text, as in the body.
		for _, tok := range msgtext.Parse(t) {
			if tok.Kind == msgtext.Text {
				s.Text += tok.Text
				continue
			}
			s.Codes = append(s.Codes, Code{Kind: "literal", Open: tok.Text, Atom: true, Pos: noPos, ClosePos: noPos})
			s.Text += msgtext.AtomTag(len(s.Codes))
		}
		segs = append(segs, s)
	}
	return segs, nil
}

type fmValue struct {
	key        string
	text       string
	start, end int // byte range of the value as written, in the front matter
}

func translatable(keys []string, key string) bool {
	for _, k := range keys {
		if k == key {
			return true
		}
	}
	return false
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlLine is line n of block as the YAML parser names it in an error,
// where it says "end of stream" past the last line: then it is the line
// after the block, the closing fence, where the parser found the end.
// (yamlValues has refused every line break the parser and a reader would
// count differently.)
func yamlLine(block []byte, n int) int {
	return min(max(n, 1), bytes.Count(block, []byte("\n"))+1)
}

func yamlValues(block []byte, keys []string) ([]fmValue, error) {
	// YAML breaks lines at a lone CR, a NEL and the Unicode line and
	// paragraph separators too; the page's lines, and the offsets that
	// are worked out from the parser's, break at LF alone. Rather than
	// splice a value where the two disagree, such a break is refused.
	for i := 0; i < len(block); {
		r, size := utf8.DecodeRune(block[i:])
		if r == '\r' && (i+1 == len(block) || block[i+1] != '\n') || r == '\u0085' || r == '\u2028' || r == '\u2029' {
			ls := newLines(block)
			line, col := ls.pos(i)
			return nil, fileerr.At("", line, col, fmt.Errorf("front matter: %U breaks a line for YAML but not for a reader: end lines with LF or CRLF", r))
		}
		i += size
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(block, &doc); err != nil {
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			n, _ := strconv.Atoi(m[1])
			// yaml.v3 counts lines from 0 in its parser's errors ("did not
			// find expected ...") and from 1 in its scanner's.
			if strings.HasPrefix(m[2], "did not find expected") {
				n++
			}
			return nil, fileerr.At("", yamlLine(block, n), 0, fmt.Errorf("front matter: %s", m[2]))
		}
		return nil, fmt.Errorf("front matter: %w", err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fileerr.At("", m.Line, m.Column, errors.New("front matter is not a mapping of keys to values"))
	}
	ls := newLines(block)
	var vals []fmValue
	// Keys may name nested values with dots: menu.main.name.
	var walk func(m *yaml.Node, prefix string) error
	walk = func(m *yaml.Node, prefix string) error {
		for i := 0; i+1 < len(m.Content); i += 2 {
			k, v := m.Content[i], m.Content[i+1]
			key := prefix + k.Value
			if v.Kind == yaml.MappingNode {
				if err := walk(v, key+"."); err != nil {
					return err
				}
				continue
			}
			if !translatable(keys, key) || v.Kind != yaml.ScalarNode || v.Tag != "!!str" {
				continue
			}
			start := offsetOf(block, ls, v.Line, v.Column)
			end, err := yamlScalarEnd(block, ls, start, v, k.Column-1)
			if err != nil {
				return fileerr.At("", v.Line, v.Column, err)
			}
			vals = append(vals, fmValue{key: key, text: v.Value, start: start, end: end})
		}
		return nil
	}
	return vals, walk(m, "")
}

// offsetOf converts a 1-based line and rune column to a byte offset.
func offsetOf(b []byte, ls lines, line, col int) int {
	off := ls[line-1]
	for c := 1; c < col && off < len(b) && b[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(b[off:])
		off += size
	}
	return off
}

// yamlScalarEnd finds where the scalar that starts at start, the value of
// a key indented by indent, ends.
func yamlScalarEnd(b []byte, ls lines, start int, v *yaml.Node, indent int) (int, error) {
	switch v.Style {
	case yaml.DoubleQuotedStyle:
		for i := start + 1; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return i + 1, nil
			}
		}
		return 0, errors.New("unterminated string")
	case yaml.SingleQuotedStyle:
		for i := start + 1; i < len(b); i++ {
			if b[i] == '\'' {
				if i+1 < len(b) && b[i+1] == '\'' {
					i++
					continue
				}
				return i + 1, nil
			}
		}
		return 0, errors.New("unterminated string")
	}
	// A plain or block scalar runs to the end of its line and over the
	// following lines that are indented more than its key.
	line, _ := ls.pos(start)
	end := lineEnd(b, start)
	if v.Style == 0 {
		end = start + len(stripComment(b[start:end]))
	}
	for l := line; l < len(ls); l++ {
		s := ls[l]
		if s >= len(b) {
			break
		}
		text := b[s:lineEnd(b, s)]
		trimmed := bytes.TrimLeft(text, " \t")
		if len(bytes.TrimSpace(text)) == 0 {
			continue
		}
		if len(text)-len(trimmed) <= indent || v.Style == 0 && trimmed[0] == '#' {
			break
		}
		end = s + len(bytes.TrimRight(text, " \t\r"))
		if v.Style == 0 {
			end = s + len(stripComment(text))
		}
	}
	return end, nil
}

func lineEnd(b []byte, i int) int {
	if j := bytes.IndexByte(b[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(b)
}

// stripComment drops a YAML comment (" #...") and trailing space from a
// line of a plain scalar.
func stripComment(line []byte) []byte {
	for i := 0; i < len(line); i++ {
		if line[i] == '#' && i > 0 && (line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i]
			break
		}
	}
	return bytes.TrimRight(line, " \t\r")
}

var tomlKeyRE = regexp.MustCompile(`^[ \t]*("?)([A-Za-z0-9_-]+)("?)[ \t]*=[ \t]*`)

func tomlValues(block []byte, keys []string) ([]fmValue, error) {
	var data map[string]any
	if _, err := toml.Decode(string(block), &data); err != nil {
		fe := fileerr.TOML("", 0, err)
		fe.Err = fmt.Errorf("front matter: %w", fe.Err)
		return nil, fe
	}
	var vals []fmValue
	table := "" // the table the lines are in: "menu.main." under [menu.main]
	for i := 0; i < len(block); {
		e := lineEnd(block, i)
		line := block[i:e]
		if m := tomlTableRE.FindSubmatch(line); m != nil {
			table = strings.Join(strings.Fields(strings.ReplaceAll(string(m[1]), ".", " ")), ".") + "."
			if bytes.HasPrefix(bytes.TrimSpace(line), []byte("[[")) {
				table = "" // an array of tables: its values are not found by key
			}
		} else if m := tomlKeyRE.FindSubmatchIndex(line); m != nil && string(line[m[2]:m[3]]) == string(line[m[6]:m[7]]) && (table != "" || !bytes.HasPrefix(bytes.TrimSpace(line), []byte("["))) {
			key := table + string(line[m[4]:m[5]])
			if s, ok := lookup(data, key).(string); ok && translatable(keys, key) {
				start := i + m[1]
				if end := tomlStringEnd(block, start); end > 0 {
					vals = append(vals, fmValue{key: key, text: s, start: start, end: end})
					e = lineEnd(block, end)
				}
			}
		}
		i = e + 1
	}
	return vals, nil
}

var tomlTableRE = regexp.MustCompile(`^\s*\[\[?\s*([A-Za-z0-9_. -]+?)\s*\]\]?\s*(?:#.*)?$`)

// lookup finds the value at a dotted path in decoded TOML.
func lookup(data map[string]any, path string) any {
	parts := strings.Split(path, ".")
	var v any = data
	for _, p := range parts {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

// tomlStringEnd returns the offset past the TOML string that starts at i.
func tomlStringEnd(b []byte, i int) int {
	for _, q := range []string{`"""`, `'''`} {
		if bytes.HasPrefix(b[i:], []byte(q)) {
			for k := i + 3; k+3 <= len(b); k++ {
				if q[0] == '"' && b[k] == '\\' {
					k++
					continue
				}
				if bytes.HasPrefix(b[k:], []byte(q)) {
					// A closing delimiter may be followed by up to two
					// more quotes that belong to the string.
					for k+3 < len(b) && b[k+3] == q[0] {
						k++
					}
					return k + 3
				}
			}
			return -1
		}
	}
	if i >= len(b) || b[i] != '"' && b[i] != '\'' {
		return -1
	}
	for k := i + 1; k < len(b) && b[k] != '\n'; k++ {
		if b[i] == '"' && b[k] == '\\' {
			k++
			continue
		}
		if b[k] == b[i] {
			return k + 1
		}
	}
	return -1
}

// prescanFrontMatter refuses front matter, src[start:], whose lists and
// tables ("[...]", "{...}") nest deeper than max: the TOML decoder takes
// time that grows faster than their depth.
func prescanFrontMatter(src []byte, start, max int, ls lines) error {
	ns := newNesting(false)
	for i := start; i < len(src); i++ {
		switch src[i] {
		case '[', '{':
			ns.add(i, int(src[i]), 1, true, false)
		case ']':
			ns.add(i, '[', 1, false, true)
		case '}':
			ns.add(i, '{', 1, false, true)
		}
	}
	if at := ns.deepest(max); at >= 0 {
		return tooDeep(ls, at, "front matter lists and tables", max)
	}
	return nil
}
