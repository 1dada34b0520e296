package serve

import (
	"bytes"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"

	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/langtag"
)

// choice is a language the output root's chooser offers.
type choice struct {
	tag  string // canonical (langtag.Normalize)
	href string // relative to the root, as the chooser links it
}

// choices reads the languages that the chooser, the output root's
// index.html, links to: its links that have both href and hreflang, in
// their order. A site's own chooser layout is read the same way.
func choices(chooser []byte) []choice {
	var out []choice
	z := xhtml.NewTokenizer(bytes.NewReader(chooser))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return out
		case xhtml.StartTagToken:
			name, more := z.TagName()
			if string(name) != "a" {
				continue
			}
			var href, hreflang string
			for more {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch string(k) {
				case "href":
					href = string(v)
				case "hreflang":
					hreflang = string(v)
				}
			}
			tag, err := langtag.Normalize(hreflang)
			if err != nil || href == "" || strings.Contains(href, ":") || strings.HasPrefix(href, "/") {
				continue // not a language of this site, or not one of its folders
			}
			out = append(out, choice{tag, href})
		}
	}
}

// preferred is the chooser's language that best matches the request's
// Accept-Language (see langtag.Preferred); ok is false when the header
// names none of them (nor a language close to one).
func preferred(r *http.Request, cs []choice) (choice, bool) {
	tags := make([]string, len(cs))
	for i, c := range cs {
		tags[i] = c.tag
	}
	i, ok := langtag.Preferred(r.Header.Get("Accept-Language"), tags)
	if !ok {
		return choice{}, false
	}
	return cs[i], true
}

// root answers the output root: a redirect to the home page in the
// reader's language, when Accept-Language names one of the chooser's, or
// else the chooser itself. Either answer depends on the header, which
// Vary says to caches.
func (s *Server) root(w http.ResponseWriter, r *http.Request) {
	w.Header().Add("Vary", "Accept-Language")
	data, err := os.ReadFile(filepath.Join(s.o.Root, "index.html"))
	if err != nil {
		http.FileServer(http.Dir(s.o.Root)).ServeHTTP(w, r)
		return
	}
	if c, ok := preferred(r, choices(data)); ok {
		w.Header().Set("Cache-Control", "no-store")
		http.Redirect(w, r, path.Join("/", c.href)+suffix(c.href), http.StatusFound)
		return
	}
	s.writeHTML(w, http.StatusOK, data)
}

// suffix keeps the final slash of a folder's link, which path.Join drops.
func suffix(href string) string {
	if strings.HasSuffix(href, "/") {
		return "/"
	}
	return ""
}
