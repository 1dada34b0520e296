package cli

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"testing"
	"unicode"

	xhtml "golang.org/x/net/html"
)

// htmlFacts are what the output rules compare between a page and its
// baseline.
type htmlFacts struct {
	count    map[string]int  // elements, by name
	attrs    map[string]bool // "element attribute" pairs
	urls     map[string]bool // URL attribute values, resolved
	anchors  map[string]int  // <a> elements, by resolved href
	comments int
	raw      map[string]bool // the text of <style> and <script> elements
}

// hostileURLAttrs are the attributes whose values a browser loads or
// follows.
var hostileURLAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true, "srcset": true,
	"background": true, "poster": true, "data": true, "cite": true, "longdesc": true, "dynsrc": true,
	"lowsrc": true, "codebase": true, "ping": true, "manifest": true, "icon": true, "usemap": true,
	"profile": true, "archive": true, "classid": true,
}

// hostileForbidden are the elements no built page may have, whatever its
// baseline has.
var hostileForbidden = map[string]bool{"script": true, "iframe": true, "object": true, "embed": true, "base": true, "frame": true, "frameset": true, "applet": true}

// hostileNormalizer resolves a URL attribute's value against the page's
// URL, writes it in one form (its path unescaped), and renames a moved
// page's URL to its baseline's.
func hostileNormalizer(page string, renames map[string]string) func(string) string {
	base, _ := url.Parse(page)
	return func(v string) string {
		u, err := url.Parse(strings.TrimSpace(v))
		if err != nil {
			return "unparsable " + v
		}
		abs := base.ResolveReference(u)
		frag := abs.Fragment
		s := hostileCanon(abs)
		if to, ok := renames[s]; ok {
			s = to
		}
		if frag != "" {
			s += "#" + frag
		}
		return s
	}
}

// hostileCanon writes a URL without its fragment, in one form whichever
// way its path was escaped.
func hostileCanon(u *url.URL) string {
	if u.Opaque != "" {
		return u.Scheme + ":" + u.Opaque
	}
	s := u.Scheme + "://" + u.Host + u.Path
	if u.RawQuery != "" || u.ForceQuery {
		s += "?" + u.RawQuery
	}
	return s
}

// hostileFileCanon is hostileCanon of the URL an output is served at.
func hostileFileCanon(name string) string {
	u, err := url.Parse(hostileFileURL(name))
	if err != nil {
		return "unparsable " + name
	}
	return hostileCanon(u)
}

// hostileScheme returns the dangerous scheme a URL has, reading it as a
// browser does: ASCII white space and control characters anywhere, and
// case, do not count.
func hostileScheme(v string) string {
	var b strings.Builder
	for _, r := range v {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	for _, scheme := range []string{"javascript:", "data:", "vbscript:", "livescript:"} {
		if strings.HasPrefix(s, scheme) {
			return scheme
		}
	}
	return ""
}

func hostileElem(n *xhtml.Node) string {
	if n.Namespace != "" {
		return n.Namespace + " " + n.Data
	}
	return n.Data
}

func hostileAttrKey(a xhtml.Attribute) string {
	if a.Namespace != "" {
		return a.Namespace + ":" + a.Key
	}
	return a.Key
}

func hostileRawText(n *xhtml.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// hostileFactsOf parses a page and gathers its facts.
func hostileFactsOf(t *testing.T, page []byte, norm func(string) string) *htmlFacts {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	f := &htmlFacts{count: map[string]int{}, attrs: map[string]bool{}, urls: map[string]bool{}, anchors: map[string]int{}, raw: map[string]bool{}}
	hostileWalk(doc, func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.CommentNode:
			f.comments++
		case xhtml.ElementNode:
			name := hostileElem(n)
			f.count[name]++
			for _, a := range n.Attr {
				key := hostileAttrKey(a)
				f.attrs[name+" "+key] = true
				if hostileURLAttrs[key] {
					f.urls[norm(a.Val)] = true
				}
			}
			if name == "a" {
				f.anchors[hostileHref(n, norm)]++
			}
			if name == "style" || name == "script" {
				f.raw[hostileRawText(n)] = true
			}
		}
	})
	return f
}

