package exchange

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/verdict"
)

// tmxInline writes message text as TMX 1.4 segment content: a pair of tags
// as <bpt>/<ept>, an atom as <ph>, each holding glot's own tag as its code,
// and a template field as a <ph type="x-field"> holding the field. The
// field's <ph> has no x: x numbers the page's markup, which the field is
// not, and tmxIn reads the field back as the text it is.
func tmxInline(s string, m *catalog.Message) string {
	var b strings.Builder
	for _, t := range pieces(s, m) {
		switch {
		case t.field:
			fmt.Fprintf(&b, `<ph type="x-field">%s</ph>`, esc(t.Text))
		case t.Kind == msgtext.Text:
			b.WriteString(esc(t.Text))
		case t.Kind == msgtext.Open:
			fmt.Fprintf(&b, `<bpt i="%d" x="%d">%s</bpt>`, t.N, t.N, esc(t.Text))
		case t.Kind == msgtext.Close:
			fmt.Fprintf(&b, `<ept i="%d">%s</ept>`, t.N, esc(t.Text))
		case t.Kind == msgtext.Atom:
			fmt.Fprintf(&b, `<ph x="%d">%s</ph>`, t.N, esc(t.Text))
		}
	}
	return b.String()
}

// tmxOut writes units as a TMX 1.4 memory: every message with its source,
// and its translation where it has one in force. A message with plural
// forms is a <tu> for each plural form of the target language, its tuid
// the message's id, a dot and the form ("ui-reading-time.few"), with the
// message and the form in props that glot import reads: x-message and
// x-plural-form (and, for the translator, x-plural-example).
func tmxOut(src, trg string, us []unit) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(&b, "<header creationtool=\"glot\" creationtoolversion=\"1\" datatype=\"plaintext\" segtype=\"block\" adminlang=\"en\" srclang=\"%s\" o-tmf=\"glot\"/>\n<body>\n", esc(src))
	for i := range us {
		u := &us[i]
		for _, f := range u.parts() {
			tuid := u.id
			if len(u.forms) > 0 {
				tuid += "." + f
			}
			fmt.Fprintf(&b, " <tu tuid=\"%s\">\n", esc(tuid))
			if len(u.forms) > 0 {
				fmt.Fprintf(&b, "  <prop type=\"x-message\">%s</prop>\n  <prop type=\"x-plural-form\">%s</prop>\n", esc(u.id), f)
				if ex := langtag.PluralExample(trg, f); ex != "" {
					fmt.Fprintf(&b, "  <prop type=\"x-plural-example\">%s</prop>\n", esc(ex))
				}
			}
			if u.page != "" {
				fmt.Fprintf(&b, "  <prop type=\"x-location\">%s:%d</prop>\n", esc(u.page), u.line)
			}
			fmt.Fprintf(&b, "  <prop type=\"x-state\">%s</prop>\n", u.state)
			fmt.Fprintf(&b, "  <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(src), tmxInline(u.sourceForm(f), u.source))
			if t := form(u.target, f); u.state == verdict.Translated && t != "" {
				fmt.Fprintf(&b, "  <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(trg), tmxInline(t, u.source))
			}
			b.WriteString(" </tu>\n")
		}
	}
	b.WriteString("</body>\n</tmx>\n")
	return b.Bytes()
}
