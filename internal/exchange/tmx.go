package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
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
// and its translation where it has one in force.
func tmxOut(src, trg string, us []unit) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">\n")
	fmt.Fprintf(&b, "<header creationtool=\"glot\" creationtoolversion=\"1\" datatype=\"plaintext\" segtype=\"block\" adminlang=\"en\" srclang=\"%s\" o-tmf=\"glot\"/>\n<body>\n", esc(src))
	for _, u := range us {
		fmt.Fprintf(&b, " <tu tuid=\"%s\">\n", esc(u.id))
		if u.page != "" {
			fmt.Fprintf(&b, "  <prop type=\"x-location\">%s:%d</prop>\n", esc(u.page), u.line)
		}
		fmt.Fprintf(&b, "  <prop type=\"x-state\">%s</prop>\n", u.state)
		fmt.Fprintf(&b, "  <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(src), tmxInline(u.source))
		if u.state == verdict.Translated {
			fmt.Fprintf(&b, "  <tuv xml:lang=\"%s\"><seg>%s</seg></tuv>\n", esc(trg), tmxInline(u.target))
		}
		b.WriteString(" </tu>\n")
	}
	b.WriteString("</body>\n</tmx>\n")
	return b.Bytes()
}

// tmxIn reads the translations of a TMX memory: in each <tu> whose tuid is
// a message id, the <tuv> that is not in the source language.
func tmxIn(file string, data []byte) (*Work, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	w := &Work{Translations: map[string]string{}, Lines: map[string]int{}}
	var srcLang, tu, lang string
	var seg *strings.Builder
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
			case "tuv":
				lang = attr(t, "lang")
			case "seg":
				if tu != "" && lang != "" && !strings.EqualFold(lang, srcLang) {
					seg = &strings.Builder{}
					line, _ := d.InputPos()
					w.Lines[tu] = line
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
						w.Translations[tu] = seg.String()
					}
					seg = nil
				}
			case "tu":
				tu = ""
			case "bpt", "ept", "ph":
				code = ""
			}
		case xml.CharData:
			if seg != nil && code == "" {
				seg.Write(t)
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
