package site

import (
	"html"

	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// langSpan wraps bytes [start, end) of a page in lang in a span in the
// source language, with its direction when it is not lang's: English on an
// Arabic page is laid out left to right.
func (b *builder) langSpan(lang string, start, end int) []edit {
	return []edit{
		{start, start, `<span` + b.sourceAttrs(lang) + `>`},
		{end, end, "</span>"},
	}
}

// sourceAttrs are the attributes of an element of a page in lang that
// shows source text: ` lang="en"`, and ` dir="ltr"` on a right-to-left
// page.
func (b *builder) sourceAttrs(lang string) string {
	src := b.o.Config.SourceLanguage
	a := ` lang="` + html.EscapeString(src) + `"`
	if d := langtag.Dir(src); d != langtag.Dir(lang) {
		a += ` dir="` + d + `"`
	}
	return a
}

// fallbackSpans marks the text of an HTML page shown in the source
// language.
func (b *builder) fallbackSpans(info *pageInfo, lang string, res *render.Result) []edit {
	if lang == b.o.Config.SourceLanguage || pseudo.Is(lang) {
		return nil
	}
	var edits []edit
	for _, sp := range res.Spans {
		if sp.Fallback && info.Segs[sp.Segment].Syntax == segment.HTMLText && info.Segs[sp.Segment].Kind != "title" {
			edits = append(edits, b.langSpan(lang, sp.Start, sp.End)...)
		}
	}
	return edits
}
