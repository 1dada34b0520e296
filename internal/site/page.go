package site

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// page writes page p in every language being built: the outputs whose key
// changed since they were last made, rendered from one segmenting of the
// page.
func (b *builder) page(p content.Page) error {
	s := b.sums[p.Path]
	v := b.versions[p.Path]
	cfg := b.o.Config
	type job struct {
		lang     string
		md, html *Output
	}
	var jobs []job
	for _, l := range b.langs {
		b.count(l, p, s, v)
		// A version below the completeness threshold, with incomplete =
		// "skip", is left out of the HTML. The Markdown tree stays whole:
		// its links are kept byte for byte and must lead somewhere, and a
		// generator that takes it over decides what it publishes.
		j := job{lang: l}
		if b.o.MD && b.markdown(p, v, l) {
			out := Output{Name: b.markdownName(l, p.Path), Page: p.Path, Lang: l, Format: "md", Key: b.mdKey(l, s)}
			if b.sink.Kept(out) {
				b.kept.Add(1)
			} else {
				j.md = &out
			}
		}
		if b.o.HTML && v.emitted[l] {
			out := Output{Name: path.Join(cfg.OutputDir, b.outputPath(l, p)), Page: p.Path, Lang: l, Format: "html", Key: b.htmlKey(l, p, s, v)}
			if b.sink.Kept(out) {
				b.kept.Add(1)
			} else {
				j.html = &out
			}
		}
		if j.md != nil || j.html != nil {
			jobs = append(jobs, j)
		}
	}
	if len(jobs) == 0 {
		return nil
	}
	info, err := b.info(p, s.Hash, true)
	if err != nil {
		return err
	}
	for _, j := range jobs {
		tr := b.translator(j.lang, info)
		res := &render.Result{Bytes: info.src}
		if tr != nil {
			res = render.Page(info.src, info.Segs, tr)
		}
		if j.md != nil {
			md := res.Bytes
			if info.Document {
				// The content tree's copy of a document says its language
				// too; links and head stay for the generator to make.
				md = localizeLang(md, j.lang)
			}
			if err := b.sink.Write(*j.md, md); err != nil {
				return err
			}
			b.files.Add(1)
		}
		if j.html != nil {
			html, err := b.html(info, j.lang, res, tr)
			if err != nil {
				return fileerr.InFile(path.Join(cfg.ContentDir, p.Path), err)
			}
			if err := b.sink.Write(*j.html, html); err != nil {
				return err
			}
			b.files.Add(1)
		}
	}
	return nil
}

