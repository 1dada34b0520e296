package exchange

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/verdict"
)

// XLIFF 1.2 is the XLIFF most tools still read and write; Translate
// Toolkit's po2xliff writes its 1.1, which differs from 1.2 in nothing
// glot reads.
const (
	xliff12NS = "urn:oasis:names:tc:xliff:document:1.2"
	xliff11NS = "urn:oasis:names:tc:xliff:document:1.1"
)

// xliffAnyIn reads an XLIFF document of any version glot knows, told by
// the namespace of its root: 2.0 and 2.1 share theirs; 1.2 and 1.1 have
// their own.
func xliffAnyIn(file string, data []byte) (*Work, error) {
	// A document that is not well-formed before its root is read as
	// XLIFF 2: xliffIn says what is wrong, and where.
	if root, ok := xmlRoot(data); ok && (root.Space == xliff12NS || root.Space == xliff11NS) {
		return xliff12In(file, data)
	}
	return xliffIn(file, data)
}

// xliff12Out writes units as an XLIFF 1.2 document, one <file> per page,
// as Translate Toolkit's po2xliff lays out a PO file, so that its xliff2po
// and the tools built on it read it. A message with one text is a
// <trans-unit> whose resname is the message's id (its id the same, written
// as xliffID writes it); one with plural forms is a <group
// restype="x-gettext-plurals"> whose resname is the message's id, holding
// a <trans-unit> for each plural form of the target language, numbered
// [0], [1]… in the order glot's PO export numbers msgstr[i]. The state of
// each target says what it is worth: needs-translation (missing, its
// target empty), needs-review-translation (stale: the old translation is
// its target), translated, or signed-off and approved when reviewed.
func xliff12Out(src, trg string, us []unit) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	fmt.Fprintf(&b, "<xliff xmlns=\"%s\" version=\"1.2\">\n", xliff12NS)
	file := ""
	openFile := func(page string) {
		if file != "" {
			b.WriteString("  </body>\n </file>\n")
		}
		fmt.Fprintf(&b, " <file original=\"%s\" source-language=\"%s\" target-language=\"%s\" datatype=\"plaintext\">\n  <body>\n", esc(page), esc(src), esc(trg))
		file = page
	}
	for i := range us {
		u := &us[i]
		page := u.page
		if page == "" {
			page = "(no page)"
		}
		if page != file {
			openFile(page)
		}
		var notes []string
		if u.page != "" {
			notes = append(notes, fmt.Sprintf("%s:%d", u.page, u.line))
		}
		if note := u.kindNote(); note != "" {
			notes = append(notes, note)
		}
		if u.source.Description != "" {
			notes = append(notes, u.source.Description)
		}
		if len(u.forms) == 0 {
			xliff12Unit(&b, "   ", u, xliffID(u.id), u.id, "other", notes)
			continue
		}
		fmt.Fprintf(&b, "   <group id=\"%s\" resname=\"%s\" restype=\"x-gettext-plurals\">\n", esc(xliffID(u.id)), esc(u.id))
		xliff12Notes(&b, "    ", notes)
		for _, f := range u.forms {
			// Numbered as the language's forms are: [i] is msgstr[i].
			i := slices.Index(langtag.PluralForms(trg), f)
			if i < 0 {
				continue // units hands over the language's forms alone
			}
			note := "plural form " + f
			if ex := langtag.PluralExample(trg, f); ex != "" {
				note += ": e.g. " + ex
			}
			xliff12Unit(&b, "    ", u, fmt.Sprintf("%s[%d]", xliffID(u.id), i), "", f, []string{note})
		}
		b.WriteString("   </group>\n")
	}
	if file == "" {
		openFile("(no page)")
	}
	b.WriteString("  </body>\n </file>\n</xliff>\n")
	return b.Bytes()
}

// xliff12Notes writes notes from glot.
func xliff12Notes(b *bytes.Buffer, indent string, notes []string) {
	for _, n := range notes {
		fmt.Fprintf(b, "%s<note from=\"glot\">%s</note>\n", indent, esc(n))
	}
}

// xliff12Unit writes plural form f of u as a <trans-unit> with id id and,
// unless "", resname name.
func xliff12Unit(b *bytes.Buffer, indent string, u *unit, id, name, f string, notes []string) {
	target := form(u.target, f)
	state, approved := "needs-translation", ""
	switch {
	case u.state == verdict.Stale:
		target, state = form(u.old, f), "needs-review-translation"
		notes = append(notes, "previous source: "+u.previous)
	case target == "":
	case u.reviewed:
		state, approved = "signed-off", ` approved="yes"`
	case u.state == verdict.Translated:
		state = "translated"
	}
	fmt.Fprintf(b, "%s<trans-unit id=\"%s\"", indent, esc(id))
	if name != "" {
		fmt.Fprintf(b, " resname=\"%s\"", esc(name))
	}
	fc := newFieldCodes()
	fmt.Fprintf(b, "%s>\n%s <source>%s</source>\n", approved, indent, xliff12Inline(u.sourceForm(f), u, fc, false))
	fmt.Fprintf(b, "%s <target state=\"%s\">%s</target>\n", indent, state, xliff12Inline(target, u, fc, true))
	xliff12Notes(b, indent+" ", notes)
	fmt.Fprintf(b, "%s</trans-unit>\n", indent)
}

// xliff12Inline writes message text as XLIFF 1.2 inline content: a pair
// of tags as <g>, an atom as <x/>, each with the kind of code it is; a
// template field as a <ph> that holds it, its native code, whose id is a
// field's (see fieldCodes), apart from the tags' numbers.
func xliff12Inline(s string, u *unit, fc *fieldCodes, target bool) string {
	var b strings.Builder
	for _, t := range pieces(s, u.source) {
		desc := ""
		if t.N > 0 && t.N <= len(u.codes) {
			desc = u.codes[t.N-1]
		}
		switch {
		case t.field:
			fmt.Fprintf(&b, `<ph id="%s" ctype="x-template">%s</ph>`, fc.code(t.Text, target), esc(t.Text))
		case t.Kind == msgtext.Text:
			b.WriteString(esc(t.Text))
		case t.Kind == msgtext.Open:
			fmt.Fprintf(&b, `<g id="%d" ctype="%s">`, t.N, pairType12(desc))
		case t.Kind == msgtext.Close:
			b.WriteString("</g>")
		case t.Kind == msgtext.Atom:
			fmt.Fprintf(&b, `<x id="%d" ctype="%s"/>`, t.N, atomType12(desc))
		}
	}
	return b.String()
}

// pairType12 maps a placeholder's description to the ctype of a <g>.
func pairType12(desc string) string {
	switch {
	case strings.HasPrefix(desc, "link"), strings.HasPrefix(desc, "web address"):
		return "link"
	case strings.HasPrefix(desc, "emphasis"):
		return "italic"
	case strings.HasPrefix(desc, "strong"):
		return "bold"
	}
	return "x-markup"
}

// atomType12 maps a placeholder's description to the ctype of an <x/>.
func atomType12(desc string) string {
	switch {
	case strings.HasPrefix(desc, "image"):
		return "image"
	case desc == "line break":
		return "lb"
	}
	return "x-markup"
}
