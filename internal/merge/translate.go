package merge

import (
	"bytes"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

// item is an entry of a translate file: a message with no translation in
// force, where a reader first meets it, and what the translator is shown.
type item struct {
	id      string
	src     *catalog.Message
	page    string        // the page it is under; "" for the other messages
	blk     *ledger.Block // that block; nil for the other messages
	entry   *verdict.Entry
	refused *catalog.Message // a translation refused, written back in place
	why     string           // why it was refused
	draft   *catalog.Message // a draft marked fuzzy, written back as it is
	// inherited is the text a parent language, from, has for a
	// regional variant's entry: a draft to start from.
	from      string
	inherited *catalog.Message
}

// suggester finds the closest translation for a message's source.
type suggester func(src string) (tm.Suggestion, bool)

// translateFile writes the translate file of lang: its header, the items
// of each page under the page's heading, in order, then the other messages,
// each with a suggestion from suggest when it has one. It counts what it
// writes in res.
func translateFile(lang, srcLang string, items []item, unknown []item, opts Options, suggest suggester, res *Result) []byte {
	var b bytes.Buffer
	writeHeader(&b, lang, opts)
	page, other := "", false
	for _, it := range items {
		switch {
		case it.page != "" && it.page != page:
			page = it.page
			fmt.Fprintf(&b, "\n# ════ %s ════\n", path.Join(opts.ContentName, page))
		case it.page == "" && !other:
			other = true
			b.WriteString("\n# ════ other messages ════\n")
		}
		// Counted as glot status counts: a refused edit or a draft of
		// a message whose translation stands is no work left undone.
		switch it.entry.State {
		case verdict.Stale:
			res.Stale++
		case verdict.Missing:
			res.Missing++
		}
		sug, ok := tm.Suggestion{}, false
		if suggest != nil {
			sug, ok = suggest(it.src.Other)
		}
		if ok && it.entry.Prior != nil && sug.Translation == it.entry.Prior.Translation.Other {
			ok = false // already shown as the old translation
		}
		if ok {
			res.Suggested++
		} else {
			sug = tm.Suggestion{}
		}
		if writeEntry(&b, srcLang, lang, it, sug, opts) {
			res.Drafts++
		}
	}
	// Translations of ids that no message has come last, as written, so
	// that the translator can correct the id.
	if len(unknown) > 0 {
		b.WriteString("\n# ════ unknown message ids ════\n")
	}
	for _, it := range unknown {
		b.WriteByte('\n')
		catalog.Comment(&b, "REFUSED: ", it.why+": correct the id between the brackets")
		catalog.WriteTable(&b, it.id, it.refused, true)
	}
	return b.Bytes()
}

// memory returns a suggester over the memory build makes, made for the
// first message that asks: a language with nothing to translate needs
// none. A memory that cannot be made makes no suggestion; why is build's
// to keep.
func memory(threshold float64, build func() *tm.Memory) suggester {
	if threshold <= 0 {
		return nil
	}
	var m *tm.Memory
	return func(src string) (tm.Suggestion, bool) {
		if m == nil {
			if m = build(); m == nil {
				return tm.Suggestion{}, false
			}
		}
		return m.Suggest(src, threshold)
	}
}

func langName(tag string) string {
	return fmt.Sprintf("%s (%s)", langtag.Name(tag), tag)
}

func writeHeader(b *bytes.Buffer, lang string, opts Options) {
	fmt.Fprintf(b, "# Work for the translators of %s: every message that has no current\n", langName(lang))
	b.WriteString("# translation, page by page, in the order a reader meets it.\n#\n")
	b.WriteString("# Write each translation between the quotes of `other = \"\"`, then run\n")
	b.WriteString("# `glot merge`: what you wrote moves to " + locale.ActivePath(lang) + " and this file\n")
	b.WriteString("# is rewritten with what is left. Leave `hash` as it is.\n#\n")
	b.WriteString("# An entry marked `" + catalog.FuzzyMark + "` holds the translation of an earlier source, for\n")
	b.WriteString("# you to correct: merge leaves it alone until you delete that line.\n#\n")
	b.WriteString("# Tags like <1>…</1> and <2/> stand for the page's formatting, links and code:\n")
	b.WriteString("# keep each one, around the words it belongs to; the order of the words is yours.\n")
	b.WriteString("# Write \\\" for a double quote and \\\\ for a backslash.\n")
	if opts.Page != "" {
		fmt.Fprintf(b, "#\n# Only pages matching %s.\n", opts.Page)
	}
}

// pluralNote says which counts take each plural form of lang, as an
// example for the translator.
func pluralNote(lang string) string {
	var parts []string
	for _, f := range langtag.PluralForms(lang) {
		parts = append(parts, f+" ("+langtag.PluralExample(lang, f)+")")
	}
	return strings.Join(parts, ", ")
}

// entryText is what an entry of the translate file holds, and how it came to.
type entryText struct {
	m         *catalog.Message
	fuzzy     bool // marked catalog.FuzzyMark: a draft, not taken
	prefilled bool // merge's own draft: the old translation, or the parent's
	inherited bool // the parent language's text (item.inherited)
}

// textOf is the text the entry of it holds: a refused translation as it
// was written, a draft as the translator left it, or, for a stale
// message, its old translation as a draft to correct, as gettext
// pre-fills a fuzzy entry, or a regional variant's parent's text; else
// nothing.
func textOf(it item) entryText {
	stale, prior := it.entry.State == verdict.Stale, it.entry.Prior
	switch {
	case it.refused != nil:
		return entryText{m: it.refused}
	case it.draft != nil:
		t := entryText{m: it.draft, fuzzy: true}
		switch {
		case stale && prior != nil && sameForms(prior.Translation, t.m):
			t.prefilled = true
		case it.inherited != nil && sameForms(it.inherited, t.m):
			t.prefilled, t.inherited = true, true
		}
		return t
	case stale && prior != nil && !catalog.Empty(prior.Translation):
		return entryText{m: prior.Translation, fuzzy: true, prefilled: true}
	case it.inherited != nil:
		return entryText{m: it.inherited, fuzzy: true, prefilled: true, inherited: true}
	}
	return entryText{m: &catalog.Message{}}
}

// writeEntry writes the entry of it: where the message is, its source
// (and for a stale one, the source before and what changed), what its
// tags stand for, the suggestion, why a translation was refused, then the
// table. It reports whether the entry holds a draft the translator edited
// that is still marked fuzzy.
func writeEntry(b *bytes.Buffer, srcLang, lang string, it item, sug tm.Suggestion, opts Options) bool {
	t := textOf(it)
	b.WriteByte('\n')
	writePlace(b, it, opts)
	writeSource(b, srcLang, lang, it, t)
	if t.inherited {
		catalog.Comment(b, "from "+it.from+": ", "the text below is "+langName(it.from)+"'s, to correct for "+lang+" or keep")
	}
	if it.src.Description != "" {
		catalog.Comment(b, "note: ", it.src.Description)
	}
	writeCodes(b, it)
	if sug.Translation != "" {
		catalog.Comment(b, fmt.Sprintf("suggestion (%d %%): ", int(sug.Score*100)), sug.Translation)
		catalog.Comment(b, "  translates: ", sug.Source)
		for _, r := range sug.Risks {
			b.WriteString("# CAUTION: " + r + ": check the suggestion before using it\n")
		}
	}
	if it.refused != nil {
		reason := it.why
		if reason == "" {
			reason = "it does not fit its source"
		}
		catalog.Comment(b, "REFUSED: ", strings.ReplaceAll(reason, "\n", " "))
	}
	if len(catalog.Forms(it.src)) > 1 {
		// A message with plural forms gets those of the language it is
		// translated into: Arabic has six.
		b.WriteString("# plural forms of " + lang + ": " + pluralNote(lang) + "\n")
	}
	if t.fuzzy {
		b.WriteString(catalog.FuzzyMark + "\n")
	}
	fmt.Fprintf(b, "[%s]\n", catalog.Key(it.id))
	fmt.Fprintf(b, "hash = %s\n", catalog.Quote(catalog.Hash(it.src)))
	for _, f := range entryForms(lang, it.src, t.m) {
		fmt.Fprintf(b, "%s = %s\n", f.Name, catalog.Quote(f.Text))
	}
	return t.fuzzy && !t.prefilled
}

// writePlace writes where a reader meets the message of it: the page, the
// line and the kind of block, its context and, for a table cell, its
// column and row. Only a translation made for an earlier source is said
// to be stale; one refused for this source is written back in place.
func writePlace(b *bytes.Buffer, it item, opts Options) {
	stale := it.entry.State == verdict.Stale
	blk := it.blk
	if blk == nil {
		if stale {
			b.WriteString("# STALE: the source changed since it was translated\n")
		}
		return
	}
	fmt.Fprintf(b, "# %s:%d (%s", path.Join(opts.ContentName, it.page), blk.Line, blk.Kind)
	if blk.Context != "" {
		fmt.Fprintf(b, ", context %s", blk.Context)
	}
	if blk.Where != "" {
		fmt.Fprintf(b, ", %s", blk.Where)
	}
	b.WriteString(")")
	if stale {
		b.WriteString(" STALE: the source changed since it was translated")
	}
	b.WriteByte('\n')
}

// writeSource writes the source of the message of it, each plural form;
// for a stale one, the source now and before, what changed, word by word,
// and the old translation unless the entry holds it already.
func writeSource(b *bytes.Buffer, srcLang, lang string, it item, t entryText) {
	prior := it.entry.Prior
	if it.entry.State != verdict.Stale {
		for _, f := range catalog.Forms(it.src) {
			label := srcLang + ": "
			if f.Name != "other" {
				label = srcLang + " (" + f.Name + "): "
			}
			catalog.Comment(b, label, f.Text)
		}
		return
	}
	catalog.Comment(b, srcLang+" (now):    ", it.src.Other)
	if prior.Source != "" {
		catalog.Comment(b, srcLang+" (before): ", prior.Source)
		catalog.Comment(b, "changed:     ", lcs.FormatDiff(lcs.Elide(lcs.WordDiff(prior.Source, it.src.Other), 4), "[-", "-]", "{+", "+}", ""))
	}
	if t.prefilled && !t.inherited {
		return
	}
	for _, f := range catalog.Forms(prior.Translation) {
		label := lang + " (before): "
		if f.Name != "other" {
			label = lang + " (before, " + f.Name + "): "
		}
		catalog.Comment(b, label, f.Text)
	}
}

// writeCodes says what each tag of the message of it stands for.
func writeCodes(b *bytes.Buffer, it item) {
	if it.blk == nil {
		return
	}
	for i, c := range it.blk.Codes {
		tag := msgtext.AtomTag(i + 1)
		if !strings.HasPrefix(c, "br ") && strings.Contains(it.src.Other, msgtext.OpenTag(i+1)) {
			tag = msgtext.OpenTag(i+1) + "…" + msgtext.CloseTag(i+1)
		}
		catalog.Comment(b, tag+" ", c)
	}
}

// entryForms are the plural forms an entry for message src holds, with
// the text of m in each: other alone for a message with one text; every
// form of lang for one with plural forms, those m lacks empty, so that the
// translator sees which to fill (Arabic has six), and a form of m that
// lang does not have kept as written, so that nothing is lost.
func entryForms(lang string, src, m *catalog.Message) []catalog.Form {
	if len(catalog.Forms(src)) <= 1 {
		if catalog.Empty(m) {
			return []catalog.Form{{Name: "other"}}
		}
		return catalog.Forms(m)
	}
	var forms []catalog.Form
	for _, f := range langtag.PluralForms(lang) {
		forms = append(forms, catalog.Form{Name: f, Text: catalog.FormText(m, f)})
	}
	for _, f := range catalog.Forms(m) {
		if !slices.Contains(langtag.PluralForms(lang), f.Name) {
			forms = append(forms, f)
		}
	}
	slices.SortStableFunc(forms, func(a, b catalog.Form) int {
		return slices.Index(catalog.FormNames, a.Name) - slices.Index(catalog.FormNames, b.Name)
	})
	return forms
}
