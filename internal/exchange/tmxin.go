package exchange

import (
	"encoding/xml"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// tmxVariant is the text of one <tuv> of a <tu>, in glot's tag notation.
type tmxVariant struct {
	lang, text string
	line       int
}

// tmxEntry is a translation a memory holds. It is kept aside until the
// whole memory is read, since a later <tu> for the same message makes
// both a fault.
type tmxEntry struct {
	id, form string // id "" for a unit named by its source text alone
	text     string
	line     int
	src      string // the source <tuv>'s text, where the <tu> has one
	hasSrc   bool
}

// tmxTarget is one target language of a memory: its Work, and the
// translations read into it.
type tmxTarget struct {
	w       *Work
	entries []tmxEntry
}

// tmxIn reads the translations of a TMX memory: a Work for each language
// of its <tuv>s but the source, in the order the languages first appear.
//
// The source <tuv> of a <tu> is the one in the language of the <tu>'s
// srclang, or the <header>'s: the one that names it exactly, or else the
// first in the same language whatever the region (Translate Toolkit's
// po2tmx says srclang="en" and writes "en_US" <tuv>s). A srclang of
// "*all*" says any language may be the source: then it is the site's,
// sourceLang. The source's text is carried beside each translation.
//
// A <tu> whose tuid is a message id holds that message's translations; a
// <tu> with an x-plural-form prop holds that plural form of the message
// its x-message prop names (or, without one, its tuid names before the
// dot). A <tu> with no tuid, as other tools write them, holds the
// translation of its source text. An empty target <tuv> is untranslated.
func tmxIn(file string, data []byte, sourceLang string) ([]*Work, error) {
	r := &tmxReader{file: file, sourceLang: sourceLang, byLang: map[string]*tmxTarget{}, xs: map[string]string{}}
	if err := walkXML(file, data, r); err != nil {
		return nil, err
	}
	if r.srcLang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("not a TMX memory: no <header srclang>"))
	}
	if len(r.targets) == 0 {
		return nil, fileerr.At(file, 0, 0, errors.New("the memory has no translation: no <tuv> in a language other than "+r.srcLang))
	}
	works := make([]*Work, len(r.targets))
	for i, t := range r.targets {
		if r.srcLang != "*all*" {
			t.w.SourceLang, t.w.sourceLangLine = r.srcLang, r.headerLine
		}
		t.file()
		t.w.settle()
		works[i] = t.w
	}
	return works, nil
}

// tmxReader is the walk of a TMX memory, element by element, into a
// tmxTarget for each language but the source.
type tmxReader struct {
	file       string
	sourceLang string // the site's
	srcLang    string // the header's
	headerLine int
	targets    []*tmxTarget
	byLang     map[string]*tmxTarget // by lower-case tag, "_" read as "-"

	tu      tmxUnit          // the <tu> being read
	lang    string           // of the <tuv> being read
	seg     *strings.Builder // the <seg> being read, nil outside one
	segLine int
	xs      map[string]string // bpt i -> x, to number the ept that closes it
	// codes are the elements open inside an inline code, the code first:
	// their content is the code's native data (and a <sub> in it the text
	// of an attribute, say), never the segment's text.
	codes    []string
	ph       xml.StartElement // the <ph> being read
	phText   strings.Builder
	prop     string           // the type of the <prop> being read
	propText *strings.Builder // its text, nil outside one
}

// tmxUnit is a <tu> as read.
type tmxUnit struct {
	in       bool
	id       string
	srclang  string
	props    map[string]string
	variants []tmxVariant
}

// target is the target of language lang, made when first met.
func (r *tmxReader) target(lang string) *tmxTarget {
	key := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
	t := r.byLang[key]
	if t == nil {
		t = &tmxTarget{w: newWork()}
		t.w.Lang = lang
		r.byLang[key] = t
		r.targets = append(r.targets, t)
	}
	return t
}

// start reads the start of an element: in an inline code, one of its
// native data; elsewhere, an element of the memory.
func (r *tmxReader) start(t xml.StartElement, line int) (bool, error) {
	if len(r.codes) > 0 {
		r.codes = append(r.codes, t.Name.Local)
		return false, nil
	}
	switch t.Name.Local {
	case "header":
		r.srcLang, r.headerLine = anyAttr(t, "srclang"), line
	case "tu":
		r.tu = tmxUnit{in: true, id: anyAttr(t, "tuid"), srclang: anyAttr(t, "srclang"), props: map[string]string{}}
	case "prop":
		if r.tu.in {
			r.prop, r.propText = anyAttr(t, "type"), &strings.Builder{}
		}
	case "tuv":
		r.lang = anyAttr(t, "lang") // xml:lang, or TMX 1.1's lang
	case "seg":
		if r.tu.in && r.lang != "" {
			r.seg, r.segLine = &strings.Builder{}, line
			clear(r.xs)
		}
	case "bpt", "ept", "it", "ph", "ut":
		if r.seg != nil {
			r.code(t)
		}
	}
	return false, nil
}

