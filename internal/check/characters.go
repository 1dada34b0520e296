package check

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/langtag"
)

// addedCharacters names the characters of translation t into lang that
// can hide or reorder what a reader sees and that the source src does not
// have: control characters, bidi embeddings, overrides and isolates,
// zero-width spaces and Unicode tag characters. Some have honest uses,
// which are let through:
//   - the bidi marks (U+200E, U+200F, U+061C) in a language written right
//     to left, which places numbers and Latin words with them;
//   - the zero-width joiner and non-joiner between two letters of a
//     script that shapes with them (Persian writes می‌خواهم with one), or
//     in an emoji sequence (👩‍⚕️);
//   - tag characters after 🏴, in a flag.
func addedCharacters(lang, src, t string) []string {
	var bad []string
	reported := map[rune]bool{}
	rtl := langtag.Dir(lang) == "rtl"
	var prev rune
	for i, r := range t {
		if !suspect(r) {
			prev = r
			continue
		}
		ok := strings.ContainsRune(src, r)
		switch {
		case ok:
		case r == '\u200E' || r == '\u200F' || r == '\u061C':
			ok = rtl
		case r == '\u200C' || r == '\u200D':
			next, _ := utf8.DecodeRuneInString(t[i+utf8.RuneLen(r):])
			ok = joins(prev, next)
		case r >= 0xE0020 && r <= 0xE007F:
			ok = prev == 0x1F3F4 || prev >= 0xE0020 && prev <= 0xE007F
		}
		if !ok && !reported[r] {
			bad = append(bad, describe(r))
			reported[r] = true
		}
		prev = r
	}
	return bad
}

// suspect reports whether r is a character that addedCharacters judges:
// one that is not seen, or that changes how what is around it is seen.
func suspect(r rune) bool {
	switch {
	case r < 0x20:
		return r != '\t' && r != '\n'
	case r < 0x7F:
		return false
	case r <= 0x9F:
		return true // DEL and the C1 controls
	}
	switch r {
	case '\u061C', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2028', '\u2029', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\uFEFF', '\uFFF9', '\uFFFA', '\uFFFB':
		return true
	}
	return r >= '\u202A' && r <= '\u202E' || r >= '\u2066' && r <= '\u2069' || r >= 0xE0000 && r <= 0xE007F
}

// joins reports whether a zero-width joiner or non-joiner between a and b
// does what it is for: shaping the letters of a script that joins them,
// or binding an emoji sequence.
func joins(a, b rune) bool {
	emoji := func(r rune) bool {
		return unicode.Is(unicode.So, r) || r == '\uFE0F' || r >= 0x1F3FB && r <= 0x1F3FF
	}
	if emoji(a) && emoji(b) {
		return true
	}
	letter := func(r rune) bool {
		return (unicode.IsLetter(r) || unicode.IsMark(r)) && !unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	}
	return letter(a) && letter(b)
}

// characterNames names the characters addedCharacters reports most.
var characterNames = map[rune]string{
	0x00: "NUL", 0x1B: "ESCAPE", 0x7F: "DELETE",
	'\u061C': "ARABIC LETTER MARK", '\u180E': "MONGOLIAN VOWEL SEPARATOR",
	'\u200B': "ZERO WIDTH SPACE", '\u200C': "ZERO WIDTH NON-JOINER", '\u200D': "ZERO WIDTH JOINER",
	'\u200E': "LEFT-TO-RIGHT MARK", '\u200F': "RIGHT-TO-LEFT MARK",
	'\u2028': "LINE SEPARATOR", '\u2029': "PARAGRAPH SEPARATOR",
	'\u202A': "LEFT-TO-RIGHT EMBEDDING", '\u202B': "RIGHT-TO-LEFT EMBEDDING", '\u202C': "POP DIRECTIONAL FORMATTING",
	'\u202D': "LEFT-TO-RIGHT OVERRIDE", '\u202E': "RIGHT-TO-LEFT OVERRIDE",
	'\u2060': "WORD JOINER",
	'\u2066': "LEFT-TO-RIGHT ISOLATE", '\u2067': "RIGHT-TO-LEFT ISOLATE", '\u2068': "FIRST STRONG ISOLATE", '\u2069': "POP DIRECTIONAL ISOLATE",
	'\uFEFF': "ZERO WIDTH NO-BREAK SPACE",
}

func describe(r rune) string {
	name := characterNames[r]
	switch {
	case name != "":
	case r < 0x20 || r >= 0x7F && r <= 0x9F:
		name = "a control character"
	case r >= 0xE0000:
		name = "a tag character"
	default:
		name = "an invisible character"
	}
	return fmt.Sprintf("U+%04X (%s)", r, name)
}
