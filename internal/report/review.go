package report

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/parallel"
	"github.com/glot-i18n/glot/internal/verdict"
)

// ReviewOptions tune a Review.
type ReviewOptions struct {
	// Content is the content folder's name, which the pages' paths
	// start with ("content/a.md").
	Content string
	// Index is the file name of the report, or of its index when it is
	// split; its parts are in the folder PartsDir(Index).
	Index  string
	Layout Layout
	// Approve, when set, puts an Approve button beside every translation
	// in force that no reviewer signed off yet (see ApproveForm).
	Approve *ApproveForm
}

// ApproveForm is what an Approve button posts to: glot serve's write
// endpoint. Each button posts the fields "token" (Token), "id" (the
// message's id) and "back" (the name of the file the button is on,
// relative to the index's folder, so that the server can show it again).
type ApproveForm struct {
	Action string // the address posted to
	Token  string // the secret of the server's session
}

// Review is the bilingual review of one language: every page of the site,
// block by block, the source beside its translation, for reviewers who
// will never open a catalog. Missing, stale and held-back translations and
// the checks' findings are marked. A large site's review is split into an
// index and a file per page, each of which a browser opens at once.
type Review struct {
	s     *locale.Site
	t     *verdict.Table
	c     *check.Checker
	o     ReviewOptions
	secs  []section
	split bool
}

// NewReview prepares the review of t's language.
func NewReview(s *locale.Site, t *verdict.Table, c *check.Checker, o ReviewOptions) *Review {
	r := &Review{s: s, t: t, c: c, o: o, secs: sections(s, o.Content)}
	r.split = o.Layout.splits(len(s.Source.Messages))
	return r
}

// Split says whether the review is an index and parts.
func (r *Review) Split() bool { return r.split }

// reviewBlock is one block of a page in the review.
type reviewBlock struct {
	Kind, ID            string
	Source, Translation string
	// SourceForms and TranslationForms are the plural forms of a message
	// that has them: "Reading time: 1 minute" / "... 3 minutes".
	SourceForms, TranslationForms []catalog.Form
	State                         string // translated, stale, missing
	Reviewed                      bool
	Approvable                    bool   // in force, the language's own, not reviewed yet
	Previous, Old                 string // stale: the source translated, and its translation
	Held                          bool   // Old is a translation of this source, held back
	Diff                          []lcs.DiffOp
	Problems                      []check.Problem
	Repeat                        bool // the message was shown earlier on the page
	// The texts as HTML, their placeholders marked (see showTags), made
	// here rather than by the template: a large review has tens of
	// thousands, and a template's function calls are slow.
	SourceHTML, TranslationHTML, OldHTML, DiffHTML template.HTML
}

// Counts are the messages of a review, or of one of its pages, by state,
// named as glot status names them: translated (reviewed included),
// reviewed, stale (held back included), missing. Problems counts the
// messages whose translation a check finds fault with.
type Counts struct {
	Messages, Translated, Reviewed, Stale, Missing, Problems int
}

type reviewPage struct {
	Path   string
	Name   string // its part's file name
	Href   string // from the index to the part
	Blocks []reviewBlock
	Counts Counts
	// problems are the ids of the messages with problems, so that the
	// review's total counts each message once.
	problems []string
}

// page works out the blocks of section sec.
func (r *Review) page(sec section) (reviewPage, error) {
	lang := r.t.Lang
	rp := reviewPage{Path: sec.Path, Name: partName(sec)}
	src := r.t.Source()
	var idx []int
	var blocks []int // the place in sec.Blocks of each of idx
	for k, blk := range sec.Blocks {
		if r.s.Source.Messages[blk.ID] == nil {
			continue
		}
		i, ok := src.Index(blk.ID)
		if !ok {
			continue
		}
		idx = append(idx, i)
		blocks = append(blocks, k)
	}
	entries := r.t.Entries(idx)
	if err := r.t.Err(); err != nil {
		return rp, err
	}
	seen := map[string]bool{}
	for n, e := range entries {
		blk := sec.Blocks[blocks[n]]
		msg := r.s.Source.Messages[blk.ID]
		rb := reviewBlock{Kind: blk.Kind, ID: blk.ID, Source: msg.Other, State: reviewState(e.State), Repeat: seen[blk.ID]}
		seen[blk.ID] = true
		switch e.State {
		case verdict.Translated:
			tr := e.InForce
			rb.Translation = tr.Other
			if len(catalog.Forms(msg)) > 1 {
				rb.SourceForms, rb.TranslationForms = catalog.Forms(msg), catalog.Forms(tr)
			}
			rb.Reviewed = e.Reviewed
			// Only the language's own translation is its reviewer's to
			// sign off: one a regional variant shows from its parent is
			// the parent's (see merge.Approve).
			rb.Approvable = !e.Reviewed && e.From == lang && !rb.Repeat
			rb.Problems = r.c.Translation(lang, msg.Other, rb.Translation)
		case verdict.Held:
			rb.Old, rb.Held = e.Own.Other, true
			rb.Problems = append([]check.Problem{{Check: e.Reason.Check, Severity: check.Error, Message: e.Reason.Error() + ": the translation is not used"}},
				r.c.Translation(lang, msg.Other, e.Own.Other)...)
		case verdict.Stale:
			rb.Old = e.Prior.Translation.Other
			rb.Previous = e.Prior.Source
			if e.Prior.Source != "" {
				rb.Diff = lcs.WordDiff(e.Prior.Source, msg.Other)
			}
		}
		rb.SourceHTML, rb.TranslationHTML, rb.OldHTML = showTags(rb.Source), showTags(rb.Translation), showTags(rb.Old)
		if rb.Diff != nil {
			rb.DiffHTML = diffHTML(rb.Diff)
		}
		if !rb.Repeat {
			rp.Counts.add(rb)
			if len(rb.Problems) > 0 {
				rp.problems = append(rp.problems, rb.ID)
			}
		}
		rp.Blocks = append(rp.Blocks, rb)
	}
	return rp, nil
}

