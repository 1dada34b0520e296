package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// xliffIn reads the targets of an XLIFF 2 document: a unit's is its
// message's, or, in a group, the plural form its id names after the
// group's id and a dot (see xliffOut). A unit a tool split into segments
// is read whole (see xliffUnitIn.done). The states of a unit's segments
// say what its target is worth: a draft is left out and counted, and a
// message whose every unit is reviewed or final is marked reviewed. An
// element of another namespace (a module's, a tool's own) is passed over
// with all it holds: the <source> and <target> of a translation memory's
// match are not the unit's.
func xliffIn(file string, data []byte) (*Work, error) {
	r := &xliffReader{w: newWork(), seen: unitLog{}}
	if err := walkXML(file, data, r); err != nil {
		return nil, err
	}
	if r.w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("not an XLIFF 2 document: no <xliff> element in its namespace"))
	}
	dropFaulty(r.w)
	r.w.settle()
	return r.w, nil
}

// xliffReader is the walk of an XLIFF 2 document, element by element,
// into w.
type xliffReader struct {
	w      *Work
	seen   unitLog
	groups []string     // the ids of the groups the unit is in
	u      *xliffUnitIn // the unit being read
	part   *xliffPart   // its segment or ignorable being read
	text   *inlineText  // the <source>, <target> or <data> being read
	dataID string       // the id of the <data> being read
}

// start reads the start of an element: in a text, an inline code (see
// inlineText); elsewhere, an element of the document. An element of
// another namespace is passed over.
func (r *xliffReader) start(t xml.StartElement, line int) (bool, error) {
	if t.Name.Space != xliffNS {
		return true, nil
	}
	attr := attrOf(t)
	if r.text != nil {
		return false, r.text.start(t.Name.Local, attr)
	}
	switch t.Name.Local {
	case "xliff":
		r.w.Lang = attr("trgLang")
		if r.w.Lang == "" {
			return false, errors.New("the <xliff> element has no trgLang: which language is this?")
		}
		r.w.SourceLang, r.w.sourceLangLine = attr("srcLang"), line
	case "group":
		r.groups = append(r.groups, attr("id"))
	case "unit":
		return false, r.unit(attr, line)
	case "data":
		if r.u != nil {
			r.dataID = attr("id")
			r.text = &inlineText{u: r.u, b: &strings.Builder{}}
		}
	case "segment", "ignorable":
		return false, r.segment(t.Name.Local, attr)
	case "source", "target":
		return false, r.content(t.Name.Local, attr, line)
	}
	return false, nil
}

// unit starts a <unit>: of its message, or, in a group, of the plural
// form its id names after the group's.
func (r *xliffReader) unit(attr func(string) string, line int) error {
	r.u = &xliffUnitIn{id: attr("id"), msg: messageID(attr("id")), form: "other", line: line,
		data: map[string]string{}, fields: map[string]string{}}
	if len(r.groups) == 0 || r.groups[len(r.groups)-1] == "" {
		return nil
	}
	g := r.groups[len(r.groups)-1]
	f, ok := strings.CutPrefix(r.u.id, g+".")
	if !ok {
		return nil
	}
	if !catalog.IsForm(f) {
		return fmt.Errorf("unit %s of group %s: %q is no plural form (%s)", r.u.id, g, f, strings.Join(catalog.FormNames, ", "))
	}
	r.u.msg, r.u.form = messageID(g), f
	return nil
}

// segment starts a <segment> or an <ignorable> of the unit.
func (r *xliffReader) segment(name string, attr func(string) string) error {
	if r.u == nil {
		return fmt.Errorf("<%s> outside a <unit>", name)
	}
	r.part = &xliffPart{segment: name == "segment", state: attr("state")}
	if err := checkState(r.part.state); err != nil {
		return err
	}
	r.u.parts = append(r.u.parts, r.part)
	return nil
}

