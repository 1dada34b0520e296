package exchange

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
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
	d := xmlDecoder(data)
	var srcLang string // the header's
	headerLine := 0
	var targets []*tmxTarget
	byLang := map[string]*tmxTarget{}
	target := func(lang string) *tmxTarget {
		key := strings.ToLower(strings.ReplaceAll(lang, "_", "-"))
		t := byLang[key]
		if t == nil {
			t = &tmxTarget{w: newWork()}
			t.w.Lang = lang
			byLang[key] = t
			targets = append(targets, t)
		}
		return t
	}

	// The <tu> being read.
	var tu struct {
		in       bool
		id       string
		srclang  string
		props    map[string]string
		variants []tmxVariant
	}
	var lang string // of the <tuv> being read
	var seg *strings.Builder
	segLine := 0
	xs := map[string]string{} // bpt i -> x, to number the ept that closes it
	// codes are the elements open inside an inline code, the code first:
	// their content is the code's native data (and a <sub> in it the text
	// of an attribute, say), never the segment's text.
	var codes []string
	var ph xml.StartElement
	var phText strings.Builder
	var prop string // the type of the <prop> being read
	var propText *strings.Builder

	fail := func(err error) ([]*Work, error) {
		return nil, xmlError(file, d, err)
	}
	attr := func(t xml.StartElement, name string) string {
		for _, a := range t.Attr {
			if a.Name.Local == name {
				return a.Value
			}
		}
		return ""
	}
	// endTU files the translations of the <tu> just read, which ends on
	// line.
	endTU := func(line int) error {
		srcOf := tu.srclang
		if srcOf == "" {
			srcOf = srcLang
		}
		if srcOf == "*all*" {
			if sourceLang == "" {
				return fileerr.At(file, line, 0, errors.New(`srclang is "*all*", and no source language is given to tell the source <tuv>`))
			}
			srcOf = sourceLang
		}
		src := slices.IndexFunc(tu.variants, func(v tmxVariant) bool { return strings.EqualFold(v.lang, srcOf) })
		if src < 0 && srcOf != "" {
			src = slices.IndexFunc(tu.variants, func(v tmxVariant) bool { return langtag.SameLanguage(v.lang, srcOf) })
		}
		id, f := tu.id, "other"
		if pf, ok := tu.props["x-plural-form"]; ok {
			f = strings.TrimSpace(pf)
			if !catalog.IsForm(f) {
				return fileerr.At(file, line, 0, fmt.Errorf("tu %s: %q is no plural form (%s)", tu.id, f, strings.Join(catalog.FormNames, ", ")))
			}
			if m := strings.TrimSpace(tu.props["x-message"]); m != "" {
				id = m
			} else {
				id = strings.TrimSuffix(tu.id, "."+f)
			}
		}
		for i, v := range tu.variants {
			if i == src {
				continue
			}
			t := target(v.lang)
			if strings.TrimSpace(v.text) == "" {
				continue // untranslated, not translated as nothing
			}
			e := tmxEntry{id: id, form: f, text: v.text, line: v.line}
			if src >= 0 {
				e.src, e.hasSrc = tu.variants[src].text, true
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
			if len(codes) > 0 {
				codes = append(codes, t.Name.Local)
				continue
			}
			switch t.Name.Local {
			case "header":
				srcLang = attr(t, "srclang")
				headerLine, _ = d.InputPos()
			case "tu":
				tu.in, tu.id, tu.srclang = true, attr(t, "tuid"), attr(t, "srclang")
				tu.props, tu.variants = map[string]string{}, nil
			case "prop":
				if tu.in {
					prop, propText = attr(t, "type"), &strings.Builder{}
				}
			case "tuv":
				lang = attr(t, "lang") // xml:lang, or TMX 1.1's lang
			case "seg":
				if tu.in && lang != "" {
					seg = &strings.Builder{}
					segLine, _ = d.InputPos()
					clear(xs)
				}
			case "bpt", "ept", "it", "ph", "ut":
				if seg == nil {
					continue
				}
				codes = append(codes, t.Name.Local)
				switch t.Name.Local {
				case "bpt":
					x := attr(t, "x")
					xs[attr(t, "i")] = x
					seg.WriteString(msgtext.OpenTag(codeID(x)))
				case "ept":
					seg.WriteString(msgtext.CloseTag(codeID(xs[attr(t, "i")])))
				case "it":
					// An isolated tag: the other half of the pair is in
					// another segment.
					switch attr(t, "pos") {
					case "begin":
						seg.WriteString(msgtext.OpenTag(codeID(attr(t, "x"))))
					case "end":
						seg.WriteString(msgtext.CloseTag(codeID(attr(t, "x"))))
					default:
						seg.WriteString(msgtext.AtomTag(codeID("")))
					}
				case "ph":
					ph = t
					phText.Reset()
				}
				// A <ut>, an unknown code TMX 1.4 keeps for old
				// memories, stands for none of glot's tags: it is left
				// out, and merge refuses a translation that lacks a tag
				// of its source.
			}
		case xml.EndElement:
			if len(codes) > 0 {
				codes = codes[:len(codes)-1]
				if len(codes) == 0 && t.Name.Local == "ph" {
					seg.WriteString(tmxPh(attr(ph, "type"), attr(ph, "x"), phText.String()))
				}
				continue
			}
			switch t.Name.Local {
			case "seg":
				if seg != nil {
					tu.variants = append(tu.variants, tmxVariant{lang, seg.String(), segLine})
					seg = nil
				}
			case "tuv":
				lang = ""
			case "prop":
				if propText != nil {
					tu.props[prop] = propText.String()
					propText = nil
				}
			case "tu":
				if tu.in {
					line, _ := d.InputPos()
					if err := endTU(line); err != nil {
						return nil, err
					}
				}
				tu.in = false
			}
		case xml.CharData:
			switch {
			case len(codes) == 1 && codes[0] == "ph":
				phText.Write(t)
			case len(codes) > 0:
			case seg != nil:
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
	if len(targets) == 0 {
		return nil, fileerr.At(file, 0, 0, errors.New("the memory has no translation: no <tuv> in a language other than "+srcLang))
	}
	works := make([]*Work, len(targets))
	for i, t := range targets {
		if srcLang != "*all*" {
			t.w.SourceLang, t.w.sourceLangLine = srcLang, headerLine
		}
		t.file()
		t.w.settle()
		works[i] = t.w
	}
	return works, nil
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