// code starts an inline code of the segment: a <bpt> and its <ept> as a
// pair of tags, an <it> as the half of a pair it is; a <ph> is read when
// it ends, as what it holds says (see tmxPh). A <ut>, an unknown code
// TMX 1.4 keeps for old memories, stands for none of glot's tags: it is
// left out, and merge refuses a translation that lacks a tag of its
// source.
func (r *tmxReader) code(t xml.StartElement) {
	r.codes = append(r.codes, t.Name.Local)
	switch t.Name.Local {
	case "bpt":
		x := anyAttr(t, "x")
		r.xs[anyAttr(t, "i")] = x
		r.seg.WriteString(msgtext.OpenTag(codeID(x)))
	case "ept":
		r.seg.WriteString(msgtext.CloseTag(codeID(r.xs[anyAttr(t, "i")])))
	case "it":
		// An isolated tag: the other half of the pair is in another
		// segment.
		switch anyAttr(t, "pos") {
		case "begin":
			r.seg.WriteString(msgtext.OpenTag(codeID(anyAttr(t, "x"))))
		case "end":
			r.seg.WriteString(msgtext.CloseTag(codeID(anyAttr(t, "x"))))
		default:
			r.seg.WriteString(msgtext.AtomTag(codeID("")))
		}
	case "ph":
		r.ph = t
		r.phText.Reset()
	}
}

// end reads the end of an element: in an inline code, the code's or one
// of its data; elsewhere, the end of a segment, a variant, a prop or a
// <tu>, whose translations are then filed.
func (r *tmxReader) end(t xml.EndElement, line int) error {
	if len(r.codes) > 0 {
		r.codes = r.codes[:len(r.codes)-1]
		if len(r.codes) == 0 && t.Name.Local == "ph" {
			r.seg.WriteString(tmxPh(anyAttr(r.ph, "type"), anyAttr(r.ph, "x"), r.phText.String()))
		}
		return nil
	}
	switch t.Name.Local {
	case "seg":
		if r.seg != nil {
			r.tu.variants = append(r.tu.variants, tmxVariant{r.lang, r.seg.String(), r.segLine})
			r.seg = nil
		}
	case "tuv":
		r.lang = ""
	case "prop":
		if r.propText != nil {
			r.tu.props[r.prop] = r.propText.String()
			r.propText = nil
		}
	case "tu":
		if r.tu.in {
			if err := r.endTU(line); err != nil {
				return err
			}
		}
		r.tu.in = false
	}
	return nil
}

// chars reads the text of a segment, of a <ph> (whose code may be a
// template field) or of a prop; the rest of a code's data is not text.
func (r *tmxReader) chars(s xml.CharData) {
	switch {
	case len(r.codes) == 1 && r.codes[0] == "ph":
		r.phText.Write(s)
	case len(r.codes) > 0:
	case r.seg != nil:
		r.seg.Write(s)
	}
	if r.propText != nil {
		r.propText.Write(s)
	}
}

// endTU files the translations of the <tu> just read, which ends on line,
// each into the target of its language.
func (r *tmxReader) endTU(line int) error {
	src, srcOf, err := r.source(line)
	if err != nil {
		return err
	}
	id, f, err := r.message(line)
	if err != nil {
		return err
	}
	for i, v := range r.tu.variants {
		if i == src {
			continue
		}
		t := r.target(v.lang)
		if strings.TrimSpace(v.text) == "" {
			continue // untranslated, not translated as nothing
		}
		e := tmxEntry{id: id, form: f, text: v.text, line: v.line}
		if src >= 0 {
			e.src, e.hasSrc = r.tu.variants[src].text, true
		}
		switch {
		case id == "" && !e.hasSrc:
			t.w.fault(v.line, "", "a <tu> with no tuid and no <tuv> in the source language %s: nothing says what %q translates", srcOf, v.text)
		case id == "" && f != "other":
			t.w.fault(v.line, "", "a <tu> with no tuid or x-message holds plural form %s of no message", f)
		default:
			t.entries = append(t.entries, e)
		}
	}
	return nil
}

