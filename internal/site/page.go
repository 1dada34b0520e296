package site

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/extract"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// pageInfo is what is worked out once per page, whatever the language.
type pageInfo struct {
	page       content.Page
	src        []byte
	segs       []segment.Segment
	byID       map[string]int // segment index by message id (the first, when repeated)
	headingIDs [][]byte       // the id of each heading, from the source text
	document   bool           // an HTML page that is a whole document
	values     map[string]any // the front matter's values
}

func (b *builder) prepare(p content.Page) (*pageInfo, error) {
	sp, src, err := extract.Segment(b.o.Content, p, b.o.Rules)
	if err != nil {
		return nil, fileerr.InFile(path.Join(b.o.Config.ContentDir, p.Path), err)
	}
	info := &pageInfo{page: p, src: src, segs: sp.Segments, byID: make(map[string]int, len(sp.Segments))}
	for i := len(info.segs) - 1; i >= 0; i-- {
		info.byID[info.segs[i].ID] = i
	}
	if p.Kind == content.Markdown {
		fm, _ := content.SplitFrontMatter(src)
		info.headingIDs = headingIDs(src[fm.Body:])
		info.values = content.Values(src)
	} else {
		info.document = segment.IsDocument(src)
	}
	return info, nil
}

// translator returns what translates info's page into lang: the catalog,
// a pseudo-translation, or nothing for the source language.
func (b *builder) translator(lang string, info *pageInfo) render.Translator {
	if pseudo.Is(lang) {
		return pseudoTranslator{lang, info}
	}
	if t := b.tr[lang]; t != nil {
		return t
	}
	return nil
}

// pseudoTranslator pseudo-translates the segments of one page as they
// are looked up: the title and reading time ask for a few, the page for
// all of them once.
type pseudoTranslator struct {
	lang string
	info *pageInfo
}

func (p pseudoTranslator) Lookup(id string) (string, bool) {
	i, ok := p.info.byID[id]
	if !ok {
		return "", false
	}
	return pseudo.Translate(p.lang, p.info.segs[i].Text), true
}

// page writes info's page in every language being built.
func (b *builder) page(info *pageInfo) error {
	p := info.page
	cfg := b.o.Config
	v := b.versions[p.Path]
	for _, l := range b.langs {
		// A version below the completeness threshold, with incomplete =
		// "skip", is left out of the HTML. The Markdown tree stays whole:
		// its links are kept byte for byte and must lead somewhere, and a
		// generator that takes it over decides what it publishes.
		html := b.o.HTML && v.emitted[l]
		if !v.emitted[l] {
			b.mu.Lock()
			b.stats[l].Skipped++
			b.mu.Unlock()
		}
		if !html && !b.o.MD {
			continue
		}
		res := &render.Result{Bytes: info.src}
		if tr := b.translator(l, info); tr != nil {
			res = render.Page(info.src, info.segs, tr)
			b.count(l, info, res.Fallbacks)
		}
		if b.o.MD {
			md := res.Bytes
			if info.document {
				// The content tree's copy of a document says its language
				// too; links and head stay for the generator to make.
				md = localizeLang(md, l)
			}
			if err := b.write(path.Join(cfg.MarkdownDir, l, p.Path), md); err != nil {
				return err
			}
		}
		if html {
			html, err := b.html(info, l, res)
			if err != nil {
				return fileerr.InFile(path.Join(cfg.ContentDir, p.Path), err)
			}
			if err := b.write(path.Join(cfg.OutputDir, b.outputPath(l, p)), html); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) count(lang string, info *pageInfo, fb []render.Fallback) {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.stats[lang]
	st.Segments += len(info.segs)
	st.Fallbacks += len(fb)
	tr := b.tr[lang]
	for _, f := range fb {
		reason := f.Reason
		if reason == "missing" && tr != nil {
			// Missing here, or held back by the verdict on it.
			reason = tr.problem(info.segs[f.Segment].ID)
		}
		if reason != "" && reason != "missing" {
			s := info.segs[f.Segment]
			b.rep.Warnings = append(b.rep.Warnings, fmt.Sprintf("%s:%d: %s: message %s: %s; built from the source text",
				path.Join(b.o.Config.ContentDir, info.page.Path), s.Line, lang, s.ID, reason))
		}
	}
	if tr != nil {
		for _, s := range info.segs {
			if tr.stale(s.ID) {
				st.Stale++
			}
		}
	}
}

// title returns the page's title in lang: its front matter title or HTML
// <title>, else its first top-level heading, else its file name.
func (info *pageInfo) title(lang string, b *builder) string {
	t, _ := info.titleIn(lang, b)
	return t
}

// titleIn is title, with the language the title is shown in: lang, or
// the source language when it has no translation.
func (info *pageInfo) titleIn(lang string, b *builder) (string, string) {
	for _, kinds := range [][]string{{"title"}, {"h1"}, {"h2", "h3", "h4", "h5", "h6"}} {
		if t, in, ok := info.text(lang, b, kinds...); ok {
			return t, in
		}
	}
	return strings.TrimSuffix(path.Base(info.page.Path), path.Ext(info.page.Path)), b.o.Config.SourceLanguage
}

// text returns, as plain text in lang, the first segment of the page of
// one of kinds, and the language it is in: lang, or the source language
// when the segment has no translation.
func (info *pageInfo) text(lang string, b *builder, kinds ...string) (string, string, bool) {
	for i := range info.segs {
		s := &info.segs[i]
		if !slices.Contains(kinds, s.Kind) {
			continue
		}
		tr := b.translator(lang, info)
		t := info.translated(s, tr)
		in := lang
		if tr == nil || !isTranslated(s, tr) {
			in = b.o.Config.SourceLanguage
		}
		return render.PlainText(s, t), in, true
	}
	return "", "", false
}

// isTranslated reports whether tr shows a translation of s.
func isTranslated(s *segment.Segment, tr render.Translator) bool {
	_, ok := tr.Lookup(s.ID)
	return ok
}

// translated returns the text segment s shows with tr: its translation
// if it has one, else its source.
func (info *pageInfo) translated(s *segment.Segment, tr render.Translator) string {
	if tr != nil {
		if t, ok := tr.Lookup(s.ID); ok {
			return t
		}
	}
	return s.Text
}

// readingTime estimates the minutes the page takes to read in lang: 200
// words a minute, scripts written without spaces counted by character (as
// msgtext.Words does) at 500 a minute.
func (info *pageInfo) readingTime(lang string, b *builder) int {
	tr := b.translator(lang, info)
	words, chars := 0, 0
	for i := range info.segs {
		s := &info.segs[i]
		if s.Kind == "title" || s.Kind == "description" || s.Syntax == segment.HTMLAttr {
			continue
		}
		t := msgtext.Plain(info.translated(s, tr))
		if msgtext.Words(t) > utf8.RuneCountInString(t)/2 {
			chars += msgtext.Words(t)
		} else {
			words += msgtext.Words(t)
		}
	}
	minutes := (words + 199) / 200
	minutes += (chars + 499) / 500
	return max(minutes, 1)
}
