package cli

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	ghtml "github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/segment"
)

// checkPlaces fails the test if the build wrote where it should not:
// beside the site, in the site's folder anything but its outputs and
// cache, or in its content folder. A translated slug names one folder of
// the output, nothing else (check sees that each output is where its
// baseline is, but for that folder).
func (h *hostileSite) checkPlaces(t *testing.T, root, dir string) {
	t.Helper()
	list := func(d string) []string {
		es, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	if got := list(root); !slices.Equal(got, []string{"exchange", "site"}) {
		t.Errorf("the build wrote beside the site: %v", got)
	}
	for _, name := range list(dir) {
		if !slices.Contains([]string{"glot.toml", "content", "layouts", "locales", "public", "localized", ".glot-cache"}, name) {
			t.Errorf("the build wrote %s in the site's folder", name)
		}
	}
	got := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(filepath.Join(dir, "content"), p)
			got[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, h.content) {
		t.Errorf("the content folder changed: %v", slices.Sorted(maps.Keys(got)))
	}
}

// hostileViolation is one thing a reader must not get, in one output file.
type hostileViolation struct {
	file, what string
	lang, mark string // the file's language and page, for the report
}

// check holds every output of the build in dir against its baseline
// counterpart, and returns what breaks a rule, and how many outputs it
// checked rule by rule.
func (h *hostileSite) check(t *testing.T, dir string) (out []hostileViolation, checked hostileChecked) {
	t.Helper()
	got := outputs(t, dir)
	// A translated slug moves a page: its baseline counterpart is the
	// baseline page that is the same page in the same language, which
	// its x-default link names; the URLs that name it are renamed to
	// the baseline's before they are compared.
	counterpart := map[string]string{}
	renames := map[string]string{}
	for name, data := range got {
		bp := ""
		if k := hostilePageKey(name, data); k != "" {
			bp = h.baseByKey[k]
		}
		if bp == "" {
			if _, ok := h.base[name]; ok {
				bp = name
			}
		}
		counterpart[name] = bp
		if bp != "" && bp != name {
			from, to := hostileFileCanon(name), hostileFileCanon(bp)
			renames[from] = to
			if f, ok := strings.CutSuffix(from, "index.html"); ok {
				if tt, ok := strings.CutSuffix(to, "index.html"); ok {
					renames[f] = tt
				}
			}
		}
	}
	var bodies [][]byte
	for name, data := range got {
		if bp := counterpart[name]; strings.HasSuffix(name, ".md") && bp != "" && !bytes.Equal(data, h.base[bp]) {
			_, body, _, _ := hostileFrontMatter(data)
			_, bbody, _, _ := hostileFrontMatter(h.base[bp])
			bodies = append(bodies, body, bbody)
		}
	}
	h.prerender(bodies)
	for _, name := range slices.Sorted(maps.Keys(got)) {
		data, bp := got[name], counterpart[name]
		lang, mark := h.placeOf(name, bp)
		add := func(format string, args ...any) {
			out = append(out, hostileViolation{file: name, what: fmt.Sprintf(format, args...), lang: lang, mark: mark})
		}
		if bp == "" {
			add("a file the baseline build does not have")
			continue
		}
		base := h.base[bp]
		if len(data) > 10*max(len(base), 1) {
			add("%d bytes, more than 10 times its baseline's %d", len(data), len(base))
		}
		if !hostileInPlace(name, bp) {
			add("written at another place than its baseline, %s", bp)
		}
		if bp == name && bytes.Equal(data, base) {
			continue // the same bytes render the same
		}
		gotURL := hostileFileURL(name)
		if strings.HasPrefix(name, "localized/") {
			// The localized tree is made for a site generator, which runs
			// what looks like its template actions (Hugo's {{ }}, Liquid's
			// {% %}) and shortcodes in a page's body, though not in its
			// front matter.
			text, btext := data, base
			if strings.HasSuffix(name, ".md") {
				_, text, _, _ = hostileFrontMatter(data)
				_, btext, _, _ = hostileFrontMatter(base)
			}
			for _, d := range []string{"{{", "{%"} {
				if n, m := bytes.Count(text, []byte(d)), bytes.Count(btext, []byte(d)); n > m {
					add("%d %q in its body, more than its baseline's %d: a template action or shortcode the page does not have", n, d, m)
				}
			}
			if got, want := hostileShortcodes(string(text)), hostileShortcodes(string(btext)); !slices.Equal(got, want) {
				add("shortcodes %q, the baseline's %q", got, want)
			}
		}
		switch {
		case strings.HasSuffix(name, ".html"):
			checked.html++
			for _, w := range h.checkHTML(t, "html", bp, data, gotURL, renames) {
				add("%s", w)
			}
		case strings.HasSuffix(name, ".md"):
			checked.markdown++
			fm, body, delim, ok := hostileFrontMatter(data)
			bfm, bbody, bdelim, _ := hostileFrontMatter(base)
			switch {
			case !ok:
				add("its front matter is not closed")
			case delim != bdelim:
				add("front matter between %q lines, the baseline's between %q", delim, bdelim)
			default:
				if w := hostileCompareFrontMatter(delim, fm, bfm); w != "" {
					add("front matter: %s", w)
				}
			}
			for _, r := range []string{"goldmark", "cmark-gfm"} {
				rendered, err := h.render(r, body)
				if err != nil {
					add("%s: %v", r, err)
					continue
				}
				h.baseRendered(t, r, bp, bbody)
				for _, w := range h.checkHTML(t, r, bp, rendered, gotURL, renames) {
					add("rendered by %s: %s", r, w)
				}
			}
		case strings.HasSuffix(name, ".xml"):
			for _, w := range hostileSitemap(data, h.base[bp], renames) {
				add("%s", w)
			}
		default:
			add("an asset that differs from its baseline")
		}
	}
	return out, checked
}

// placeOf returns the language and the page of an output, as its baseline
// path tells them.
func (h *hostileSite) placeOf(name, bp string) (lang, mark string) {
	segs := strings.Split(name, "/")
	if len(segs) > 2 {
		lang = segs[1]
	}
	for _, p := range h.pages {
		for _, f := range []string{"page-" + p.mark + "/", "/p" + p.mark + ".md", "/t" + p.mark + "/", "/t" + p.mark + ".md", "/h" + p.mark + ".html", "/d" + p.mark + ".html"} {
			if strings.Contains(bp, f) {
				return lang, p.mark
			}
		}
	}
	return lang, ""
}

// hostileInPlace reports whether output name is where its baseline
// counterpart bp is, but for its last folder, which a slug may rename.
func hostileInPlace(name, bp string) bool {
	a, b := strings.Split(name, "/"), strings.Split(bp, "/")
	if len(a) != len(b) || len(a) < 2 || a[0] != b[0] || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	for i := 1; i < len(a)-2; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	dir := a[len(a)-2]
	return len(a) == 2 || dir == b[len(b)-2] || dir != "" && dir != "." && dir != ".." && !strings.ContainsAny(dir, `/\`)
}

// hostilePageKey names a built HTML page by its language folder and the
// URL of its x-default alternate, the same for a page whatever its slug;
// "" for any other file.
func hostilePageKey(name string, data []byte) string {
	segs := strings.Split(name, "/")
	if segs[0] != "public" || len(segs) < 3 || !strings.HasSuffix(name, ".html") {
		return ""
	}
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	var xd string
	hostileWalk(doc, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "link" && xd == "" && hostileAttr(n, "hreflang") == "x-default" && hostileAttr(n, "rel") == "alternate" {
			xd = hostileAttr(n, "href")
		}
	})
	if xd == "" {
		return ""
	}
	return segs[1] + " " + xd
}

// hostileFileURL is the URL an output is served at, to resolve its links
// against; the localized tree is not served, but resolving its links the
// same way in the baseline keeps them comparable.
func hostileFileURL(name string) string {
	if rest, ok := strings.CutPrefix(name, "public/"); ok {
		return hostileBaseURL + rest
	}
	return hostileBaseURL + name
}

func hostileWalk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		hostileWalk(c, f)
	}
}

func hostileAttr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hostileMD is goldmark as glot reads pages, rendering raw HTML as it is:
// what a translation smuggles in must show.
var hostileMD = segment.Goldmark(goldmark.WithRendererOptions(ghtml.WithUnsafe()))

// render renders a Markdown body as HTML with goldmark or cmark-gfm. Raw
// HTML is rendered as it is (--unsafe), for cmark-gfm would otherwise
// replace it with a comment and hide what a translation smuggled in.
// cmark-gfm reads footnotes, as glot and GitHub do: without them it would
// read a one-word footnote as a link reference definition, a document
// other than the one glot wrote.
func (h *hostileSite) render(renderer string, md []byte) ([]byte, error) {
	if renderer == "goldmark" {
		var b bytes.Buffer
		err := hostileMD.Convert(md, &b)
		return b.Bytes(), err
	}
	h.prerender([][]byte{md})
	r := h.cmark[string(md)]
	return r.html, r.err
}

// prerender renders with cmark-gfm, side by side, the Markdown bodies not
// rendered yet: a process each is most of the test's time.
func (h *hostileSite) prerender(bodies [][]byte) {
	todo := map[string]*hostileRendered{}
	for _, b := range bodies {
		if _, ok := h.cmark[string(b)]; !ok {
			todo[string(b)] = &hostileRendered{}
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	for md, r := range todo {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cmd := exec.Command("cmark-gfm", "--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "footnotes")
			cmd.Stdin = strings.NewReader(md)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if r.html, r.err = cmd.Output(); r.err != nil {
				r.err = fmt.Errorf("cmark-gfm: %v: %s", r.err, errb.String())
			}
		}()
	}
	wg.Wait()
	for md, r := range todo {
		h.cmark[md] = *r
	}
}

// baseRendered renders a baseline Markdown file's body once, and keeps the
// facts of its HTML.
func (h *hostileSite) baseRendered(t *testing.T, renderer, bp string, body []byte) {
	t.Helper()
	if _, ok := h.baseFacts[renderer+" "+bp]; ok {
		return
	}
	out, err := h.render(renderer, body)
	if err != nil {
		t.Fatalf("%s of the baseline %s: %v", renderer, bp, err)
	}
	h.baseFacts[renderer+" "+bp] = hostileFactsOf(t, out, hostileNormalizer(hostileFileURL(bp), nil))
}
