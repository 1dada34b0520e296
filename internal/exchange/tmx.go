package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/verdict"
)

// tmxInline writes message text as TMX 1.4 segment content: a pair of tags
// as <bpt>/<ept>, an atom as <ph>, each holding glot's own tag as its code.
func tmxInline(s string) string {
	var b strings.Builder
	for _, t := range msgtext.Parse(s) {
		switch t.Kind {
		case msgtext.Text:
			b.WriteString(esc(t.Text))
		case msgtext.Open:
			fmt.Fprintf(&b, `<bpt i="%d" x="%d">%s</bpt>`, t.N, t.N, esc(t.Text))
		case msgtext.Close:
			fmt.Fprintf(&b, `<ept i="%d">%s</ept>`, t.N, esc(t.Text))
		case msgtext.Atom:
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
			fmt.Fprintf(&b, "  <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(src), tmxInline(u.sourceForm(f)))
			if t := form(u.target, f); u.state == verdict.Translated && t != "" {
				fmt.Fprintf(&b, "  <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(trg), tmxInline(t))
			}
			b.WriteString(" </tu>\n")
		}
	}
	b.WriteString("</body>\n</tmx>\n")
	return b.Bytes()
}

// tmxIn reads the translations of a TMX memory: in each <tu> whose tuid is
// a message id, the <tuv> that is not in the source language. A <tu> with
// an x-plural-form prop holds that plural form of the message its
// x-message prop names (or, without one, its tuid names before the dot).
func tmxIn(file string, data []byte) (*Work, error) {
	d := xmlDecoder(data)
	w := newWork()
	var srcLang, tu, lang string
	var seg *strings.Builder
	segLine := 0
	type translation struct {
		text string
		line int
	}
	var segs []translation // the translations of the <tu>
	var props map[string]string
	var prop string // the type of the <prop> being read
	var propText *strings.Builder
	xs := map[string]string{} // bpt i -> x, to number the ept that closes it
	var code string           // the element whose content is a native code
	fail := func(err error) (*Work, error) {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, fileerr.At(file, se.Line, 0, errors.New(se.Msg))
		}
		line, col := d.InputPos()
		return nil, fileerr.At(file, line, col, err)
	}
	attr := func(t xml.StartElement, name string) string {
		for _, a := range t.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "header":
				srcLang = attr(t, "srclang")
			case "tu":
				tu = attr(t, "tuid")
				segs, props = nil, map[string]string{}
			case "prop":
				if tu != "" {
					prop, propText = attr(t, "type"), &strings.Builder{}
				}
			case "tuv":
				lang = attr(t, "lang")
			case "seg":
				if tu != "" && lang != "" && !strings.EqualFold(lang, srcLang) {
					seg = &strings.Builder{}
					segLine, _ = d.InputPos()
				}
			case "bpt":
				if seg != nil {
					x := attr(t, "x")
					xs[attr(t, "i")] = x
					seg.WriteString(msgtext.OpenTag(codeID(x)))
				}
				code = "bpt"
			case "ept":
				if seg != nil {
					seg.WriteString(msgtext.CloseTag(codeID(xs[attr(t, "i")])))
				}
				code = "ept"
			case "ph":
				if seg != nil {
					seg.WriteString(msgtext.AtomTag(codeID(attr(t, "x"))))
				}
				code = "ph"
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "seg":
				if seg != nil {
					if w.Lang == "" {
						w.Lang = lang
					}
					if lang == w.Lang {
						segs = append(segs, translation{seg.String(), segLine})
					}
					seg = nil
				}
			case "prop":
				if propText != nil {
					props[prop] = propText.String()
					propText = nil
				}
			case "tu":
				if tu != "" && len(segs) > 0 {
					id, f := tu, "other"
					if pf, ok := props["x-plural-form"]; ok {
						f = strings.TrimSpace(pf)
						if !catalog.IsForm(f) {
							line, _ := d.InputPos()
							return nil, fileerr.At(file, line, 0, fmt.Errorf("tu %s: %q is no plural form (%s)", tu, f, strings.Join(catalog.FormNames, ", ")))
						}
						if m := strings.TrimSpace(props["x-message"]); m != "" {
							id = m
						} else {
							id = strings.TrimSuffix(tu, "."+f)
						}
					}
					// Of several translations in the language, the last
					// stands, as a later <tu> of the same tuid does.
					last := segs[len(segs)-1]
					w.set(id, f, last.text, last.line)
				}
				tu = ""
			case "bpt", "ept", "ph":
				code = ""
			}
		case xml.CharData:
			if seg != nil && code == "" {
				seg.Write(t)
			}
			if propText != nil {
				propText.Write(t)
			}
		}
	}
	if srcLang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("not a TMX memory: no <header srclang>"))
	}
	if w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("the memory has no translation: no <tuv> in a language other than "+srcLang))
	}
	return w, nil
}
