package site

import (
	"bytes"
	"fmt"
	"html"
	"slices"
	"sort"

	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/segment"
)

// edit is a change to bytes: [start, end) replaced with text.
type edit struct {
	start, end int
	text       string
}

// editHTML returns src with the edits made and its links rewritten by
// rewrite. Edits must not overlap the links.
func editHTML(src []byte, edits []edit, rewrite func(string) string) []byte {
	forTags(src, func(name string, start, end int, attrs []segment.Attr) {
		for _, a := range attrs {
			if a.ValStart < 0 || !slices.Contains(linkAttrs[name], a.Name) || a.Name == "srcset" {
				continue
			}
			if to := rewrite(a.Value); to != a.Value {
				edits = append(edits, edit{a.ValStart, a.ValEnd, html.EscapeString(to)})
			}
		}
	})
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out []byte
	last := 0
	for _, e := range edits {
		if e.start < last {
			continue
		}
		out = append(out, src[last:e.start]...)
		out = append(out, e.text...)
		last = e.end
	}
	return append(out, src[last:]...)
}

// keepLinks is the rewrite of editHTML that changes no link.
func keepLinks(u string) string { return u }

// forTags calls f with every tag of src: its name, its bytes' range and,
// for a start tag, its attributes. An end tag's name starts with "/".
func forTags(src []byte, f func(name string, start, end int, attrs []segment.Attr)) {
	z := xhtml.NewTokenizer(bytes.NewReader(src))
	pos := 0
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		start := pos
		pos += len(z.Raw())
		switch tt {
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			f(string(name), start, pos, segment.ScanAttrs(src, start, pos))
		case xhtml.EndTagToken:
			name, _ := z.TagName()
			f("/"+string(name), start, pos, nil)
		}
	}
}

// localizeLang sets lang and dir on a document's <html>, and changes
// nothing else.
func localizeLang(src []byte, lang string) []byte {
	var edits []edit
	forTags(src, func(name string, start, end int, attrs []segment.Attr) {
		if name == "html" && edits == nil {
			edits = setAttrs(src, end, attrs, [][2]string{{"lang", lang}, {"dir", langtag.Dir(lang)}})
		}
	})
	return editHTML(src, edits, keepLinks)
}

// setAttrs sets attributes of the start tag that ends at end: an existing
// value is replaced, a missing attribute added before the tag's ">".
func setAttrs(src []byte, end int, attrs []segment.Attr, set [][2]string) []edit {
	var edits []edit
	for _, kv := range set {
		text := html.EscapeString(kv[1])
		done := false
		for _, a := range attrs {
			if a.Name == kv[0] && a.ValStart >= 0 {
				if a.Quote == 0 {
					text = "\"" + text + "\""
				}
				edits = append(edits, edit{a.ValStart, a.ValEnd, text})
				done = true
				break
			}
		}
		if !done {
			at := end - 1
			if at > 0 && src[at-1] == '/' {
				at--
			}
			edits = append(edits, edit{at, at, fmt.Sprintf(" %s=\"%s\"", kv[0], text)})
		}
	}
	return edits
}
