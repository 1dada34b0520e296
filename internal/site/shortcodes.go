package site

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/render"
)

// checkShortcodes refuses, before anything is written, a site whose pages
// have shortcodes that glot's HTML build cannot run: with no template of
// the site's and none of glot's, a closing tag that closes nothing, a ref
// to no page. Each is named at its page's file and line.
func (b *builder) checkShortcodes() error {
	var errs []error
	for _, p := range b.pages {
		s := b.sums[p.Path]
		if len(s.Shortcodes) == 0 {
			continue
		}
		has := func(name string) bool { _, ok := b.ui.set.Shortcode(name); return ok }
		ref := func(target string) bool { _, _, ok := b.refPage(p, target); return ok }
		errs = append(errs, render.CheckUses(path.Join(b.o.Config.ContentDir, p.Path), s.Shortcodes, has, ref))
	}
	return errors.Join(errs...)
}

// ref is the URL of the page that target names from page from (see
// render.HTMLPage.Ref), for the page of lang cur in folder curDir.
func (b *builder) ref(from content.Page, target, lang string, abs bool, cur, curDir string) (string, error) {
	if lang == "" {
		lang = cur
	} else if !slices.Contains(b.all, lang) {
		return "", fmt.Errorf("%s is not a language of the site", lang)
	}
	p, frag, ok := b.refPage(from, target)
	if !ok {
		return "", fmt.Errorf("no page %s", target)
	}
	u := b.builtURL(lang, p)
	if abs && b.o.Config.BaseURL != "" {
		return b.o.Config.BaseURL + u + frag, nil
	}
	return relURL(curDir, u) + frag, nil
}

// refPage finds the page a ref names, as Hugo does: a path from the
// content folder when it starts with "/", else from the page's folder and
// then from the content folder; with or without its extension, or a
// folder for its index page. frag is the "#part" of target.
func (b *builder) refPage(from content.Page, target string) (p content.Page, frag string, ok bool) {
	if i := strings.IndexByte(target, '#'); i >= 0 {
		target, frag = target[:i], target[i:]
	}
	var paths []string
	if strings.HasPrefix(target, "/") {
		paths = []string{path.Clean(target[1:])}
	} else {
		paths = []string{path.Join(path.Dir(from.Path), target), path.Clean(target)}
	}
	for _, c := range paths {
		for _, k := range []string{c, c + ".md", c + ".html"} {
			if p, ok := b.linkSet[k]; ok {
				return p, frag, true
			}
		}
	}
	return content.Page{}, "", false
}
