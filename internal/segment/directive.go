package segment

import "bytes"

// IsSkip reports whether raw, the text of an HTML block of a Markdown
// page, is the directive <!-- glot:skip -->, which keeps the next block
// out of the catalogs: the HTML build marks that block as shown in the
// source language.
func IsSkip(raw []byte) bool {
	m := directiveRE.FindSubmatch(bytes.TrimSpace(raw))
	return m != nil && string(m[1]) == "skip"
}