// content starts the <source> or <target> of the segment or ignorable.
func (r *xliffReader) content(name string, attr func(string) string, line int) error {
	if r.u == nil {
		return fmt.Errorf("<%s> outside a <unit>", name)
	}
	if r.part == nil {
		return fmt.Errorf("<%s> outside a <segment> or <ignorable>", name)
	}
	if name == "source" {
		r.text = &inlineText{u: r.u, b: &r.part.source, source: true}
		return nil
	}
	r.part.hasTarget, r.part.line = true, line
	if o := attr("order"); o != "" {
		n, err := strconv.Atoi(o)
		if err != nil || n < 1 {
			return fmt.Errorf("<target order=%q>: the order is a number from 1", o)
		}
		r.part.order = n
	}
	r.text = &inlineText{u: r.u, b: &r.part.target}
	return nil
}

// end reads the end of an element: of an inline code or the element that
// holds the text, or of a segment, a unit or a group.
func (r *xliffReader) end(t xml.EndElement, _ int) error {
	if r.text != nil {
		if !r.text.end() {
			// The element that holds the text closes.
			if t.Name.Local == "data" {
				r.u.data[r.dataID] = r.text.b.String()
			}
			r.text = nil
		}
		return nil
	}
	switch t.Name.Local {
	case "segment", "ignorable":
		r.part = nil
	case "unit":
		if r.u != nil {
			r.u.done(r.w, r.seen)
		}
		r.u = nil
	case "group":
		if len(r.groups) > 0 {
			r.groups = r.groups[:len(r.groups)-1]
		}
	}
	return nil
}

// chars reads the text of a <source>, <target> or <data>; any other is
// the layout of the file.
func (r *xliffReader) chars(s xml.CharData) {
	if r.text != nil {
		r.text.b.Write(s)
	}
}

// checkState refuses a segment state XLIFF 2 does not have.
func checkState(state string) error {
	switch state {
	case "", "initial", "translated", "reviewed", "final":
		return nil
	}
	return fmt.Errorf("<segment state=%q>: XLIFF 2 has the states initial, translated, reviewed and final", state)
}

// xliffUnitIn is an XLIFF 2 unit being read: plural form form of message
// msg, in segments and ignorables.
type xliffUnitIn struct {
	id, msg, form string
	line          int
	data          map[string]string // its <originalData>, by id
	fields        map[string]string // the template fields of its source, by code id
	parts         []*xliffPart
}

// xliffPart is a <segment> or an <ignorable> of a unit.
type xliffPart struct {
	segment        bool
	state          string
	source, target strings.Builder
	hasTarget      bool
	order          int // its target's order, 0 where it says none
	line           int // where its target is
}

// done records unit u in w. Its target is the join of its segments' and
// its ignorables' targets, in the order their order attributes say, or as
// they stand; an ignorable without a target stands for its source, which
// is what lies between the segments (XLIFF 2.1, "Best Practice for
// Mergers": an <ignorable>'s target can be made "any time by simply
// copying the content of the sibling <source>"). Its source is the join of
// their sources, as they stand.
//
// A unit is untranslated when no segment has a target; when some have
// and others have none (and a source), it is a fault: half a paragraph is
// not its translation. One whose segments are not all translated,
// reviewed or final is a draft (see unitState). A second unit of the same
// message and plural form is a fault, wherever it is in the file.
func (u *xliffUnitIn) done(w *Work, seen unitLog) {
	if !seen.once(w, u.line, u.msg, u.form, u.id) {
		return
	}
	var st unitState
	segments, missing, line := 0, 0, 0
	for _, p := range u.parts {
		if !p.segment {
			continue
		}
		segments++
		st.segment(p.state)
		switch {
		case p.hasTarget && p.target.Len() > 0:
			if line == 0 {
				line = p.line
			}
		case strings.TrimSpace(p.source.String()) != "" && missing == 0:
			missing = segments
		}
	}
	switch {
	case line == 0:
		w.unreviewed[u.msg] = true
		return
	case missing > 0:
		w.fault(u.line, u.msg, "unit %s: segment %d of %d has no target: a partly translated unit is not taken", u.id, missing, segments)
		return
	case st.draft:
		w.drafts[u.msg] = true
		w.unreviewed[u.msg] = true
		return
	}
	target, err := u.target()
	if err != nil {
		w.fault(u.line, u.msg, "unit %s: %v", u.id, err)
		return
	}
	var source strings.Builder
	for _, p := range u.parts {
		source.WriteString(p.source.String())
	}
	w.set(u.msg, u.form, target, line)
	w.source(u.msg, u.form, source.String())
	if st.reviewed == segments {
		w.Reviewed[u.msg] = true
	} else {
		w.unreviewed[u.msg] = true
	}
}

