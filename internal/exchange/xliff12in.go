package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// unit12 is a <trans-unit> of an XLIFF 1.2 document, as read.
type unit12 struct {
	id, resname    string
	group          *group12 // its plural group, nil for none
	index          int      // the number of its plural form in the group
	line           int
	source, target strings.Builder
	targetLine     int
	state          string
	approved       bool
	skip           bool              // translate="no", or a gettext header
	fields         map[string]string // the template fields of its source, by code id
}

// group12 is a plural group: restype x-gettext-plurals.
type group12 struct {
	id, resname string
	line        int
	units       []*unit12
}

// xliff12In reads an XLIFF 1.2 (or 1.1) document. A <trans-unit> is its
// resname's message; in a plural group (restype x-gettext-plurals), the
// group's resname is the message and each trans-unit the plural form its
// number says ("[2]" at the end of its id, or its place in the group),
// numbered as glot's PO export numbers them. A unit with no resname, as
// po2xliff writes them, is named by its source alone (Work.BySource). The
// target's state says what it is worth: new, needs-translation and the
// other needs-* states are drafts, not taken; translated, signed-off and
// final are taken, and signed-off, final or approved="yes" count as
// reviewed. A target with no state is taken as translated, as in XLIFF
// 2. The languages are the <file>'s, or, where po2xliff writes no
// target-language, those of the gettext header it keeps as a unit.
func xliff12In(file string, data []byte) (*Work, error) {
	r := &xliff12Reader{w: newWork(), langs: map[string]int{}}
	if err := walkXML(file, data, r); err != nil {
		return nil, err
	}
	if r.ns != xliff12NS && r.ns != xliff11NS {
		return nil, fileerr.At(file, 0, 0, errors.New("not an XLIFF 1.2 document: no <xliff> element in its namespace"))
	}
	w := r.w
	h := gettextHeader(r.header)
	if w.Lang == "" {
		w.Lang = h["Language"]
	}
	if w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("no <file> says its target-language: which language is this?"))
	}
	if l := h["X-Source-Language"]; l != "" {
		// po2xliff says en-US of every PO file; the header glot wrote in
		// it says what the sources are.
		w.SourceLang, r.srcLine = l, r.headerLine
	}
	w.sourceLangLine = r.srcLine
	forms, err := pluralNumbering(w, r.units, h["Plural-Forms"])
	if err != nil {
		return nil, fileerr.At(file, r.headerLine, 0, err)
	}
	if err := take12(w, r.units, forms); err != nil {
		return nil, fileerr.At(file, err.line, 0, err.err)
	}
	dropFaulty(w)
	w.settle()
	return w, nil
}

// xliff12Reader is the walk of an XLIFF 1.2 document, element by element:
// its units, in file order, and the languages it says.
type xliff12Reader struct {
	w          *Work
	units      []*unit12
	groups     []*group12 // the groups the unit is in; nil for one that is no plural group
	u          *unit12    // the unit being read
	text       *inline12  // the <source> or <target> being read
	ns         string     // the namespace of the root, the document's
	header     string     // the gettext header po2xliff keeps as a unit
	headerLine int        // where it is
	srcLine    int        // where the file says its source language
	langs      map[string]int
}

// start reads the start of an element: in a text, an inline code (see
// inline12); elsewhere, an element of the document. An element of
// another namespace than the root's, or one that holds no translation, is
// passed over.
func (r *xliff12Reader) start(t xml.StartElement, line int) (bool, error) {
	if r.ns == "" {
		r.ns = t.Name.Space
	}
	if t.Name.Space != r.ns {
		return true, nil
	}
	attr := attrOf(t)
	if r.text != nil {
		r.text.start(t.Name.Local, attr)
		return false, nil
	}
	switch t.Name.Local {
	case "file":
		return false, r.file(attr, line)
	case "header", "alt-trans", "seg-source", "context-group", "count-group", "bin-unit", "note":
		// Matches, segmentation and notes hold no translation.
		return true, nil
	case "group":
		var g *group12
		if attr("restype") == "x-gettext-plurals" {
			g = &group12{id: attr("id"), resname: attr("resname"), line: line}
		}
		r.groups = append(r.groups, g)
	case "trans-unit":
		r.transUnit(attr, line)
	case "source", "target":
		return false, r.content(t.Name.Local, attr, line)
	}
	return false, nil
}

