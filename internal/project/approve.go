package project

import (
	"fmt"
	"slices"
	"sync"

	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
)

// ApproveOptions are glot approve's: the messages of one language to sign
// off, named by id, by page or all of them.
type ApproveOptions struct {
	Lang   string
	IDs    []string
	Page   string
	All    bool
	By     string // the reviewer
	DryRun bool
}

// Approved is what glot approve did.
type Approved struct {
	Lang  string
	Count int // the translations marked reviewed
	Plan  plan.Plan
	// Root is the locales folder the plan was carried out in, as the
	// user names it.
	Root string
}

// Approve records that a reviewer signed off translations (see
// merge.Approve).
func (s *Site) Approve(o ApproveOptions) (*Approved, error) {
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	given := 0
	for _, b := range []bool{len(o.IDs) > 0, o.Page != "", o.All} {
		if b {
			given++
		}
	}
	if given != 1 {
		return nil, &option.Error{Err: fmt.Errorf("name the messages to approve, or give --page GLOB, or --all: one of the three")}
	}
	if err := s.lockFor(cfg, o.DryRun, false); err != nil {
		return nil, err
	}
	site, l, err := s.oneLang(cfg, "approve", o.Lang)
	if err != nil {
		return nil, err
	}
	p, n, err := merge.Approve(site, l, merge.Approval{IDs: o.IDs, Page: o.Page, All: o.All, By: o.By})
	if err != nil {
		return nil, err
	}
	root := s.path(cfg.LocalesDir)
	if err := s.apply(root, p, o.DryRun); err != nil {
		return nil, err
	}
	return &Approved{Lang: l.Tag, Count: n, Plan: p, Root: root}, nil
}

// Reviews renders the review of each language for glot serve's preview,
// and signs off what a reviewer approves there, as glot review and glot
// approve do (see serve.Reviews).
type Reviews struct {
	s     *Site
	langs []string
	mu    *sync.Mutex // the preview's turn at the site's state
}

// Reviews returns the reviews of langs, which take turns with the
// preview's builds through mu.
func (s *Site) Reviews(langs []string, mu *sync.Mutex) *Reviews {
	return &Reviews{s: s, langs: langs, mu: mu}
}

// Page renders a page of the review of lang, laid out as glot review -o
// lays out a file named index.html: the site's pages in the folder
// index/ when it is large.
func (r *Reviews) Page(lang, name, action, token string) ([]byte, bool, error) {
	if !slices.Contains(r.langs, lang) {
		return nil, false, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.s
	// The catalogs are free to change between pages, and what this
	// page opened is closed when it is made.
	defer s.releaseRead()
	opened := len(s.open)
	defer func() {
		for _, c := range s.takeOpen(opened) {
			c.Close()
		}
	}()
	rev, err := s.Review(lang, "index.html", report.Auto, &report.ApproveForm{Action: action, Token: token})
	if err != nil {
		return nil, false, err
	}
	return rev.File(name)
}

// Approve signs off the translation of message id into lang, under the
// write lock and in one transaction, as glot approve does.
func (r *Reviews) Approve(lang, id string) error {
	if !slices.Contains(r.langs, lang) {
		return fmt.Errorf("no language %q in this preview", lang)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	defer r.s.releaseLocks()
	_, err := r.s.Approve(ApproveOptions{Lang: lang, IDs: []string{id}})
	return err
}
