// Package report owns what glot tells reviewers about a site's
// translations. It reads the catalogs and the bookkeeping and never changes
// them. Its HTML reports are returned as files, not written: a large
// site's is an index and parts (see Layout), so that each opens in a
// browser at once.
//
//	st := report.Status(src, tables)
//	err := st.WriteJSON(os.Stdout)
//	files, err := report.NewReview(site, tables[0], checker, report.ReviewOptions{Index: "review.es.html"}).Files()
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"text/tabwriter"

	"github.com/glot-i18n/glot/internal/verdict"
)

// StatusReport is the coverage of each language. Its JSON form is part of
// glot's interface.
type StatusReport struct {
	Source    string       `json:"source"`
	Languages []LangStatus `json:"languages"`
}

// LangStatus is the coverage of one language. A message is translated when
// it has a translation current for its source; stale when its only
// translation was made for an earlier version of the source; missing
// otherwise. WordsMissing counts the source words of stale and missing
// messages (msgtext.Words: CJK by characters). Percent is Translated out of
// Messages, rounded to two decimals.
type LangStatus struct {
	Lang         string  `json:"lang"`
	Messages     int     `json:"messages"`
	Translated   int     `json:"translated"`
	Stale        int     `json:"stale"`
	Missing      int     `json:"missing"`
	WordsMissing int     `json:"words_missing"`
	Percent      float64 `json:"percent"`
	// Reviewed counts the translated messages a reviewer signed off.
	Reviewed int `json:"reviewed"`
}

// Status computes the coverage of each language of tables, which were
// compiled against src. A translation held back (it does not fit its
// source) counts as stale: it is there, and needs a translator.
func Status(src *verdict.Source, tables []*verdict.Table) *StatusReport {
	r := &StatusReport{Source: src.Lang, Languages: []LangStatus{}}
	for _, t := range tables {
		sum := t.Summary()
		ls := LangStatus{Lang: t.Lang, Messages: src.Len(), Translated: sum.Translated, Stale: sum.Stale + sum.Held,
			Missing: sum.Missing, WordsMissing: sum.WordsMissing, Reviewed: sum.Reviewed}
		if ls.Messages > 0 {
			ls.Percent = math.Round(float64(ls.Translated)/float64(ls.Messages)*10000) / 100
		}
		r.Languages = append(r.Languages, ls)
	}
	return r
}

// WriteJSON writes r as JSON.
func (r *StatusReport) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes r as a table.
func (r *StatusReport) WriteText(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "lang\tmessages\ttranslated\treviewed\tstale\tmissing\twords missing\tpercent\t\n")
	for _, l := range r.Languages {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%.2f%%\t\n", l.Lang, l.Messages, l.Translated, l.Reviewed, l.Stale, l.Missing, l.WordsMissing, l.Percent)
	}
	return tw.Flush()
}
