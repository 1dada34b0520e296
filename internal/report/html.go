package report

import (
	"embed"
	"fmt"
	"html/template"
	"math"
	"path"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/parallel"
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
}).ParseFS(templates, "templates/*.html"))

// diffHTML writes a word diff as HTML: deleted words in <del>, inserted
// ones in <ins>.
func diffHTML(ops []lcs.DiffOp) template.HTML {
	esc := make([]lcs.DiffOp, len(ops))
	for i, op := range ops {
		esc[i] = lcs.DiffOp{Op: op.Op, Text: template.HTMLEscapeString(op.Text)}
	}
	return template.HTML(lcs.FormatDiff(esc, "<del>", "</del>", "<ins>", "</ins>", ""))
}

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
	Path   string // as a reader knows it: "content/docs/a.md", or InterfaceSection
	Page   string // the page's path in the content folder; "" for the interface text
	Blocks []ledger.Block
}

// sections lists the site's pages in order, then the messages on no page,
// so that a reviewer sees and signs off everything the site shows.
func sections(s *locale.Site, content string) []section {
	var out []section
	for _, p := range s.Pages {
		out = append(out, section{Path: path.Join(content, p.Path), Page: p.Path, Blocks: p.Blocks})
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

// StatusHTMLOptions tune StatusReport.HTML.
type StatusHTMLOptions struct {
	Content string // the content folder's name
	Index   string // the file name of the report, or of its index
	Layout  Layout
}

// gap is a message a language lacks, as the status page lists it.
type gap struct {
	Kind, Page string
	Line       int
	Source     string
}

type langData struct {
	LangStatus
	Name  string
	Href  string // to its part, when the report is split
	Pages []pageStatus
	Gaps  []gap
	// A split report lists a language's gaps GapsPerFile at a time:
	// these are gaps GapFrom to GapTo of GapTotal, and GapParts lead to
	// the others.
	GapFrom, GapTo, GapTotal int
	GapParts                 []gapLink
}

// gapLink leads to a file of a language's gaps; Href is "" for the file
// it is on.
type gapLink struct{ Label, Href string }

// GapsPerFile is how many gaps a file of a split status report lists: a
// browser lays out the 5,000 gaps of a language of a large site in more
// than a second, and a thousand in a fifth of that.
const GapsPerFile = 1000

// HTML writes the status as self-contained pages: progress per language,
// and for each language per page, and the list of its gaps. A large
// site's report is split (see Layout): the index at o.Index has the
// languages, and a part per language, <lang>.html in the folder
// PartsDir(o.Index), its pages and gaps, GapsPerFile at a time: the
// others in <lang>.2.html and on.
func (r *StatusReport) HTML(s *locale.Site, tables []*verdict.Table, o StatusHTMLOptions) ([]File, error) {
	secs := sections(s, o.Content)
	langs := make([]langData, len(r.Languages))
	err := parallel.Each(len(langs), func(i int) (err error) {
		langs[i], err = r.langData(r.Languages[i], tables[i], secs, o.Content)
		return err
	})
	if err != nil {
		return nil, err
	}
	type statusData struct {
		Source string
		Langs  []langData
		Index  string // from a part to the index
	}
	if !o.Layout.splits(len(s.Source.Messages)) {
		data, err := render("status.html", statusData{Source: r.Source, Langs: langs})
		if err != nil {
			return nil, err
		}
		return []File{{Name: o.Index, Data: data}}, nil
	}
	dir := PartsDir(o.Index)
	// A language's part is <lang>.html, with its pages and its first
	// gaps; its other gaps are in <lang>.2.html, <lang>.3.html...
	type job struct {
		name string
		ld   langData
	}
	var jobs []job
	for i := range langs {
		ld := langs[i]
		langs[i].Href = href(o.Index, dir+"/"+ld.Lang+".html")
		n := max(1, (len(ld.Gaps)+GapsPerFile-1)/GapsPerFile)
		names := make([]string, n)
		for k := range names {
			names[k] = dir + "/" + ld.Lang + ".html"
			if k > 0 {
				names[k] = fmt.Sprintf("%s/%s.%d.html", dir, ld.Lang, k+1)
			}
		}
		for k, name := range names {
			part := ld
			if k > 0 {
				part.Pages = nil
			}
			part.Gaps = ld.Gaps[k*GapsPerFile : min(len(ld.Gaps), (k+1)*GapsPerFile)]
			if n > 1 {
				part.GapFrom, part.GapTo, part.GapTotal = k*GapsPerFile+1, k*GapsPerFile+len(part.Gaps), len(ld.Gaps)
				for j, other := range names {
					l := gapLink{Label: fmt.Sprint(j + 1)}
					if j != k {
						l.Href = href(name, other) + "#gaps"
					}
					part.GapParts = append(part.GapParts, l)
				}
			}
			jobs = append(jobs, job{name, part})
		}
	}
	parts := make([]File, len(jobs))
	err = parallel.Each(len(jobs), func(i int) error {
		data, err := render("status.html", statusData{Source: r.Source, Langs: []langData{jobs[i].ld}, Index: href(jobs[i].name, o.Index)})
		parts[i] = File{Name: jobs[i].name, Data: data}
		return err
	})
	if err != nil {
		return nil, err
	}
	index, err := render("status-index.html", statusData{Source: r.Source, Langs: langs})
	if err != nil {
		return nil, err
	}
	return append([]File{{Name: o.Index, Data: index}}, parts...), nil
}

// langData works out the coverage of one language page by page, and its
// gaps in page order. A gap shows its source clipped: the status says
// what is left to do; glot diff and glot review show it whole.
func (r *StatusReport) langData(ls LangStatus, t *verdict.Table, secs []section, content string) (langData, error) {
	ld := langData{LangStatus: ls, Name: langtag.Name(ls.Lang)}
	src := t.Source()
	for _, p := range secs {
		ps := pageStatus{Path: p.Path}
		seen := map[string]bool{}
		for _, b := range p.Blocks {
			i, ok := src.Index(b.ID)
			if seen[b.ID] || !ok {
				continue
			}
			seen[b.ID] = true
			ps.Messages++
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
	var idx []int
	for i := range src.IDs() {
		if t.State(i) != verdict.Translated {
			idx = append(idx, i)
		}
	}
	for start := 0; start < len(idx); start += 1024 {
		batch := idx[start:min(start+1024, len(idx))]
		ms, err := src.Messages(batch)
		if err != nil {
			return ld, err
		}
		for k, sm := range ms {
			g := gap{Kind: "missing", Source: clip(sm.Message.Other, 160)}
			if st := t.State(batch[k]); st == verdict.Stale || st == verdict.Held {
				g.Kind = "stale"
			}
			g.Page, g.Line = place(sm, content)
			ld.Gaps = append(ld.Gaps, g)
		}
	}
	sort.SliceStable(ld.Gaps, func(i, j int) bool {
		a, b := ld.Gaps[i], ld.Gaps[j]
		if a.Page != b.Page {
			return a.Page < b.Page
		}
		return a.Line < b.Line
	})
	return ld, nil
}
