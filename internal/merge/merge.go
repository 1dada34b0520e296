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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Options tune a merge.
type Options struct {
	// ContentName is the content folder's name, for the page headings of
	// the translate file: as glot.toml names it, so that the file reads
	// the same wherever glot ran.
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
	// Words, when the languages of a site are merged together, reads each
	// source text for the translation memories once; nil reads them here.
	Words *tm.Words
	// TrustReview records the review of the translations an imported
	// file marks reviewed (see Imported.Reviewed), as glot approve does;
	// without it they are taken as translated.
	TrustReview bool
	// Partial folds in what is sound in an imported file that has units
	// for messages the site never had, leaving those out and naming each
	// in Result.LeftOut; without it such a file is an error, and nothing
	// of it is taken.
	Partial bool
	// Shared, for Refresh, gives the index of every source text that the
	// translation memories of the languages share, made once when one
	// first needs it.
	Shared func() (*tm.Shared, error)
}

// Imported is the work of one translator's file.
type Imported struct {
	File string
	// Translations holds, by message id, the plural forms the file brought
	// back; a form it did not bring back is "". The forms it did not bring
	// back stay as they are in force.
	Translations map[string]*catalog.Message
	Lines        map[string]int
	// Reviewed holds the messages the file marks reviewed.
	Reviewed map[string]bool
	// Sources holds, by message id, the source text the file carries
	// beside each translation, by plural form: a translation made against
	// a source other than the current one is kept as stale, in the
	// archive, with that source as its history.
	Sources map[string]*catalog.Message
	// BySource holds translations the file names by their source text
	// alone (by its other form), with their lines: each stands for every
	// message whose source that is.
	BySource      map[string]*catalog.Message
	BySourceLines map[string]int
	// Faults are the units of the file that cannot be taken. Merge
	// refuses the whole file for one, unless Options.Partial is given:
	// then what the file holds for each faulty message is left out.
	Faults []Problem
}

// Result is what a merge did and plans to write.
type Result struct {
	Lang string
	Plan plan.Plan // paths relative to the locales folder
	// Active is the language's catalog as merged, as the plan writes it;
	// nil when the merge leaves it as it was (Refresh). A regional variant
	// merged after it inherits from this one, and starts from what its
	// Archive, as merged, keeps.
	Active   *catalog.Catalog
	Archive  ledger.Archive
	Folded   int // translations taken from translate.<lang>.toml
	Restored int // archived translations whose source came back
	Archived int // translations moved to the archive
	Missing  int // entries left in translate.<lang>.toml
	Stale    int
	// Drafts counts the entries of the translate file that a translator
	// edited but left marked fuzzy (catalog.FuzzyMark): not taken until
	// the mark is deleted.
	Drafts int
	// Left is what is left to do in the language once the merge is
	// done, counted as glot status counts it.
	Left Left
	// Suggested counts the entries given a suggestion from the
	// translation memory.
	Suggested int
	// Reviewed counts the translations marked reviewed by an imported
	// file whose review was recorded (Options.TrustReview).
	Reviewed int
	// Unreviewed counts, by imported file, the translations it marks
	// reviewed that are in force without a review in glot, since
	// Options.TrustReview was not given.
	Unreviewed map[string]int
	// Refused lists translations that were not taken, with the reason; they
	// stay in translate.<lang>.toml as the translator wrote them.
	Refused []Problem
	// Held lists translations taken in that fail a blocking check (a
	// number, an address, a required term, a hidden character): they are
	// kept, but no page shows them until a reviewer approves them.
	Held []Problem
	// Notes lists what a translator should know: translations kept in
	// the archive because their source is gone or changed.
	Notes []Problem
	// LeftOut names the imported units that Options.Partial left out.
	LeftOut []Problem
}

// Left counts the messages of a language that are not translated, by
// state, as glot status counts them from the compiled table (see
// verdict.Summary): the language's, whatever --page says.
type Left struct {
	Missing int
	Stale   int // held back ones included, as status counts them
	Held    int // in force but held back by a blocking check, unapproved
}

// LeftOf is what table t says is left to do.
func LeftOf(t *verdict.Table) Left {
	sum := t.Summary()
	return Left{Missing: sum.Missing, Stale: sum.Stale + sum.Held, Held: sum.Held}
}

// Problem is something about one message.
type Problem struct {
	File string
	Line int
	ID   string
	Text string
}

