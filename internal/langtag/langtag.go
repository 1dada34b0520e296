// Package langtag owns glot's facts about languages, so that every command
// asks one place: how a tag is spelled (Canonical, Normalize), which tags
// are pseudo-languages (IsPseudo), which of a site's languages a tag
// written by another tool stands for (Fits, SameLanguage) or a reader's
// Accept-Language asks for (Preferred), the languages a regional variant
// falls back to (Parents), a language's name in itself and its writing
// direction (Name, Dir), its plural forms (PluralForms), and the
// numbering systems its digits may be written in (NumberingSystem).
//
//	langtag.Name("es")        // "Español"
//	langtag.Dir("ar")         // "rtl"
//	langtag.IsPseudo("en-XA") // true
//	langtag.Parents("es-MX")  // ["es-419", "es"]
//
// Tags are compared as BCP 47 says, without regard to case; glot.toml and
// file names spell them one way, Canonical's.
package langtag

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// Name returns the name of lang in lang itself, as CLDR gives it, with its
// first letter in upper case as at the start of a menu item ("Español",
// "Français", "العربية"), and its region where CLDR's name alone would be
// its language's ("Português (Brasil)"). An unknown tag is returned as it
// is.
func Name(lang string) string {
	if p, ok := pseudoOf(lang); ok {
		return p.name
	}
	t, err := language.Parse(lang)
	if err != nil {
		return lang
	}
	n := display.Self.Name(t)
	if n == "" {
		return lang
	}
	// CLDR names some regional variants as their language alone
	// ("pt-BR" is "português", Brazilian being CLDR's default): a
	// switcher with pt and pt-BR would list "Português" twice. Such a
	// variant is named with its region, in its own language.
	if base, conf := t.Base(); conf != language.No {
		region, rconf := t.Region()
		if bn := display.Self.Name(language.Make(base.String())); n == bn && rconf == language.Exact {
			if rn := display.Regions(t).Name(region); rn != "" {
				n += " (" + rn + ")"
			}
		}
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
	if p, ok := pseudoOf(lang); ok {
		return p.dir
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
