// Package exchange owns the files glot hands to translators' own tools and
// takes back: XLIFF 2.0 and 1.2, gettext PO and TMX 1.4. Every format carries the
// message id, the source, the translation and its state, and where the
// message is used; placeholders travel as each format's inline codes
// (XLIFF's <pc>/<ph>, TMX's <bpt>/<ept>/<ph>) or, in PO, which has none,
// as glot's own <1>…</1> tags. A message with plural forms carries every
// form of the target language: a PO plural entry numbered by the
// Plural-Forms header (see pluralRuleOf), an XLIFF <group> of one <unit>
// per form, a TMX <tu> per form.
//
//	data, err := exchange.Export(site, lang, exchange.Options{Format: "xliff"})
//	work, err := exchange.Import("review.es.xlf", data)
package exchange

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Formats are the formats glot exchanges, by name.
var Formats = []string{"xliff", "xliff12", "po", "pot", "tmx"}

// Options say what to export.
type Options struct {
	Format      string
	Only        []string // states to export ("missing", "stale", "translated"); empty for all
	Page        string   // a glob over page paths in the content folder; "" for all pages
	ContentName string
	// Date is when the file is written, for a PO file's PO-Revision-Date
	// and a POT file's POT-Creation-Date; the zero time leaves them empty.
	Date time.Time
}

// Validate checks the options a person gives (Format, Only, Page), with an
// *option.Error for one that cannot be taken.
func (o Options) Validate() error {
	if !slices.Contains(Formats, o.Format) {
		return formatError(o.Format)
	}
	for _, st := range o.Only {
		if st != "missing" && st != "stale" && st != "translated" {
			return option.Wrong("only", st, "give missing, stale or translated")
		}
	}
	return option.Glob("page", o.Page, path.Match)
}

// unit is one message to hand over.
type unit struct {
	id     string
	source *catalog.Message
	// forms are the plural forms handed over for a message with plural
	// forms: those the target language distinguishes, each with the
	// source's form of that name, or its other form (see sourceForm). It
	// is nil for a message with one text.
	forms      []string
	state      verdict.State // Held is handed over as stale: it needs a translator
	reviewed   bool
	target     *catalog.Message // the translation in force
	previous   string           // stale: the source that was translated
	previousID string           // stale: the message that source was, when the message took over another's
	old        *catalog.Message // stale: its translation
	page       string           // where it is first used, with the content folder
	line       int
	kind       string
	where      string   // where the block stands: a table cell's column and row
	codes      []string // what each placeholder stands for
}

// parts are the texts of u to translate, by plural form: its forms, or
// "other" alone for a message with one text.
func (u *unit) parts() []string {
	if len(u.forms) > 0 {
		return u.forms
	}
	return []string{"other"}
}

// sourceForm is the source text a translator renders as plural form f:
// the source's form of that name, or its other form where the source
// language has no such form (English has no "few").
func (u *unit) sourceForm(f string) string {
	if t := catalog.FormText(u.source, f); t != "" {
		return t
	}
	return u.source.Other
}

// form returns plural form f of m, "" for none.
func form(m *catalog.Message, f string) string {
	if m == nil {
		return ""
	}
	return catalog.FormText(m, f)
}

// kindNote is what a translator is told of u's block, in one line: its
// kind, where it stands, and what each of its tags stands for, as
// "td, column \"Dose\", row \"Ketamine\"; tag 1: emphasis".
func (u *unit) kindNote() string {
	note := u.kind
	if u.where != "" {
		note += ", " + u.where
	}
	for i, c := range u.codes {
		note += fmt.Sprintf("; tag %d: %s", i+1, c)
	}
	return strings.TrimPrefix(strings.TrimPrefix(note, ", "), "; ")
}

// units lists the messages of s to hand over for language l, page by page
// in page order, then those used on no page.
func units(s *locale.Site, t *verdict.Table, o Options) ([]unit, error) {
	only := map[string]bool{}
	for _, st := range o.Only {
		only[st] = true
	}
	var out []unit
	seen := map[string]bool{}
	add := func(id, page string, line int, kind, where string, codes []string) {
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
		src := s.Source.Messages[id]
		u := unit{id: id, source: src, state: st, page: page, line: line, kind: kind, where: where, codes: codes}
		if len(catalog.Forms(src)) > 1 {
			u.forms = langtag.PluralForms(t.Lang)
		}
		switch st {
		case verdict.Translated:
			u.target = e.InForce
			u.reviewed = e.Reviewed
		case verdict.Stale:
			u.previous, u.previousID, u.old = e.Prior.Source, e.Prior.ID, e.Prior.Translation
		}
		out = append(out, u)
	}
	matched := false
	for _, p := range s.Pages {
		if ok, _ := path.Match(o.Page, p.Path); o.Page != "" && !ok {
			for _, b := range p.Blocks {
				seen[b.ID] = true
			}
			continue
		}
		matched = true
		for _, b := range p.Blocks {
			add(b.ID, path.Join(o.ContentName, p.Path), b.Line, b.Kind, b.Where, b.Codes)
		}
	}
	if o.Page != "" && !matched {
		// An empty file would look like a language with nothing to do.
		return nil, option.Wrong("page", o.Page, fmt.Sprintf("matches no page of the site (a glob over paths in the content folder, such as %q)", pageExample(s)))
	}
	if o.Page == "" {
		for _, id := range s.Source.IDs() {
			add(id, "", 0, "", "", nil)
		}
	}
	return out, nil
}

