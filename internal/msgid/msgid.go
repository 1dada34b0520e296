package msgid

import (
	"crypto/sha256"
	"encoding/base32"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/glot-i18n/glot/internal/msgtext"
)

const (
	slugWords = 5
	slugMax   = 40
	hashChars = 12 // base32 characters: 60 bits
)

var b32 = base32.NewEncoding("abcdefghijklmnopqrstuvwxyz234567").WithPadding(base32.NoPadding)

// ID returns the id of the message with source text text (normalized, see
// msgtext.Normalize) in context ctx.
func ID(ctx, text string) string {
	h := sha256.New()
	h.Write([]byte(ctx))
	h.Write([]byte{0})
	h.Write([]byte(text))
	sum := b32.EncodeToString(h.Sum(nil))[:hashChars]
	s := Slug(msgtext.Plain(text))
	if s == "" {
		return "m-" + sum
	}
	return s + "-" + sum
}

// Slug returns the first words of s in lower-case ASCII joined by "-":
// accents are dropped and words in other scripts are left out.
func Slug(s string) string {
	var b strings.Builder
	words := 0
	inWord := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !inWord {
				if words == slugWords {
					return b.String()
				}
				if b.Len() > 0 {
					if b.Len()+1 >= slugMax {
						return b.String()
					}
					b.WriteByte('-')
				}
				words++
				inWord = true
			}
			if b.Len() < slugMax {
				b.WriteRune(unicode.ToLower(r))
			}
		case r == '\'' || r == '’':
			// "don't" is one word.
		default:
			inWord = false
		}
	}
	return b.String()
}
