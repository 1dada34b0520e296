package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
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
// as <pc>, an atom as <ph>, described for the translator. Each stands for
// the page's own markup, which a translation must keep, once: so a tool is
// told that none may be deleted or copied (canDelete, canCopy "no"); the
// words may move around them, and they around the words.
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
			fmt.Fprintf(&b, `<pc id="%d" canCopy="no" canDelete="no" type="%s"`, t.N, codeType(desc))
			if desc != "" {
				fmt.Fprintf(&b, ` dispStart="%s"`, esc(desc))
			}
			b.WriteString(">")
		case msgtext.Close:
			b.WriteString("</pc>")
		case msgtext.Atom:
			fmt.Fprintf(&b, `<ph id="%d" canCopy="no" canDelete="no" type="%s"`, t.N, codeType(desc))
			if desc != "" {
				fmt.Fprintf(&b, ` disp="%s"`, esc(desc))
			}
			b.WriteString("/>")
		}
	}
	return b.String()
}

// xliffOut writes units as an XLIFF 2.0 document, one <file> per page. A
// message with one text is a <unit> whose id is the message's; one with
// plural forms is a <group> whose id is the message's, holding a <unit>
// for each plural form of the target language, its id the message's id, a
// dot and the form ("ui-reading-time.few"), with a note naming the form
// and counts that take it. Ids are written as XML name tokens (see
// xliffID), and no message's id is another's with a form after a dot:
// go-i18n reads a dot as nesting.
func xliffOut(src, trg string, us []unit) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, `<xliff xmlns="%s" version="2.0" srcLang="%s" trgLang="%s">`+"\n", xliffNS, esc(src), esc(trg))
	file := ""
	n := 0
	for i := range us {
		u := &us[i]
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
		var notes []string
		if u.page != "" {
			notes = append(notes, fmt.Sprintf("<note category=\"location\">%s:%d</note>", esc(u.page), u.line))
		}
		if u.kind != "" {
			notes = append(notes, fmt.Sprintf("<note category=\"kind\">%s</note>", esc(u.kind)))
		}
		if u.source.Description != "" {
			notes = append(notes, fmt.Sprintf("<note category=\"description\">%s</note>", esc(u.source.Description)))
		}
		if len(u.forms) == 0 {
			xliffUnit(&b, "  ", u, u.id, "other", notes)
			continue
		}
		fmt.Fprintf(&b, "  <group id=\"%s\" name=\"%s\">\n", esc(xliffID(u.id)), esc(u.id))
		xliffNotes(&b, "   ", notes)
		for _, f := range u.forms {
			note := f
			if ex := langtag.PluralExample(trg, f); ex != "" {
				note += ": e.g. " + ex
			}
			xliffUnit(&b, "   ", u, u.id+"."+f, f, []string{fmt.Sprintf("<note category=\"plural-form\">%s</note>", esc(note))})
		}
		b.WriteString("  </group>\n")
	}
	if file != "" {
		b.WriteString(" </file>\n")
	}
	b.WriteString("</xliff>\n")
	return b.Bytes()
}

// xliffNotes writes a <notes> element, if there is a note: the schema
// wants one at least.
func xliffNotes(b *bytes.Buffer, indent string, notes []string) {
	if len(notes) == 0 {
		return
	}
	b.WriteString(indent + "<notes>\n")
	for _, n := range notes {
		b.WriteString(indent + " " + n + "\n")
	}
	b.WriteString(indent + "</notes>\n")
}

// xliffUnit writes plural form f of u as a <unit> with id id.
func xliffUnit(b *bytes.Buffer, indent string, u *unit, id, f string, notes []string) {
	fmt.Fprintf(b, "%s<unit id=\"%s\" name=\"%s\">\n", indent, esc(xliffID(id)), esc(id))
	if u.state == verdict.Stale {
		notes = append(notes, fmt.Sprintf("<note category=\"previous-source\">%s</note>", esc(u.previous)),
			fmt.Sprintf("<note category=\"previous-translation\">%s</note>", esc(form(u.old, f))))
	}
	xliffNotes(b, indent+" ", notes)
	state := "initial"
	target := form(u.target, f)
	switch {
	case target == "":
	case u.reviewed:
		state = "reviewed"
	case u.state == verdict.Translated:
		state = "translated"
	}
	fmt.Fprintf(b, "%s <segment state=\"%s\">\n%s  <source>%s</source>\n", indent, state, indent, xliffInline(u.sourceForm(f), u.codes))
	if target != "" {
		fmt.Fprintf(b, "%s  <target>%s</target>\n", indent, xliffInline(target, u.codes))
	}
	fmt.Fprintf(b, "%s </segment>\n%s</unit>\n", indent, indent)
}

