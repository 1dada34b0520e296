package corpus

import (
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// dictionary translates word for word into one language, the same word
// always the same way, so that similar sources get similar translations, as
// a translation memory expects. It is gibberish in the language's script:
// what matters for the benchmark is the length and the script of the text,
// and that every placeholder, number and address comes through unchanged.
type dictionary struct {
	lang  string
	words map[string]string
}

func newDictionary(lang string) *dictionary {
	return &dictionary{lang: lang, words: map[string]string{}}
}

// syllables are the pieces a Latin-script language's words are made of.
var syllables = map[string][]string{
	"es": {"la", "ro", "ción", "de", "que", "mi", "ta", "es", "na", "do", "rí", "ar", "ue", "ba", "sa", "lle"},
	"fr": {"le", "ou", "ère", "ain", "té", "quel", "ment", "eau", "oi", "re", "ssi", "on", "é", "gne", "ui", "pr"},
	"de": {"ge", "sch", "ung", "ein", "ber", "keit", "lich", "zu", "ver", "aus", "ch", "ig", "st", "ä", "ß", "ü"},
	"it": {"zio", "ne", "gli", "to", "la", "ri", "che", "ssi", "mo", "ta", "ra", "pe", "ci", "è", "lo", "va"},
	"pt": {"ção", "ão", "nh", "lh", "de", "que", "ra", "ti", "vo", "men", "se", "ões", "ba", "ê", "co", "ma"},
	"nl": {"ij", "oe", "sch", "aa", "ge", "ver", "heid", "lijk", "en", "ui", "dt", "ee", "ke", "ou", "wa", "ze"},
}

// arabic and japanese are the letters of the right-to-left and the
// unspaced pseudo-languages.
var (
	arabic   = []rune("ابتثجحخدذرزسشصضطظعغفقكلمنهوية")
	japanese = []rune("医療薬量時間患者治療検査結果安全記録確認注意説明使用方法情報管理体制あいうえおかきくけこさしすせそたちつてとアイウエオカキクケコサシスセソ")
)

// word translates one word of letters.
func (d *dictionary) word(w string) string {
	key := strings.ToLower(w)
	t, ok := d.words[key]
	if !ok {
		t = d.coin(key)
		d.words[key] = t
	}
	switch {
	case d.lang == "ar" || d.lang == "ja":
		return t
	case utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w:
		return strings.ToUpper(t)
	case unicode.IsUpper([]rune(w)[0]):
		r, size := utf8.DecodeRuneInString(t)
		return string(unicode.ToUpper(r)) + t[size:]
	}
	return t
}

// coin makes the translation of a word from a hash of it: about as long as
// the word in a Latin or the Arabic script, a third as long in Japanese.
func (d *dictionary) coin(w string) string {
	h := fnv.New64a()
	h.Write([]byte(d.lang + "\x00" + w))
	x := h.Sum64()
	next := func(n int) int {
		x = x*6364136223846793005 + 1442695040888963407
		return int((x >> 33) % uint64(n))
	}
	n := utf8.RuneCountInString(w)
	var b strings.Builder
	switch d.lang {
	case "ar":
		for range max(2, n) {
			b.WriteRune(arabic[next(len(arabic))])
		}
	case "ja":
		for range max(1, (n+2)/3) {
			b.WriteRune(japanese[next(len(japanese))])
		}
	default:
		syl := syllables[d.lang]
		if syl == nil {
			syl = syllables["es"]
		}
		for b.Len() < n {
			b.WriteString(syl[next(len(syl))])
		}
	}
	return b.String()
}

// translate translates message text: every run of letters through the
// dictionary; every placeholder tag, template action, web or e-mail address
// and run of other characters (numbers, units' symbols, punctuation, white
// space) as it is. A language written without spaces loses the spaces
// between its words.
func (d *dictionary) translate(src string) string {
	var b strings.Builder
	for _, tok := range msgtext.Parse(src) {
		if tok.Kind != msgtext.Text {
			b.WriteString(tok.Text)
			continue
		}
		for s := tok.Text; len(s) > 0; {
			n, word := nextPiece(s)
			if word {
				b.WriteString(d.word(s[:n]))
			} else {
				b.WriteString(s[:n])
			}
			s = s[n:]
		}
	}
	if d.lang == "ja" {
		return unspace(b.String())
	}
	return b.String()
}

// nextPiece returns the length of the piece of text s starts with, and
// whether it is a word to translate rather than text to keep.
func nextPiece(s string) (int, bool) {
	if strings.HasPrefix(s, "{{") {
		if i := strings.Index(s, "}}"); i >= 0 {
			return i + 2, false
		}
	}
	if n := address(s); n > 0 {
		return n, false
	}
	r, size := utf8.DecodeRuneInString(s)
	letter := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsMark(r) }
	want := letter(r)
	n := size
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if letter(r) != want || !want && r == '{' {
			break
		}
		n += size
	}
	return n, want
}

// address returns the length of the web or e-mail address s starts with,
// or 0.
func address(s string) int {
	lower := strings.ToLower(s[:min(len(s), 8)])
	if strings.HasPrefix(lower, "http://") || strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "www.") {
		n := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '<' || r == '>' || r == '"' })
		if n < 0 {
			n = len(s)
		}
		return n
	}
	local := 0
	for local < len(s) && (wordByte(s[local]) || s[local] == '.' || s[local] == '+' || s[local] == '-') {
		local++
	}
	if local == 0 || local >= len(s) || s[local] != '@' {
		return 0
	}
	n, dots := local+1, 0
	for n < len(s) && (wordByte(s[n]) || s[n] == '-' || s[n] == '.' && n+1 < len(s) && wordByte(s[n+1])) {
		if s[n] == '.' {
			dots++
		}
		n++
	}
	if dots == 0 {
		return 0
	}
	return n
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// unspace drops each single space between two Japanese words, or between a
// word and a placeholder tag; every other space stays, so numbers and
// addresses keep theirs.
func unspace(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) {
			prev, next := rs[i-1], rs[i+1]
			if (cjk(prev) || prev == '>') && (cjk(next) || next == '<' && i+2 < len(rs) && (rs[i+2] == '/' || unicode.IsDigit(rs[i+2]))) && (cjk(prev) || cjk(next)) {
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func cjk(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}
