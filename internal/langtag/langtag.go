// Package langtag owns what glot needs to know about a language beyond its
// tag: its name in its own language, for switchers and file headers, and its
// writing direction.
//
//	langtag.Name("es") // "Español"
//	langtag.Dir("ar")  // "rtl"
package langtag

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Name returns the name of lang in lang itself, as CLDR gives it, with its
// first letter in upper case as at the start of a menu item ("Español",
// "Français", "العربية"). An unknown tag is returned as it is.
func Name(lang string) string {
	switch lang {
	case "en-XA":
		return "[Ƥşḗḗŭŭḓǿǿ]"
	case "ar-XB":
		return "Pseudo-RTL"
	}
	t, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	n := display.Self.Name(t)
	if n == "" {
		return lang
	}
	r, size := utf8.DecodeRuneInString(n)
	return string(unicode.ToUpper(r)) + n[size:]
}

// rtlScripts are the scripts written right to left.
var rtlScripts = map[string]bool{
	"Arab": true, "Hebr": true, "Thaa": true, "Syrc": true, "Nkoo": true, "Adlm": true,
	"Rohg": true, "Mand": true, "Samr": true, "Mend": true, "Yezi": true,
}

// Dir returns "rtl" for a language written right to left, else "ltr". The
// script is the tag's own or, when it has none, the one CLDR gives as most
// likely ("ar" is Arab, "ur" Arab, "he" Hebr).
func Dir(lang string) string {
	if strings.EqualFold(lang, "ar-XB") {
		return "rtl"
	}
	t, err := language.Parse(lang)
	if err != nil {
		return "ltr"
	}
	s, _ := t.Script()
	if rtlScripts[s.String()] {
		return "rtl"
	}
	return "ltr"
}