// source finds the source <tuv> of the <tu> just read, which ends on line:
// its index among the variants, -1 for none, and the language it is in.
func (r *tmxReader) source(line int) (int, string, error) {
	srcOf := r.tu.srclang
	if srcOf == "" {
		srcOf = r.srcLang
	}
	if srcOf == "*all*" {
		if r.sourceLang == "" {
			return 0, "", fileerr.At(r.file, line, 0, errors.New(`srclang is "*all*", and no source language is given to tell the source <tuv>`))
		}
		srcOf = r.sourceLang
	}
	src := slices.IndexFunc(r.tu.variants, func(v tmxVariant) bool { return strings.EqualFold(v.lang, srcOf) })
	if src < 0 && srcOf != "" {
		src = slices.IndexFunc(r.tu.variants, func(v tmxVariant) bool { return langtag.SameLanguage(v.lang, srcOf) })
	}
	return src, srcOf, nil
}

// message names what the <tu> just read, which ends on line, translates:
// the message its tuid names, or, with an x-plural-form prop, that plural
// form of the message its x-message prop names, or its tuid before the
// dot.
func (r *tmxReader) message(line int) (id, f string, err error) {
	pf, ok := r.tu.props["x-plural-form"]
	if !ok {
		return r.tu.id, "other", nil
	}
	f = strings.TrimSpace(pf)
	if !catalog.IsForm(f) {
		return "", "", fileerr.At(r.file, line, 0, fmt.Errorf("tu %s: %q is no plural form (%s)", r.tu.id, f, strings.Join(catalog.FormNames, ", ")))
	}
	if m := strings.TrimSpace(r.tu.props["x-message"]); m != "" {
		return m, f, nil
	}
	return strings.TrimSuffix(r.tu.id, "."+f), f, nil
}

// tmxPh reads a <ph> of the given type and x holding code: a template
// action alone, in a <ph type="x-field"> as glot writes it or one with no
// x, is that text, which merge checks as it checks any action of a
// translation; any other is the atom tag x numbers, or, with no x, one no
// source has, which merge refuses.
func tmxPh(typ, x, code string) string {
	if isField(code) && (typ == "x-field" || x == "") {
		return code
	}
	return msgtext.AtomTag(codeID(x))
}

// file files the translations read into t's Work. A message's plural form
// translated by two <tu>s (or two <tuv>s of a <tu>) is a fault, and
// neither is taken: the memory does not say which stands. So is a source
// text translated in two ways by units with no tuid; the same translation
// twice is taken once.
func (t *tmxTarget) file() {
	w := t.w
	type key struct{ id, form, src string }
	keyOf := func(e tmxEntry) key {
		if e.id == "" {
			return key{src: e.src}
		}
		return key{id: e.id, form: e.form}
	}
	same := map[key][]int{}
	for i, e := range t.entries {
		same[keyOf(e)] = append(same[keyOf(e)], i)
	}
	for i, e := range t.entries {
		all := same[keyOf(e)]
		if e.id == "" {
			differ := slices.ContainsFunc(all, func(j int) bool { return t.entries[j].text != e.text })
			switch {
			case differ && all[1] == i:
				w.fault(e.line, "", "the source text %q is translated into %s differently at lines %s: neither is taken", e.src, w.Lang, t.lines(all))
			case !differ && all[0] == i:
				w.setBySource(e.src, "other", e.text, e.line)
			}
			continue
		}
		if len(all) > 1 {
			if all[1] == i {
				form := ""
				if e.form != "other" {
					form = " (plural form " + e.form + ")"
				}
				w.fault(e.line, e.id, "%s%s is translated into %s twice, at lines %s: neither is taken", e.id, form, w.Lang, t.lines(all))
			}
			continue
		}
		w.set(e.id, e.form, e.text, e.line)
		if e.hasSrc {
			w.source(e.id, e.form, e.src)
		}
	}
	slices.SortStableFunc(w.Faults, func(a, b Fault) int { return a.Line - b.Line })
}

// lines names the lines of entries is: "4 and 9", "4, 9 and 12".
func (t *tmxTarget) lines(is []int) string {
	var ls []string
	for _, i := range is {
		ls = append(ls, fmt.Sprint(t.entries[i].line))
	}
	return strings.Join(ls[:len(ls)-1], ", ") + " and " + ls[len(ls)-1]
}
