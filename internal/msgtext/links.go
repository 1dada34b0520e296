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

// LinkSet holds the web and e-mail addresses of a source text, each as
// many times as the source has it: what its translation may carry.
type LinkSet map[string]int

// SourceLinks returns the addresses of source text src.
func SourceLinks(src string) LinkSet {
	var l LinkSet
	for _, sp := range Links(src) {
		if l == nil {
			l = LinkSet{}
		}
		l[src[sp[0]:sp[1]]]++
	}
	return l
}

// Added returns the spans of the addresses of translation text tr that
// the source does not have, exactly as written: the links a translator
// added. Each address of the source answers for one in the translation,
// so a translation read a piece at a time (tr after tr) is judged as a
// whole.
func (l LinkSet) Added(tr string) [][2]int {
	var out [][2]int
	for _, sp := range Links(tr) {
		if a := tr[sp[0]:sp[1]]; l[a] > 0 {
			l[a]--
			continue
		}
		out = append(out, sp)
	}
	return out
}

// AddedLinks returns the spans of the addresses of translation tr that
// source src does not have (see LinkSet.Added).
func AddedLinks(src, tr string) [][2]int {
	if !mayHaveLink(tr) {
		return nil
	}
	return SourceLinks(src).Added(tr)
}
