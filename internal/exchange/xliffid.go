package exchange

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// XLIFF 2 unit and group ids are xs:NMTOKEN: letters, digits and . - _ :
// only. A page's message id always is one (a-z0-9-), but an interface
// message's id is whatever the layout calls it ("Nav Home"). xliffID
// writes any other character, and _ itself, as _HEX_ (the code point in
// hexadecimal), so that every id is a valid token and reads back as it
// was: "Nav Home" is "Nav_20_Home", "a_b" is "a_5f_b". A tool shows the
// message's id as it is in the unit's name attribute.
func xliffID(id string) string {
	var b strings.Builder
	for _, r := range id {
		if r == '.' || r == '-' || r != '_' && r != ':' && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
			continue
		}
		fmt.Fprintf(&b, "_%x_", r)
	}
	return b.String()
}

// messageID reads back an id that xliffID wrote. An _ that does not start
// a well-formed _HEX_ is kept as it is, so that ids written by another
// tool read as they are.
func messageID(s string) string {
	if !strings.Contains(s, "_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '_' {
			if j := strings.IndexByte(s[i+1:], '_'); j > 0 && j <= 6 {
				if n, err := strconv.ParseUint(s[i+1:i+1+j], 16, 32); err == nil && n <= unicode.MaxRune {
					b.WriteRune(rune(n))
					i += j + 1
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
