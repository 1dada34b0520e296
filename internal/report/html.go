package report

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"path"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/verdict"
)

//go:embed templates/*.html
var templates embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"tags": showTags,
	"pct": func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(n) * 100 / float64(of)
	},
	"percent": percent,
	"diff": func(ops []lcs.DiffOp) template.HTML {
		esc := make([]lcs.DiffOp, len(ops))
		for i, op := range ops {
			esc[i] = lcs.DiffOp{Op: op.Op, Text: template.HTMLEscapeString(op.Text)}
		}
		return template.HTML(lcs.FormatDiff(esc, "<del>", "</del>", "<ins>", "</ins>", ""))
	},
}).ParseFS(templates, "templates/*.html"))

// percent writes a share for a reader: whole where it is ("100 %"),
// else to one decimal ("65.4 %"), never 100 for a share short of it.
func percent(p float64) string {
	switch {
	case p == math.Trunc(p):
		return fmt.Sprintf("%.0f %%", p)
	case p > 99.9 && p < 100:
		return "99.9 %"
	}
	return fmt.Sprintf("%.1f %%", p)
}

// showTags writes message text as HTML, its placeholders as small marks a
// reader who knows no markup can follow.
func showTags(s string) template.HTML {
	var b strings.Builder
	for _, t := range msgtext.Parse(s) {
		switch t.Kind {
		case msgtext.Text:
			b.WriteString(template.HTMLEscapeString(t.Text))
		default:
			b.WriteString(`<span class="tag">` + template.HTMLEscapeString(t.Text) + `</span>`)
		}
	}
	return template.HTML(b.String())
}

// InterfaceSection names, in the HTML reports, the messages used on no
// page: the layouts' interface text.
const InterfaceSection = "Interface text (layouts)"

// section is a part of the site a report walks: a page and its blocks, or
// the interface text.
type section struct {
	Path   string
	Blocks []ledger.Block
}

// sections lists the site's pages in order, then the messages on no page,
// so that a reviewer sees and signs off everything the site shows.
func sections(s *locale.Site, content string) []section {
	var out []section
	for _, p := range s.Pages {
		out = append(out, section{Path: path.Join(content, p.Path), Blocks: p.Blocks})
	}
	ui := section{Path: InterfaceSection}
	for _, id := range s.Source.IDs() {
		if !s.OnPage(id) {
			ui.Blocks = append(ui.Blocks, ledger.Block{ID: id, Kind: "interface"})
		}
	}
	if len(ui.Blocks) > 0 {
		out = append(out, ui)
	}
	return out
}

// reviewBlock is one block of a page in the review.
type reviewBlock struct {
	Where, Kind, ID     string
	Source, Translation string
	// SourceForms and TranslationForms are the plural forms of a message
	// that has them: "Reading time: 1 minute" / "... 3 minutes".
	SourceForms, TranslationForms []catalog.Form
	State                         string // translated, stale, missing
	Reviewed                      bool
	Previous, Old                 string // stale: the source translated, and its translation
	Held                          bool   // Old is a translation of this source, held back
	Diff                          []lcs.DiffOp
	Problems                      []check.Problem
	Repeat                        bool // the message was shown earlier on the page
}

type reviewPage struct {
	Path   string
	Blocks []reviewBlock
	Counts map[string]int
}

