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

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
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

// Validate checks the options a person gives (Page), with an
// *option.Error for one that cannot be taken.
func (o Options) Validate() error { return option.Glob("page", o.Page, path.Match) }

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

// Run merges language l of site s: it folds the catalog, the translate
// file and the imported files into the catalog, in that order, each
// translation judged by the verdict; brings back archived translations
// whose source is back; and plans the catalog, the archive and the
// translate file, with the work left to do.
func Run(s *locale.Site, l *locale.Lang, opts Options) (*Result, error) {
	if err := opts.Validate(); err != nil {
		return nil, err
	}
	if err := s.ReadTranslate(l); err != nil {
		return nil, err
	}
	m := newMerger(s, l, opts)
	m.foldFiles()
	if err := m.foldImports(); err != nil {
		return nil, err
	}
	m.restore()
	m.merged = &locale.Lang{Tag: l.Tag, Active: m.active, Archive: m.archive, Reviews: l.Reviews, Parents: l.Parents}
	if err := m.review(); err != nil {
		return nil, err
	}
	items := m.work()
	m.countLeft()
	text := translateFile(l.Tag, s.SourceLang, items, m.lost(), opts, memory(suggestThreshold(opts), m.memory), m.res)
	m.plan(text)
	return m.res, nil
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
// its source as a comment: the current source of its id, which is the one
// it translates, for a translation that is no longer current leaves the
// catalog.
func activeBytes(s *locale.Site, lang string, active *catalog.Catalog) []byte {
	return CatalogBytes(lang, s.SourceLang, active, func(id string) *catalog.Message { return s.Source.Messages[id] })
}

// CatalogBytes writes active.<lang>.toml as glot merge writes it, from
// active, the language's catalog, and source, the source message of each
// id (see catalog.TranslationBytes): what else makes a catalog (the
// benchmarks' generator) writes it so, for merge to take it as its own.
func CatalogBytes(lang, srcLang string, active *catalog.Catalog, source func(id string) *catalog.Message) []byte {
	return active.TranslationBytes(activeHeader(lang), srcLang, source)
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