// xliffIn reads the targets of an XLIFF 2 document: a unit's is its
// message's, or, in a group, the plural form its id names after the
// group's id and a dot (see xliffOut). The states of a unit's segments
// say what its target is worth (see unitState): a draft is left out and
// counted, and a message whose every unit is reviewed or final is marked
// reviewed.
func xliffIn(file string, data []byte) (*Work, error) {
	d := xmlDecoder(data)
	w := newWork()
	var unit, msg, pform string // the unit, and the message and plural form it holds
	var groups []string         // the ids of the groups the unit is in
	var target *strings.Builder
	targetLine := 0
	var stack []string // open inline elements of the target: "pc", "sc:N", "mrk"
	var us unitState
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
			case "group":
				groups = append(groups, attr("id"))
			case "unit":
				unit, msg, pform = attr("id"), messageID(attr("id")), "other"
				us = unitState{}
				if len(groups) > 0 && groups[len(groups)-1] != "" {
					g := groups[len(groups)-1]
					if f, ok := strings.CutPrefix(unit, g+"."); ok {
						if !catalog.IsForm(f) {
							return fail(fmt.Errorf("unit %s of group %s: %q is no plural form (%s)", unit, g, f, strings.Join(catalog.FormNames, ", ")))
						}
						msg, pform = messageID(g), f
					}
				}
			case "segment":
				if err := us.segment(attr("state")); err != nil {
					return fail(err)
				}
			case "target":
				if unit == "" {
					return fail(errors.New("<target> outside a <unit>"))
				}
				target = &strings.Builder{}
				targetLine, _ = d.InputPos()
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
				// A unit of several segments: its targets join.
				us.target(target.String(), targetLine)
				target = nil
				stack = stack[:0]
			case t.Name.Local == "unit":
				us.done(w, msg, pform)
				unit = ""
			case t.Name.Local == "group" && len(groups) > 0:
				groups = groups[:len(groups)-1]
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
	w.settle()
	return w, nil
}

// unitState gathers what the segments of one XLIFF unit say: its target,
// the join of theirs, and their states.
type unitState struct {
	text     strings.Builder
	line     int  // where its first target is
	targets  bool // a segment has a target
	segments int
	draft    bool // a segment is in state initial
	reviewed int  // segments in state reviewed or final
}

// segment notes the state of a segment of the unit. A segment that says
// no state is taken as translated, though the standard's default is
// initial: files written by tools that leave the attribute out were taken
// before states were read, and a translator's target is worth keeping.
func (u *unitState) segment(state string) error {
	u.segments++
	switch state {
	case "initial":
		u.draft = true
	case "reviewed", "final":
		u.reviewed++
	case "", "translated":
	default:
		return fmt.Errorf("<segment state=%q>: XLIFF 2 has the states initial, translated, reviewed and final", state)
	}
	return nil
}

// target adds the target of a segment (or an <ignorable>) of the unit.
func (u *unitState) target(text string, line int) {
	if !u.targets {
		u.line = line
	}
	u.targets = true
	u.text.WriteString(text)
}

// done records the unit in w as plural form f of message msg: its target
// taken, or, if a segment is a draft, left out and counted.
func (u *unitState) done(w *Work, msg, f string) {
	if u.draft {
		if u.text.Len() > 0 {
			w.drafts[msg] = true
		}
		w.unreviewed[msg] = true
		return
	}
	if u.targets {
		w.add(msg, f, u.text.String(), u.line)
	}
	if !u.targets || u.reviewed == 0 || u.reviewed < u.segments {
		w.unreviewed[msg] = true
	} else {
		w.Reviewed[msg] = true
	}
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
