package project

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/serve"
	"github.com/glot-i18n/glot/internal/tm"
	"github.com/glot-i18n/glot/internal/verdict"
)

// view is what the editor knows of one language for one turn: the
// catalogs as they are now, the language's compiled table, and the rule
// and checks every command asks.
type view struct {
	s       *Site
	cfg     *config.Config
	site    *locale.Site
	l       *locale.Lang
	table   *verdict.Table
	checker *check.Checker
	rules   *verdict.Rules
	memory  *tm.Memory                   // made when a suggestion is first asked for
	urls    map[string]map[string]string // see Editor.urls
	opened  []io.Closer                  // the compiled table, closed with the view
}

// close closes what the view opened.
func (v *view) close() {
	for _, c := range v.opened {
		c.Close()
	}
	v.opened = nil
}

// section is a page of the site, or the interface text that no page
// holds (a layout's), as the editor lists them.
type section struct {
	path   string // in the content folder, or report.InterfaceSection
	file   string // where its blocks are, for their lines: "content/a.md"
	url    string
	blocks []ledger.Block
}

// sections are the site's pages in reading order, then its interface
// text, shown on every page (the first page's URL is its page).
func (v *view) sections() []section {
	var out []section
	for _, p := range v.site.Pages {
		out = append(out, section{path: p.Path, file: path.Join(v.cfg.ContentDir, p.Path), url: v.pageURL(p.Path), blocks: p.Blocks})
	}
	ui := section{path: report.InterfaceSection}
	if len(out) > 0 {
		ui.url = out[0].url
	}
	for _, id := range v.site.Source.IDs() {
		if !v.site.OnPage(id) {
			ui.blocks = append(ui.blocks, ledger.Block{ID: id, Kind: "interface"})
		}
	}
	if len(ui.blocks) > 0 {
		out = append(out, ui)
	}
	return out
}

// pages lists the site's pages, and its interface text, with the states
// of their messages.
func (v *view) pages() []serve.EditPage {
	var out []serve.EditPage
	for _, p := range v.sections() {
		ep := serve.EditPage{Path: p.path, Title: p.path, URL: p.url}
		seen := map[string]bool{}
		for _, b := range p.blocks {
			if seen[b.ID] || v.site.Source.Messages[b.ID] == nil {
				continue
			}
			seen[b.ID] = true
			if b.Kind == "title" {
				ep.Title = msgtext.Plain(v.site.Source.Messages[b.ID].Other)
			}
			ep.Messages++
			switch v.state(v.table.Entry(b.ID)) {
			case "missing":
				ep.Missing++
			case "stale":
				ep.Stale++
			case "refused":
				ep.Refused++
			case "reviewed":
				ep.Reviewed++
			default:
				ep.Translated++
			}
		}
		out = append(out, ep)
	}
	return out
}

// pageURL is where page p of the content folder is built in the view's
// language, from the site's root ("/de/guide/setup/"), as the editor's
// last build said (slugs translated and all); "" before it built.
func (v *view) pageURL(p string) string {
	if u := v.urls[p][v.l.Tag]; u != "" {
		return "/" + u
	}
	return ""
}

// segments returns the messages of page (or of the interface text),
// each once, in reading order.
func (v *view) segments(page string) ([]serve.EditSegment, error) {
	for _, p := range v.sections() {
		if p.path != page {
			continue
		}
		out := []serve.EditSegment{}
		seen := map[string]bool{}
		for _, b := range p.blocks {
			if seen[b.ID] || v.site.Source.Messages[b.ID] == nil {
				continue
			}
			seen[b.ID] = true
			out = append(out, v.segment(b.ID, p.file, b))
		}
		return out, nil
	}
	return nil, fmt.Errorf("no page %q in the site's records: run glot extract", page)
}

// one returns message id as a segment, where it is first used.
func (v *view) one(id string) (serve.EditSegment, error) {
	if v.site.Source.Messages[id] == nil {
		return serve.EditSegment{}, fmt.Errorf("no message %q in the source catalog", id)
	}
	for _, p := range v.site.Pages {
		for _, b := range p.Blocks {
			if b.ID == id {
				return v.segment(id, path.Join(v.cfg.ContentDir, p.Path), b), nil
			}
		}
	}
	return v.segment(id, "", ledger.Block{ID: id, Kind: "interface"}), nil
}

// segment is message id, of block b of page file, as the editor shows it.
func (v *view) segment(id, file string, b ledger.Block) serve.EditSegment {
	src := v.site.Source.Messages[id]
	lang := v.l.Tag
	e := v.table.Entry(id)
	seg := serve.EditSegment{
		ID: id, Kind: b.Kind, Note: strings.TrimSpace(b.Where + " " + b.Context), State: v.state(e),
		Source: src.Other, Translation: map[string]string{}, Problems: []serve.EditProblem{},
		Suggestions: []serve.EditSuggestion{}, Glossary: []serve.EditTerm{}, Version: v.version(id),
		Lang: lang, Dir: langtag.Dir(lang), SourceLang: v.site.SourceLang, SourceDir: langtag.Dir(v.site.SourceLang),
	}
	if file != "" && b.Line > 0 {
		seg.Where = fmt.Sprintf("%s:%d", file, b.Line)
	}
	seg.Forms = []string{"other"}
	if len(catalog.Forms(src)) > 1 {
		seg.Forms = langtag.PluralForms(lang)
	}
	if t := v.shown(e, id); t != nil {
		for _, f := range catalog.Forms(t) {
			seg.Translation[f.Name] = f.Text
		}
	}
	if e != nil && e.Prior != nil && (e.State == verdict.Stale) {
		seg.Previous = e.Prior.Source
		if seg.Previous != "" {
			for _, op := range lcs.WordDiff(seg.Previous, src.Other) {
				seg.Diff = append(seg.Diff, serve.EditDiff{Op: op.Op, Text: op.Text})
			}
		}
	}
	if len(seg.Translation) > 0 && seg.State != "stale" {
		_, seg.Problems = v.judge(src, seg.Translation)
	}
	if r, ok := v.l.Reviews[id]; ok && r.Rejected != "" && e != nil && e.Own != nil && r.Translation == ledger.TextHash(e.Own) {
		seg.Rejected = r.Rejected
	}
	seg.Suggestions = v.suggest(id, src.Other)
	for _, f := range v.site.Glossary.In(lang, src.Other) {
		seg.Glossary = append(seg.Glossary, serve.EditTerm{Term: f.Term, Translation: strings.Join(f.Renderings, " / "), Note: f.Note})
	}
	return seg
}

