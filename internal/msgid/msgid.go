package msgid

import (
	"crypto/sha256"
	"encoding/base32"
	"strings"
	"unicode"
	"unicode/utf8"

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
	var sl slugger
	if !utf8.ValidString(s) {
		// Bytes that are not UTF-8 are decomposed whole, as they always
		// were: an id never changes.
		for _, r := range norm.NFKD.String(s) {
			if sl.add(r) {
				break
			}
		}
		return sl.b.String()
	}
	// The text is decomposed as it is read, not whole: a slug is its first
	// few words, and the text may be a long paragraph.
	var it norm.Iter
	it.InitString(norm.NFKD, s)
	for !it.Done() {
		for _, r := range string(it.Next()) {
			if sl.add(r) {
				return sl.b.String()
			}
		}
	}
	return sl.b.String()
}

// slugger makes a slug a character at a time.
type slugger struct {
	b      strings.Builder
	words  int
	inWord bool
}

// add adds r to the slug, and reports whether the slug is done.
func (sl *slugger) add(r rune) bool {
	switch {
	case unicode.Is(unicode.Mn, r):
	case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		if !sl.inWord {
			if sl.words == slugWords {
				return true
			}
			if sl.b.Len() > 0 {
				if sl.b.Len()+1 >= slugMax {
					return true
				}
				sl.b.WriteByte('-')
			}
			sl.words++
			sl.inWord = true
		}
		if sl.b.Len() < slugMax {
			sl.b.WriteRune(unicode.ToLower(r))
		}
	case r == '\'' || r == '’':
		// "don't" is one word.
	default:
		sl.inWord = false
	}
	return false
}
