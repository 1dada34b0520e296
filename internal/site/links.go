package site

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/segment"
)

// rewrite points a relative link to another page of the site at that
// page's version in the same language (or in the source language, when the
// page is not built in this one), and a link to an asset at the one copy
// of it in the output root. Other links are left alone.
func (b *builder) rewrite(dest []byte, from content.Page, lang, curDir string) []byte {
	target, ok := linkTarget(from.Path, string(dest))
	if !ok {
		return dest
	}
	u, _ := url.Parse(string(dest))
	var to string
	if p, ok := b.findPage(target); ok {
		to = b.builtURL(lang, p)
	} else if b.assetSet[target] {
		to = target
	} else {
		return dest
	}
	out := relURL(curDir, to)
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return []byte(out)
}

// findPage finds the page a link's path names: the page itself, or the
// index page of a folder.
func (b *builder) findPage(target string) (content.Page, bool) {
	p, ok := b.linkSet[target]
	return p, ok
}

// relURL returns a relative URL from a page in folder fromDir to target,
// both relative to the output root. A target ending in "/" is a folder.
func relURL(fromDir, target string) string {
	from := splitPath(fromDir)
	dirTarget := target == "" || strings.HasSuffix(target, "/")
	to := splitPath(target)
	i := 0
	for i < len(from) && i < len(to) && from[i] == to[i] {
		i++
	}
	var parts []string
	for range from[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, to[i:]...)
	s := strings.Join(parts, "/")
	switch {
	case s == "":
		return "./"
	case dirTarget:
		return s + "/"
	}
	return s
}

func splitPath(p string) []string {
	p = strings.Trim(path.Clean("/"+p), "/")
	if p == "" {
		return nil
	}
	return strings.Split(p, "/")
}

// linkAttrs are the attributes that hold a URL, for each element that has
// them.
var linkAttrs = map[string][]string{
	"a": {"href"}, "area": {"href"}, "link": {"href"}, "img": {"src", "srcset"}, "source": {"src", "srcset"},
	"script": {"src"}, "iframe": {"src"}, "audio": {"src"}, "video": {"src", "poster"}, "track": {"src"},
	"embed": {"src"}, "object": {"data"}, "form": {"action"}, "input": {"src"},
}

// htmlLinks returns the targets of the links of an HTML page.
func htmlLinks(src []byte, from string) []string {
	var links []string
	forTags(src, func(name string, start, end int, attrs []segment.Attr) {
		for _, a := range attrs {
			if a.ValStart >= 0 && slices.Contains(linkAttrs[name], a.Name) && a.Name != "srcset" {
				links = addLink(links, from, a.Value)
			}
		}
	})
	return links
}

// addLink adds the target of a link from page from to links: the path in
// the content folder that rewrite would look up.
func addLink(links []string, from, dest string) []string {
	if t, ok := linkTarget(from, dest); ok && !slices.Contains(links, t) {
		links = append(links, t)
	}
	return links
}

// linkTarget returns the path in the content folder that a relative link
// from page from names; ok is false for a link to elsewhere.
func linkTarget(from, dest string) (string, bool) {
	if dest == "" || strings.HasPrefix(dest, "#") || strings.HasPrefix(dest, "/") || strings.HasPrefix(dest, "?") {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil || u.Scheme != "" || u.Host != "" {
		return "", false
	}
	return path.Join(path.Dir(from), u.Path), true
}

// linkSets are the pages by path, and what a link's path may name: a page,
// or a folder whose index page it is (index.md before _index.md). A page
// itself comes first; a fragment has no URL to link to.
func linkSets(pages []content.Page) (pageSet, linkSet map[string]content.Page) {
	pageSet = make(map[string]content.Page, len(pages))
	linkSet = make(map[string]content.Page, len(pages))
	for _, p := range pages {
		pageSet[p.Path] = p
	}
	for _, p := range pages {
		if p.Fragment {
			continue
		}
		if dir, file := path.Split(p.Path); file == "index.md" || file == "_index.md" {
			k := path.Clean(dir)
			if _, ok := pageSet[k]; !ok {
				if other, ok := linkSet[k]; !ok || file == "index.md" && path.Base(other.Path) == "_index.md" {
					linkSet[k] = p
				}
			}
		}
	}
	for _, p := range pages {
		if !p.Fragment {
			linkSet[p.Path] = p
		}
	}
	return pageSet, linkSet
}
