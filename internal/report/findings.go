package report

import (
	"fmt"
	"path"
	"sort"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Finding is one thing a reviewer should look at: a message missing, stale
// or wrong in a language. Its JSON form is part of glot's interface.
type Finding struct {
	Lang     string `json:"lang"`
	ID       string `json:"id"`   // the message
	Page     string `json:"page"` // where it is first used, "content/a.md"; "" for a message on no page
	Line     int    `json:"line"`
	Kind     string `json:"kind"` // diff: missing, stale; check: the check's id
	Severity string `json:"severity"`
	Message  string `json:"message"`

	Source      string       `json:"source,omitempty"`
	Previous    string       `json:"previous_source,omitempty"` // stale: the source that was translated
	Translation string       `json:"translation,omitempty"`
	Words       int          `json:"words,omitempty"` // source words to translate
	Diff        []lcs.DiffOp `json:"diff,omitempty"`  // stale: from the previous source to the source

	order int // the page's place in the site's order (verdict.SourceMessage.PageOrder), for sorting
}

// Findings is the report of glot diff and glot check.
type Findings struct {
	Findings []Finding `json:"findings"`
	tool     string    // "diff" or "check", for the formats that name it
}

// Count returns how many findings have kind k (any kind when k is "") and
// severity sev (any when "").
func (f *Findings) Count(kind, sev string) int {
	n := 0
	for _, x := range f.Findings {
		if (kind == "" || x.Kind == kind) && (sev == "" || x.Severity == sev) {
			n++
		}
	}
	return n
}

// place returns where message m is first used, with the content folder's
// name.
func place(m *verdict.SourceMessage, content string) (string, int) {
	if m.Page == "" {
		return "", 0
	}
	return path.Join(content, m.Page), m.Line
}

// sortFindings orders findings by language, page (in the site's order),
// line and message.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Lang != b.Lang:
			return a.Lang < b.Lang
		case a.order != b.order:
			return a.order < b.order
		case a.Page != b.Page:
			return a.Page < b.Page
		case a.Line != b.Line:
			return a.Line < b.Line
		}
		return a.ID < b.ID
	})
}

// DiffOptions tune Diff.
type DiffOptions struct {
	ContentName string
	// Since, when set, limits the report to messages whose ids are not in
	// it: those added or changed since the revision it was read from.
	Since map[string]bool
}

// Diff lists, for each language of tables (compiled against src), the
// messages that are missing or stale, with a word-level diff of each stale
// message's source change. A translation held back (it does not fit its
// source) is listed as stale, with the reason.
func Diff(src *verdict.Source, tables []*verdict.Table, o DiffOptions) (*Findings, error) {
	r := &Findings{Findings: []Finding{}, tool: "diff"}
	for _, t := range tables {
		var idx []int
		for i, id := range src.IDs() {
			if t.State(i) != verdict.Translated && !(o.Since != nil && o.Since[id]) {
				idx = append(idx, i)
			}
		}
		srcs, err := src.Messages(idx)
		if err != nil {
			return nil, err
		}
		entries := t.Entries(idx)
		for k, sm := range srcs {
			e, text := entries[k], sm.Message.Other
			page, line := place(sm, o.ContentName)
			f := Finding{Lang: t.Lang, ID: sm.ID, Page: page, Line: line, Kind: "missing", Severity: "warning",
				Source: text, Words: sm.Words, order: sm.PageOrder}
			switch {
			case e.State == verdict.Missing:
				f.Message = "no translation: " + clip(text, 120)
			case e.State == verdict.Held && e.Reason.Approvable():
				f.Kind = "stale"
				f.Translation = e.Own.Other
				f.Message = "held back from the pages (" + e.Reason.Error() + "): if it is right, a reviewer approves it with glot approve"
			case e.State == verdict.Held:
				f.Kind = "stale"
				f.Translation = e.Own.Other
				f.Message = "the translation does not fit its source (" + e.Reason.Error() + "): it is not used"
			default:
				f.Kind = "stale"
				f.Previous = e.Prior.Source
				f.Translation = e.Prior.Translation.Other
				if e.Prior.Source != "" {
					f.Diff = lcs.WordDiff(e.Prior.Source, text)
					f.Message = "the source changed since it was translated: " + lcs.FormatDiff(f.Diff, "[-", "-]", "{+", "+}", "")
				} else {
					f.Message = "translated for an earlier version of the source"
				}
			}
			r.Findings = append(r.Findings, f)
		}
		if err := t.Err(); err != nil {
			return nil, err
		}
	}
	sortFindings(r.Findings)
	return r, nil
}

// Memo keeps the findings of glot check for each language, so that they
// are worked out once for a table: a check of every translation of a large
// site takes seconds. Its keys must name everything the findings depend
// on; see Check.
type Memo interface {
	Get(lang string) ([]Finding, bool)
	Put(lang string, fs []Finding)
}

