package content

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// checkName refuses a page's or an asset's path that glot could not
// write down and read back: its path names the page in the catalogs, the
// bookkeeping and the outputs, and a newline or another control character
// there breaks every file it is written into, while bytes that are not
// UTF-8 cannot be written into a TOML file at all.
func checkName(p string) error {
	if !utf8.ValidString(p) {
		return fmt.Errorf("%q: the file name is not UTF-8: rename it", p)
	}
	if i := strings.IndexFunc(p, unicode.IsControl); i >= 0 {
		r, _ := utf8.DecodeRuneInString(p[i:])
		return fmt.Errorf("%q: the file name holds the control character %U: rename it", p, r)
	}
	return nil
}

// CheckUTF8 returns an error positioned at the first byte of a page that
// is not UTF-8, or nil when the whole page is UTF-8. A page is read as
// UTF-8 throughout, front matter included: a byte that is not would
// otherwise become U+FFFD in the catalog and on every localized page,
// without a word. The position is a line and a byte column, 1-based; the
// caller names the file (see fileerr.InFile).
func CheckUTF8(src []byte) error {
	if utf8.Valid(src) {
		return nil
	}
	line, start := 1, 0
	for i := 0; i < len(src); {
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && n <= 1 {
			return fileerr.At("", line, i-start+1,
				fmt.Errorf("byte %#02x is not UTF-8: glot reads pages as UTF-8; save the file as UTF-8", src[i]))
		}
		if src[i] == '\n' {
			line, start = line+1, i+1
		}
		i += n
	}
	return nil
}