// file reads the languages of a <file>: every one of the document must
// say the same target language.
func (r *xliff12Reader) file(attr func(string) string, line int) error {
	if l := attr("target-language"); l != "" {
		if _, ok := r.langs[l]; !ok && len(r.langs) > 0 {
			return fmt.Errorf("<file> says target-language %s, another %s: a file holds one language's work", l, r.w.Lang)
		}
		r.langs[l] = line
		r.w.Lang = l
	}
	if r.w.SourceLang == "" {
		r.w.SourceLang, r.srcLine = attr("source-language"), line
	}
	return nil
}

// transUnit starts a <trans-unit>: in a plural group, the plural form its
// number says, "[2]" at the end of its id, or else its place in the group.
func (r *xliff12Reader) transUnit(attr func(string) string, line int) {
	header := attr("restype") == "x-gettext-domain-header"
	u := &unit12{id: attr("id"), resname: attr("resname"), line: line, approved: attr("approved") == "yes", fields: map[string]string{},
		skip: attr("translate") == "no" || header}
	if header {
		r.headerLine = line
	}
	if len(r.groups) > 0 && r.groups[len(r.groups)-1] != nil {
		g := r.groups[len(r.groups)-1]
		u.group, u.index = g, len(g.units)
		if i := strings.LastIndexByte(u.id, '['); i >= 0 && strings.HasSuffix(u.id, "]") {
			if n, err := strconv.Atoi(u.id[i+1 : len(u.id)-1]); err == nil && n >= 0 {
				u.index = n
			}
		}
		g.units = append(g.units, u)
	}
	r.units = append(r.units, u)
	r.u = u
}

// content starts the <source> or <target> of the unit.
func (r *xliff12Reader) content(name string, attr func(string) string, line int) error {
	if r.u == nil {
		return fmt.Errorf("<%s> outside a <trans-unit>", name)
	}
	if name == "source" {
		r.text = &inline12{u: r.u, b: &r.u.source, source: true}
		return nil
	}
	r.u.state, r.u.targetLine = attr("state"), line
	if err := checkState12(r.u.state); err != nil {
		return err
	}
	r.text = &inline12{u: r.u, b: &r.u.target}
	return nil
}

// end reads the end of an element: of an inline code or of the text, or
// of a unit, which may be the gettext header, or a group.
func (r *xliff12Reader) end(t xml.EndElement, _ int) error {
	if r.text != nil {
		if !r.text.end() {
			r.text = nil
		}
		return nil
	}
	switch t.Name.Local {
	case "trans-unit":
		if u := r.u; u != nil && u.skip && u.line == r.headerLine {
			r.header = u.target.String()
			if r.header == "" {
				r.header = u.source.String()
			}
		}
		r.u = nil
	case "group":
		if len(r.groups) > 0 {
			r.groups = r.groups[:len(r.groups)-1]
		}
	}
	return nil
}

// chars reads the text of a <source> or <target>.
func (r *xliff12Reader) chars(s xml.CharData) {
	if r.text != nil {
		r.text.write(s)
	}
}

// checkState12 refuses a target state XLIFF 1.2 does not have; a tool's
// own (x-…) is taken as translated.
func checkState12(state string) error {
	switch {
	case state == "", strings.HasPrefix(state, "x-"), isDraft12(state), state == "translated", state == "signed-off", state == "final":
		return nil
	}
	return fmt.Errorf("<target state=%q>: XLIFF 1.2 has the states new, needs-translation, needs-adaptation, needs-l10n, needs-review-translation, needs-review-adaptation, needs-review-l10n, translated, signed-off and final", state)
}

