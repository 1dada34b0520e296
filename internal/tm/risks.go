package tm

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"

	"github.com/glot-i18n/glot/internal/msgtext"
)

var (
	numberRE = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	// units are the measures a medical or technical text quotes.
	units = map[string]bool{
		"mg": true, "g": true, "kg": true, "µg": true, "mcg": true, "ng": true, "ml": true, "l": true, "dl": true,
		"mmol": true, "mol": true, "iu": true, "%": true, "mmhg": true, "h": true, "hr": true, "hrs": true,
		"hour": true, "hours": true, "min": true, "mins": true, "minute": true, "minutes": true, "s": true,
		"sec": true, "second": true, "seconds": true, "day": true, "days": true, "week": true, "weeks": true,
		"month": true, "months": true, "year": true, "years": true, "dose": true, "doses": true, "tablet": true,
		"tablets": true, "mg/kg": true, "ml/h": true, "kb": true, "mb": true, "gb": true, "ms": true,
	}
	// negations turn a sentence around.
	negations = map[string]bool{
		"not": true, "no": true, "never": true, "without": true, "none": true, "nor": true, "neither": true,
		"cannot": true, "can't": true, "don't": true, "doesn't": true, "didn't": true, "isn't": true,
		"aren't": true, "won't": true, "shouldn't": true, "mustn't": true, "nothing": true, "nobody": true,
	}
)

// Risks lists the differences between a source and the source of a
// suggestion that a close score hides: numbers, units of measure and
// negations.
func Risks(src, other string) []string {
	var out []string
	// The numbers of placeholders (<1>, </1>, <2/>) are not the text's:
	// only those of the words count.
	if a, b := numberRE.FindAllString(msgtext.Plain(src), -1), numberRE.FindAllString(msgtext.Plain(other), -1); !sameBag(a, b) {
		out = append(out, fmt.Sprintf("numbers differ: %s here, %s there", list(a), list(b)))
	}
	if a, b := filter(src, units), filter(other, units); !sameBag(a, b) {
		out = append(out, fmt.Sprintf("units differ: %s here, %s there", list(a), list(b)))
	}
	if a, b := filter(src, negations), filter(other, negations); len(a) != len(b) {
		out = append(out, fmt.Sprintf("negations differ: %s here, %s there", list(a), list(b)))
	}
	return out
}

func filter(s string, set map[string]bool) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(msgtext.Plain(s)), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`.,;:!?()"“”«»`, r)
	}) {
		if set[w] || set[strings.TrimLeft(w, "0123456789.,")] && w != strings.TrimLeft(w, "0123456789.,") {
			out = append(out, strings.TrimLeft(w, "0123456789.,"))
		}
	}
	return out
}

func sameBag(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	count := map[string]int{}
	for _, x := range a {
		count[x]++
	}
	for _, x := range b {
		count[x]--
		if count[x] < 0 {
			return false
		}
	}
	return true
}

func list(ws []string) string {
	if len(ws) == 0 {
		return "none"
	}
	return strings.Join(ws, " ")
}
