// Package extract owns `glot extract`: it reads every source page, segments
// it, and plans the source catalog (locales/active.<src>.toml) and the
// bookkeeping that records which message each block of each page holds.
// It plans nothing for a file whose bytes would not change, so extracting
// twice writes nothing the second time, and it never touches a target
// language's files: adding a page changes no translator's catalog. Since
// tells, from what it recorded, the pages changed since it last ran.
//
//	res, err := extract.Run(extract.Input{Content: os.DirFS("content"), Locales: os.DirFS("locales"), Source: "en"})
//	err = plan.Apply("locales", res.Plan)
package extract

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/msgid"
	"github.com/glot-i18n/glot/internal/parallel"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/segment"
)

// Input is what extraction reads.
type Input struct {
	Content fs.FS // the content folder
	Locales fs.FS // the locales folder
	Source  string
	// ContentName and LocalesName are the folders' names as the user knows
	// them, for error messages ("content/a.md:3:1: ...").
	ContentName, LocalesName string
	// ContentDir is the content folder as glot.toml names it, for what
	// is written into the catalogs: they read the same wherever glot ran.
	ContentDir string
	// Rules say what is translatable; nil means glot's defaults.
	Rules *segment.Rules
	// Interface holds the messages the layout calls (see package
	// layout), or a Hugo site's i18n messages: they join the source
	// catalog, used on no page.
	Interface []*catalog.Message
	// Exclude leaves files of the content folder out ([content] exclude).
	Exclude *content.Exclude
}

// Result is what extraction found and plans to write.
type Result struct {
	Plan     plan.Plan // paths relative to the locales folder
	Pages    int
	Messages int
	Added    []string // ids new to the source catalog
	Retired  []string // ids no page uses any more
	Skipped  []Skipped
}

// Skipped is a block with text that was not extracted.
type Skipped struct {
	Page      string
	Line, Col int
	Reason    string
}

// SourcePath is the source catalog's path in the locales folder.
func SourcePath(lang string) string { return "active." + lang + ".toml" }

// Segment reads and segments one page of fsys.
func Segment(fsys fs.FS, p content.Page, rules *segment.Rules) (*segment.Page, []byte, error) {
	src, err := fs.ReadFile(fsys, p.Path)
	if err != nil {
		return nil, nil, err
	}
	if err := content.CheckUTF8(src); err != nil {
		return nil, nil, err
	}
	var sp *segment.Page
	if p.Kind == content.HTML {
		sp, err = segment.HTML(src, rules)
	} else {
		sp, err = segment.Markdown(src, rules)
	}
	return sp, src, err
}

// SegmentAll segments every page of fsys on all cores, and returns the
// results in page order, with each page's weight in the site's order
// (content.Weight) and the SHA-256 of its bytes. Errors name the file and
// line.
func SegmentAll(fsys fs.FS, pages []content.Page, name string, rules *segment.Rules) ([]*segment.Page, []int, [][32]byte, error) {
	out := make([]*segment.Page, len(pages))
	weights := make([]int, len(pages))
	sums := make([][32]byte, len(pages))
	err := parallel.Each(len(pages), func(i int) error {
		sp, src, err := Segment(fsys, pages[i], rules)
		if err != nil {
			return fileerr.InFile(path.Join(name, pages[i].Path), err)
		}
		out[i], sums[i] = sp, sha256.Sum256(src)
		weights[i] = content.Weight(src)
		return nil
	})
	return out, weights, sums, err
}

// Run extracts every page of in.Content: the source catalog from the
// pages' segments and the interface messages, each page's record of its
// blocks linked to those it had at the last extraction, and the retired
// sources, planned to be written.
func Run(in Input) (*Result, error) {
	pages, _, err := content.WalkExcluding(in.Content, in.Exclude)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", in.ContentName, err)
	}
	segs, weights, sums, err := SegmentAll(in.Content, pages, in.ContentName, in.Rules)
	if err != nil {
		return nil, err
	}
	old, err := loadOld(in)
	if err != nil {
		return nil, err
	}
	x := &extraction{in: in, old: old, res: &Result{Pages: len(pages)}, src: catalog.New(), where: map[string]string{},
		next: map[string][]msgid.Block{}, records: map[string]*ledger.Page{}}
	for i, p := range pages {
		rec := &ledger.Page{Path: p.Path, Weight: weights[i], Hash: ledger.PageHash(sums[i])}
		if err := x.page(p.Path, rec, segs[i]); err != nil {
			return nil, err
		}
	}
	for _, m := range in.Interface {
		if prev, ok := x.src.Messages[m.ID]; ok {
			return nil, fmt.Errorf("the interface message %s has the id of text at %s", m.ID, x.where[prev.ID])
		}
		c := *m
		x.src.Messages[m.ID] = &c
	}
	gone := x.link()
	retired := x.retire()
	res := x.res
	header := fmt.Sprintf("# Source messages (%s), extracted from %s/ by `glot extract`.\n# Do not edit: change the pages and extract again. Translations live in\n# active.<lang>.toml; translators work in translate.<lang>.toml.\n", in.Source, contentDir(in))
	res.Plan.WriteIfChanged(in.Locales, SourcePath(in.Source), x.src.Bytes(header, true))
	for _, p := range pages {
		res.Plan.WriteIfChanged(in.Locales, ledger.PagePath(p.Path), x.records[p.Path].Bytes())
	}
	for p := range gone {
		res.Plan.Remove(ledger.PagePath(p))
	}
	sort.Strings(res.Plan.Removes)
	if len(retired) > 0 || old.hasRetired {
		res.Plan.WriteIfChanged(in.Locales, ledger.RetiredPath, retired.Bytes())
	}
	return res, nil
}

