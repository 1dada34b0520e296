package msgtext

import (
	"regexp"
	"strings"
)

// linkRE matches what an autolinker makes a link of in running text: a URL
// with a scheme, an address that starts with "www.", and an e-mail
// address, as GitHub Flavored Markdown's autolink extension, goldmark's
// Linkify and the autolinkers of mail and chat programs find them. It
// errs towards finding more: whatever it finds in a translation and not in
// the source is kept from becoming a link.
var linkRE = regexp.MustCompile(`(?i)\b[a-z][a-z0-9+.-]*://[^\s<>"]*|\bwww\.[^\s<>"]+|\b(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+`)

// mayHaveLink reports whether linkRE may match in s: most text has no
// "://", "www." or "@", and is spared the regular expression.
func mayHaveLink(s string) bool {
	if strings.Contains(s, "@") || strings.Contains(s, "://") {
		return true
	}
	for i := strings.IndexByte(s, '.'); i >= 0; {
		if i >= 3 && strings.EqualFold(s[i-3:i], "www") {
			return true
		}
		j := strings.IndexByte(s[i+1:], '.')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

// Links returns the byte spans in s of every web or e-mail address an
// autolinker could make a link of, in order. Punctuation that ends a
// sentence after an address is not part of it.
func Links(s string) [][2]int {
	if !mayHaveLink(s) {
		return nil
	}
	var out [][2]int
	for _, m := range linkRE.FindAllStringIndex(s, -1) {
		end := m[1]
		for end > m[0] && strings.ContainsRune(`.,;:!?)]}'"*_~`, rune(s[end-1])) {
			end--
		}
		if end > m[0] {
			out = append(out, [2]int{m[0], end})
		}
	}
	return out
}

// AddedLinks returns the spans of the web and e-mail addresses of
// translation tr that source src does not have, exactly as written: the
// links a translator added, which a page must show as text. Each address of
// the source answers for one in the translation.
func AddedLinks(src, tr string) [][2]int {
	spans := Links(tr)
	if len(spans) == 0 {
		return nil
	}
	have := map[string]int{}
	for _, sp := range Links(src) {
		have[src[sp[0]:sp[1]]]++
	}
	var out [][2]int
	for _, sp := range spans {
		if a := tr[sp[0]:sp[1]]; have[a] > 0 {
			have[a]--
			continue
		}
		out = append(out, sp)
	}
	return out
}
