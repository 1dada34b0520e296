// Package merge owns `glot merge` for one language: it folds what a
// translator filled in translate.<lang>.toml into active.<lang>.toml, moves
// translations that stopped being current into the archive, and writes
// translate.<lang>.toml afresh with exactly the work left to do, page by
// page in page order.
//
// No translation is ever dropped. go-i18n's own goi18n merge deletes a
// translation when its source changes and deletes translations whose
// message is gone; here such a translation moves to the archive in
// locales/.glot/, is shown to the translator beside the new source, and
// comes back by itself if its source does.
//
//	res, err := merge.Run(site, es, merge.Options{})
//	err = plan.Apply("locales", res.Plan)
package merge

import (
	"bytes"
	"fmt"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Options tune a merge.
type Options struct {
	// ContentName is the content folder's name, for the page headings of
	// the translate file.
	ContentName string
	// Page, when set, limits the translate file to pages whose path (in
	// the content folder) matches this glob.
	Page string
	// Imported holds translations brought back from translators' own
	// files (glot import); they are folded in like those of the translate
	// file, after them.
	Imported []Imported
	// Suggest is how alike (0 to 1) a translated source must be to a
	// message's source for its translation to be suggested; 0 means 0.75,
	// and a negative value turns suggestions off.
	Suggest float64
	// Source is s's compiled source, when the languages of a site are
	// merged together; nil compiles it here.
	Source *verdict.Source
	// Words, when the languages of a site are merged together, reads each
	// source text for the translation memories once; nil reads them here.
	Words *tm.Words
}

// Imported is the work of one translator's file.
type Imported struct {
	File         string
	Translations map[string]string // by message id
	Lines        map[string]int
}

// Result is what a merge did and plans to write.
type Result struct {
	Lang     string
	Plan     plan.Plan // paths relative to the locales folder
	Folded   int       // translations taken from translate.<lang>.toml
	Restored int       // archived translations whose source came back
	Archived int       // translations moved to the archive
	Missing  int       // entries left in translate.<lang>.toml
	Stale    int
	// Suggested counts the entries given a suggestion from the
	// translation memory.
	Suggested int
	// Refused lists translations that were not taken, with the reason; they
	// stay in translate.<lang>.toml as the translator wrote them.
	Refused []Problem
	// Notes lists what a translator should know: translations kept in
	// the archive because their source is gone or changed.
	Notes []Problem
}

// Problem is something about one message.
type Problem struct {
	File string
	Line int
	ID   string
	Text string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s: %s", p.File, p.Line, p.ID, p.Text)
	}
	return fmt.Sprintf("%s: %s: %s", p.File, p.ID, p.Text)
}