// state names the state of a message as the editor outlines it.
func (v *view) state(e *verdict.Entry) string {
	switch {
	case e == nil || e.State == verdict.Missing:
		return "missing"
	case e.State == verdict.Stale:
		return "stale"
	case e.State == verdict.Held:
		return "refused"
	case e.Reviewed:
		return "reviewed"
	}
	return "translated"
}

// shown is the translation the editor starts from: what the translator
// typed in the translate file and did not merge yet, else the language's
// own translation in force or held back, else a stale one's old text.
func (v *view) shown(e *verdict.Entry, id string) *catalog.Message {
	if v.l.Translate != nil {
		if t := v.l.Translate.Messages[id]; t != nil && !catalog.Empty(t) {
			return t
		}
	}
	switch {
	case e == nil:
		return nil
	case e.Own != nil:
		return e.Own
	case e.Prior != nil:
		return e.Prior.Translation
	}
	return nil
}

// judge asks the rule whether forms may stand for src, as glot merge
// would take them, and what glot check finds in them: errors for what
// holds the translation back or refuses it, warnings for the rest.
func (v *view) judge(src *catalog.Message, forms map[string]string) (takes bool, problems []serve.EditProblem) {
	t := &catalog.Message{ID: src.ID, Hash: catalog.Hash(src)}
	for name, text := range forms {
		catalog.SetForm(t, name, text)
	}
	problems = []serve.EditProblem{}
	verd := v.rules.Judge(v.l.Tag, src, t)
	if verd.State == verdict.Missing {
		return false, append(problems, serve.EditProblem{Severity: "error", Check: "empty", Text: "the translation is empty"})
	}
	if verd.Reason != nil {
		what := "held back from the pages until a reviewer approves it"
		if !verdict.Takes(verd) {
			what = "refused"
		}
		problems = append(problems, serve.EditProblem{Severity: "error", Check: verd.Reason.Check, Text: verd.Reason.Error() + ": " + what})
	}
	seen := map[string]bool{}
	for _, p := range v.checker.Translation(v.l.Tag, src.Other, t.Other) {
		sev := "warning"
		if p.Severity == check.Error {
			sev = "error"
		}
		if !seen[p.Message] && (verd.Reason == nil || !strings.Contains(verd.Reason.Error(), p.Message)) {
			seen[p.Message] = true
			problems = append(problems, serve.EditProblem{Severity: sev, Check: p.Check, Text: p.Message})
		}
	}
	return verdict.Takes(verd), problems
}

// version names message id as it is now: its source, its translations
// in the active and translate files, and its review.
func (v *view) version(id string) string {
	h := sha256.New()
	text := func(m *catalog.Message) {
		if m == nil {
			h.Write([]byte{0})
			return
		}
		fmt.Fprintf(h, "%s\x00%s\x00", m.Hash, ledger.TextHash(m))
	}
	text(v.site.Source.Messages[id])
	text(v.l.Active.Messages[id])
	if v.l.Translate != nil {
		text(v.l.Translate.Messages[id])
	}
	r := v.l.Reviews[id]
	fmt.Fprintf(h, "%s\x00%s\x00%s", r.Translation, r.By, r.Rejected)
	return fmt.Sprintf("%x", h.Sum(nil)[:12])
}

// current returns the source of message id, or ErrConflict when the
// message is no longer at version.
func (v *view) current(id, version string) (*catalog.Message, error) {
	src := v.site.Source.Messages[id]
	if src == nil {
		return nil, fmt.Errorf("no message %q in the source catalog", id)
	}
	if version != v.version(id) {
		return nil, conflict(id)
	}
	return src, nil
}

// suggest returns the translation memory's suggestion for source text
// src, with its cautions: the closest translation of the language whose
// source is at least as alike as glot merge asks.
func (v *view) suggest(id, src string) []serve.EditSuggestion {
	threshold := float64(v.cfg.SuggestionThreshold) / 100
	if threshold <= 0 {
		return []serve.EditSuggestion{}
	}
	if v.memory == nil {
		var pairs []tm.Pair
		for _, other := range v.site.Source.IDs() {
			e := v.table.Entry(other)
			if other != id && e != nil && e.State == verdict.Translated && e.From == v.l.Tag {
				pairs = append(pairs, tm.Pair{ID: other, Source: v.site.Source.Messages[other].Other, Translation: e.InForce.Other})
			}
		}
		v.memory = tm.New(pairs)
	}
	s, ok := v.memory.Suggest(src, threshold)
	if !ok || s.ID == id {
		return []serve.EditSuggestion{}
	}
	return []serve.EditSuggestion{{Text: s.Translation, Score: int(s.Score*100 + 0.5), Source: s.Source, Cautions: slices.Clip(append([]string{}, s.Risks...))}}
}

// fsReadOrNone reads file name of fsys; one that does not exist is empty.
func fsReadOrNone(fsys fs.FS, name string) ([]byte, error) {
	data, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return data, err
}
