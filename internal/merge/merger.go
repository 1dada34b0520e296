package merge

import (
	"maps"
	"path"
	"slices"
	"sort"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/verdict"
)

// merger is one run of Run: the language's files as read, the catalog and
// the archive as they are being merged, and what the merge has to say.
// Each step of Run is one of its methods.
type merger struct {
	s     *locale.Site
	l     *locale.Lang
	opts  Options
	rules *verdict.Rules
	res   *Result

	active  *catalog.Catalog // the catalog, as merged
	archive ledger.Archive   // the archive, as merged
	// The catalog's and the translate file's paths, as the user knows
	// them, for what merge says.
	activeFile, translatePath string

	refused  map[string]*catalog.Message // refused, kept in the translate file
	why      map[string]string           // why each was refused
	unknown  map[string]*catalog.Message // translate-file entries of ids the site never had
	drafts   map[string]*catalog.Message // translate-file entries marked fuzzy: not taken
	heldNow  map[string]bool             // in force, held back by a blocking check
	restored map[string]bool             // brought back from the archive
	waiting  map[string]*catalog.Message // taken from the translate file
	// marked holds, by message, the imported file that brought back the
	// translation now in force and marks it reviewed.
	marked map[string]string
	index  *idIndex // for the ids that unknown ones most likely stand for

	// refusedForm, heldForm and noteForm hold, by index in res.Refused,
	// res.Held and res.Notes, the key of the entry each is about
	// ("other", "one"..., "" for the [id] line), so that it can point at
	// that line in the files merge writes (see places).
	refusedForm, heldForm, noteForm map[int]string

	merged  *locale.Lang // the language as merged, once folding is done
	entries map[string]*verdict.Entry
}

func newMerger(s *locale.Site, l *locale.Lang, opts Options) *merger {
	m := &merger{
		s: s, l: l, opts: opts, rules: verdict.RulesOf(s), res: &Result{Lang: l.Tag},
		active: catalog.New(), archive: ledger.Archive{},
		activeFile:    path.Join(s.Name, locale.ActivePath(l.Tag)),
		translatePath: path.Join(s.Name, locale.TranslatePath(l.Tag)),
		refused:       map[string]*catalog.Message{}, why: map[string]string{},
		unknown: map[string]*catalog.Message{}, drafts: map[string]*catalog.Message{},
		heldNow: map[string]bool{}, restored: map[string]bool{},
		waiting: map[string]*catalog.Message{}, marked: map[string]string{},
		refusedForm: map[int]string{}, heldForm: map[int]string{}, noteForm: map[int]string{},
		entries: map[string]*verdict.Entry{},
	}
	for id, e := range l.Archive {
		m.archive[id] = e
	}
	return m
}

// retire moves translation t of message id to the archive, with the
// source it translated when known.
func (m *merger) retire(id string, t *catalog.Message, source string) {
	e := &ledger.Entry{Source: source, Message: *t}
	e.ID = id
	m.archive[id] = e
	m.res.Archived++
}

// refuse keeps translation t of message id in the translate file, with
// the reason, said at the line of key form.
func (m *merger) refuse(file string, line int, id, form string, t *catalog.Message, reason string) {
	m.refused[id], m.why[id] = t, reason
	m.refusedForm[len(m.res.Refused)] = form
	m.res.Refused = append(m.res.Refused, Problem{file, line, id, reason})
}

// note says something a translator should know about message id.
func (m *merger) note(file string, line int, id, form, text string) {
	m.noteForm[len(m.res.Notes)] = form
	m.res.Notes = append(m.res.Notes, Problem{file, line, id, text})
}

// foldFiles folds in the language's own files: what is in the catalog
// stays only if it is current; then the translator's work in the
// translate file is folded in, and wins over what it replaces.
func (m *merger) foldFiles() {
	for _, id := range m.l.Active.IDs() {
		m.take(m.activeFile, m.l.Active.LineOf, id, m.l.Active.Messages[id])
	}
	for _, id := range m.l.Translate.IDs() {
		if m.take(m.translatePath, m.l.Translate.LineOf, id, m.l.Translate.Messages[id]) {
			delete(m.archive, id)
			m.waiting[id] = m.active.Messages[id]
			m.res.Folded++
		}
	}
}