// pageExample is a page path of s to show in a message.
func pageExample(s *locale.Site) string {
	if len(s.Pages) == 0 {
		return "index.md"
	}
	return s.Pages[0].Path
}

// Export writes the messages of t's language in a translator's format.
func Export(s *locale.Site, t *verdict.Table, o Options) ([]byte, error) {
	if err := o.Validate(); err != nil {
		return nil, err
	}
	us, err := units(s, t, o)
	if err != nil {
		return nil, err
	}
	switch o.Format {
	case "xliff":
		return xliffOut(s.SourceLang, t.Lang, us), nil
	case "xliff12":
		return xliff12Out(s.SourceLang, t.Lang, us), nil
	case "po":
		return poOut(s.SourceLang, t.Lang, us, o.Date)
	case "pot":
		return potOut(s.SourceLang, us, o.Date), nil
	case "tmx":
		return tmxOut(s.SourceLang, t.Lang, us), nil
	}
	return nil, formatError(o.Format)
}

// formatError says that format is none that glot writes.
func formatError(format string) error {
	return option.Wrong("format", format, "give "+strings.Join(Formats, ", "))
}

// Work is what a translator's file brings back: translations into one
// language, by message id. Each holds the plural forms the file brought
// back: the other form alone for a message with one text, any of the
// forms for one with plural forms; a form the file left empty is "".
type Work struct {
	Lang string
	// SourceLang is the language the file says its source texts are in
	// (XLIFF's srcLang, TMX's srclang, glot's X-Source-Language PO
	// header); "" where it says none. Import checks it against the site's.
	SourceLang     string
	sourceLangLine int

	Translations map[string]*catalog.Message
	Lines        map[string]int // where each translation is in the file: its first form read
	// Sources holds, by message id, the source text the file carries
	// beside each translation (a PO msgid, an XLIFF <source>, a TMX
	// source <tuv>), by plural form, in glot's tag notation: a
	// translation made against a source that has changed since is stale,
	// not current. A message the file carries no source for is absent.
	Sources map[string]*catalog.Message
	// BySource holds the translations the file names by no message id,
	// only by their source text (a PO entry without msgctxt, as Translate
	// Toolkit's round trips leave them; a TMX unit without tuid): keyed by
	// the source's other form (a PO msgid_plural), with the line of each.
	// They stand for every message of the site with that source.
	BySource      map[string]*catalog.Message
	BySourceLines map[string]int
	// Faults are the units of the file that cannot be taken, each with
	// where it is and why: a duplicate, a unit partly translated. Import
	// is strict: one fault and nothing of the file is taken, unless the
	// importer asks for the rest (glot import --partial), when every
	// unit of a faulty message is left out and named.
	Faults []Fault
	// Drafts counts the messages of which the file holds a draft, left
	// out of Translations: a translation an XLIFF segment marks initial,
	// a PO entry flagged fuzzy.
	Drafts int
	// Reviewed holds the messages whose every translation the file brings
	// back is marked reviewed or final (XLIFF's segment states): whether
	// glot records that review is for the importer to say.
	Reviewed map[string]bool

	drafts     map[string]bool // the messages of Drafts
	unreviewed map[string]bool // messages the file has a unit of that is not reviewed
}

// Fault is a unit of a translator's file that cannot be taken. ID is the
// message it is for, or, for a unit named by its source text alone, "".
type Fault struct {
	Line int
	ID   string
	Text string
}

func newWork() *Work {
	return &Work{Translations: map[string]*catalog.Message{}, Lines: map[string]int{}, Reviewed: map[string]bool{},
		Sources: map[string]*catalog.Message{}, BySource: map[string]*catalog.Message{}, BySourceLines: map[string]int{},
		drafts: map[string]bool{}, unreviewed: map[string]bool{}}
}