// target joins the targets of the unit's parts in the order they say: a
// target with no order attribute stays where its part is.
func (u *xliffUnitIn) target() (string, error) {
	texts := make([]string, len(u.parts))
	taken := make([]bool, len(u.parts))
	for i, p := range u.parts {
		at := i
		if p.order > 0 {
			at = p.order - 1
		}
		if at >= len(u.parts) || taken[at] {
			return "", fmt.Errorf("target order %d is not a place of its own among the %d segments and ignorables", at+1, len(u.parts))
		}
		taken[at] = true
		texts[at] = p.target.String()
		if !p.hasTarget && !p.segment {
			texts[at] = p.source.String()
		}
	}
	return strings.Join(texts, ""), nil
}

// unitState gathers the states of the segments of one XLIFF unit.
type unitState struct {
	draft    bool // a segment is in state initial
	reviewed int  // segments in state reviewed or final
}

// segment notes the state of a segment of the unit. A segment that says
// no state is taken as translated, though the standard's default is
// initial: files written by tools that leave the attribute out were taken
// before states were read, and a translator's target is worth keeping.
func (u *unitState) segment(state string) {
	switch state {
	case "initial":
		u.draft = true
	case "reviewed", "final":
		u.reviewed++
	}
}

// inlineText reads the content of a <source>, <target> or <data> into
// glot's tag notation: <pc> and <sc>/<ec> as a pair of tags, a <ph> as an
// atom or a template field (see xliffUnitIn.ph), a <cp> as its character;
// the words of a <mrk> and the like count.
type inlineText struct {
	u      *xliffUnitIn
	b      *strings.Builder
	source bool
	stack  []string // the inline elements open: "pc:ID" for a <pc>, "" for another
}

// start reads the start of inline element name.
func (x *inlineText) start(name string, attr func(string) string) error {
	open := ""
	switch name {
	case "pc":
		x.b.WriteString(msgtext.OpenTag(codeID(attr("id"))))
		open = "pc:" + attr("id")
	case "ph":
		x.b.WriteString(x.u.ph(attr("id"), attr("dataRef"), x.source))
	case "sc":
		x.b.WriteString(msgtext.OpenTag(codeID(attr("id"))))
	case "ec":
		x.b.WriteString(msgtext.CloseTag(codeID(attr("startRef"))))
	case "cp":
		n, err := strconv.ParseUint(attr("hex"), 16, 32)
		if err != nil || n > unicode.MaxRune {
			return fmt.Errorf("<cp hex=%q>: no code point", attr("hex"))
		}
		x.b.WriteRune(rune(n))
	}
	x.stack = append(x.stack, open)
	return nil
}

// end reads the end of the inline element last opened; it reports false
// when none is open: the element that holds the text ends.
func (x *inlineText) end() bool {
	if len(x.stack) == 0 {
		return false
	}
	top := x.stack[len(x.stack)-1]
	x.stack = x.stack[:len(x.stack)-1]
	if id, ok := strings.CutPrefix(top, "pc:"); ok {
		x.b.WriteString(msgtext.CloseTag(codeID(id)))
	}
	return true
}

// ph reads a <ph>: a placeholder atom, its id its number, or a template
// field, its id one glot gives fields (see fieldCodes) and its text the
// <data> its dataRef names, or, with no dataRef, that of the source's
// field of the same id. A field glot cannot find is a code no source
// has, never text, so that merge refuses it.
func (u *xliffUnitIn) ph(id, ref string, source bool) string {
	if !isFieldCode(id) {
		return msgtext.AtomTag(codeID(id))
	}
	var text string
	var ok bool
	if ref != "" {
		text, ok = u.data[ref]
	} else {
		text, ok = u.fields[id]
	}
	if !ok {
		return unknownCode
	}
	if source {
		u.fields[id] = text
	}
	return text
}
