package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
)

// fakeReviews records the approvals it is asked for.
type fakeReviews struct{ approved []string }

func (f *fakeReviews) Page(lang, name, action, token string) ([]byte, bool, error) {
	if lang != "es" || name != "" && name != "index.html" {
		return nil, false, nil
	}
	return []byte(`<form method="post" action="` + action + `"><input name="token" value="` + token + `"></form>`), true, nil
}

func (f *fakeReviews) Approve(lang, id string) error {
	f.approved = append(f.approved, lang+" "+id)
	return nil
}

// An approval is taken only when posted from the preview's own origin
// with the session's token; every other request is refused and approves
// nothing.
func TestReviewApproveGuard(t *testing.T) {
	f := &fakeReviews{}
	s := New(Options{Root: t.TempDir(), Reviews: f})
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = s.Handler(srv.Listener.Addr())
	srv.Start()
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	resp, err := client.Get(srv.URL + "/__glot/review/es/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `value="`+s.token+`"`) || len(s.token) != 64 {
		t.Fatalf("the review page: %d %s", resp.StatusCode, body)
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	for p, want := range map[string]int{"/__glot/review/de/": 404, "/__glot/review/es/gone.html": 404, "/__glot/review/es": 302, "/__glot/review/": 404} {
		resp, err := client.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", p, resp.StatusCode, want)
		}
	}

	post := func(method, origin string, form url.Values) int {
		req, _ := http.NewRequest(method, srv.URL+"/__glot/review/es/approve", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, tt := range []struct {
		name, method, origin string
		form                 url.Values
		want                 int
	}{
		{"GET", http.MethodGet, srv.URL, url.Values{"id": {"a"}, "token": {s.token}}, 405},
		{"no token", http.MethodPost, srv.URL, url.Values{"id": {"a"}}, 403},
		{"another token", http.MethodPost, srv.URL, url.Values{"id": {"a"}, "token": {newToken()}}, 403},
		{"another origin", http.MethodPost, "http://evil.example", url.Values{"id": {"a"}, "token": {s.token}}, 403},
		{"another port", http.MethodPost, "http://127.0.0.1:1", url.Values{"id": {"a"}, "token": {s.token}}, 403},
		{"no origin", http.MethodPost, "", url.Values{"id": {"a"}, "token": {s.token}}, 403},
		{"null origin", http.MethodPost, "null", url.Values{"id": {"a"}, "token": {s.token}}, 403},
		{"no message", http.MethodPost, srv.URL, url.Values{"token": {s.token}}, 400},
	} {
		if got := post(tt.method, tt.origin, tt.form); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
	if len(f.approved) != 0 {
		t.Fatalf("approved %v", f.approved)
	}
	if got := post(http.MethodPost, srv.URL, url.Values{"id": {"a"}, "token": {s.token}, "back": {"../../../etc"}}); got != 303 || len(f.approved) != 1 || f.approved[0] != "es a" {
		t.Errorf("the page's own post: %d, approved %v", got, f.approved)
	}
}