// settle counts the drafts read, and leaves in Reviewed only the messages
// whose every unit is reviewed: a reviewer who signed off some plural
// forms of a message, or some of a unit's segments, did not sign off the
// text glot keeps.
func (w *Work) settle() {
	w.Drafts = len(w.drafts)
	for id := range w.unreviewed {
		delete(w.Reviewed, id)
	}
}

// fault records a unit that cannot be taken.
func (w *Work) fault(line int, id, format string, args ...any) {
	w.Faults = append(w.Faults, Fault{Line: line, ID: id, Text: fmt.Sprintf(format, args...)})
}

// add adds text to plural form f of message id, found at line: a form in
// several pieces (an XLIFF unit of several segments) is their join.
func (w *Work) add(id, f, text string, line int) {
	w.set(id, f, form(w.Translations[id], f)+text, line)
}

// set sets plural form f of message id to text, found at line.
func (w *Work) set(id, f, text string, line int) {
	m := w.Translations[id]
	if m == nil {
		m = &catalog.Message{ID: id}
		w.Translations[id] = m
	}
	catalog.SetForm(m, f, text)
	if _, ok := w.Lines[id]; !ok {
		w.Lines[id] = line
	}
}

// source records text as the source the file carries for plural form f
// of message id.
func (w *Work) source(id, f, text string) {
	m := w.Sources[id]
	if m == nil {
		m = &catalog.Message{ID: id}
		w.Sources[id] = m
	}
	catalog.SetForm(m, f, text)
}

// setBySource sets plural form f of the translation of the source text
// src (its other form), which the file names by no id, found at line.
func (w *Work) setBySource(src, f, text string, line int) {
	m := w.BySource[src]
	if m == nil {
		m = &catalog.Message{}
		w.BySource[src] = m
	}
	catalog.SetForm(m, f, text)
	if _, ok := w.BySourceLines[src]; !ok {
		w.BySourceLines[src] = line
	}
}

// Import reads a translator's file, telling its format by its content
// once decoded from the encoding the file says it is in (see decode). A
// file holds one language's work, but for a TMX memory, which holds a
// Work for each language it has besides the source. sourceLang is the
// site's source language: a file that says its sources are in another is
// refused, and a TMX memory whose srclang is *all* takes its sources
// from the units in that language.
func Import(file string, data []byte, sourceLang string) ([]*Work, error) {
	data, err := decode(file, data)
	if err != nil {
		return nil, err
	}
	if err := refuseDTD(file, data); err != nil {
		return nil, err
	}
	trimmed := strings.TrimSpace(string(data))
	var works []*Work
	switch {
	case strings.Contains(firstElement(trimmed), "xliff"):
		var w *Work
		w, err = xliffAnyIn(file, data)
		works = []*Work{w}
	case strings.Contains(firstElement(trimmed), "tmx"):
		works, err = tmxIn(file, data, sourceLang)
	case strings.HasPrefix(trimmed, "<"):
		return nil, fileerr.At(file, 0, 0, errors.New("an XML file that is neither XLIFF nor TMX"))
	case !poShaped(data):
		// glot.toml, a catalog, a text: read as PO it would give nothing,
		// or errors about a format it never was.
		what := "not a PO, XLIFF or TMX file"
		if tomlLine.MatchString(trimmed) {
			what += " (it looks like TOML: glot import reads the PO, XLIFF and TMX files that translators bring back)"
		}
		return nil, fileerr.At(file, 0, 0, errors.New(what))
	default:
		var w *Work
		w, err = poIn(file, data)
		works = []*Work{w}
	}
	if err != nil {
		return nil, err
	}
	for _, w := range works {
		if w.SourceLang != "" && sourceLang != "" && !langtag.SameLanguage(w.SourceLang, sourceLang) {
			return nil, fileerr.At(file, w.sourceLangLine, 0, fmt.Errorf("the file's source language is %s, but the site's is %s: it was made from other source texts", w.SourceLang, sourceLang))
		}
	}
	return works, nil
}

// poShaped reports whether data has what every PO file has: a line that
// starts with msgid.
func poShaped(data []byte) bool {
	for line := range bytes.Lines(data) {
		if bytes.HasPrefix(bytes.TrimLeft(line, " \t"), []byte("msgid")) {
			return true
		}
	}
	return false
}

// tomlLine finds, on a line of its own, a TOML table header or a key set
// to a value, which no PO file has.
var tomlLine = regexp.MustCompile(`(?m)^\s*(\[[^\]]+\]|[A-Za-z0-9_."-]+\s*=)`)

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
