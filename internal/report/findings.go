package report

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

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

// Formats lists the formats Write knows.
var Formats = []string{"text", "json", "markdown", "github", "sarif"}

// Write writes the findings in format.
func (f *Findings) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return f.writeText(w)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(f)
	case "markdown":
		return f.writeMarkdown(w)
	case "github":
		return f.writeGitHub(w)
	case "sarif":
		return f.writeSARIF(w)
	}
	return fmt.Errorf("unknown format %q (%s)", format, strings.Join(Formats, ", "))
}

func (f *Findings) writeText(w io.Writer) error {
	if len(f.Findings) == 0 {
		_, err := fmt.Fprintln(w, "nothing to report")
		return err
	}
	lang := ""
	for _, x := range f.Findings {
		if x.Lang != lang {
			lang = x.Lang
			fmt.Fprintf(w, "%s: %s\n", lang, f.summary(lang))
		}
		where := x.Page
		if x.Line > 0 {
			where = fmt.Sprintf("%s:%d", x.Page, x.Line)
		}
		if where == "" {
			where = "(no page)"
		}
		if x.ID == "" {
			// A finding about a page, not a message: a page edited
			// since the last extract.
			fmt.Fprintf(w, "  %s: %s: %s\n", where, x.Severity, x.Kind)
		} else {
			fmt.Fprintf(w, "  %s: %s: %s: %s\n", where, x.Severity, x.Kind, x.ID)
		}
		fmt.Fprintf(w, "      %s\n", x.Message)
	}
	return nil
}

// summary counts the findings of one language by kind.
func (f *Findings) summary(lang string) string {
	counts := map[string]int{}
	words := 0
	for _, x := range f.Findings {
		if x.Lang == lang {
			counts[x.Kind]++
			words += x.Words
		}
	}
	kinds := slices.Sorted(maps.Keys(counts))
	var parts []string
	for _, k := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[k], k))
	}
	s := strings.Join(parts, ", ")
	if f.tool == "diff" {
		s += fmt.Sprintf(" (%d words)", words)
	}
	return s
}

// writeMarkdown writes a report fit for a pull-request comment.
func (f *Findings) writeMarkdown(w io.Writer) error {
	title := map[string]string{"diff": "Translations missing or stale", "check": "Translation checks"}[f.tool]
	fmt.Fprintf(w, "### %s\n\n", title)
	if len(f.Findings) == 0 {
		_, err := fmt.Fprintln(w, "Nothing to report.")
		return err
	}
	lang := ""
	for _, x := range f.Findings {
		if x.Lang != lang {
			if lang != "" {
				fmt.Fprintln(w)
			}
			lang = x.Lang
			fmt.Fprintf(w, "#### `%s`: %s\n\n| Where | Kind | Message |\n|---|---|---|\n", lang, f.summary(lang))
		}
		where := "`" + x.Page + "`"
		switch {
		case x.Page == "":
			// A message on no page: the layout's interface text.
			where = "interface text `" + x.ID + "`"
		case x.Line > 0:
			where = fmt.Sprintf("`%s:%d`", x.Page, x.Line)
		}
		msg := x.Message
		if x.Kind == "stale" && x.Diff != nil {
			msg = "source changed: " + lcs.FormatDiff(x.Diff, "~~", "~~", "**", "**", " ")
		}
		fmt.Fprintf(w, "| %s | %s %s | %s |\n", where, x.Severity, x.Kind, mdCell(msg))
	}
	return nil
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ", "<", "&lt;").Replace(s)
}

// writeGitHub writes workflow commands that GitHub Actions shows as
// annotations on the source lines.
func (f *Findings) writeGitHub(w io.Writer) error {
	for _, x := range f.Findings {
		level := "warning"
		if x.Severity == "error" {
			level = "error"
		}
		props := []string{}
		if x.Page != "" {
			props = append(props, "file="+ghProp(x.Page))
			if x.Line > 0 {
				props = append(props, fmt.Sprintf("line=%d", x.Line))
			}
		}
		props = append(props, "title="+ghProp(strings.TrimSpace(fmt.Sprintf("%s: %s %s", x.Lang, x.Kind, x.ID))))
		fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(props, ","), ghData(x.Message))
	}
	return nil
}

// ghData and ghProp escape workflow command values as GitHub's toolkit
// does.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func ghProp(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// writeSARIF writes SARIF 2.1.0, which code-scanning tools read.
func (f *Findings) writeSARIF(w io.Writer) error {
	type msg struct {
		Text string `json:"text"`
	}
	type rule struct {
		ID               string `json:"id"`
		ShortDescription msg    `json:"shortDescription"`
	}
	type region struct {
		StartLine int `json:"startLine,omitempty"`
	}
	type location struct {
		PhysicalLocation struct {
			ArtifactLocation struct {
				URI string `json:"uri"`
			} `json:"artifactLocation"`
			Region *region `json:"region,omitempty"`
		} `json:"physicalLocation"`
	}
	type result struct {
		RuleID     string         `json:"ruleId"`
		Level      string         `json:"level"`
		Message    msg            `json:"message"`
		Locations  []location     `json:"locations,omitempty"`
		Properties map[string]any `json:"properties"`
	}
	var results []result
	seen := map[string]bool{}
	var rules []rule
	for _, x := range f.Findings {
		if !seen[x.Kind] {
			seen[x.Kind] = true
			rules = append(rules, rule{ID: x.Kind, ShortDescription: msg{ruleText[x.Kind]}})
		}
		level := "warning"
		if x.Severity == "error" {
			level = "error"
		}
		r := result{RuleID: x.Kind, Level: level, Message: msg{x.Lang + ": " + x.Message},
			Properties: map[string]any{"lang": x.Lang, "messageId": x.ID}}
		if x.Page != "" {
			var loc location
			loc.PhysicalLocation.ArtifactLocation.URI = x.Page
			if x.Line > 0 {
				loc.PhysicalLocation.Region = &region{StartLine: x.Line}
			}
			r.Locations = []location{loc}
		}
		results = append(results, r)
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	if results == nil {
		results = []result{}
	}
	if rules == nil {
		rules = []rule{}
	}
	doc := map[string]any{
		"$schema": "https://json.schemastore.org/sarif-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool":    map[string]any{"driver": map[string]any{"name": "glot", "informationUri": "https://github.com/glot-i18n/glot", "rules": rules}},
			"results": results,
		}},
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// ruleText describes each kind of finding.
var ruleText = map[string]string{
	"missing":      "A message has no translation.",
	"stale":        "A translation was made for an earlier version of its source.",
	"placeholders": "The translation's placeholders do not match the source's.",
	"template":     "The translation has a template action its source does not allow.",
	"plural":       "The translation lacks a plural form its language needs.",
	"numbers":      "A number of the source is not in the translation.",
	"addresses":    "A URL, e-mail address, DOI or phone number of the source is not in the translation unchanged.",
	"glossary":     "A glossary term is not rendered as the glossary requires.",
	"whitespace":   "White space at the ends of the translation differs from the source's.",
	"punctuation":  "The final punctuation of the translation differs from the source's.",
	"identical":    "The translation is the source text, unchanged.",
	"length":       "The translation is far shorter or longer than the source.",
	"unextracted":  "A page was added, edited or removed since the last glot extract: the catalogs do not hold what it says.",
}
