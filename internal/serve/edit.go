package serve

import (
	"embed"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/glot-i18n/glot/internal/langtag"
)

// editPath is where glot edit's in-page editor is: the app at editPath,
// its script and style beside it, and its JSON API under editAPI. Like
// the review, nothing glot builds can be there.
const (
	editPath = "/__glot/edit/"
	editAPI  = editPath + "api/"
)

// The editor is a page of html/template and a small hand-written script
// and style sheet, embedded in the binary: no build step, no node, no
// framework. htmx was weighed and left out: the editor's work is in the
// browser (chips in a contenteditable field, outlines in the framed page,
// keyboard), which htmx does not do, so it would add 50 kB and leave the
// script as long.
//
//go:embed editapp/index.html editapp/app.js editapp/app.css
var editApp embed.FS

var editPage = template.Must(template.ParseFS(editApp, "editapp/index.html"))

// editAssets are the files the app loads, by name under editPath.
var editAssets = map[string]string{
	"app.js":  "text/javascript; charset=utf-8",
	"app.css": "text/css; charset=utf-8",
}

// editHeaders are sent with everything under editPath. No other page may
// frame the editor (and have the translator click unawares); the editor
// itself frames the site's pages, which are of its own origin. Its script
// and style come from its own files only, so a translation that slipped
// into the page as markup could run nothing.
func editHeaders(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cache-Control", "no-store")
	// Not no-referrer: sameOrigin falls back on it when a browser sends
	// no Origin.
	h.Set("Referrer-Policy", "same-origin")
}

// edit serves the editor: the app, its files, and its API.
func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	editHeaders(w)
	rest := strings.TrimPrefix(r.URL.Path, editPath)
	if strings.HasPrefix(r.URL.Path, editAPI) {
		s.editAPI(w, r, strings.TrimPrefix(r.URL.Path, editAPI))
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "glot: the editor is read with GET", http.StatusMethodNotAllowed)
		return
	}
	if ctype, ok := editAssets[rest]; ok {
		data, _ := editApp.ReadFile("editapp/" + rest)
		w.Header().Set("Content-Type", ctype)
		_, _ = w.Write(data)
		return
	}
	if rest != "" {
		http.NotFound(w, r)
		return
	}
	s.editApp(w, r)
}

// editView is what the app's page is made of.
type editView struct {
	Lang   string // the target language
	Dir    string // its direction: the whole app mirrors for "rtl"
	Langs  []string
	Review bool
	Token  string
}

// editApp serves the app's page for the language asked (?lang=), by
// default the Editor's first.
func (s *Server) editApp(w http.ResponseWriter, r *http.Request) {
	langs := s.o.Editor.Langs()
	if len(langs) == 0 {
		http.Error(w, "glot: no language to edit", http.StatusNotFound)
		return
	}
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		http.Redirect(w, r, editPath+"?lang="+url.QueryEscape(langs[0]), http.StatusFound)
		return
	}
	if !slices.Contains(langs, lang) {
		http.Error(w, "glot: the editor does not work on "+lang, http.StatusNotFound)
		return
	}
	v := editView{Lang: lang, Dir: langtag.Dir(lang), Langs: langs, Review: s.o.ReviewMode, Token: s.token}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := editPage.Execute(w, v); err != nil {
		s.o.Log("editor: %v", err)
	}
}
