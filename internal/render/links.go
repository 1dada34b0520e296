package render

import (
	"strings"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// writeText appends text s to b written with esc, and each address in it
// that the source does not have (see msgtext.LinkSet) written with esc and
// then defused with defuse: a translator's link is written as text that no
// autolinker makes a link of, for a link under a clinic's name that the
// clinic never wrote is a phishing link.
func writeText(b *strings.Builder, s string, links msgtext.LinkSet, esc, defuse func(string) string) {
	last := 0
	for _, sp := range links.Added(s) {
		b.WriteString(esc(s[last:sp[0]]))
		b.WriteString(defuse(esc(s[sp[0]:sp[1]])))
		last = sp[1]
	}
	b.WriteString(esc(s[last:]))
}

// defuseMarkdown rewrites an escaped address in Markdown so that it reads
// the same and is never made a link: by GitHub Flavored Markdown's
// autolinks (cmark-gfm), goldmark's Linkify, or Hugo. A scheme's ":" and
// the "." after "www" are written as character references, which the
// autolinkers, looking at the bytes, do not see; cmark-gfm finds e-mail
// addresses in the text after references are read, so an empty HTML
// comment goes before the "@", where it splits the text in two.
func defuseMarkdown(a string) string {
	a = defuseWeb(a)
	return strings.ReplaceAll(a, "@", "<!---->@")
}

// defuseHTML rewrites an escaped address in HTML text so that the text is
// the same and an autolinker reading the HTML finds no address in it.
func defuseHTML(a string) string {
	return strings.ReplaceAll(defuseWeb(a), "@", "&#64;")
}

// defuseWeb writes the ":" of "://" and the "." of "www." as character
// references.
func defuseWeb(a string) string {
	a = strings.ReplaceAll(a, "://", "&#58;//")
	var b strings.Builder
	for {
		i := strings.Index(strings.ToLower(a), "www.")
		if i < 0 {
			b.WriteString(a)
			return b.String()
		}
		b.WriteString(a[:i+3])
		b.WriteString("&#46;")
		a = a[i+4:]
	}
}
