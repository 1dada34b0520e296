package project

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/serve"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Editor is glot edit's view of the site (serve.Editor). It reads the
// catalogs afresh for every question, so that what the files say now is
// what the editor shows, and writes only through the commands: a save is
// an edit of the translate (or active) file followed by glot merge, a
// review is glot approve's.
type Editor struct {
	s     *Site
	langs []string
	by    string     // the reviewer's name, recorded with each review
	mu    sync.Mutex // one turn at the site's state at a time: a question, a write or a build
	// urls say where each page is built in each language, as the last
	// build made them (see site.Report.URLs); nil before the first.
	urls map[string]map[string]string
	// views are the languages' views read for the questions asked since
	// the last write or build (see read).
	views map[string]*view
}

var _ serve.Editor = (*Editor)(nil)

// Editor returns the editor of the site's languages, which opens with
// lang (the first of glot.toml when ""). A review is recorded as by.
func (s *Site) Editor(lang, by string) (*Editor, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	all, err := selectLangs(cfg, nil, false)
	if err != nil {
		return nil, err
	}
	if len(all) == 0 {
		return nil, fmt.Errorf("%s names no language to translate into: glot lang add adds one", config.File)
	}
	if lang != "" {
		first, err := selectLangs(cfg, []string{lang}, false)
		if err != nil {
			return nil, err
		}
		if len(first) != 1 {
			return nil, option.Wrong("lang", lang, "glot edit opens with one language")
		}
		all = append(first, slices.DeleteFunc(all, func(l string) bool { return l == first[0] })...)
	}
	return &Editor{s: s, langs: all, by: by}, nil
}

// Build builds the pages the editor shows into EditDir, each message's
// element marked (see BuildOptions.Into), again only what changed since
// the last build, and learns where each page is: from the build, or,
// when nothing changed, from what the last one said, which is kept in
// the cache beside its record.
func (e *Editor) Build() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	// A build follows a change to the files: what was read is not
	// trusted any more.
	e.forget()
	res, err := e.s.Build(BuildOptions{Into: EditDir})
	if err != nil {
		return err
	}
	c := e.s.cache()
	if res.Report != nil {
		e.urls = res.URLs
		if data, err := json.Marshal(e.urls); err == nil {
			_ = c.Put(editURLs, data) // a cache that cannot be written only costs time
		}
		return nil
	}
	if e.urls != nil {
		return nil
	}
	if data, err := os.ReadFile(c.Path(editURLs)); err == nil && json.Unmarshal(data, &e.urls) == nil {
		return nil
	}
	// The record of where the pages are is lost: they are made again.
	res, err = e.s.Build(BuildOptions{Into: EditDir, Force: true})
	if err != nil {
		return err
	}
	e.urls = res.URLs
	return nil
}

// editURLs names the cache entry of where the editor's last build put
// each page.
const editURLs = "build/edit-urls"

// Langs returns the languages of the editor, the first the one it opens
// with.
func (e *Editor) Langs() []string { return e.langs }

// Pages lists the site's pages with what is left to do on each in lang.
func (e *Editor) Pages(lang string) ([]serve.EditPage, error) {
	var out []serve.EditPage
	err := e.read(lang, func(v *view) error {
		out = v.pages()
		return nil
	})
	return out, err
}

// Segments returns the messages of page in lang, in reading order.
func (e *Editor) Segments(lang, page string) ([]serve.EditSegment, error) {
	var out []serve.EditSegment
	err := e.read(lang, func(v *view) error {
		var err error
		out, err = v.segments(page)
		return err
	})
	return out, err
}

// Check runs the checks of glot check on forms as the translation of
// message id.
func (e *Editor) Check(lang, id string, forms map[string]string) ([]serve.EditProblem, error) {
	var out []serve.EditProblem
	err := e.read(lang, func(v *view) error {
		src := v.site.Source.Messages[id]
		if src == nil {
			return fmt.Errorf("no message %q in the source catalog", id)
		}
		_, out = v.judge(src, forms)
		return nil
	})
	return out, err
}

