// Package exchange owns the files glot hands to translators' own tools and
// takes back: XLIFF 2.0, gettext PO and TMX 1.4. Every format carries the
// message id, the source, the translation and its state, and where the
// message is used; placeholders travel as each format's inline codes
// (XLIFF's <pc>/<ph>, TMX's <bpt>/<ept>/<ph>) or, in PO, which has none,
// as glot's own <1>…</1> tags.
//
//	data, err := exchange.Export(site, lang, exchange.Options{Format: "xliff"})
//	work, err := exchange.Import("review.es.xlf", data)
package exchange

import (
	"errors"
	"fmt"
	"path"
	"strings"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Formats are the formats glot exchanges, by name.
var Formats = []string{"xliff", "po", "tmx"}

// Options say what to export.
type Options struct {
	Format      string
	Only        []string // states to export ("missing", "stale", "translated"); empty for all
	Page        string   // a glob over page paths in the content folder; "" for all pages
	ContentName string
}

// unit is one message to hand over.
type unit struct {
	id       string
	source   string
	state    verdict.State // Held is handed over as stale: it needs a translator
	reviewed bool
	target   string // the translation in force
	previous string // stale: the source that was translated
	old      string // stale: its translation
	page     string // where it is first used, with the content folder
	line     int
	kind     string
	codes    []string // what each placeholder stands for
}

// units lists the messages of s to hand over for language l, page by page
// in page order, then those used on no page.
func units(s *locale.Site, t *verdict.Table, o Options) ([]unit, error) {
	if o.Page != "" {
		if _, err := path.Match(o.Page, ""); err != nil {
			return nil, fmt.Errorf("--page %q: %w", o.Page, err)
		}
	}
	only := map[string]bool{}
	for _, st := range o.Only {
		switch st {
		case "missing", "stale", "translated":
			only[st] = true
		default:
			return nil, fmt.Errorf("--only %q: give missing, stale or translated", st)
		}
	}
	var out []unit
	seen := map[string]bool{}
	add := func(id, page string, line int, kind string, codes []string) {
		if seen[id] || s.Source.Messages[id] == nil {
			return
		}
		seen[id] = true
		e := t.Entry(id)
		st := e.State
		if st == verdict.Held {
			st = verdict.Stale
		}
		if len(only) > 0 && !only[st.String()] {
			return
		}
		u := unit{id: id, source: s.Source.Messages[id].Other, state: st, page: page, line: line, kind: kind, codes: codes}
		switch st {
		case verdict.Translated:
			u.target = e.InForce.Other
			u.reviewed = e.Reviewed
		case verdict.Stale:
			u.previous, u.old = e.Prior.Source, e.Prior.Translation.Other
		}
		out = append(out, u)
	}
	for _, p := range s.Pages {
		if ok, _ := path.Match(o.Page, p.Path); o.Page != "" && !ok {
			for _, b := range p.Blocks {
				seen[b.ID] = true
			}
			continue
		}
		for _, b := range p.Blocks {
			add(b.ID, path.Join(o.ContentName, p.Path), b.Line, b.Kind, b.Codes)
		}
	}
	if o.Page == "" {
		for _, id := range s.Source.IDs() {
			add(id, "", 0, "", nil)
		}
	}
	return out, nil
}

// Export writes the messages of t's language in a translator's format.
func Export(s *locale.Site, t *verdict.Table, o Options) ([]byte, error) {
	us, err := units(s, t, o)
	if err != nil {
		return nil, err
	}
	switch o.Format {
	case "xliff":
		return xliffOut(s.SourceLang, t.Lang, us), nil
	case "po":
		return poOut(s.SourceLang, t.Lang, us), nil
	case "tmx":
		return tmxOut(s.SourceLang, t.Lang, us), nil
	}
	return nil, fmt.Errorf("unknown format %q (%s)", o.Format, strings.Join(Formats, ", "))
}

// Work is what a translator's file brings back: translations into one
// language, by message id.
type Work struct {
	Lang         string
	Translations map[string]string
	Lines        map[string]int // where each translation is in the file
}

// Import reads a translator's file, telling its format by its content.
func Import(file string, data []byte) (*Work, error) {
	trimmed := strings.TrimSpace(strings.TrimPrefix(string(data), "\ufeff"))
	switch {
	case strings.Contains(firstElement(trimmed), "xliff"):
		return xliffIn(file, data)
	case strings.Contains(firstElement(trimmed), "tmx"):
		return tmxIn(file, data)
	case strings.HasPrefix(trimmed, "<"):
		return nil, fileerr.At(file, 0, 0, errors.New("an XML file that is neither XLIFF nor TMX"))
	}
	return poIn(file, data)
}

// firstElement returns the start of the first element of an XML text, or
// "" if it is not XML.
func firstElement(s string) string {
	for strings.HasPrefix(s, "<?") || strings.HasPrefix(s, "<!") {
		end := ">"
		switch {
		case strings.HasPrefix(s, "<?"):
			end = "?>"
		case strings.HasPrefix(s, "<!--"):
			end = "-->"
		}
		i := strings.Index(s, end)
		if i < 0 {
			return ""
		}
		s = strings.TrimSpace(s[i+len(end):])
	}
	if !strings.HasPrefix(s, "<") {
		return ""
	}
	if i := strings.IndexAny(s, " >"); i > 0 {
		return s[:i]
	}
	return s
}
