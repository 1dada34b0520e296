// Package pseudo owns the pseudo-translation of glot's pseudo-languages,
// which let a site owner see what localization will do to a site before
// any translation exists (which tags are pseudo-languages is langtag's to
// say: langtag.IsPseudo):
//
//	en-XA  every letter accented, the text about 35 % longer, and each
//	       message bracketed by ⟦ and ⟧, so that truncated text, text that
//	       escaped extraction (it stays plain) and strings built by joining
//	       pieces all show;
//	ar-XB  every word written right to left, so that a layout's handling
//	       of right-to-left text shows.
//
// Pseudo-translation works on message text: placeholders are kept, so the
// page's markup comes through exactly as for a real translation.
//
//	pseudo.Translate("en-XA", "Read <1>the study</1>.") // "⟦Ŕéåđ <1>ţĥé šţûđý</1>. ŏñé ţŵŏ⟧"
package pseudo

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// Translate returns the pseudo-translation of message text s into lang,
// a pseudo-language (langtag.IsPseudo): right-to-left words for the one
// written right to left, accented and padded text for the other.
func Translate(lang, s string) string {
	if langtag.Dir(lang) == "rtl" {
		return mapText(s, rtlWords)
	}
	letters := 0
	for _, t := range msgtext.Parse(s) {
		if t.Kind == msgtext.Text {
			for _, r := range t.Text {
				if unicode.IsLetter(r) {
					letters++
				}
			}
		}
	}
	return "⟦" + mapText(s, accent) + padding(letters*35/100) + "⟧"
}

// action matches a template action, {{.Count}}: it is code, not text.
var action = regexp.MustCompile(`\{\{.*?\}\}`)

// mapText applies f to the text of s, leaving its placeholders and
// template actions.
func mapText(s string, f func(string) string) string {
	var b strings.Builder
	for _, t := range msgtext.Parse(s) {
		if t.Kind != msgtext.Text {
			b.WriteString(t.Text)
			continue
		}
		last := 0
		for _, m := range action.FindAllStringIndex(t.Text, -1) {
			b.WriteString(f(t.Text[last:m[0]]))
			b.WriteString(t.Text[m[0]:m[1]])
			last = m[1]
		}
		b.WriteString(f(t.Text[last:]))
	}
	return b.String()
}

var accents = map[rune]string{
	'a': "å", 'b': "ƀ", 'c': "ç", 'd': "đ", 'e': "é", 'f': "ƒ", 'g': "ĝ", 'h': "ĥ", 'i': "î", 'j': "ĵ",
	'k': "ķ", 'l': "ļ", 'm': "ɱ", 'n': "ñ", 'o': "ö", 'p': "þ", 'q': "ǫ", 'r': "ŕ", 's': "š", 't': "ţ",
	'u': "û", 'v': "ṽ", 'w': "ŵ", 'x': "ẋ", 'y': "ý", 'z': "ž",
	'A': "Å", 'B': "Ɓ", 'C': "Ç", 'D': "Đ", 'E': "É", 'F': "Ƒ", 'G': "Ĝ", 'H': "Ĥ", 'I': "Î", 'J': "Ĵ",
	'K': "Ķ", 'L': "Ļ", 'M': "Ṁ", 'N': "Ñ", 'O': "Ö", 'P': "Þ", 'Q': "Ǫ", 'R': "Ŕ", 'S': "Š", 'T': "Ţ",
	'U': "Û", 'V': "Ṽ", 'W': "Ŵ", 'X': "Ẋ", 'Y': "Ý", 'Z': "Ž",
}

func accent(s string) string {
	var b strings.Builder
	for _, r := range s {
		if a, ok := accents[r]; ok {
			b.WriteString(a)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// padding returns about n letters of accented filler words.
func padding(n int) string {
	if n == 0 {
		return ""
	}
	words := []string{"öñé", "ţŵö", "ţĥŕéé", "ƒöûŕ", "ƒîṽé", "šîẋ", "šéṽéñ", "éîĝĥţ", "ñîñé", "ţéñ"}
	var b strings.Builder
	for i := 0; utf8.RuneCountInString(b.String()) < n; i++ {
		b.WriteByte(' ')
		b.WriteString(words[i%len(words)])
	}
	return b.String()
}

// rtlWords writes every word right to left: an override to right-to-left
// and its end around each, and right-to-left marks so that the punctuation
// between words joins the right-to-left run.
func rtlWords(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		switch {
		case word && !in:
			b.WriteString("\u200F\u202E")
			in = true
		case !word && in:
			b.WriteString("\u202C\u200F")
			in = false
		}
		b.WriteRune(r)
	}
	if in {
		b.WriteString("\u202C\u200F")
	}
	return b.String()
}
