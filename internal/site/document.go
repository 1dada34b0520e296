package site

import (
	"fmt"
	"html"
	"strings"

	"github.com/glot-i18n/glot/internal/segment"
)

// docSwitcher is the language switcher of a whole document in lang: a
// <nav> of links to the document's other versions, each named in its own
// language, with no style of its own, so that it takes the document's.
// It is "" when the document is built in one language only.
func (b *builder) docSwitcher(lang string, d *PageData) string {
	if len(d.Languages) < 2 {
		return ""
	}
	var w strings.Builder
	w.WriteString(`<nav class="glot-languages"`)
	if label, err := b.ui.localizer(lang)("ui-languages"); err == nil && label != "" {
		fmt.Fprintf(&w, ` aria-label="%s"`, html.EscapeString(label))
		if l := b.ui.langOf(lang)("ui-languages"); l != lang {
			fmt.Fprintf(&w, ` lang="%s"`, html.EscapeString(l))
		}
	}
	w.WriteString(">")
	for i, v := range d.Languages {
		if i > 0 {
			w.WriteString(" · ")
		}
		fmt.Fprintf(&w, `<a href="%s" hreflang="%s" lang="%s" dir="%s"`, html.EscapeString(v.Href), html.EscapeString(v.Lang), html.EscapeString(v.Lang), v.Dir)
		if v.Current {
			w.WriteString(` aria-current="page"`)
		}
		fmt.Fprintf(&w, ">%s</a>", html.EscapeString(v.Name))
	}
	w.WriteString("</nav>\n")
	return w.String()
}

// localizeDocument makes a whole HTML document the version of d.Lang: lang
// and dir on its <html>, its canonical and alternate links in its <head>,
// switcher (when not "") at the end of its <body>, its links rewritten.
// Everything else keeps its bytes. A document without a <body> tag gets
// no switcher: there is no place in it that is surely shown.
func localizeDocument(src []byte, d *PageData, switcher string, rewrite func(string) string) ([]byte, error) {
	var head strings.Builder
	if d.IsPseudo {
		head.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	}
	if d.Canonical != "" {
		fmt.Fprintf(&head, "<link rel=\"canonical\" href=\"%s\">\n", html.EscapeString(d.Canonical))
	}
	for _, a := range d.Alternates {
		fmt.Fprintf(&head, "<link rel=\"alternate\" hreflang=\"%s\" href=\"%s\">\n", html.EscapeString(a.Hreflang), html.EscapeString(a.URL))
	}
	var edits []edit
	htmlEnd, headOpen, headClose, bodyOpen, bodyClose := -1, -1, -1, -1, -1
	forTags(src, func(name string, start, end int, attrs []segment.Attr) {
		switch {
		case name == "body" && bodyOpen < 0:
			bodyOpen = end
		case name == "/body":
			bodyClose = start
		case name == "html" && htmlEnd < 0:
			htmlEnd = end
			edits = append(edits, setAttrs(src, end, attrs, [][2]string{{"lang", d.Lang}, {"dir", d.Dir}})...)
		case name == "head" && headOpen < 0:
			headOpen = end
		case name == "/head" && headClose < 0:
			headClose = start
		}
	})
	// The links go before </head>; without one, after <head>, <html> or
	// at the start: a browser puts them in the head it makes up.
	at, text := headClose, head.String()
	switch {
	case at >= 0:
	case headOpen >= 0:
		at, text = headOpen, "\n"+text
	case htmlEnd >= 0:
		at, text = htmlEnd, "\n"+text
	default:
		at = 0
	}
	edits = append(edits, edit{at, at, text})
	if switcher != "" && bodyOpen >= 0 {
		if bodyClose < 0 {
			edits = append(edits, edit{len(src), len(src), "\n" + switcher})
		} else {
			edits = append(edits, edit{bodyClose, bodyClose, switcher})
		}
	}
	return editHTML(src, edits, rewrite), nil
}
