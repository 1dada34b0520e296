package exchange

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

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
// words may move around them, and they around the words. A template
// field is a <ph> too, its text kept in the unit's <originalData> (see
// fieldCodes): the text of a source when target is false, of a target when
// it is true. A form of a plural message may drop a field ("one minute"
// needs no {{.Count}}), so there its codes may be deleted.
func xliffInline(s string, u *unit, fc *fieldCodes, target bool) string {
	var b strings.Builder
	for _, t := range pieces(s, u.source) {
		desc := ""
		if t.N > 0 && t.N <= len(u.codes) {
			desc = u.codes[t.N-1]
		}
		switch {
		case t.field:
			del := ` canDelete="no"`
			if len(u.forms) > 0 {
				del = ""
			}
			fmt.Fprintf(&b, `<ph id="%s" canCopy="no"%s disp="%s" dataRef="%s"/>`, fc.code(t.Text, target), del, esc(t.Text), fc.dataID(t.Text))
		case t.Kind == msgtext.Text:
			b.WriteString(esc(t.Text))
		case t.Kind == msgtext.Open:
			fmt.Fprintf(&b, `<pc id="%d" canCopy="no" canDelete="no" type="%s"`, t.N, codeType(desc))
			if desc != "" {
				fmt.Fprintf(&b, ` dispStart="%s"`, esc(desc))
			}
			b.WriteString(">")
		case t.Kind == msgtext.Close:
			b.WriteString("</pc>")
		case t.Kind == msgtext.Atom:
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
		if u.where != "" {
			notes = append(notes, fmt.Sprintf("<note category=\"context\">%s</note>", esc(u.where)))
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

// xliffUnit writes plural form f of u as a <unit> with id id: its notes,
// the original text of its template fields, and one segment.
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
	fc := newFieldCodes()
	source := xliffInline(u.sourceForm(f), u, fc, false)
	if target != "" {
		target = xliffInline(target, u, fc, true)
	}
	if len(fc.data) > 0 {
		// The schema has <originalData> after the notes, before the
		// segments; <data> keeps its white space as it is.
		fmt.Fprintf(b, "%s <originalData>\n", indent)
		for i, d := range fc.data {
			fmt.Fprintf(b, "%s  <data id=\"d%d\">%s</data>\n", indent, i+1, esc(d))
		}
		fmt.Fprintf(b, "%s </originalData>\n", indent)
	}
	fmt.Fprintf(b, "%s <segment state=\"%s\">\n%s  <source>%s</source>\n", indent, state, indent, source)
	if target != "" {
		fmt.Fprintf(b, "%s  <target>%s</target>\n", indent, target)
	}
	fmt.Fprintf(b, "%s </segment>\n%s</unit>\n", indent, indent)
}

// unitLog holds where the unit of each message and plural form read so
// far is, so that a second is a fault naming both.
type unitLog map[string]int

// once records the unit at line for plural form f of message msg, named
// name in the file; it reports false, recording a fault, if the file has
// had one for it already.
func (l unitLog) once(w *Work, line int, msg, f, name string) bool {
	key := msg + "\x00" + f
	if first, ok := l[key]; ok {
		w.fault(line, msg, "unit %s: a second unit for it (the first is at line %d): which is the translation?", name, first)
		return false
	}
	l[key] = line
	return true
}

// dropFaulty leaves out of w every translation of a message that has a
// faulty unit: a message is taken whole or not at all.
func dropFaulty(w *Work) {
	for _, f := range w.Faults {
		if f.ID == "" {
			continue
		}
		delete(w.Translations, f.ID)
		delete(w.Lines, f.ID)
		delete(w.Sources, f.ID)
		delete(w.Reviewed, f.ID)
		delete(w.drafts, f.ID)
		w.unreviewed[f.ID] = true
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