// Save writes forms as the translation of message id into lang: it edits
// the file a translator would (the translate file, or the active file for
// a message translated already), and runs glot merge of lang, under the
// write lock, as one turn. A message whose version is no longer the one
// the editor read is left alone: ErrConflict.
func (e *Editor) Save(lang, id string, forms map[string]string, version string) (serve.EditSegment, error) {
	var out serve.EditSegment
	err := e.write(lang, func(v *view) error {
		src, err := v.current(id, version)
		if err != nil {
			return err
		}
		if takes, problems := v.judge(src, forms); !takes {
			return &serve.RefusedError{Problems: problems}
		}
		if err := v.edit(id, src, forms); err != nil {
			return err
		}
		merged, err := e.s.Merge(MergeOptions{Langs: []string{lang}})
		if err != nil {
			return err
		}
		// The rule judged the text above, as merge does: merge refusing
		// it is not expected. Should it, the files are as a translator's
		// merge leaves them, the text marked REFUSED in the translate
		// file, and the editor says so. Another entry the translator
		// typed into the file and merge refused is that entry's matter.
		for _, r := range merged.Langs {
			for _, p := range r.Refused {
				if p.ID == id {
					return &serve.RefusedError{Problems: []serve.EditProblem{{Severity: "error", Check: "merge", Text: p.Text + " (kept in the translate file, marked REFUSED)"}}}
				}
			}
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	return e.after(lang, id)
}

// Review signs off the translation of message id into lang, or with
// approve false turns it down with comment, as glot approve records it.
func (e *Editor) Review(lang, id string, approve bool, comment, version string) (serve.EditSegment, error) {
	if !approve && comment == "" {
		return serve.EditSegment{}, &serve.RefusedError{Problems: []serve.EditProblem{{Severity: "error", Check: "review", Text: "say why the translation is turned down"}}}
	}
	err := e.write(lang, func(v *view) error {
		if _, err := v.current(id, version); err != nil {
			return err
		}
		a := merge.Approval{IDs: []string{id}, By: e.by}
		if !approve {
			a.Reject = comment
		}
		p, _, err := merge.Approve(v.site, v.l, a)
		if err != nil {
			return err
		}
		return e.s.apply(e.s.path(v.cfg.LocalesDir), p, false)
	})
	if err != nil {
		return serve.EditSegment{}, err
	}
	return e.after(lang, id)
}

// after builds the pages again, so that the page reloaded shows the new
// text, and returns message id as it stands now.
func (e *Editor) after(lang, id string) (serve.EditSegment, error) {
	if err := e.Build(); err != nil {
		return serve.EditSegment{}, err
	}
	var out serve.EditSegment
	err := e.read(lang, func(v *view) error {
		var err error
		out, err = v.one(id)
		return err
	})
	return out, err
}

// read runs f with the view of lang: the one read for an earlier
// question, while nothing was written or built since, else one read now.
// A translator's typing asks a check every few hundred milliseconds, and
// a large site's catalogs take most of a second to read.
func (e *Editor) read(lang string, f func(v *view) error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if v := e.views[lang]; v != nil {
		return f(v)
	}
	defer e.s.releaseRead()
	v, err := e.view(lang)
	if err != nil {
		return err
	}
	if e.views == nil {
		e.views = map[string]*view{}
	}
	e.views[lang] = v
	return f(v)
}

// write runs f with the view of lang read under the write lock, which it
// holds from before it reads to after the merge. Nothing read before is
// trusted: a save must see what the files hold now.
func (e *Editor) write(lang string, f func(v *view) error) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.forget()
	defer e.forget()
	defer e.s.releaseLocks()
	cfg, err := e.s.Config()
	if err != nil {
		return err
	}
	if err := e.s.lockWrite(cfg, false); err != nil {
		return err
	}
	v, err := e.view(lang)
	if err != nil {
		return err
	}
	defer v.close()
	return f(v)
}

// forget drops the views read so far: the files changed, or may have.
func (e *Editor) forget() {
	for _, v := range e.views {
		v.close()
	}
	e.views = nil
	e.s.releaseRead()
}

// view reads the catalogs of lang into a view, which holds the compiled
// table it opened until it is closed.
func (e *Editor) view(lang string) (*view, error) {
	s := e.s
	opened := len(s.open)
	v := &view{s: s, urls: e.urls}
	defer func() { v.opened = s.takeOpen(opened) }()
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	site, l, err := s.oneLang(cfg, "edit", lang)
	if err != nil {
		return nil, err
	}
	if err := site.ReadTranslate(l); err != nil {
		return nil, err
	}
	_, tables, err := s.compiled(cfg, []string{l.Tag})
	if err != nil {
		return nil, err
	}
	c, err := s.checker(cfg)
	if err != nil {
		return nil, err
	}
	v.cfg, v.site, v.l, v.table, v.checker, v.rules = cfg, site, l, tables[0], c, verdict.RulesOf(site)
	return v, nil
}

// edit writes forms into the file a translator would edit for message
// id: the translate file, where it waits for a translation, or the active
// file, where it has one.
func (v *view) edit(id string, src *catalog.Message, forms map[string]string) error {
	name := locale.TranslatePath(v.l.Tag)
	if v.l.Active.Messages[id] != nil && (v.l.Translate == nil || v.l.Translate.Messages[id] == nil) {
		name = locale.ActivePath(v.l.Tag)
	}
	fsys, err := v.s.in(v.cfg.LocalesDir)
	if err != nil {
		return err
	}
	data, err := fsReadOrNone(fsys, name)
	if err != nil {
		return err
	}
	edited, err := catalog.SetText(display(v.s.path(v.cfg.LocalesDir, name)), data, id, forms, catalog.Hash(src))
	if err != nil {
		return err
	}
	return v.s.wlock.Apply(plan.Plan{Writes: []plan.File{{Path: name, Data: edited}}})
}

// conflict is ErrConflict for message id.
func conflict(id string) error {
	return fmt.Errorf("message %s %w: reload it, then save again", id, serve.ErrConflict)
}
