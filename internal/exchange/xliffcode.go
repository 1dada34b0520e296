package exchange

import (
	"strconv"
	"strings"

	"github.com/glot-i18n/glot/internal/msgtext"
)

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
