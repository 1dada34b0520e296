package exchange

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// poIn reads the translations of a PO file, all but the fuzzy entries: an
// entry with a msgctxt translates the message that is its id; one without
// (Translate Toolkit's xliff2po drops msgctxt, and a PO file that msginit
// made from another tool's template has none) translates every message
// whose source is its msgid, or its msgid_plural. Beside each translation
// it records the source the entry carries, its msgid and msgid_plural. A
// plural entry's msgstr[i] is the plural form the language's formula
// numbers i (see pluralRuleOf); the file's Plural-Forms header, when it
// has plural entries, must number the forms so too. Two entries with one
// msgctxt, or one msgid and no msgctxt, are a fault: neither is taken.
func poIn(file string, data []byte) (*Work, error) {
	header, entries, err := poRead(file, data)
	if err != nil {
		return nil, err
	}
	p := &poFile{file: file, w: newWork(), entries: entries}
	if header != nil {
		p.readHeader(header)
	}
	if p.w.Lang == "" {
		return nil, fileerr.At(file, 0, 0, errors.New("the PO header names no Language"))
	}
	faulty := poDuplicates(p.w, entries)
	if err := p.plurals(); err != nil {
		return nil, err
	}
	for i := range entries {
		if !faulty[i] && entries[i].translated() {
			p.take(&entries[i])
		}
	}
	p.w.settle()
	return p.w, nil
}

// poFile is a PO file being taken into w, entry by entry.
type poFile struct {
	file        string
	w           *Work
	entries     []poEntry
	pluralForms string      // the header's Plural-Forms, "" for none
	formsLine   int         // where it is
	rule        *pluralRule // the language's, once a plural entry asks for it
}

// readHeader reads the fields of the header entry glot reads: the
// languages, and the Plural-Forms the plural entries are numbered by.
func (p *poFile) readHeader(header *poEntry) {
	off := 0
	for _, l := range strings.Split(header.str, "\n") {
		k, v, _ := strings.Cut(l, ":")
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "Language":
			p.w.Lang = strings.ReplaceAll(v, "_", "-")
		case "Plural-Forms":
			p.pluralForms, p.formsLine = v, header.lineOf(off)
		case "X-Source-Language":
			p.w.SourceLang, p.w.sourceLangLine = strings.ReplaceAll(v, "_", "-"), header.lineOf(off)
		}
		off += len(l) + 1
	}
}

// plurals checks the plural entries that are not drafts against the
// plural rule of the file's language, found for the first of them: the
// header's Plural-Forms must number the forms as the rule does, and no
// entry may have a msgstr[i] past the language's forms.
func (p *poFile) plurals() error {
	for i := range p.entries {
		e := &p.entries[i]
		if e.fuzzy || e.plural == nil {
			continue
		}
		if p.rule == nil {
			if err := p.findRule(e.line); err != nil {
				return err
			}
		}
		forms := p.rule.forms
		for _, k := range slices.Sorted(maps.Keys(e.strs)) {
			if k >= len(forms) {
				return fileerr.At(p.file, e.strLines[k], 1, fmt.Errorf("msgstr[%d]: %s has %d plural forms, msgstr[0] to msgstr[%d] (%s)", k, p.w.Lang, len(forms), len(forms)-1, strings.Join(forms, ", ")))
			}
		}
	}
	return nil
}

// findRule finds the plural rule of the file's language, which the plural
// entry on line needs, and checks the header's Plural-Forms against it.
func (p *poFile) findRule(line int) error {
	rule, err := pluralRuleOf(p.w.Lang)
	if err != nil {
		return fileerr.At(p.file, line, 0, err)
	}
	if p.pluralForms != "" {
		if err := rule.agrees(p.w.Lang, p.pluralForms); err != nil {
			return fileerr.At(p.file, p.formsLine, 0, err)
		}
	}
	p.rule = rule
	return nil
}

// take records the translation entry e holds: by its msgctxt, the
// message id, or, without one, by its source text.
func (p *poFile) take(e *poEntry) {
	w := p.w
	switch {
	case e.fuzzy:
		// A draft: gettext's own tools do not use a fuzzy entry
		// either. It is left out, and counted so that the importer
		// hears of it. An entry without msgctxt is counted apart
		// from any message id.
		if e.ctxt != "" {
			w.drafts[e.ctxt] = true
		} else {
			w.drafts["\x00"+e.srcKey()] = true
		}
	case e.plural == nil && e.ctxt != "":
		w.set(e.ctxt, "other", e.str, e.line)
		w.source(e.ctxt, "other", e.id)
	case e.plural == nil:
		w.setBySource(e.id, "other", e.str, e.line)
	default:
		p.takePlural(e)
	}
}

// takePlural records the plural forms a plural entry holds, msgstr[i]
// the form the rule numbers i, and, for a message id, its msgid and
// msgid_plural as the source's one and other forms.
func (p *poFile) takePlural(e *poEntry) {
	for _, k := range slices.Sorted(maps.Keys(e.strs)) {
		if *e.strs[k] == "" {
			continue
		}
		if e.ctxt != "" {
			p.w.set(e.ctxt, p.rule.forms[k], *e.strs[k], e.line)
		} else {
			p.w.setBySource(*e.plural, p.rule.forms[k], *e.strs[k], e.line)
		}
	}
	if e.ctxt != "" {
		p.w.source(e.ctxt, "one", e.id)
		p.w.source(e.ctxt, "other", *e.plural)
	}
}

// poDuplicates records a fault for each entry that names again what an
// entry before it names: the same msgctxt, the message id (gettext's
// msgfmt refuses such a file when the msgid is the same too), or, without
// msgctxt, the same msgid or the same source text (see srcKey). It
// returns the entries of every such pair, none of which is taken: glot
// cannot tell which one is meant.
func poDuplicates(w *Work, entries []poEntry) map[int]bool {
	faulty := map[int]bool{}
	first := map[string]int{}
	for i := range entries {
		e := &entries[i]
		keys := []string{"msgctxt\x00" + e.ctxt}
		if e.ctxt == "" {
			keys = []string{"msgid\x00" + e.id, "source\x00" + e.srcKey()}
		}
		dup, on := -1, ""
		for _, k := range keys {
			if j, ok := first[k]; !ok {
				first[k] = i
			} else if dup < 0 {
				dup, on = j, k
			}
		}
		if dup < 0 {
			continue
		}
		faulty[i], faulty[dup] = true, true
		says := fmt.Sprintf("a second entry without msgctxt for the source %q", e.srcKey())
		switch {
		case e.ctxt != "":
			says = fmt.Sprintf("msgctxt %q a second time", e.ctxt)
		case strings.HasPrefix(on, "msgid\x00"):
			says = fmt.Sprintf("msgid %q without msgctxt a second time", e.id)
		}
		w.fault(e.line, e.ctxt, "%s (the first at line %d): neither entry is taken", says, entries[dup].line)
	}
	return faulty
}