func (p Problem) String() string {
	if p.ID == "" {
		// A unit that names no message, only a source text.
		return fmt.Sprintf("%s: %s", p.Where(), p.Text)
	}
	return fmt.Sprintf("%s: %s: %s", p.Where(), p.ID, p.Text)
}

// Where is the file of p, and its line where known.
func (p Problem) Where() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
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
	rules := verdict.RulesOf(s)
	active := catalog.New()
	archive := ledger.Archive{}
	for id, e := range l.Archive {
		archive[id] = e
	}
	activeFile := path.Join(s.Name, locale.ActivePath(l.Tag))
	translatePath := path.Join(s.Name, locale.TranslatePath(l.Tag))
	refused := map[string]*catalog.Message{} // kept in the translate file
	why := map[string]string{}               // why each was refused
	retire := func(id string, t *catalog.Message, source string) {
		e := &ledger.Entry{Source: source, Message: *t}
		e.ID = id
		archive[id] = e
		res.Archived++
	}

	// refusedForm holds, by index in res.Refused, the key of the entry
	// that is wrong ("other", "one"..., "" for the [id] line), so that
	// the refusal can point at it in the translate file merge writes.
	refusedForm := map[int]string{}
	heldForm := map[int]string{} // as refusedForm, for res.Held
	noteForm := map[int]string{} // and for res.Notes
	refuse := func(file string, line int, id, form string, t *catalog.Message, reason string) {
		refused[id], why[id] = t, reason
		refusedForm[len(res.Refused)] = form
		res.Refused = append(res.Refused, Problem{file, line, id, reason})
	}
	unknown := map[string]*catalog.Message{} // translate-file entries of ids the site never had
	drafts := map[string]*catalog.Message{}  // translate-file entries marked fuzzy: not taken
	heldNow := map[string]bool{}             // in force, held back by a blocking check
	restored := map[string]bool{}
	var index *idIndex // for the ids they most likely stand for

	// take decides the fate of translation t of message id, read from
	// file, where lineOf gives the line of each of its keys: in force,
	// archived, or refused. It reports whether t is now in force.
	take := func(file string, lineOf func(id, key string) int, id string, t *catalog.Message) bool {
		src := s.Source.Messages[id]
		if file == translatePath && l.Translate.Fuzzy[id] > 0 {
			// A draft the translator has not confirmed: it goes back
			// into the translate file as it is, still marked. One of a
			// message that is gone and that is what the archive holds
			// already needs nothing more.
			if src != nil {
				if !catalog.Empty(t) {
					drafts[id] = t
				}
				return false
			}
			if e := archive[id]; e != nil && sameForms(&e.Message, t) {
				return false
			}
		}
		if src == nil {
			if catalog.Empty(t) {
				return false
			}
			if s.Retired[id] == "" && !s.IsPredecessor(id) {
				// No message of the site ever had this id: an id
				// mistyped, most likely. The translation goes back to
				// the translator, who can correct the id; one in the
				// catalog is kept in the archive.
				if index == nil {
					index = newIDIndex(s)
				}
				reason := "no message of the site has this id" + closestID(index, l.Translate, id, t)
				if file == translatePath {
					unknown[id] = t
					refuse(file, lineOf(id, ""), id, "", t, reason)
					return false
				}
				retire(id, t, "")
				res.Notes = append(res.Notes, Problem{file, lineOf(id, ""), id, reason + ": its translation is kept in the archive"})
				return false
			}
			retire(id, t, s.Retired[id])
			if !s.IsPredecessor(id) {
				// An edited message's old translation is shown as stale;
				// only one that nothing replaces is worth a note.
				res.Notes = append(res.Notes, Problem{file, lineOf(id, ""), id, "no page uses this message any more: its translation is kept in the archive"})
			}
			return false
		}
		if t.Hash != "" && t.Hash != catalog.Hash(src) && slipped(s, l, id, src, t.Hash) {
			noteForm[len(res.Notes)] = "hash"
			res.Notes = append(res.Notes, Problem{file, lineOf(id, "hash"), id,
				"its hash is that of no version of its source, so it was edited: the translation is taken as made for the current source (leave hash as glot merge writes it)"})
			c := *t
			c.Hash = ""
			t = &c
		}
		if file == translatePath && len(catalog.Forms(src)) == 1 && !catalog.Empty(t) {
			// A message with one text has no plural forms: go-i18n would
			// keep a "one" form, and no page would ever show it.
			for _, f := range catalog.Forms(t) {
				if f.Name != "other" {
					refuse(file, lineOf(id, f.Name), id, f.Name, t, fmt.Sprintf("this message has no plural forms, only other: remove the `%s` line", f.Name))
					return false
				}
			}
		}
		v := rules.Judge(l.Tag, src, t)
		switch v.State {
		case verdict.Missing:
			// An empty translation is no translation; nothing is lost.
			return false
		case verdict.Stale:
			retire(id, t, "")
			res.Notes = append(res.Notes, Problem{file, lineOf(id, "hash"), id, "translated for an earlier version of its source: kept in the archive as stale"})
			return false
		case verdict.Held:
			if !verdict.Takes(v) {
				refuse(file, lineOf(id, v.Reason.Form), id, v.Reason.Form, t, v.Reason.Error())
				return false
			}
			if !verdict.Approved(v, l.Reviews, id, t) {
				heldForm[len(res.Held)] = v.Reason.Form
				res.Held = append(res.Held, Problem{file, lineOf(id, v.Reason.Form), id, v.Reason.Error()})
			}
		}
		heldNow[id] = v.State == verdict.Held && !verdict.Approved(v, l.Reviews, id, t)
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
		take(activeFile, l.Active.LineOf, id, l.Active.Messages[id])
	}
	waiting := map[string]*catalog.Message{} // taken from the translate file
	for _, id := range l.Translate.IDs() {
		if take(translatePath, l.Translate.LineOf, id, l.Translate.Messages[id]) {
			delete(archive, id)
			waiting[id] = active.Messages[id]
			res.Folded++
		}
	}
	// marked holds, by message, the file that brought back the
	// translation now in force and marks it reviewed.
	marked := map[string]string{}
	imports, leftOut, err := admit(s, opts.Imported, opts.Partial)
	if err != nil {
		return nil, err
	}
	res.LeftOut = leftOut
	for _, im := range imports {
		ids := slices.Sorted(maps.Keys(im.Translations))
		for _, id := range ids {
			if src, carried := s.Source.Messages[id], im.Sources[id]; src != nil && carried != nil && !madeFor(src, carried) {
				// Made against another version of the source: not a
				// translation of this one. It is kept as a stale one is,
				// and offered beside the new source with that history.
				t, _ := overlay(src, nil, im.Translations[id])
				t.Hash = catalog.Hash(carried)
				switch {
				case catalog.Empty(t):
				case active.Messages[id] != nil:
					res.Notes = append(res.Notes, Problem{im.File, im.Lines[id], id,
						fmt.Sprintf("translated from an earlier source, %s: the translation of the current source stays, and this one is not taken", quoteShort(carried.Other))})
				default:
					retire(id, t, carried.Other)
					res.Notes = append(res.Notes, Problem{im.File, im.Lines[id], id,
						fmt.Sprintf("translated from an earlier source, %s: kept as stale, and shown in %s beside the new source", quoteShort(carried.Other), translatePath)})
				}
				continue
			}
			t, changed := overlay(s.Source.Messages[id], active.Messages[id], im.Translations[id])
			if !changed {
				// What was exported comes back unchanged, perhaps
				// reviewed since.
				if im.Reviewed[id] && active.Messages[id] != nil {
					marked[id] = im.File
				}
				continue
			}
			for _, f := range catalog.Forms(im.Translations[id]) {
				if src := s.Source.Messages[id]; src != nil && !slices.Contains(shownForms(l.Tag, src), f.Name) {
					res.Notes = append(res.Notes, Problem{im.File, im.Lines[id], id,
						fmt.Sprintf("the plural form %s is not one that %s uses for this message (%s): it is kept, but no page shows it", f.Name, l.Tag, strings.Join(shownForms(l.Tag, src), ", "))})
				}
			}
			w := waiting[id]
			if take(im.File, func(id, _ string) int { return im.Lines[id] }, id, t) {
				delete(archive, id)
				res.Folded++
				delete(marked, id)
				if im.Reviewed[id] {
					marked[id] = im.File
				}
				if w != nil {
					// Two translators' work for one message: the file
					// imported wins, and the other is kept where merge
					// offers it again, beside the source.
					delete(waiting, id)
					retire(id, w, s.Source.Messages[id].Other)
					res.Notes = append(res.Notes, Problem{im.File, im.Lines[id], id,
						fmt.Sprintf("replaces the translation waiting in %s, which is kept in the archive", translatePath)})
				}
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
		if rules.Restorable(l.Tag, src, e) {
			m := e.Message
			m.ID, m.Hash = id, catalog.Hash(src)
			active.Messages[id] = &m
			delete(archive, id)
			restored[id] = true
			res.Restored++
		}
	}

	// The work left to do, page by page. A refused translation is always
	// written back, whatever --page says, so that it is never lost.
	merged := &locale.Lang{Tag: l.Tag, Active: active, Archive: archive, Reviews: l.Reviews, Parents: l.Parents}
	entries := map[string]*verdict.Entry{}
	entryOf := func(id string) *verdict.Entry {
		if e, ok := entries[id]; ok {
			return e
		}
		e := rules.EntryOf(merged, sourceMessage(s, id))
		entries[id] = e
		return e
	}
	if len(marked) > 0 && opts.TrustReview {
		// Signed off as glot approve signs off, against the catalog as
		// merged: the review file is planned with the rest.
		p, n, err := Approve(s, merged, Approval{Marked: slices.Sorted(maps.Keys(marked))})
		if err != nil {
			return nil, err
		}
		res.Plan.Writes = append(res.Plan.Writes, p.Writes...)
		res.Reviewed = n
	} else if len(marked) > 0 {
		res.Unreviewed = map[string]int{}
		for id, file := range marked {
			if e := entryOf(id); e.State == verdict.Translated && e.From == l.Tag && !e.Reviewed {
				res.Unreviewed[file]++
			}
		}
	}
	written := map[string]bool{}
	todo := func(id string) bool {
		if written[id] || s.Source.Messages[id] == nil {
			return false
		}
		// A refused edit of a translation in force goes back to the
		// translator too, beside the translation that stays: it is
		// their work, and glot has said it keeps it.
		if refused[id] != nil {
			return true
		}
		// So does a draft that differs from what is in force: the
		// translator's words, not yet confirmed.
		if d := drafts[id]; d != nil && (active.Messages[id] == nil || !sameForms(active.Messages[id], d)) {
			return true
		}
		if active.Messages[id] != nil {
			return false
		}
		// A regional variant has nothing to do where its parent
		// language's translation serves.
		return entryOf(id).InForce == nil
	}
	var items []item
	add := func(id, page string, blk *ledger.Block) {
		written[id] = true
		it := item{id: id, src: s.Source.Messages[id], page: page, blk: blk, entry: entryOf(id), refused: refused[id], why: why[id], draft: drafts[id]}
		if len(l.Parents) > 0 {
			it.from, it.inherited = inherited(rules, l, sourceMessage(s, id))
		}
		items = append(items, it)
	}
	for _, p := range s.Pages {
		if ok, _ := path.Match(opts.Page, p.Path); opts.Page != "" && !ok {
			continue
		}
		for i := range p.Blocks {
			if blk := &p.Blocks[i]; todo(blk.ID) {
				add(blk.ID, p.Path, blk)
			}
		}
	}
	// Messages on no page (interface text, say) come last, and refused
	// translations of pages left out by --page.
	for _, id := range s.Source.IDs() {
		if todo(id) && (refused[id] != nil || drafts[id] != nil || opts.Page == "" && !s.OnPage(id)) {
			add(id, "", nil)
		}
	}
	// What is left to do, as status will count it: a translation take
	// put in force is translated or held back, as it judged it; any
	// other message is what the verdict on the merged catalog says.
	for _, id := range s.Source.IDs() {
		st := verdict.Translated
		switch {
		case active.Messages[id] != nil && !restored[id]:
			if heldNow[id] {
				st = verdict.Held
			}
		default:
			st = entryOf(id).State
		}
		switch st {
		case verdict.Held:
			res.Left.Held++
			res.Left.Stale++
		case verdict.Stale:
			res.Left.Stale++
		case verdict.Missing:
			res.Left.Missing++
		}
	}
	build := func() *tm.Memory {
		// Every translation of the language with a known source: those in
		// force and those archived. One that fails a blocking check
		// against its own source is never offered, approved or not: a
		// dose converted for one page is wrong on another.
		var ps []tm.Pair
		for _, id := range active.IDs() {
			if src := s.Source.Messages[id]; src != nil && rules.Fits(l.Tag, src, active.Messages[id]) == nil {
				ps = append(ps, tm.Pair{ID: id, Key: id, Source: src.Other, Translation: active.Messages[id].Other})
			}
		}
		words := opts.Words
		if words == nil {
			words = tm.NewWords()
		}
		return tm.NewWith(words, append(ps, archivePairs(rules, l.Tag, archive)...), nil)
	}
	var lost []item
	for _, id := range slices.Sorted(maps.Keys(unknown)) {
		lost = append(lost, item{id: id, refused: unknown[id], why: why[id]})
	}
	text := translateFile(l.Tag, s.SourceLang, items, lost, opts, memory(suggestThreshold(opts), build), res)
	activeText := activeBytes(s, l.Tag, active)
	// What merge says of an entry it read points at where the entry is
	// once merge has written: the translator reads those files, not the
	// ones merge read.
	at := places{translatePath: translatePath, translate: text, activeFile: activeFile, active: activeText, archiveFile: path.Join(s.Name, ledger.ArchivePath(l.Tag))}
	at.point(res.Refused, refusedForm)
	at.point(res.Held, heldForm)
	at.point(res.Notes, noteForm)
	sort.Slice(res.Refused, func(i, j int) bool { return res.Refused[i].String() < res.Refused[j].String() })
	sort.Slice(res.Held, func(i, j int) bool { return res.Held[i].String() < res.Held[j].String() })

	res.Active, res.Archive = active, archive
	res.Plan.WriteIfChanged(s.FS, locale.ActivePath(l.Tag), activeText)
	res.Plan.WriteIfChanged(s.FS, locale.TranslatePath(l.Tag), text)
	if len(archive) > 0 || l.HasArchive {
		res.Plan.WriteIfChanged(s.FS, ledger.ArchivePath(l.Tag), archive.Bytes(l.Tag))
	}
	return res, nil
}

// places are the files merge writes, for pointing what it says of an
// entry at where the entry is in them.
type places struct {
	translatePath, activeFile, archiveFile string
	translate, active                      []byte
	parsed                                 map[string]*catalog.Catalog // by file, once read
}

// point moves each problem of ps that names an entry read from the
// translate file or the catalog to that entry's place in the files as
// merge writes them: the translate file (a refusal, a draft, a stale
// entry), else the catalog (a translation taken), else the archive. It
// points at the line of the key form gives, by index in ps ("other",
// "one"..., "" or none for the [id] line).
func (pl *places) point(ps []Problem, form map[int]string) {
	for i := range ps {
		p := &ps[i]
		if p.ID == "" || p.File != pl.translatePath && p.File != pl.activeFile {
			continue
		}
		switch {
		case pl.holds(pl.translatePath, pl.translate, p.ID):
			p.File, p.Line = pl.translatePath, pl.parsed[pl.translatePath].LineOf(p.ID, form[i])
		case pl.holds(pl.activeFile, pl.active, p.ID):
			p.File, p.Line = pl.activeFile, pl.parsed[pl.activeFile].LineOf(p.ID, form[i])
		default:
			p.File, p.Line = pl.archiveFile, 0
		}
	}
}

// holds reports whether file, whose text is data, has message id.
func (pl *places) holds(file string, data []byte, id string) bool {
	if pl.parsed == nil {
		pl.parsed = map[string]*catalog.Catalog{}
	}
	c, ok := pl.parsed[file]
	if !ok {
		// Merge wrote it: it parses. Should it not, nothing is moved
		// there, and the lines read before are the best known.
		c, _ = catalog.ParseKeyed(file, data)
		pl.parsed[file] = c
	}
	return c != nil && c.Messages[id] != nil
}

// activeBytes writes active, the catalog of lang, each translation under
// its source as a comment (see catalog.TranslationBytes): the current
// source of its id, which is the one it translates, for a translation that
// is no longer current leaves the catalog.
func activeBytes(s *locale.Site, lang string, active *catalog.Catalog) []byte {
	return active.TranslationBytes(activeHeader(lang), s.SourceLang, func(id string) *catalog.Message {
		return s.Source.Messages[id]
	})
}

// ActiveCurrent reports whether the catalog of lang in fsys is written as
// this glot writes it, which its header says: a catalog an earlier glot
// wrote, without the source above each translation, must be merged in
// full once (Run), for Refresh leaves the catalog as it is. A language
// with no catalog yet is current: Refresh writes it.
func ActiveCurrent(fsys fs.FS, lang string) (bool, error) {
	f, err := fsys.Open(locale.ActivePath(lang))
	if errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	want := activeHeader(lang)
	got := make([]byte, len(want))
	n, err := io.ReadFull(f, got)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return string(got[:n]) == want, nil
}

// activeHeader is the comment at the head of a language's catalog.
func activeHeader(lang string) string {
	return fmt.Sprintf("# Translations into %s in force, each current for its source message.\n# Written by `glot merge`: translators work in %s, or edit here and run glot merge.\n# The comment above each entry is the source text it translates.\n", langName(lang), locale.TranslatePath(lang))
}

// suggestThreshold is how alike a source must be for its translation to
// be suggested; 0 for none.
func suggestThreshold(opts Options) float64 {
	switch {
	case opts.Suggest < 0:
		return 0
	case opts.Suggest == 0:
		return 0.75
	}
	return opts.Suggest
}

// sourceMessage is message id of the source of s, with what the verdict
// asks of it.
func sourceMessage(s *locale.Site, id string) *verdict.SourceMessage {
	m := s.Source.Messages[id]
	sm := &verdict.SourceMessage{ID: id, Message: m, Hash: catalog.Hash(m)}
	for _, w := range s.Was(id) {
		sm.Was = append(sm.Was, verdict.Predecessor{ID: w, Text: s.SourceText(w)})
	}
	return sm
}

// archivePairs are the archived translations whose source is known, for
// the translation memory, sorted by id: those that pass the blocking
// checks against their own source.
func archivePairs(rules *verdict.Rules, lang string, archive ledger.Archive) []tm.Pair {
	var ps []tm.Pair
	for _, id := range slices.Sorted(maps.Keys(archive)) {
		e := archive[id]
		if e.Source != "" && e.Other != "" && rules.Fits(lang, &catalog.Message{Other: e.Source}, &catalog.Message{Other: e.Other}) == nil {
			ps = append(ps, tm.Pair{ID: id, Source: e.Source, Translation: e.Other})
		}
	}
	return ps
}

// inherited is the text of message sm that a regional variant's nearest
// parent language with one has, and that language: one that does not
// stand for the current source (stale, or held back), since one that
// stands is the variant's translation already. A translator of pt-BR
// starts from pt's text, to correct or keep.
func inherited(rules *verdict.Rules, l *locale.Lang, sm *verdict.SourceMessage) (string, *catalog.Message) {
	for _, p := range l.Parents {
		if p.Shipped {
			continue
		}
		e := rules.EntryOf(p, sm)
		switch {
		case e.Own != nil && !catalog.Empty(e.Own):
			return p.Tag, e.Own
		case e.Prior != nil && !catalog.Empty(e.Prior.Translation):
			return p.Tag, e.Prior.Translation
		}
	}
	return "", nil
}

// sameForms reports whether a and b hold the same text in every plural
// form.
func sameForms(a, b *catalog.Message) bool {
	return slices.Equal(catalog.Forms(a), catalog.Forms(b))
}

// overlay is the translation of message src that an import bringing the
// forms of brought makes of cur, the translation in force (nil for none):
// cur with each form brought in place of its own, so that an import of
// some forms of a message keeps the others. It reports whether that
// changes cur.
func overlay(src, cur, brought *catalog.Message) (*catalog.Message, bool) {
	t := &catalog.Message{ID: brought.ID}
	if cur != nil {
		*t = *cur
	} else if src != nil {
		// A translator's file carries no template delimiters: those of
		// the source are the translation's.
		t.LeftDelim, t.RightDelim = src.LeftDelim, src.RightDelim
	}
	changed := cur == nil
	for _, f := range catalog.Forms(brought) {
		if catalog.FormText(t, f.Name) != f.Text {
			catalog.SetForm(t, f.Name, f.Text)
			changed = true
		}
	}
	return t, changed
}

// shownForms are the plural forms of a translation of src into lang that
// a page can show: every form lang distinguishes for a message with plural
// forms, the other form alone for one with one text.
func shownForms(lang string, src *catalog.Message) []string {
	if len(catalog.Forms(src)) > 1 {
		return langtag.PluralForms(lang)
	}
	return []string{"other"}
}
