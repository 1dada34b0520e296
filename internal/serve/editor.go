package serve

import "errors"

// Editor is what glot edit's in-page editor asks of the site: the pages
// and their messages in a language, the checks of a translation as it is
// typed, and saving and reviewing through the same code as glot merge
// and glot approve. glot edit gives one backed by internal/project; the
// server serves it at /__glot/edit/ (see editPath) beside the site built
// with each message's element marked (data-glot-id).
//
// Every write (Save, Review) is posted with the session's token and an
// Origin of the server's own; the server refuses any other before the
// Editor is asked.
type Editor interface {
	// Langs are the languages the editor works on, the first the one
	// it opens with.
	Langs() []string
	// Pages lists the pages of the site in reading order, with what is
	// left to do in lang on each.
	Pages(lang string) ([]EditPage, error)
	// Segments returns the messages of page in lang, in reading order.
	Segments(lang, page string) ([]EditSegment, error)
	// Check runs every check glot check runs on forms as the translation
	// of message id into lang, and returns what it finds: the same code,
	// the same words.
	Check(lang, id string, forms map[string]string) ([]EditProblem, error)
	// Save writes forms as the translation of message id into lang
	// exactly as a translator editing the translate file and running
	// glot merge would, and returns the message as it stands after. It
	// returns an error wrapping ErrConflict when the message changed
	// since the editor read it at version, and one wrapping ErrRefused
	// (with the problems) when the translation cannot be taken.
	Save(lang, id string, forms map[string]string, version string) (EditSegment, error)
	// Review signs off the translation of message id into lang as glot
	// approve does, or, with approve false, records that the reviewer
	// rejects it, with comment; version as for Save.
	Review(lang, id string, approve bool, comment, version string) (EditSegment, error)
}

// ErrConflict says that a message changed since the editor read it: in
// another tab, or in the files. Nothing was written.
var ErrConflict = errors.New("changed since it was opened")

// ErrRefused says that a translation cannot be taken as it is (a missing
// placeholder, say). The rule refuses it before anything is written; an
// Editor whose merge refuses a text the rule took says where it left it.
var ErrRefused = errors.New("refused")

// EditPage is a page of the site, as the editor lists it.
type EditPage struct {
	Path  string `json:"path"`  // in the content folder: "guide/install.md"
	Title string `json:"title"` // its title in the source language
	// URL is where the page in the language is served, from the site's
	// root: "/de/guide/setup/"; "" when the page is not built.
	URL string `json:"url"`
	// Counts are its messages in the language by state, each in one:
	// Translated does not count the Reviewed ones.
	Messages   int `json:"messages"`
	Missing    int `json:"missing"`
	Stale      int `json:"stale"`
	Refused    int `json:"refused"`
	Translated int `json:"translated"`
	Reviewed   int `json:"reviewed"`
}

// EditSegment is one message of a page in a language.
type EditSegment struct {
	ID string `json:"id"`
	// Kind is the element the text is in ("p", "h2", "li", "alt",
	// "title", "td"...); Where is the place in the source page
	// ("content/a.md:12") and Note the message's notes for translators
	// (a table cell's column and row, say).
	Kind  string `json:"kind"`
	Where string `json:"where"`
	Note  string `json:"note,omitempty"`
	// State is missing, stale, refused (held back by a blocking check),
	// translated or reviewed.
	State string `json:"state"`
	// Source is the text to translate, Forms its plural forms when it
	// has them (their names in the target language: "one", "few"...).
	Source string   `json:"source"`
	Forms  []string `json:"forms"`
	// Translation is the current translation by form, or, for a stale
	// message, the old one to start from.
	Translation map[string]string `json:"translation"`
	// Previous is, for a stale message, the source its translation was
	// made for; Diff says what changed, a word at a time.
	Previous string     `json:"previous,omitempty"`
	Diff     []EditDiff `json:"diff,omitempty"`
	// Problems are what the checks find in the translation in force;
	// Rejected is a reviewer's comment on a rejected translation.
	Problems []EditProblem `json:"problems"`
	Rejected string        `json:"rejected,omitempty"`
	// Suggestions come from the translation memory, best first;
	// Glossary are the terms of the source with their required
	// translation.
	Suggestions []EditSuggestion `json:"suggestions"`
	Glossary    []EditTerm       `json:"glossary"`
	// Version names the message as read: Save and Review refuse a
	// version that is no longer the message's.
	Version string `json:"version"`
	// Dir is the direction of the target language, "ltr" or "rtl";
	// SourceLang and SourceDir those of the source.
	Lang       string `json:"lang"`
	Dir        string `json:"dir"`
	SourceLang string `json:"source_lang"`
	SourceDir  string `json:"source_dir"`
}

// EditDiff is a run of words of a word diff: kept (Op " "), removed ("-")
// or added ("+").
type EditDiff struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// EditProblem is a finding of a check: Severity is "error" (the
// translation is held back from the pages, or refused) or "warning".
type EditProblem struct {
	Severity string `json:"severity"`
	Check    string `json:"check"`
	Text     string `json:"text"`
}

// EditSuggestion is a translation the memory offers, with how alike its
// source is (0 to 100) and the cautions to read before taking it (a
// number or a negation that differs).
type EditSuggestion struct {
	Text     string   `json:"text"`
	Score    int      `json:"score"`
	Source   string   `json:"source"`
	Cautions []string `json:"cautions"`
}

// EditTerm is a glossary term found in the source.
type EditTerm struct {
	Term        string `json:"term"`
	Translation string `json:"translation"`
	Note        string `json:"note,omitempty"`
}
