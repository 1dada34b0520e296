package report

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/glot-i18n/glot/internal/lcs"
)

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
