package exchange

import (
	"strconv"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// piece is a part of message text as XLIFF carries it: text, a
// placeholder tag (<1>, </1>, <2/>), or a template field.
type piece struct {
	msgtext.Token
	// field says the piece is a go-i18n template action, such as
	// {{.Count}}: Token.Text is the whole action, delimiters and all.
	field bool
}

// pieces splits s into text, placeholder tags and the template actions of
// message m, which go-i18n reads between m's delimiters ({{ and }} unless
// m says otherwise). An action is code, not words: a tool shows it as a
// protected inline code, so that no translator retypes "{{.Count}}" with
// a typo or translates the field's name.
func pieces(s string, m *catalog.Message) []piece {
	left, right := "{{", "}}"
	if m != nil && m.LeftDelim != "" {
		left = m.LeftDelim
	}
	if m != nil && m.RightDelim != "" {
		right = m.RightDelim
	}
	var out []piece
	for _, t := range msgtext.Parse(s) {
		if t.Kind != msgtext.Text {
			out = append(out, piece{Token: t})
			continue
		}
		text := t.Text
		for text != "" {
			i := strings.Index(text, left)
			n := -1
			if i >= 0 {
				n = actionEnd(text[i+len(left):], right)
			}
			if n < 0 {
				out = append(out, piece{Token: msgtext.Token{Kind: msgtext.Text, Text: text}})
				break
			}
			end := i + len(left) + n + len(right)
			if i > 0 {
				out = append(out, piece{Token: msgtext.Token{Kind: msgtext.Text, Text: text[:i]}})
			}
			out = append(out, piece{Token: msgtext.Token{Kind: msgtext.Text, Text: text[i:end]}, field: true})
			text = text[end:]
		}
	}
	return out
}

// actionEnd returns where the right delimiter that closes a template
// action starts in s, the text after its left delimiter, or -1 if nothing
// closes it. A delimiter inside a quoted string, a character constant or
// a comment does not close the action, as Go's template lexer has it.
func actionEnd(s, right string) int {
	for i := 0; i < len(s); {
		switch {
		case strings.HasPrefix(s[i:], right):
			return i
		case s[i] == '"' || s[i] == '\'':
			q := s[i]
			i++
			for i < len(s) && s[i] != q {
				if s[i] == '\\' {
					i++
				}
				i++
			}
			i++
		case s[i] == '`':
			j := strings.IndexByte(s[i+1:], '`')
			if j < 0 {
				return -1
			}
			i += j + 2
		case strings.HasPrefix(s[i:], "/*"):
			j := strings.Index(s[i+2:], "*/")
			if j < 0 {
				return -1
			}
			i += j + 4
		default:
			i++
		}
	}
	return -1
}

// fieldCodes numbers the template fields of one XLIFF unit. Their codes
// are named f1, f2… and their original text d1, d2…: never a bare
// number, which names a placeholder tag (<1>…</1>), so that neither is
// read as the other. A field of the target is the code of the same field
// of the source (its first unused occurrence there), or a new one where
// the translation has it more often than the source: a form of a plural
// message may say {{.Count}} where the source's form does not.
type fieldCodes struct {
	data   []string         // the distinct fields: data[i] is d(i+1)
	source map[string][]int // the code numbers of each field's occurrences in the source
	used   map[string]int   // how many of them the target has used
	n      int              // code numbers given
}

func newFieldCodes() *fieldCodes {
	return &fieldCodes{source: map[string][]int{}, used: map[string]int{}}
}

// dataID returns the id of the original text of field.
func (c *fieldCodes) dataID(field string) string {
	for i, d := range c.data {
		if d == field {
			return "d" + strconv.Itoa(i+1)
		}
	}
	c.data = append(c.data, field)
	return "d" + strconv.Itoa(len(c.data))
}

// code returns the id of an occurrence of field in the source, or, when
// target, in the target.
func (c *fieldCodes) code(field string, target bool) string {
	if target {
		k := c.used[field]
		c.used[field]++
		if k < len(c.source[field]) {
			return "f" + strconv.Itoa(c.source[field][k])
		}
	}
	c.n++
	if !target {
		c.source[field] = append(c.source[field], c.n)
	}
	return "f" + strconv.Itoa(c.n)
}

// isFieldCode reports whether id is one glot gives a template field.
func isFieldCode(id string) bool {
	n, ok := strings.CutPrefix(id, "f")
	if !ok || n == "" {
		return false
	}
	_, err := strconv.Atoi(n)
	return err == nil
}

// unknownCode is the tag an inline code glot cannot read back stands
// for: a placeholder no source has, so that merge refuses the
// translation rather than take it without the code.
var unknownCode = msgtext.AtomTag(9999)