// Run merges language l of site s.
func Run(s *locale.Site, l *locale.Lang, opts Options) (*Result, error) {
	if opts.Page != "" {
		if _, err := path.Match(opts.Page, ""); err != nil {
			return nil, fmt.Errorf("--page %q: %w", opts.Page, err)
		}
	}
	if err := s.ReadTranslate(l); err != nil {
		return nil, err
	}
	res := &Result{Lang: l.Tag}
	active := catalog.New()
	archive := ledger.Archive{}
	for id, e := range l.Archive {
		archive[id] = e
	}
	activeFile := path.Join(s.Name, locale.ActivePath(l.Tag))
	translateFile := path.Join(s.Name, locale.TranslatePath(l.Tag))
	refused := map[string]*catalog.Message{} // kept in the translate file
	retire := func(id string, t *catalog.Message, source string) {
		e := &ledger.Entry{Source: source, Message: *t}
		e.ID = id
		archive[id] = e
		res.Archived++
	}

	// take decides the fate of translation t of message id, read from
	// file at line: in force, archived, or refused. It reports whether t
	// is now in force.
	take := func(file string, line int, id string, t *catalog.Message) bool {
		src := s.Source.Messages[id]
		if src == nil {
			if catalog.Empty(t) {
				return false
			}
			retire(id, t, s.Retired[id])
			if !s.IsPredecessor(id) {
				// An edited message's old translation is shown as stale;
				// only one that nothing replaces is worth a note.
				res.Notes = append(res.Notes, Problem{file, line, id, "no page uses this message any more: its translation is kept in the archive"})
			}
			return false
		}
		switch v := verdict.Judge(l.Tag, src, t); v.State {
		case verdict.Missing:
			// An empty translation is no translation; nothing is lost.
			return false
		case verdict.Stale:
			retire(id, t, "")
			res.Notes = append(res.Notes, Problem{file, line, id, "translated for an earlier version of its source: kept in the archive as stale"})
			return false
		case verdict.Held:
			refused[id] = t
			res.Refused = append(res.Refused, Problem{file, line, id, v.Reason.Error()})
			return false
		}
		m := *t
		m.ID = id
		m.Hash = catalog.Hash(src)
		active.Messages[id] = &m
		delete(refused, id)
		return true
	}
	// What is in active.<lang>.toml stays only if it is current; then the
	// translator's work is folded in, and wins over what it replaces.
	for _, id := range l.Active.IDs() {
		take(activeFile, l.Active.Lines[id], id, l.Active.Messages[id])
	}
	for _, id := range l.Translate.IDs() {
		if take(translateFile, l.Translate.Lines[id], id, l.Translate.Messages[id]) {
			delete(archive, id)
			res.Folded++
		}
	}
	for _, im := range opts.Imported {
		ids := slices.Sorted(maps.Keys(im.Translations))
		for _, id := range ids {
			if cur := active.Messages[id]; cur != nil && cur.Other == im.Translations[id] {
				continue // what was exported comes back unchanged
			}
			if take(im.File, im.Lines[id], id, &catalog.Message{ID: id, Other: im.Translations[id]}) {
				delete(archive, id)
				res.Folded++
			}
		}
	}

	// An archived translation whose exact source is back is current again,
	// if it stands for it as any other translation must.
	for id, e := range archive {
		src := s.Source.Messages[id]
		if src == nil || active.Messages[id] != nil || refused[id] != nil {
			continue
		}
		m := e.Message
		if m.Hash == "" && e.Source == src.Other {
			m.Hash = catalog.Hash(src)
		}
		if verdict.Judge(l.Tag, src, &m).State == verdict.Translated {
			m.ID = id
			active.Messages[id] = &m
			delete(archive, id)
			res.Restored++
		}
	}

	// The work left to do, page by page. A refused translation is always
	// written back, whatever --page says, so that it is never lost.
	merged := &locale.Lang{Tag: l.Tag, Active: active, Archive: archive, Reviews: l.Reviews, Parents: l.Parents}
	src := opts.Source
	if src == nil {
		src = verdict.NewSource(s)
	}
	table, err := verdict.Compile(src, merged)
	if err != nil {
		return nil, err
	}
	threshold := opts.Suggest
	if threshold == 0 {
		threshold = 0.75
	}
	var b bytes.Buffer
	writeHeader(&b, l.Tag, opts)
	written := map[string]bool{}
	var memory *tm.Memory
	entry := func(w *bytes.Buffer, id, page string, blk *ledger.Block) {
		written[id] = true
		e := table.Entry(id)
		if e.State == verdict.Stale {
			res.Stale++
		} else {
			res.Missing++
		}
		sug, ok := tm.Suggestion{}, false
		if threshold > 0 {
			if memory == nil {
				// Built for the first entry that needs it: a language
				// with nothing to do needs none.
				memory = memoryOf(s, merged, opts.Words)
			}
			sug, ok = memory.Suggest(s.Source.Messages[id].Other, threshold)
		}
		if ok && e.Prior != nil && sug.Translation == e.Prior.Translation.Other {
			ok = false // already shown as the old translation
		}
		if !ok {
			sug = tm.Suggestion{}
		} else {
			res.Suggested++
		}
		writeEntry(w, s, l.Tag, id, page, blk, e, refused[id], sug, opts)
	}
	todo := func(id string) bool {
		if written[id] || active.Messages[id] != nil || s.Source.Messages[id] == nil {
			return false
		}
		// A regional variant has nothing to do where its parent
		// language's translation serves.
		return table.Entry(id).InForce == nil
	}
	for _, p := range s.Pages {
		if ok, _ := path.Match(opts.Page, p.Path); opts.Page != "" && !ok {
			continue
		}
		var page bytes.Buffer
		for i := range p.Blocks {
			blk := &p.Blocks[i]
			if !todo(blk.ID) {
				continue
			}
			if page.Len() == 0 {
				fmt.Fprintf(&page, "\n# ════ %s ════\n", path.Join(opts.ContentName, p.Path))
			}
			entry(&page, blk.ID, p.Path, blk)
		}
		b.Write(page.Bytes())
	}
	// Messages on no page (interface text, say) come last, and refused
	// translations of pages left out by --page.
	var rest []string
	for _, id := range s.Source.IDs() {
		if todo(id) && (refused[id] != nil || opts.Page == "" && !s.OnPage(id)) {
			rest = append(rest, id)
		}
	}
	if len(rest) > 0 {
		b.WriteString("\n# ════ other messages ════\n")
		for _, id := range rest {
			entry(&b, id, "", nil)
		}
	}
	sort.Slice(res.Refused, func(i, j int) bool { return res.Refused[i].String() < res.Refused[j].String() })

	activeHeader := fmt.Sprintf("# Translations into %s in force, each current for its source message.\n# Written by `glot merge`: translators work in %s, or edit here and run glot merge.\n", langName(l.Tag), locale.TranslatePath(l.Tag))
	res.Plan.WriteIfChanged(s.FS, locale.ActivePath(l.Tag), active.Bytes(activeHeader, false))
	res.Plan.WriteIfChanged(s.FS, locale.TranslatePath(l.Tag), b.Bytes())
	if len(archive) > 0 || l.HasArchive {
		res.Plan.WriteIfChanged(s.FS, ledger.ArchivePath(l.Tag), archive.Bytes(l.Tag))
	}
	return res, nil
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

// memoryOf indexes every translation of language l that has a known
// source: those in force and those archived.
func memoryOf(s *locale.Site, l *locale.Lang, words *tm.Words) *tm.Memory {
	var pairs []tm.Pair
	for _, id := range l.Active.IDs() {
		if src := s.Source.Messages[id]; src != nil {
			pairs = append(pairs, tm.Pair{ID: id, Source: src.Other, Translation: l.Active.Messages[id].Other})
		}
	}
	ids := slices.Sorted(maps.Keys(l.Archive))
	for _, id := range ids {
		if e := l.Archive[id]; e.Source != "" && e.Other != "" {
			pairs = append(pairs, tm.Pair{ID: id, Source: e.Source, Translation: e.Other})
		}
	}
	if words == nil {
		words = tm.NewWords()
	}
	return tm.NewWith(words, pairs)
}

func writeEntry(b *bytes.Buffer, s *locale.Site, lang, id, page string, blk *ledger.Block, e *verdict.Entry, kept *catalog.Message, sug tm.Suggestion, opts Options) {
	// Only a translation made for an earlier source is shown as stale; one
	// refused for this source is written back in place, below.
	stale := e.State == verdict.Stale
	prior := e.Prior
	src := s.Source.Messages[id]
	b.WriteByte('\n')
	if blk != nil {
		fmt.Fprintf(b, "# %s:%d (%s", path.Join(opts.ContentName, page), blk.Line, blk.Kind)
		if blk.Context != "" {
			fmt.Fprintf(b, ", context %s", blk.Context)
		}
		b.WriteString(")")
		if stale {
			b.WriteString(" STALE: the source changed since it was translated")
		}
		b.WriteByte('\n')
	} else if stale {
		b.WriteString("# STALE: the source changed since it was translated\n")
	}
	srcLang := s.SourceLang
	if stale {
		catalog.Comment(b, srcLang+" (now):    ", src.Other)
		if prior.Source != "" {
			catalog.Comment(b, srcLang+" (before): ", prior.Source)
		}
		for _, f := range catalog.Forms(prior.Translation) {
			label := lang + " (before): "
			if f.Name != "other" {
				label = lang + " (before, " + f.Name + "): "
			}
			catalog.Comment(b, label, f.Text)
		}
	} else {
		for _, f := range catalog.Forms(src) {
			label := srcLang + ": "
			if f.Name != "other" {
				label = srcLang + " (" + f.Name + "): "
			}
			catalog.Comment(b, label, f.Text)
		}
	}
	if src.Description != "" {
		catalog.Comment(b, "note: ", src.Description)
	}
	if blk != nil {
		for i, c := range blk.Codes {
			tag := msgtext.AtomTag(i + 1)
			if !strings.HasPrefix(c, "br ") && strings.Contains(src.Other, msgtext.OpenTag(i+1)) {
				tag = msgtext.OpenTag(i+1) + "…" + msgtext.CloseTag(i+1)
			}
			catalog.Comment(b, tag+" ", c)
		}
	}
	if sug.Translation != "" {
		catalog.Comment(b, fmt.Sprintf("suggestion (%d %%): ", int(sug.Score*100)), sug.Translation)
		catalog.Comment(b, "  translates: ", sug.Source)
		for _, r := range sug.Risks {
			b.WriteString("# CAUTION: " + r + ": check the suggestion before using it\n")
		}
	}
	m := &catalog.Message{Hash: catalog.Hash(src), Other: ""}
	if kept != nil {
		// The reason it was refused: its placeholders, or in a plural
		// form its template actions.
		reason := "it does not fit its source"
		if p := verdict.Fits(lang, src, kept); p != nil {
			reason = p.Error()
		}
		b.WriteString("# REFUSED: " + strings.ReplaceAll(reason, "\n", " ") + "\n")
		m = kept
		m.Hash = catalog.Hash(src)
	}
	fmt.Fprintf(b, "[%s]\n", catalog.Key(id))
	fmt.Fprintf(b, "hash = %s\n", catalog.Quote(m.Hash))
	forms := catalog.Forms(m)
	if len(forms) == 0 {
		forms = []catalog.Form{{Name: "other"}}
		if len(catalog.Forms(src)) > 1 {
			// A message with plural forms gets those of the language
			// it is translated into: Arabic has six.
			forms = nil
			for _, f := range langtag.PluralForms(lang) {
				forms = append(forms, catalog.Form{Name: f})
			}
			b.WriteString("# plural forms of " + lang + ": " + pluralNote(lang) + "\n")
		}
	}
	for _, f := range forms {
		fmt.Fprintf(b, "%s = %s\n", f.Name, catalog.Quote(f.Text))
	}
}

// Approval selects the translations a reviewer signs off.
type Approval struct {
	IDs  []string // these messages
	Page string   // or every message of the pages matching this glob
	All  bool     // or every translation in force
	By   string   // the reviewer's name, recorded with each review
}

// Approve records the sign-off of the translations in force of l that a
// selects, each for its exact text, in the review file. It returns the
// plan and how many translations it marked. Only l's own translations are
// signed off: one a regional variant shows from its parent language is
// that language's to review.
func Approve(s *locale.Site, l *locale.Lang, a Approval) (plan.Plan, int, error) {
	var p plan.Plan
	if a.Page != "" {
		if _, err := path.Match(a.Page, ""); err != nil {
			return p, 0, fmt.Errorf("--page %q: %w", a.Page, err)
		}
	}
	table, err := verdict.Compile(verdict.NewSource(s), l)
	if err != nil {
		return p, 0, err
	}
	own := func(id string) bool {
		e := table.Entry(id)
		return e != nil && e.State == verdict.Translated && e.From == l.Tag
	}
	want := map[string]bool{}
	for _, id := range a.IDs {
		if s.Source.Messages[id] == nil {
			return p, 0, fmt.Errorf("no message %q in the source catalog", id)
		}
		if !own(id) {
			return p, 0, fmt.Errorf("message %s has no translation in force in %s: nothing to approve", id, l.Tag)
		}
		want[id] = true
	}
	matched := false
	for _, pg := range s.Pages {
		if ok, _ := path.Match(a.Page, pg.Path); a.Page != "" && ok {
			matched = true
			for _, b := range pg.Blocks {
				want[b.ID] = true
			}
		}
	}
	if a.Page != "" && !matched {
		return p, 0, fmt.Errorf("no page matches %q", a.Page)
	}
	reviews := ledger.Reviews{}
	for id, r := range l.Reviews {
		reviews[id] = r
	}
	n := 0
	for _, id := range s.Source.IDs() {
		if !a.All && !want[id] {
			continue
		}
		if !own(id) || table.Entry(id).Reviewed {
			continue
		}
		reviews[id] = ledger.Review{Translation: ledger.TextHash(l.Active.Messages[id]), By: a.By}
		n++
	}
	// Reviews of translations that have changed or gone say nothing any
	// more.
	for id, r := range reviews {
		t := l.Active.Messages[id]
		if t == nil || r.Translation != ledger.TextHash(t) {
			delete(reviews, id)
		}
	}
	p.WriteIfChanged(s.FS, ledger.ReviewPath(l.Tag), reviews.Bytes(l.Tag))
	return p, n, nil
}