func hostileHref(n *xhtml.Node, norm func(string) string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "href" {
			return norm(a.Val)
		}
	}
	return "(no href)"
}

// checkHTML holds a page (as built, or rendered from Markdown by renderer)
// against its baseline counterpart bp, rendered the same way, and returns
// what breaks the rules: an element, an element's attribute or a URL the
// baseline page does not have; more of an element, of an <a> to a URL, or
// of comments than it has; a <style> or <script> text it does not have;
// and, whatever it has, an on* attribute, a javascript:, data: or vbscript:
// URL, <meta http-equiv>, and the elements that run or frame other
// content.
func (h *hostileSite) checkHTML(t *testing.T, renderer, bp string, page []byte, pageURL string, renames map[string]string) []string {
	t.Helper()
	key := renderer + " " + bp
	base := h.baseFacts[key]
	if base == nil {
		base = hostileFactsOf(t, h.base[bp], hostileNormalizer(hostileFileURL(bp), nil))
		h.baseFacts[key] = base
	}
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{fmt.Sprintf("does not parse as HTML: %v", err)}
	}
	norm := hostileNormalizer(pageURL, renames)
	var out []string
	count, anchors := map[string]int{}, map[string]int{}
	comments := 0
	hostileWalk(doc, func(n *xhtml.Node) {
		add := func(format string, args ...any) {
			out = append(out, fmt.Sprintf(format, args...)+" in "+hostileSnippet(n))
		}
		switch n.Type {
		case xhtml.CommentNode:
			if comments++; comments == base.comments+1 {
				add("a comment more than the baseline page's %d", base.comments)
			}
		case xhtml.ElementNode:
			name := hostileElem(n)
			count[name]++
			switch {
			case base.count[name] == 0 && count[name] == 1:
				add("element <%s>, which the baseline page does not have", name)
			case base.count[name] > 0 && count[name] == base.count[name]+1:
				add("more <%s> elements than the baseline page's %d", name, base.count[name])
			}
			if hostileForbidden[name] {
				add("a <%s> element", name)
			}
			if name == "meta" && hostileAttr(n, "http-equiv") != "" {
				add("<meta http-equiv>")
			}
			for _, a := range n.Attr {
				k := hostileAttrKey(a)
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					add("event handler attribute %s=%q", k, a.Val)
				}
				if !base.attrs[name+" "+k] {
					add("attribute %s on <%s>, which the baseline page does not have", k, name)
				}
				if !hostileURLAttrs[k] {
					continue
				}
				if s := hostileScheme(a.Val); s != "" {
					add("a %s URL in %s=%q", s, k, a.Val)
				}
				if v := norm(a.Val); !base.urls[v] {
					add("%s=%q (%s), a URL the baseline page does not have", k, a.Val, v)
				}
			}
			if name == "a" {
				href := hostileHref(n, norm)
				if anchors[href]++; anchors[href] > base.anchors[href] {
					add("an <a> to %s that the baseline page does not have (it has %d)", href, base.anchors[href])
				}
			}
			if (name == "style" || name == "script") && !base.raw[hostileRawText(n)] {
				add("<%s> text the baseline page does not have", name)
			}
		}
	})
	return out
}

// hostileSnippet shows a node as HTML (the paragraph, heading or the like
// it is in, if any), with the elements it is in, short enough for a
// report.
func hostileSnippet(n *xhtml.Node) string {
	var where []string
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == xhtml.ElementNode {
			where = append([]string{p.Data}, where...)
		}
	}
	// The block a node is in shows which text it came from.
	shown := n
	if p := n.Parent; p != nil && p.Type == xhtml.ElementNode && !slices.Contains([]string{"html", "head", "body", "main", "header", "footer", "nav", "div", "table", "thead", "tbody", "tr", "ul", "ol"}, p.Data) {
		shown = p
	}
	var b bytes.Buffer
	_ = xhtml.Render(&b, shown)
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return path.Join(where...) + ": " + s
}