// Review writes a self-contained HTML page with every page's source and
// translation into t's language side by side, block by block, for
// reviewers who will never open a catalog. Missing, stale and held-back
// translations and the checks' findings are marked.
func Review(w io.Writer, s *locale.Site, t *verdict.Table, c *check.Checker, content string) error {
	lang := t.Lang
	data := struct {
		Lang, Name, Dir, Source string
		Pages                   []reviewPage
		Totals                  map[string]int
	}{Lang: lang, Name: langtag.Name(lang), Dir: langtag.Dir(lang), Source: s.SourceLang, Totals: map[string]int{}}
	for _, p := range sections(s, content) {
		rp := reviewPage{Path: p.Path, Counts: map[string]int{}}
		seen := map[string]bool{}
		for _, blk := range p.Blocks {
			src := s.Source.Messages[blk.ID]
			if src == nil {
				continue
			}
			e := t.Entry(blk.ID)
			rb := reviewBlock{Where: p.Path, Kind: blk.Kind, ID: blk.ID, Source: src.Other, State: reviewState(e.State), Repeat: seen[blk.ID]}
			seen[blk.ID] = true
			switch e.State {
			case verdict.Translated:
				tr := e.InForce
				rb.Translation = tr.Other
				if len(catalog.Forms(src)) > 1 {
					rb.SourceForms, rb.TranslationForms = catalog.Forms(src), catalog.Forms(tr)
				}
				rb.Reviewed = e.Reviewed
				rb.Problems = c.Translation(lang, src.Other, rb.Translation)
			case verdict.Held:
				rb.Old, rb.Held = e.Own.Other, true
				rb.Problems = append([]check.Problem{{Check: e.Reason.Check, Severity: check.Error, Message: e.Reason.Error() + ": the translation is not used"}},
					c.Translation(lang, src.Other, e.Own.Other)...)
			case verdict.Stale:
				rb.Old = e.Prior.Translation.Other
				rb.Previous = e.Prior.Source
				if e.Prior.Source != "" {
					rb.Diff = lcs.WordDiff(e.Prior.Source, src.Other)
				}
			}
			if !rb.Repeat {
				rp.Counts[rb.State]++
				data.Totals[rb.State]++
				if rb.Reviewed {
					rp.Counts["reviewed"]++
					data.Totals["reviewed"]++
				}
				if len(rb.Problems) > 0 {
					rp.Counts["problems"]++
					data.Totals["problems"]++
				}
			}
			rp.Blocks = append(rp.Blocks, rb)
		}
		data.Pages = append(data.Pages, rp)
	}
	if err := t.Err(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, "review.html", data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// pageStatus is the coverage of one page in one language.
type pageStatus struct {
	Path                              string
	Messages, Translated, Stale, Miss int
}

// reviewState is how the reports name a state: a translation held back
// is stale, for it needs a translator as a stale one does.
func reviewState(st verdict.State) string {
	if st == verdict.Held {
		return verdict.Stale.String()
	}
	return st.String()
}

// WriteHTML writes the status as one self-contained page: progress per
// language and per page, and the list of gaps.
func (r *StatusReport) WriteHTML(w io.Writer, s *locale.Site, tables []*verdict.Table, content string) error {
	type langData struct {
		LangStatus
		Name  string
		Pages []pageStatus
		Gaps  []Finding
	}
	data := struct {
		Source string
		Langs  []langData
	}{Source: r.Source}
	for i, ls := range r.Languages {
		t := tables[i]
		ld := langData{LangStatus: ls, Name: langtag.Name(ls.Lang)}
		for _, p := range sections(s, content) {
			ps := pageStatus{Path: p.Path}
			seen := map[string]bool{}
			for _, b := range p.Blocks {
				if seen[b.ID] || s.Source.Messages[b.ID] == nil {
					continue
				}
				seen[b.ID] = true
				ps.Messages++
				i, _ := t.Source().Index(b.ID)
				switch t.State(i) {
				case verdict.Translated:
					ps.Translated++
				case verdict.Stale, verdict.Held:
					ps.Stale++
				default:
					ps.Miss++
				}
			}
			ld.Pages = append(ld.Pages, ps)
		}
		gaps, err := Diff(t.Source(), []*verdict.Table{t}, DiffOptions{ContentName: content})
		if err != nil {
			return err
		}
		ld.Gaps = gaps.Findings
		data.Langs = append(data.Langs, ld)
	}
	var buf bytes.Buffer
	if err := pages.ExecuteTemplate(&buf, "status.html", data); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}