// isDraft12 reports whether a target in state is a draft.
func isDraft12(state string) bool {
	return state == "new" || strings.HasPrefix(state, "needs-")
}

// gettextHeader reads the fields of a PO header.
func gettextHeader(s string) map[string]string {
	h := map[string]string{}
	for _, l := range strings.Split(s, "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok {
			h[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return h
}

// pluralNumbering returns the plural forms of w's language in the order a
// plural group numbers them: glot's PO numbering, which a PO file's
// Plural-Forms must agree with when the file is po2xliff's conversion of
// one (as glot import checks a PO file's).
func pluralNumbering(w *Work, units []*unit12, pluralForms string) ([]string, error) {
	forms := langtag.PluralForms(w.Lang)
	if pluralForms == "" {
		return forms, nil
	}
	for _, u := range units {
		if u.group != nil {
			rule, err := pluralRuleOf(w.Lang)
			if err != nil {
				return nil, err
			}
			return rule.forms, rule.agrees(w.Lang, pluralForms)
		}
	}
	return forms, nil
}

// lineError is an error at a line of the file.
type lineError struct {
	line int
	err  error
}

// take12 records the units read in w.
func take12(w *Work, units []*unit12, forms []string) *lineError {
	seen := unitLog{}
	bySource := map[string]*unit12{} // by source and plural form: the first unit named by its source alone
	faulty := map[string]bool{}      // the sources of units named by their source alone that are faults
	for _, u := range units {
		if u.skip {
			continue
		}
		msg, f, name := u.resname, "other", u.id
		if u.group != nil {
			if u.index >= len(forms) {
				return &lineError{u.line, fmt.Errorf("trans-unit %s: %s has %d plural forms, [0] to [%d] (%s)", u.id, w.Lang, len(forms), len(forms)-1, strings.Join(forms, ", "))}
			}
			msg, f = u.group.resname, forms[u.index]
		}
		target, source := u.target.String(), u.source.String()
		key := "" // the source that names a unit with no message id: its other form's
		if msg == "" {
			key = source
			if u.group != nil {
				key = u.group.otherSource(forms)
			}
			if key == "" {
				continue // nothing to translate
			}
		}
		if key != "" {
			k := key + "\x00" + f
			if first, ok := bySource[k]; ok {
				if first.target.String() != target {
					w.fault(u.line, "", "trans-unit %s: its source %q has another translation at line %d: which is it?", name, key, first.line)
					faulty[key] = true
				}
				continue
			}
			bySource[k] = u
		} else if !seen.once(w, u.line, msg, f, name) {
			continue
		}
		switch {
		case target == "":
			if msg != "" {
				w.unreviewed[msg] = true
			}
			continue
		case isDraft12(u.state):
			if key != "" {
				msg = "\x00" + key // a draft named by its source, counted all the same
			}
			w.drafts[msg] = true
			w.unreviewed[msg] = true
			continue
		}
		if key != "" {
			w.setBySource(key, f, target, u.targetLine)
			continue
		}
		w.set(msg, f, target, u.targetLine)
		w.source(msg, f, source)
		if u.approved || u.state == "signed-off" || u.state == "final" {
			w.Reviewed[msg] = true
		} else {
			w.unreviewed[msg] = true
		}
	}
	for key := range faulty {
		delete(w.BySource, key)
		delete(w.BySourceLines, key)
	}
	return nil
}

// otherSource is the source of the group's unit of plural form other (the
// last form), which names a message with plural forms that the file
// names by its sources alone (Work.BySource).
func (g *group12) otherSource(forms []string) string {
	var last *unit12
	for _, u := range g.units {
		if u.index == len(forms)-1 {
			return u.source.String()
		}
		last = u
	}
	return last.source.String()
}

// inline12 reads the content of an XLIFF 1.2 <source> or <target> into
// glot's tag notation: <g> and <bx/>…<ex/>, <bpt>…<ept> as a pair of
// tags, <x/> as an atom, <it> as the tag it opens or closes; a <ph> or
// <x/> whose id is a field's (see fieldCodes) is the template field it
// holds, or that of the source of the same id. What <bpt>, <ept>, <it>
// and a tag's <ph> hold is native code, not text; the words of a <mrk>
// count.
type inline12 struct {
	u      *unit12
	b      *strings.Builder
	source bool
	stack  []string // the inline elements open: "g:ID", "ph:ID" for a field, "code" for native code, "" for another
	native strings.Builder
	pairs  map[string]string // the ids of the <bx> and <bpt> open, by rid
}

func (x *inline12) start(name string, attr func(string) string) {
	open := ""
	id := attr("id")
	switch name {
	case "g":
		x.b.WriteString(msgtext.OpenTag(codeID(id)))
		open = "g:" + id
	case "x":
		x.b.WriteString(x.u.field(id, "", x.source))
	case "ph":
		if isFieldCode(id) {
			open = "ph:" + id
			x.native.Reset()
			break
		}
		x.b.WriteString(msgtext.AtomTag(codeID(id)))
		open = "code"
	case "bx", "bpt":
		x.b.WriteString(msgtext.OpenTag(codeID(id)))
		if rid := attr("rid"); rid != "" {
			if x.pairs == nil {
				x.pairs = map[string]string{}
			}
			x.pairs[rid] = id
		}
		if name == "bpt" {
			open = "code"
		}
	case "ex", "ept":
		if first, ok := x.pairs[attr("rid")]; ok {
			id = first
		}
		x.b.WriteString(msgtext.CloseTag(codeID(id)))
		if name == "ept" {
			open = "code"
		}
	case "it":
		if attr("pos") == "close" {
			x.b.WriteString(msgtext.CloseTag(codeID(id)))
		} else {
			x.b.WriteString(msgtext.OpenTag(codeID(id)))
		}
		open = "code"
	}
	if x.inCode() && open == "" {
		open = "code" // a <sub> or the like in native code
	}
	x.stack = append(x.stack, open)
}

// inCode reports whether the text read is native code.
func (x *inline12) inCode() bool {
	for _, s := range x.stack {
		if s == "code" || strings.HasPrefix(s, "ph:") {
			return true
		}
	}
	return false
}

func (x *inline12) write(s []byte) {
	switch {
	case len(x.stack) > 0 && strings.HasPrefix(x.stack[len(x.stack)-1], "ph:"):
		x.native.Write(s)
	case x.inCode():
	default:
		x.b.Write(s)
	}
}

// end reads the end of the inline element last opened; it reports false
// when none is open: the <source> or <target> ends.
func (x *inline12) end() bool {
	if len(x.stack) == 0 {
		return false
	}
	top := x.stack[len(x.stack)-1]
	x.stack = x.stack[:len(x.stack)-1]
	if id, ok := strings.CutPrefix(top, "g:"); ok {
		x.b.WriteString(msgtext.CloseTag(codeID(id)))
	}
	if id, ok := strings.CutPrefix(top, "ph:"); ok {
		x.b.WriteString(x.u.field(id, x.native.String(), x.source))
	}
	return true
}

// field reads a template field: code is what its <ph> holds, or, for an
// empty one or an <x/>, what the source's code of the same id holds. Any
// other id is a tag's number; a field glot cannot find is a code no
// source has, never text, so that merge refuses it.
func (u *unit12) field(id, code string, source bool) string {
	if !isFieldCode(id) {
		return msgtext.AtomTag(codeID(id))
	}
	if code == "" {
		code = u.fields[id]
	}
	if code == "" {
		return unknownCode
	}
	if source {
		u.fields[id] = code
	}
	return code
}