// add counts a message shown on a page.
func (c *Counts) add(b reviewBlock) {
	c.Messages++
	switch b.State {
	case "translated":
		c.Translated++
	case "stale":
		c.Stale++
	default:
		c.Missing++
	}
	if b.Reviewed {
		c.Reviewed++
	}
	if len(b.Problems) > 0 {
		c.Problems++
	}
}

// pages works out every section's blocks, on every core: the checks and
// word diffs of a large site take a while.
func (r *Review) pages() ([]reviewPage, error) {
	out := make([]reviewPage, len(r.secs))
	err := parallel.Each(len(r.secs), func(k int) (err error) {
		out[k], err = r.page(r.secs[k])
		return err
	})
	return out, err
}

// totals counts the messages of the whole review: glot status's counts of
// the language, for the review is of every message status counts, and
// the messages with problems, each once.
func (r *Review) totals(pages []reviewPage) Counts {
	st := Status(r.t.Source(), []*verdict.Table{r.t}).Languages[0]
	c := Counts{Messages: st.Messages, Translated: st.Translated, Reviewed: st.Reviewed, Stale: st.Stale, Missing: st.Missing}
	seen := map[string]bool{}
	for _, p := range pages {
		for _, id := range p.problems {
			if !seen[id] {
				seen[id] = true
				c.Problems++
			}
		}
	}
	return c
}

// reviewData is what the review templates show.
type reviewData struct {
	Lang, Name, Dir, Source string
	Totals                  Counts
	Pages                   []reviewPage
	Approve                 *ApproveForm
	// Here is the file's name, for the Approve buttons; Index, Prev and
	// Next link a part to the index and the parts beside it.
	Here, Index, Prev, Next string
}

func (r *Review) data() reviewData {
	lang := r.t.Lang
	return reviewData{Lang: lang, Name: langtag.Name(lang), Dir: langtag.Dir(lang), Source: r.s.SourceLang, Approve: r.o.Approve}
}

// Files renders the review: one file named Index, or the index and a part
// per page (see Layout).
func (r *Review) Files() ([]File, error) {
	pages, err := r.pages()
	if err != nil {
		return nil, err
	}
	d := r.data()
	d.Totals = r.totals(pages)
	if !r.split {
		d.Pages, d.Here = pages, r.o.Index
		data, err := render("review.html", d)
		if err != nil {
			return nil, err
		}
		return []File{{Name: r.o.Index, Data: data}}, nil
	}
	dir := PartsDir(r.o.Index)
	for k := range pages {
		pages[k].Href = href(r.o.Index, dir+"/"+pages[k].Name)
	}
	index, err := r.index(d, pages)
	if err != nil {
		return nil, err
	}
	files := make([]File, 1+len(pages))
	files[0] = File{Name: r.o.Index, Data: index}
	err = parallel.Each(len(pages), func(k int) error {
		data, err := r.part(d, pages, k)
		files[1+k] = File{Name: dir + "/" + pages[k].Name, Data: data}
		return err
	})
	return files, err
}

// File renders one file of the review: the index (name "" or Index), or
// the part with that name relative to the index's folder. ok is false
// when the review has no such file.
func (r *Review) File(name string) (data []byte, ok bool, err error) {
	if !r.split {
		if name != "" && name != r.o.Index {
			return nil, false, nil
		}
		fs, err := r.Files()
		if err != nil {
			return nil, false, err
		}
		return fs[0].Data, true, nil
	}
	if name == "" || name == r.o.Index {
		pages, err := r.pages()
		if err != nil {
			return nil, false, err
		}
		d := r.data()
		d.Totals = r.totals(pages)
		for k := range pages {
			pages[k].Href = href(r.o.Index, PartsDir(r.o.Index)+"/"+pages[k].Name)
		}
		data, err := r.index(d, pages)
		return data, err == nil, err
	}
	dir := PartsDir(r.o.Index) + "/"
	for k, sec := range r.secs {
		if dir+partName(sec) != name {
			continue
		}
		p, err := r.page(sec)
		if err != nil {
			return nil, false, err
		}
		// A part's neighbours need only their names.
		pages := make([]reviewPage, len(r.secs))
		for j, s := range r.secs {
			pages[j] = reviewPage{Path: s.Path, Name: partName(s)}
		}
		pages[k] = p
		d := r.data()
		data, err := r.part(d, pages, k)
		return data, err == nil, err
	}
	return nil, false, nil
}

// index renders the index of a split review.
func (r *Review) index(d reviewData, pages []reviewPage) ([]byte, error) {
	d.Pages, d.Here = pages, r.o.Index
	return render("review-index.html", d)
}

// part renders the part of pages[k], linked to the index and its
// neighbours.
func (r *Review) part(d reviewData, pages []reviewPage, k int) ([]byte, error) {
	here := PartsDir(r.o.Index) + "/" + pages[k].Name
	d.Pages, d.Here = pages[k:k+1], here
	d.Index = href(here, r.o.Index)
	if k > 0 {
		d.Prev = href(here, PartsDir(r.o.Index)+"/"+pages[k-1].Name)
	}
	if k+1 < len(pages) {
		d.Next = href(here, PartsDir(r.o.Index)+"/"+pages[k+1].Name)
	}
	return render("review.html", d)
}

// render executes one of the report templates.
func render(name string, data any) ([]byte, error) {
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, name, data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return buf.Bytes(), nil
}
