package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/verdict"
)

// xliffNS is the namespace of XLIFF 2.0 and 2.1 documents.
const xliffNS = "urn:oasis:names:tc:xliff:document:2.0"

func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// codeType maps a placeholder's description to XLIFF's type of inline code.
func codeType(desc string) string {
	switch {
	case strings.HasPrefix(desc, "link"), strings.HasPrefix(desc, "web address"):
		return "link"
	case strings.HasPrefix(desc, "image"):
		return "image"
	case strings.HasPrefix(desc, "emphasis"), strings.HasPrefix(desc, "strong"), strings.HasPrefix(desc, "struck"):
		return "fmt"
	}
	return "other"
}

// xliffInline writes message text as XLIFF inline content: a pair of tags
// as <pc>, an atom as <ph>, described for the translator.
func xliffInline(s string, codes []string) string {
	var b strings.Builder
	for _, t := range msgtext.Parse(s) {
		desc := ""
		if t.N > 0 && t.N <= len(codes) {
			desc = codes[t.N-1]
		}
		switch t.Kind {
		case msgtext.Text:
			b.WriteString(esc(t.Text))
		case msgtext.Open:
			fmt.Fprintf(&b, `<pc id="%d" type="%s"`, t.N, codeType(desc))
			if desc != "" {
				fmt.Fprintf(&b, ` dispStart="%s"`, esc(desc))
			}
			b.WriteString(">")
		case msgtext.Close:
			b.WriteString("</pc>")
		case msgtext.Atom:
			fmt.Fprintf(&b, `<ph id="%d" type="%s"`, t.N, codeType(desc))
			if desc != "" {
				fmt.Fprintf(&b, ` disp="%s"`, esc(desc))
			}
			b.WriteString("/>")
		}
	}
	return b.String()
}

// xliffOut writes units as an XLIFF 2.0 document, one <file> per page.
func xliffOut(src, trg string, us []unit) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<xliff xmlns="%s" version="2.0" srcLang="%s" trgLang="%s">`+"\n", xliffNS, esc(src), esc(trg))
	file := ""
	n := 0
	for _, u := range us {
		page := u.page
		if page == "" {
			page = "(no page)"
		}
		if page != file {
			if file != "" {
				b.WriteString(" </file>\n")
			}
			n++
			fmt.Fprintf(&b, " <file id=\"f%d\" original=\"%s\">\n", n, esc(page))
			file = page
		}
		fmt.Fprintf(&b, "  <unit id=\"%s\" name=\"%s\">\n   <notes>\n", esc(u.id), esc(u.id))
		if u.page != "" {
			fmt.Fprintf(&b, "    <note category=\"location\">%s:%d</note>\n", esc(u.page), u.line)
		}
		if u.kind != "" {
			fmt.Fprintf(&b, "    <note category=\"kind\">%s</note>\n", esc(u.kind))
		}
		if u.state == verdict.Stale {
			fmt.Fprintf(&b, "    <note category=\"previous-source\">%s</note>\n", esc(u.previous))
			fmt.Fprintf(&b, "    <note category=\"previous-translation\">%s</note>\n", esc(u.old))
		}
		b.WriteString("   </notes>\n")
		state := "initial"
		switch {
		case u.reviewed:
			state = "reviewed"
		case u.state == verdict.Translated:
			state = "translated"
		}
		fmt.Fprintf(&b, "   <segment state=\"%s\">\n    <source>%s</source>\n", state, xliffInline(u.source, u.codes))
		if u.target != "" {
			fmt.Fprintf(&b, "    <target>%s</target>\n", xliffInline(u.target, u.codes))
		}
		b.WriteString("   </segment>\n  </unit>\n")
	}
	if file != "" {
		b.WriteString(" </file>\n")
	}
	b.WriteString("</xliff>\n")
	return b.Bytes()
}

// xliffIn reads the targets of an XLIFF 2 document.
func xliffIn(file string, data []byte) (*Work, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	w := &Work{Translations: map[string]string{}, Lines: map[string]int{}}
	var unit string
	var target *strings.Builder
	var stack []string // open inline elements of the target: "pc", "sc:N", "mrk"
	fail := func(err error) (*Work, error) {
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			return nil, fileerr.At(file, se.Line, 0, errors.New(se.Msg))
		}
		line, col := d.InputPos()
		return nil, fileerr.At(file, line, col, err)
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
			if t.Name.Space != xliffNS {
				continue
			}
			attr := func(name string) string {
				for _, a := range t.Attr {
					if a.Name.Local == name && a.Name.Space == "" {
						return a.Value
					}
				}
				return ""
			}
			switch t.Name.Local {
			case "xliff":
				w.Lang = attr("trgLang")
				if w.Lang == "" {
					return fail(errors.New("the <xliff> element has no trgLang: which language is this?"))
				}
			case "unit":
				unit = attr("id")
			case "target":
				if unit == "" {
					return fail(errors.New("<target> outside a <unit>"))
				}
				target = &strings.Builder{}
				line, _ := d.InputPos()
				w.Lines[unit] = line
			case "pc":
				if target != nil {
					target.WriteString(msgtext.OpenTag(codeID(attr("id"))))
					stack = append(stack, "pc:"+attr("id"))
				}
			case "ph":
				if target != nil {
					target.WriteString(msgtext.AtomTag(codeID(attr("id"))))
					stack = append(stack, "ph")
				}
			case "sc":
				if target != nil {
					target.WriteString(msgtext.OpenTag(codeID(attr("id"))))
					stack = append(stack, "ph")
				}
			case "ec":
				if target != nil {
					target.WriteString(msgtext.CloseTag(codeID(attr("startRef"))))
					stack = append(stack, "ph")
				}
			default:
				if target != nil {
					stack = append(stack, "other") // mrk, and the like: their content counts
				}
			}
		case xml.EndElement:
			if t.Name.Space != xliffNS {
				continue
			}
			switch {
			case t.Name.Local == "target" && target != nil:
				if prev, ok := w.Translations[unit]; ok && prev != "" {
					// A unit of several segments: its targets join.
					w.Translations[unit] = prev + target.String()
				} else {
					w.Translations[unit] = target.String()
				}
				target = nil
				stack = stack[:0]
			case t.Name.Local == "unit":
				unit = ""
			case target != nil && len(stack) > 0:
				top := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				if strings.HasPrefix(top, "pc:") {
					target.WriteString(msgtext.CloseTag(codeID(top[3:])))
				}
			}
		case xml.CharData:
			if target != nil {
				target.Write(t)
			}
		}
	}
	if w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("not an XLIFF 2 document: no <xliff> element in its namespace"))
	}
	return w, nil
}

// codeID reads an inline code's id, which glot writes as its placeholder's
// number; an id that is not a number is kept as a tag no source has, so
// that the translation is refused rather than misread.
func codeID(id string) int {
	n, err := strconv.Atoi(id)
	if err != nil || n <= 0 {
		return 9999
	}
	return n
}