// count adds page p to the figures of lang: whether it was left out, and
// a warning for each translation held back on it. The messages are
// counted once for the whole build (see countMessages).
func (b *builder) count(lang string, p content.Page, s *summary, v *versions) {
	t := b.o.Tables[lang]
	var held []int
	if t != nil && !langtag.IsPseudo(lang) {
		for k, n := range s.idx {
			if n >= 0 && t.Shown(n, b.policy) == 0 && t.HoldsBack(n, b.policy) {
				held = append(held, k)
			}
		}
	}
	var warnings []string
	if len(held) > 0 {
		// The one page that holds a message reads it from the table.
		idx := make([]int, len(held))
		for i, k := range held {
			idx[i] = s.idx[k]
		}
		for i, e := range t.Entries(idx) {
			if prob := e.Problem(b.policy); prob != nil {
				seg := held[i]
				warnings = append(warnings, fmt.Sprintf("%s: %s: message %s: %s; built from the source text",
					b.place(p, s, seg), lang, s.IDs[seg], prob))
			}
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.stats[lang]
	if b.o.Config.IsHugo() && !b.markdown(p, v, lang) || !b.o.Config.IsHugo() && !p.Fragment && !v.emitted[lang] {
		st.Skipped++
	}
	b.rep.Warnings = append(b.rep.Warnings, warnings...)
}

// place names segment k of page p, for a warning: "content/a.md:12".
func (b *builder) place(p content.Page, s *summary, k int) string {
	name := path.Join(b.o.Config.ContentDir, p.Path)
	if info, err := b.info(p, s.Hash, false); err == nil && k < len(info.Segs) {
		return fmt.Sprintf("%s:%d", name, info.Segs[k].Line)
	}
	return name
}

// mdKey is the key of the Markdown of a page in lang: the page's bytes and
// what is shown for each of its messages.
func (b *builder) mdKey(lang string, s *summary) Key {
	k := newKeyer(b.salt).str("md").str(lang).raw(s.Hash[:])
	b.shown(k, lang, s)
	return k.key()
}

// shown adds to k what a page in lang shows for each message of s.
func (b *builder) shown(k *keyer, lang string, s *summary) {
	if t := b.o.Tables[lang]; t != nil && !langtag.IsPseudo(lang) {
		for _, n := range s.idx {
			if n >= 0 {
				k.u64(t.Shown(n, b.policy))
			} else {
				k.u64(0)
			}
		}
	}
}

// htmlKey is the key of the HTML of page p in lang: its Markdown's, and
// the versions of the pages whose URLs it holds: its own (switcher,
// alternates, notices), the home page's (site title and link), and those
// of every page and asset it links to.
func (b *builder) htmlKey(lang string, p content.Page, s *summary, v *versions) Key {
	cfg := b.o.Config
	k := newKeyer(b.salt).str("html").str(lang).raw(s.Hash[:])
	b.shown(k, lang, s)
	for _, l := range b.all {
		k.str(l).flag(v.emitted[l]).str(v.url[l])
	}
	if b.o.Marks {
		// Only when set, so that the keys of an unmarked build stay
		// those of the builds before marks.
		k.str("marks")
	}
	k.flag(v.percent[lang] < cfg.Build.Threshold).flag(v.stale[lang]).str(v.url[lang])
	if home, ok := b.homePage(); ok {
		k.str(b.builtURL(lang, home))
	}
	k.str(b.home[lang]).str(b.homeLang[lang]).str(b.home[cfg.SourceLanguage])
	for _, u := range s.Shortcodes {
		// A ref's URL is its page's, as a link's is.
		if pg, _, ok := b.refPage(p, u.Ref); ok && u.Ref != "" {
			k.str("ref").str(b.builtURL(lang, pg))
		}
	}
	for _, target := range s.Links {
		if pg, ok := b.findPage(target); ok {
			k.str("page").str(b.builtURL(lang, pg))
		} else if b.assetSet[target] {
			k.str("asset").str(target)
		} else {
			k.str("none").str(target)
		}
	}
	return k.key()
}

// translator returns what translates info's page into lang: the compiled
// table, read for the page's messages in one go; a pseudo-translation; or
// nothing for the source language.
func (b *builder) translator(lang string, info *pageInfo) render.Translator {
	if langtag.IsPseudo(lang) {
		return pseudoTranslator{lang, info}
	}
	if lang == b.o.Config.SourceLanguage {
		return nil
	}
	tr := &pageTranslator{text: map[string]string{}, units: map[string]uint32{}}
	t := b.o.Tables[lang]
	if t == nil || b.o.Source == nil {
		return tr // no catalog yet: every text shows in the source language
	}
	var idx []int
	var ids []string
	for _, s := range info.Segs {
		n, ok := b.o.Source.Index(s.ID)
		if !ok {
			continue
		}
		words, unspaced, shown := t.Reading(n, b.policy)
		if _, dup := tr.units[s.ID]; shown && !dup {
			tr.units[s.ID] = units(words, unspaced)
			idx, ids = append(idx, n), append(ids, s.ID)
		}
	}
	for i, e := range t.Entries(idx) {
		if m, _, _, ok := e.Use(b.policy); ok {
			tr.text[ids[i]] = m.Other
		} else {
			delete(tr.units, ids[i])
		}
	}
	return tr
}

// pageTranslator holds the text a page in one language shows for each of
// its messages that is translated, and what a reader reads in it, which
// the compiled table has counted.
type pageTranslator struct {
	text  map[string]string
	units map[string]uint32
}

func (t *pageTranslator) Lookup(id string) (string, bool) {
	s, ok := t.text[id]
	return s, ok
}

// units packs what msgtext.Reading says of a text.
func units(words int, unspaced bool) uint32 {
	u := uint32(min(words, 1<<31-1))
	if unspaced {
		u |= 1 << 31
	}
	return u
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
	return pseudo.Translate(p.lang, p.info.Segs[i].Text), true
}

// title returns the page's title in lang: its front matter title or HTML
// <title>, else its first top-level heading, else its file name.
func (info *pageInfo) title(lang string, b *builder, tr render.Translator) string {
	t, _ := info.titleIn(lang, b, tr)
	return t
}

// titleIn is title, with the language the title is shown in: lang, or
// the source language when it has no translation.
func (info *pageInfo) titleIn(lang string, b *builder, tr render.Translator) (string, string) {
	for _, kinds := range [][]string{{"title"}, {"h1"}, {"h2", "h3", "h4", "h5", "h6"}} {
		if t, in, ok := info.text(lang, b, tr, kinds...); ok {
			return t, in
		}
	}
	return strings.TrimSuffix(path.Base(info.page.Path), path.Ext(info.page.Path)), b.o.Config.SourceLanguage
}

// text returns, as plain text in lang, the first segment of the page of
// one of kinds, and the language it is in: lang, or the source language
// when the segment has no translation.
func (info *pageInfo) text(lang string, b *builder, tr render.Translator, kinds ...string) (string, string, bool) {
	for i := range info.Segs {
		s := &info.Segs[i]
		if !slices.Contains(kinds, s.Kind) {
			continue
		}
		t := translated(s, tr)
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
func translated(s *segment.Segment, tr render.Translator) string {
	if tr != nil {
		if t, ok := tr.Lookup(s.ID); ok {
			return t
		}
	}
	return s.Text
}

// readingTime estimates the minutes the page takes to read with tr: 200
// words a minute, scripts written without spaces counted by character (as
// msgtext.Words does) at 500 a minute.
func (info *pageInfo) readingTime(tr render.Translator) int {
	words, chars := 0, 0
	for i := range info.Segs {
		s := &info.Segs[i]
		if s.Kind == "title" || s.Kind == "description" || s.Syntax == segment.HTMLAttr {
			continue
		}
		u, ok := uint32(0), false
		if pt, isPage := tr.(*pageTranslator); isPage {
			u, ok = pt.units[s.ID]
		}
		if !ok {
			u = units(msgtext.Reading(translated(s, tr)))
		}
		if n := int(u &^ (1 << 31)); u&(1<<31) != 0 {
			chars += n
		} else {
			words += n
		}
	}
	minutes := (words + 199) / 200
	minutes += (chars + 499) / 500
	return max(minutes, 1)
}
