package site

import (
	"errors"
	"fmt"
	"path"
	"strings"
	"sync"
	"unicode"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/parallel"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/render"
)

// versions are the language versions of one page.
type versions struct {
	emitted map[string]bool   // built as HTML in this language
	url     map[string]string // its URL path, relative to the output root
	percent map[string]int    // the share of its text translated
	stale   map[string]bool   // it uses a stale translation
}

// plan works out, before anything is written, which language versions of
// each page are built and where: a page below the completeness threshold
// is left out when the site says so, and a translated slug gives a version
// a URL of its own. Switchers, alternate links and the sitemap list what
// the plan says, and only that. It needs only the pages' summaries and the
// compiled tables' states. Two pages at one URL are an error: which one a
// reader gets would depend on the order of the writes.
func (b *builder) plan() error {
	cfg := b.o.Config
	langs := siteLangs(cfg)
	for _, l := range b.langs {
		if langtag.IsPseudo(l) {
			langs = append(langs, l)
		}
	}
	b.versions = make(map[string]*versions, len(b.pages))
	var mu sync.Mutex
	_ = parallel.Each(len(b.pages), func(i int) error {
		p := b.pages[i]
		s := b.sums[p.Path]
		v := &versions{emitted: map[string]bool{}, url: map[string]string{}, percent: map[string]int{}, stale: map[string]bool{}}
		for _, l := range langs {
			t := b.o.Tables[l]
			done := len(s.IDs)
			if l != cfg.SourceLanguage && !langtag.IsPseudo(l) {
				done = 0
			}
			if t != nil && !langtag.IsPseudo(l) {
				for _, n := range s.idx {
					if n >= 0 && t.Shown(n, b.policy) != 0 {
						done++
						if t.ShownStale(n, b.policy) {
							v.stale[l] = true
						}
					}
				}
			}
			v.percent[l] = 100
			if len(s.IDs) > 0 {
				v.percent[l] = done * 100 / len(s.IDs)
			}
			// A fragment is part of other pages: it has no HTML page, so
			// no URL, switcher, alternate or sitemap entry names it.
			v.emitted[l] = !p.Fragment && (l == cfg.SourceLanguage || langtag.IsPseudo(l) || v.percent[l] >= cfg.Build.Threshold || cfg.Build.Incomplete != "skip")
			v.url[l] = b.pageURLFor(l, p, s)
		}
		mu.Lock()
		b.versions[p.Path] = v
		mu.Unlock()
		return nil
	})
	if err := b.oneURLOnePage(langs); err != nil {
		return err
	}
	b.home, b.homeLang = map[string]string{}, map[string]string{}
	if home, ok := b.homePage(); ok {
		if info, err := b.info(home, b.sums[home.Path].Hash, false); err == nil {
			for _, l := range langs {
				b.home[l], b.homeLang[l] = info.titleIn(l, b, b.translator(l, info))
			}
		}
	}
	return nil
}

// oneURLOnePage fails if two pages have the same URL in a language: a
// translated slug that is another page's, say.
func (b *builder) oneURLOnePage(langs []string) error {
	var errs []error
	for _, l := range langs {
		at := make(map[string]string, len(b.pages))
		for _, p := range b.pages { // in path order
			v := b.versions[p.Path]
			if !v.emitted[l] {
				continue
			}
			u := v.url[l]
			if other, ok := at[u]; ok {
				cfg := b.o.Config
				errs = append(errs, fmt.Errorf("%s and %s both have the URL %s in %s: give one of them another slug (a translated slug must not be another page's)",
					path.Join(cfg.ContentDir, other), path.Join(cfg.ContentDir, p.Path), u, l))
				continue
			}
			at[u] = p.Path
		}
	}
	return errors.Join(errs...)
}

// pageURLFor is where page p is, in lang, relative to the output root:
// "es/guide/setup/" for content/guide/setup.md, "es/about.html" for
// content/about.html. A Markdown page's front matter slug, translated or
// not, names its last folder.
func (b *builder) pageURLFor(lang string, p content.Page, s *summary) string {
	if p.Kind == content.HTML {
		return path.Join(lang, p.Path)
	}
	d := pageDir(p.Path)
	if s.Slug != nil && d != "." {
		text := s.Slug.Text
		if t := b.lookup(lang, s.Slug.ID); t != "" {
			text = t
		} else if langtag.IsPseudo(lang) {
			text = pseudo.Translate(lang, text)
		}
		if slug := Slugify(render.PlainText(s.Slug, text)); slug != "" {
			d = path.Join(path.Dir(d), slug)
		}
	}
	if d == "." {
		return lang + "/"
	}
	return lang + "/" + d + "/"
}

// lookup returns the text a page in lang shows for message id, when it is
// a translation; "" otherwise.
func (b *builder) lookup(lang, id string) string {
	t := b.o.Tables[lang]
	if t == nil {
		return ""
	}
	m, _, _, ok := t.Entry(id).Use(b.policy)
	if !ok {
		return ""
	}
	return m.Other
}

// Slugify makes a translated slug safe as one folder of a URL: letters,
// digits and marks of any script, lowercased, and "-" for anything else,
// so that a translation cannot name a path outside its language's folder.
func Slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.TrimSpace(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// url is where page p is in lang, relative to the output root.
func (b *builder) url(lang string, p content.Page) string {
	if v := b.versions[p.Path]; v != nil {
		if u, ok := v.url[lang]; ok {
			return u
		}
	}
	if p.Kind == content.HTML {
		return path.Join(lang, p.Path)
	}
	if d := pageDir(p.Path); d != "." {
		return lang + "/" + d + "/"
	}
	return lang + "/"
}

// builtURL is where a link in lang to page p leads: p's version in lang,
// or in the source language when p is not built in lang.
func (b *builder) builtURL(lang string, p content.Page) string {
	if v := b.versions[p.Path]; v != nil && !v.emitted[lang] {
		lang = b.o.Config.SourceLanguage
	}
	return b.url(lang, p)
}

// emitted lists the languages page p is built in, source first.
func (b *builder) emitted(p content.Page) []string {
	var out []string
	v := b.versions[p.Path]
	for _, l := range b.all {
		if v == nil || v.emitted[l] {
			out = append(out, l)
		}
	}
	return out
}

// outputPath is where the HTML of page p in lang goes, in the output folder.
func (b *builder) outputPath(lang string, p content.Page) string {
	u := b.url(lang, p)
	if strings.HasSuffix(u, "/") {
		return u + "index.html"
	}
	return u
}

// pageDir is the folder, in a language's output, whose index.html is the
// Markdown page p: content/P.md at P/, an index page at its folder.
func pageDir(p string) string {
	dir, file := path.Split(p)
	stem := strings.TrimSuffix(file, path.Ext(file))
	if stem == "index" || stem == "_index" {
		return path.Clean(dir)
	}
	return path.Join(dir, stem)
}