// restore brings back an archived translation whose exact source is back,
// if it stands for it as any other translation must.
func (m *merger) restore() {
	for id, e := range m.archive {
		src := m.s.Source.Messages[id]
		if src == nil || m.active.Messages[id] != nil || m.refused[id] != nil {
			continue
		}
		if m.rules.Restorable(m.l.Tag, src, e) {
			t := e.Message
			t.ID, t.Hash = id, catalog.Hash(src)
			m.active.Messages[id] = &t
			delete(m.archive, id)
			m.restored[id] = true
			m.res.Restored++
		}
	}
}

// entryOf is what the merged language has for message id, by the verdict.
func (m *merger) entryOf(id string) *verdict.Entry {
	if e, ok := m.entries[id]; ok {
		return e
	}
	e := m.rules.EntryOf(m.merged, sourceMessage(m.s, id))
	m.entries[id] = e
	return e
}

// review records the review of the translations imported files mark
// reviewed, as glot approve signs off, against the catalog as merged,
// when Options.TrustReview says to; else it counts them, by file, for
// merge to say that their review was not kept.
func (m *merger) review() error {
	if len(m.marked) == 0 {
		return nil
	}
	if m.opts.TrustReview {
		p, n, err := Approve(m.s, m.merged, Approval{Marked: slices.Sorted(maps.Keys(m.marked))})
		if err != nil {
			return err
		}
		m.res.Plan.Writes = append(m.res.Plan.Writes, p.Writes...)
		m.res.Reviewed = n
		return nil
	}
	m.res.Unreviewed = map[string]int{}
	for id, file := range m.marked {
		if e := m.entryOf(id); e.State == verdict.Translated && e.From == m.l.Tag && !e.Reviewed {
			m.res.Unreviewed[file]++
		}
	}
	return nil
}

// countLeft counts what is left to do, as status will count it: a
// translation take put in force is translated or held back, as it judged
// it; any other message is what the verdict on the merged catalog says.
func (m *merger) countLeft() {
	for _, id := range m.s.Source.IDs() {
		st := verdict.Translated
		switch {
		case m.active.Messages[id] != nil && !m.restored[id]:
			if m.heldNow[id] {
				st = verdict.Held
			}
		default:
			st = m.entryOf(id).State
		}
		switch st {
		case verdict.Held:
			m.res.Left.Held++
			m.res.Left.Stale++
		case verdict.Stale:
			m.res.Left.Stale++
		case verdict.Missing:
			m.res.Left.Missing++
		}
	}
}

// plan points what merge says at the files as it writes them, and plans
// them: the catalog, the translate file (text) and the archive.
func (m *merger) plan(text []byte) {
	activeText := activeBytes(m.s, m.l.Tag, m.active)
	// The translator reads the files merge writes, not the ones it read.
	at := places{translatePath: m.translatePath, translate: text, activeFile: m.activeFile, active: activeText,
		archiveFile: path.Join(m.s.Name, ledger.ArchivePath(m.l.Tag))}
	at.point(m.res.Refused, m.refusedForm)
	at.point(m.res.Held, m.heldForm)
	at.point(m.res.Notes, m.noteForm)
	sort.Slice(m.res.Refused, func(i, j int) bool { return m.res.Refused[i].String() < m.res.Refused[j].String() })
	sort.Slice(m.res.Held, func(i, j int) bool { return m.res.Held[i].String() < m.res.Held[j].String() })

	m.res.Active, m.res.Archive = m.active, m.archive
	m.res.Plan.WriteIfChanged(m.s.FS, locale.ActivePath(m.l.Tag), activeText)
	m.res.Plan.WriteIfChanged(m.s.FS, locale.TranslatePath(m.l.Tag), text)
	if len(m.archive) > 0 || m.l.HasArchive {
		m.res.Plan.WriteIfChanged(m.s.FS, ledger.ArchivePath(m.l.Tag), m.archive.Bytes(m.l.Tag))
	}
}
