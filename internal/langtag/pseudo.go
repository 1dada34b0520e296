package langtag

import "strings"

// A pseudoLang is one of glot's pseudo-languages: tags that BCP 47 leaves
// free (the private-use regions XA and XB), which glot build fills with
// a pseudo-translation of the source (see package pseudo) so that a site
// owner sees what localization will do before any translation exists.
type pseudoLang struct {
	tag  string // as glot spells it
	name string // its name in a switcher
	dir  string // its writing direction, which is what it tests
}

// pseudoLangs are the pseudo-languages: en-XA, accented and longer text,
// and ar-XB, text written right to left.
var pseudoLangs = []pseudoLang{
	{tag: "en-XA", name: "[Ƥşḗḗŭŭḓǿǿ]", dir: "ltr"},
	{tag: "ar-XB", name: "Pseudo-RTL", dir: "rtl"},
}

// pseudoOf returns the pseudo-language lang names, in any case.
func pseudoOf(lang string) (pseudoLang, bool) {
	for _, p := range pseudoLangs {
		if strings.EqualFold(p.tag, lang) {
			return p, true
		}
	}
	return pseudoLang{}, false
}

// IsPseudo reports whether lang is a pseudo-language. Pseudo-languages
// are always accepted by --lang for glot build, never listed in
// glot.toml, and never shown in switchers, hreflang or sitemaps; they
// have no catalog.
func IsPseudo(lang string) bool {
	_, ok := pseudoOf(lang)
	return ok
}

// Pseudo returns the pseudo-languages' tags, "en-XA" and "ar-XB".
func Pseudo() []string {
	out := make([]string, len(pseudoLangs))
	for i, p := range pseudoLangs {
		out[i] = p.tag
	}
	return out
}