// extraction is one run of Run: the new source catalog and the pages'
// records as they are made, beside what the last extraction left.
type extraction struct {
	in      Input
	old     *oldState
	res     *Result
	src     *catalog.Catalog
	where   map[string]string        // id -> the first page:line that holds it, for collision errors
	next    map[string][]msgid.Block // content path -> the page's blocks now
	records map[string]*ledger.Page  // content path -> the page's record
}

// page adds the segments of the page at path p to the source catalog
// and to its record rec. Two texts with one id are an error naming both
// places: a context on one of the blocks tells them apart.
func (x *extraction) page(p string, rec *ledger.Page, sp *segment.Page) error {
	for _, s := range sp.Segments {
		at := fmt.Sprintf("%s:%d", path.Join(x.in.ContentName, p), s.Line)
		if m, ok := x.src.Messages[s.ID]; ok && m.Other != s.Text {
			return fmt.Errorf("%s: message id %s is also the id of different text at %s; give one of the blocks a context", at, s.ID, x.where[s.ID])
		}
		if _, ok := x.src.Messages[s.ID]; !ok {
			x.src.Messages[s.ID] = &catalog.Message{ID: s.ID, Other: s.Text}
			x.where[s.ID] = at
		}
		b := ledger.Block{ID: s.ID, Kind: s.Kind, Line: s.Line, Context: s.Context, Where: s.Where}
		for _, c := range s.Codes {
			b.Codes = append(b.Codes, c.Describe())
		}
		rec.Blocks = append(rec.Blocks, b)
		x.next[p] = append(x.next[p], msgid.Block{ID: s.ID})
	}
	for _, sk := range sp.Skipped {
		x.res.Skipped = append(x.res.Skipped, Skipped{Page: path.Join(x.in.ContentName, p), Line: sk.Line, Col: sk.Col, Reason: sk.Reason})
	}
	x.records[p] = rec
	return nil
}

// link links each page's blocks to those it had at the last extraction,
// or, for a page that appeared as another disappeared, to that page's,
// so that an edited block's translation is offered as stale. It returns
// the pages that are gone.
func (x *extraction) link() map[string][]msgid.Block {
	old := x.old
	text := func(id string) string {
		if m, ok := x.src.Messages[id]; ok {
			return m.Other
		}
		if m, ok := old.source.Messages[id]; ok {
			return m.Other
		}
		return old.retired[id]
	}
	gone := map[string][]msgid.Block{}
	for p, blocks := range old.pages {
		if _, ok := x.records[p]; !ok {
			gone[p] = blocks
		}
	}
	added := map[string][]msgid.Block{}
	for p, blocks := range x.next {
		if _, ok := old.pages[p]; !ok {
			added[p] = blocks
		}
	}
	renamed := msgid.Rename(gone, added)
	for p, blocks := range x.next {
		prev, ok := old.pages[p]
		if !ok {
			prev = old.pages[renamed[p]]
		}
		msgid.Link(prev, blocks, text)
		for j := range blocks {
			x.records[p].Blocks[j].Was = blocks[j].Was
		}
	}
	return gone
}

// retire returns the retired sources: whatever left the catalog, kept
// with its text; and counts the messages added and retired.
func (x *extraction) retire() ledger.Retired {
	old, res := x.old, x.res
	retired := ledger.Retired{}
	for id, t := range old.retired {
		retired[id] = t
	}
	for id, m := range old.source.Messages {
		if len(catalog.Forms(m)) == 1 {
			retired[id] = m.Other
		}
	}
	for id := range x.src.Messages {
		delete(retired, id)
		if _, ok := old.source.Messages[id]; !ok {
			res.Added = append(res.Added, id)
		}
	}
	for id := range old.source.Messages {
		if _, ok := x.src.Messages[id]; !ok {
			res.Retired = append(res.Retired, id)
		}
	}
	sort.Strings(res.Added)
	sort.Strings(res.Retired)
	res.Messages = len(x.src.Messages)
	return retired
}

type oldState struct {
	source     *catalog.Catalog
	retired    ledger.Retired
	hasRetired bool
	pages      map[string][]msgid.Block // content path -> blocks
}

func loadOld(in Input) (*oldState, error) {
	st := &oldState{source: catalog.New(), retired: ledger.Retired{}, pages: map[string][]msgid.Block{}}
	name := func(p string) string { return path.Join(in.LocalesName, p) }
	if data, err := fs.ReadFile(in.Locales, SourcePath(in.Source)); err == nil {
		if st.source, err = catalog.Parse(name(SourcePath(in.Source)), data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if data, err := fs.ReadFile(in.Locales, ledger.RetiredPath); err == nil {
		st.hasRetired = true
		if st.retired, err = ledger.ParseRetired(name(ledger.RetiredPath), data); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	recs, err := ledger.LoadPages(in.Locales, in.LocalesName)
	if err != nil {
		return nil, err
	}
	for _, r := range recs {
		var bs []msgid.Block
		for _, b := range r.Blocks {
			bs = append(bs, msgid.Block{ID: b.ID, Was: b.Was})
		}
		st.pages[r.Path] = bs
	}
	return st, nil
}

// contentDir names the content folder in the source catalog's header.
func contentDir(in Input) string {
	if in.ContentDir != "" {
		return in.ContentDir
	}
	return in.ContentName
}
