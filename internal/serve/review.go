package serve

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/url"
	"path"
	"strings"
)

// Reviews is what the preview asks for the review pages and the
// approvals posted from them; glot serve gives one that renders glot
// review and signs off as glot approve does.
type Reviews interface {
	// Page renders the file name of the review of lang: "" for its
	// first page, else a name relative to it, as its links have it. Each
	// Approve button posts to action with token. ok is false when there
	// is no such language or file.
	Page(lang, name, action, token string) (page []byte, ok bool, err error)
	// Approve signs off the translation of message id into lang, as it
	// is now, and writes that down before it returns.
	Approve(lang, id string) error
}

// reviewPath is where the review pages are: reviewPath + "es/" is the
// review of Spanish. Nothing in the built site links there, and nothing
// glot builds can be there: the output never has a "__glot" folder.
const reviewPath = "/__glot/review/"

// approveName is the address, in a language's review folder, that the
// Approve buttons post to. A page of the review cannot have that name:
// they all end in ".html".
const approveName = "approve"

// newToken returns the secret that a session of the preview embeds in
// its review pages and asks of every approval: a page of another site,
// which cannot read the review, cannot know it.
func newToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand)
	return hex.EncodeToString(b)
}

// review serves the review pages and takes the approvals posted from
// them.
func (s *Server) review(w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, reviewPath)
	lang, name, found := strings.Cut(rest, "/")
	if lang == "" || !found && r.Method != http.MethodPost {
		if lang != "" {
			http.Redirect(w, r, reviewPath+url.PathEscape(lang)+"/", http.StatusFound)
			return
		}
		http.NotFound(w, r)
		return
	}
	// The review pages and what they answer are for this browser's eyes
	// alone: no other page may frame them (and have the reviewer click
	// Approve unawares), and they run no script.
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cache-Control", "no-store")
	// Not no-referrer: under it a browser sends "Origin: null" with the
	// page's own form posts, which approve then refuses.
	h.Set("Referrer-Policy", "same-origin")
	if name == approveName {
		s.approve(w, r, lang)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "glot: the review is read with GET", http.StatusMethodNotAllowed)
		return
	}
	action := reviewPath + url.PathEscape(lang) + "/" + approveName
	page, ok, err := s.o.Reviews.Page(lang, name, action, s.token)
	switch {
	case err != nil:
		s.o.Log("review %s: %v", lang, err)
		http.Error(w, "glot: "+err.Error(), http.StatusInternalServerError)
		return
	case !ok:
		http.NotFound(w, r)
		return
	}
	h.Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(page)
}

// approve takes an approval posted from a review page: only from a page
// of this preview (its Origin) that knows the session's token. Anything
// else is refused with 403 and changes nothing.
func (s *Server) approve(w http.ResponseWriter, r *http.Request, lang string) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", "POST")
		http.Error(w, "glot: approvals are posted", http.StatusMethodNotAllowed)
		return
	}
	// A browser names the page a form was posted from; a page of
	// another site, even one that points its name at 127.0.0.1, has
	// another origin (see sameOrigin).
	if !sameOrigin(r) {
		http.Error(w, "glot: approvals are taken only from the preview's own review pages", http.StatusForbidden)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "glot: "+err.Error(), http.StatusBadRequest)
		return
	}
	if !s.validToken(r.PostForm.Get("token")) {
		http.Error(w, "glot: the review page is out of date or not this preview's: open it again", http.StatusForbidden)
		return
	}
	id := r.PostForm.Get("id")
	if id == "" {
		http.Error(w, "glot: no message to approve", http.StatusBadRequest)
		return
	}
	if err := s.o.Reviews.Approve(lang, id); err != nil {
		s.o.Log("approve %s %s: %v", lang, id, err)
		http.Error(w, "glot: "+err.Error(), http.StatusConflict)
		return
	}
	s.o.Log("approved %s in %s", id, lang)
	// Back to the page the button was on, at the message, which now
	// shows as reviewed. Only a page of the review is gone back to.
	back := path.Clean("/" + r.PostForm.Get("back"))
	to := url.URL{Path: reviewPath + lang + back, Fragment: id}
	if back == "/" || strings.Contains(back, "/../") {
		to.Path = reviewPath + lang + "/"
	}
	http.Redirect(w, r, to.String(), http.StatusSeeOther)
}