// Check runs the quality checks on every translation made in the
// languages of tables (compiled against src) for the current version of
// its source: those in force and those held back, for a reviewer must see
// why. The findings of a language depend on its table, the checker's
// glossary and content (the name of the content folder); memo, if not
// nil, keeps them.
func Check(src *verdict.Source, tables []*verdict.Table, c *check.Checker, content string, memo Memo) (*Findings, error) {
	r := &Findings{Findings: []Finding{}, tool: "check"}
	for _, tb := range tables {
		if memo != nil {
			if fs, ok := memo.Get(tb.Lang); ok {
				r.Findings = append(r.Findings, fs...)
				continue
			}
		}
		start := len(r.Findings)
		var idx []int
		for i := range src.IDs() {
			if tb.HasOwn(i) {
				idx = append(idx, i)
			}
		}
		for start := 0; start < len(idx); start += 1024 {
			batch := idx[start:min(start+1024, len(idx))]
			srcs, err := src.Messages(batch)
			if err != nil {
				return nil, err
			}
			for k, e := range tb.Entries(batch) {
				r.Findings = append(r.Findings, checkOne(tb.Lang, srcs[k], e, c, content)...)
			}
		}
		if err := tb.Err(); err != nil {
			return nil, err
		}
		if memo != nil {
			memo.Put(tb.Lang, r.Findings[start:])
		}
	}
	sortFindings(r.Findings)
	return r, nil
}

// checkOne checks the translation a language made of source message sm.
// What a blocking check finds keeps the translation off the pages: its
// finding says so, or, once a reviewer approved that text, is only a
// warning.
func checkOne(lang string, sm *verdict.SourceMessage, e *verdict.Entry, c *check.Checker, content string) []Finding {
	var out []Finding
	t, srcMsg := e.Own, sm.Message
	page, line := place(sm, content)
	held := e.State == verdict.Held && e.Reason.Approvable()
	if e.State == verdict.Held && !held {
		// It is not shown at all: the verdict says why.
		out = append(out, Finding{Lang: lang, ID: sm.ID, Page: page, Line: line, Kind: e.Reason.Check,
			Severity: string(check.Error), Message: e.Reason.Error() + ": the translation is not used", Source: srcMsg.Other, Translation: t.Other})
	}
	// Every plural form is shown to readers, so every form is checked,
	// against the source's form of the same name.
	forms := catalog.Forms(t)
	plural := len(catalog.Forms(srcMsg)) > 1
	said := false
	for _, f := range forms {
		src := formText(srcMsg, f.Name)
		blocking := map[check.Problem]bool{}
		if held || e.Approved {
			for _, p := range c.Blocking(lang, src, f.Text, !plural) {
				blocking[p] = true
			}
		}
		for _, p := range c.Translation(lang, src, f.Text) {
			msg, sev := p.Message, p.Severity
			if len(forms) > 1 {
				msg = f.Name + ": " + msg
			}
			switch {
			case !blocking[p]:
			case e.Approved:
				msg += "; a reviewer approved this text, so pages show it"
				sev = check.Warning
			default:
				msg += "; held back from the pages until a reviewer approves it (glot approve)"
				said = true
			}
			out = append(out, Finding{Lang: lang, ID: sm.ID, Page: page, Line: line, Kind: p.Check,
				Severity: string(sev), Message: msg, Source: src, Translation: f.Text})
		}
	}
	if held && !said {
		out = append(out, Finding{Lang: lang, ID: sm.ID, Page: page, Line: line, Kind: e.Reason.Check,
			Severity: string(check.Error), Message: e.Reason.Error() + "; held back from the pages until a reviewer approves it (glot approve)", Source: srcMsg.Other, Translation: t.Other})
	}
	for i := range out {
		out[i].order = sm.PageOrder
	}
	return out
}

// formText is the text of m's plural form name, or its other form when it
// has none of that name (English has no few; Arabic has).
func formText(m *catalog.Message, name string) string {
	for _, f := range catalog.Forms(m) {
		if f.Name == name {
			return f.Text
		}
	}
	return m.Other
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// Changes are the pages added, changed or removed since the last glot
// extract (extract.Changes), by path in the content folder.
type Changes interface {
	Pages() []string
	What(page string) string // "added", "changed" or "removed"
}

// Unextracted are glot check's findings for the pages of c: errors of kind
// "unextracted", in the source language srcLang, whose catalog does not
// say what the pages hold, each named under the content folder content.
func Unextracted(srcLang, content string, c Changes) []Finding {
	var out []Finding
	for _, p := range c.Pages() {
		out = append(out, Finding{Lang: srcLang, Page: path.Join(content, p), Kind: "unextracted", Severity: "error",
			Message: fmt.Sprintf("%s since the last glot extract: the catalogs do not hold what the page holds; run glot extract", c.What(p))})
	}
	return out
}
