package serve

import (
	"crypto/subtle"
	"net/http"
	"net/url"
)

// The preview's writes (an approval from the review pages, a save or a
// review from glot edit's editor) are taken only from the preview's own
// pages: a page of another site can make the browser post to 127.0.0.1,
// but it cannot give the request the preview's origin, and it cannot read
// the token that the preview embeds in its own pages.

// sameOrigin reports whether r was sent by a page of this preview: its
// Origin is "http://" and the Host it was sent to. A browser that sends
// no Origin (some omit it on same-origin requests) still names the page
// in Referer, whose origin must then be ours; a request with neither came
// from no page of ours. "null" (a sandboxed or privacy-stripped page) is
// another origin.
func sameOrigin(r *http.Request) bool {
	own := "http://" + r.Host
	if origin := r.Header.Get("Origin"); origin != "" {
		return origin == own
	}
	ref, err := url.Parse(r.Referer())
	if r.Referer() == "" || err != nil {
		return false
	}
	return ref.Scheme+"://"+ref.Host == own && ref.User == nil
}

// validToken reports whether token is this session's, in constant time.
func (s *Server) validToken(token string) bool {
	return token != "" && subtle.ConstantTimeCompare([]byte(token), []byte(s.token)) == 1
}
