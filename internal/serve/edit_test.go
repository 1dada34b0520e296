package serve

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/glot-i18n/glot/internal/msgtext"
)

// fakeEditor is an Editor over a page of messages held in memory; it
// records every call that writes or checks, and answers Save with what
// conflict and refuse say.
type fakeEditor struct {
	mu       sync.Mutex
	langs    []string
	segs     map[string][]EditSegment // by language
	calls    []string                 // "save de p1 {forms}" and the like
	conflict bool                     // the next Save or Review conflicts
	plain    bool                     // refusals carry no problems
}

func newFakeEditor(langs ...string) *fakeEditor {
	f := &fakeEditor{langs: langs, segs: map[string][]EditSegment{}}
	for _, l := range langs {
		dir := map[bool]string{true: "rtl", false: "ltr"}[l == "ar"]
		seg := func(id, kind, state, source string, tr map[string]string) EditSegment {
			return EditSegment{ID: id, Kind: kind, Where: "content/a.md:1", State: state, Source: source, Translation: tr,
				Version: "v1", Lang: l, Dir: dir, SourceLang: "en", SourceDir: "ltr"}
		}
		f.segs[l] = []EditSegment{
			seg("title", "title", "missing", "Dosing", nil),
			seg("h1", "h1", "translated", "Dosing", map[string]string{"other": "Dosierung"}),
			seg("p1", "p", "missing", "Take <1>2 pills</1> daily<2/>.", nil),
			seg("p2", "p", "missing", "Ask your <1>doctor</1>.", nil),
		}
		f.segs[l][2].Suggestions = []EditSuggestion{{Text: "Nehmen Sie <1>2 Tabletten</1><2/>.", Score: 80, Source: "Take <1>2 pills</1><2/>.", Cautions: []string{"the number differs"}}}
		f.segs[l][2].Glossary = []EditTerm{{Term: "pill", Translation: "Tablette"}}
		f.segs[l][2].Note = `<b>not markup</b>`
	}
	return f
}

func (f *fakeEditor) Langs() []string { return f.langs }

func (f *fakeEditor) Pages(lang string) ([]EditPage, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	p := EditPage{Path: "a.md", Title: "Dosing", URL: "/" + lang + "/a/"}
	for _, s := range f.segs[lang] {
		p.Messages++
		switch s.State {
		case "missing":
			p.Missing++
		case "translated":
			p.Translated++
		case "reviewed":
			p.Reviewed++
		}
	}
	return []EditPage{p}, nil
}

func (f *fakeEditor) Segments(lang, page string) ([]EditSegment, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if page != "a.md" {
		return nil, fmt.Errorf("no page %q", page)
	}
	return slices.Clone(f.segs[lang]), nil
}

func (f *fakeEditor) find(lang, id string) int {
	return slices.IndexFunc(f.segs[lang], func(s EditSegment) bool { return s.ID == id })
}

// Check warns when a number of the source is not in the translation, and
// finds an error where msgtext does.
func (f *fakeEditor) Check(lang, id string, forms map[string]string) ([]EditProblem, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf("check %s %s %v", lang, id, forms))
	i := f.find(lang, id)
	if i < 0 {
		return nil, fmt.Errorf("no message %s", id)
	}
	ps := []EditProblem{}
	for _, tr := range forms {
		if err := msgtext.Check(f.segs[lang][i].Source, tr); err != nil {
			ps = append(ps, EditProblem{Severity: "error", Check: "placeholders", Text: err.Error()})
		}
		if words := tags.ReplaceAllString(tr, ""); strings.Contains(f.segs[lang][i].Source, "2 ") && !strings.Contains(words, "2") {
			ps = append(ps, EditProblem{Severity: "warning", Check: "numbers", Text: "the number 2 of the source is not in the translation"})
		}
	}
	return ps, nil
}

// tags are the placeholders of message text.
var tags = regexp.MustCompile(`</?[0-9]+/?>`)

func (f *fakeEditor) Save(lang, id string, forms map[string]string, version string) (EditSegment, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf("save %s %s %q %s", lang, id, forms["other"], version))
	i := f.find(lang, id)
	switch {
	case i < 0:
		return EditSegment{}, fmt.Errorf("no message %s", id)
	case f.conflict:
		f.conflict = false
		return EditSegment{}, fmt.Errorf("save %s: %w", id, ErrConflict)
	case msgtext.Check(f.segs[lang][i].Source, forms["other"]) != nil && f.plain:
		return EditSegment{}, ErrRefused
	case msgtext.Check(f.segs[lang][i].Source, forms["other"]) != nil:
		return EditSegment{}, &RefusedError{Problems: []EditProblem{{Severity: "error", Check: "placeholders", Text: "a placeholder is missing"}}}
	}
	s := &f.segs[lang][i]
	s.Translation, s.State, s.Version = forms, "translated", version+"+"
	return *s, nil
}

func (f *fakeEditor) Review(lang, id string, approve bool, comment, version string) (EditSegment, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, fmt.Sprintf("review %s %s %v %q %s", lang, id, approve, comment, version))
	i := f.find(lang, id)
	if i < 0 {
		return EditSegment{}, fmt.Errorf("no message %s", id)
	}
	if f.conflict {
		return EditSegment{}, ErrConflict
	}
	if approve {
		f.segs[lang][i].State = "reviewed"
	} else {
		f.segs[lang][i].Rejected = comment
	}
	return f.segs[lang][i], nil
}

func (f *fakeEditor) called() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.calls)
}

// editServer serves a fake editor's preview.
func editServer(t *testing.T, f *fakeEditor, review bool) (*Server, *httptest.Server) {
	t.Helper()
	s := New(Options{Root: t.TempDir(), Editor: f, ReviewMode: review})
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = s.Handler(srv.Listener.Addr())
	srv.Start()
	t.Cleanup(srv.Close)
	return s, srv
}

// post sends a write of the editor's API and returns the status and the
// decoded answer.
func post(t *testing.T, url, origin, referer, token, body string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range map[string]string{"Origin": origin, "Referer": referer, "X-Glot-Token": token} {
		if v != "" {
			req.Header.Set(k, v)
		}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var v map[string]any
	data, _ := io.ReadAll(resp.Body)
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("POST %s: %d, not JSON: %s", url, resp.StatusCode, data)
	}
	return resp.StatusCode, v
}

// A write reaches the Editor only from the editor's own page: the
// preview's Origin (or, without one, its Referer) and the session's token.
func TestEditAPIGuard(t *testing.T) {
	f := newFakeEditor("de")
	s, srv := editServer(t, f, false)
	save := `{"lang":"de","id":"p2","forms":{"other":"Fragen Sie Ihren <1>Arzt</1>."},"version":"v1"}`
	for _, tt := range []struct {
		name, call, origin, referer, token string
	}{
		{"no token", "save", srv.URL, "", ""},
		{"another token", "save", srv.URL, "", newToken()},
		{"another origin", "save", "http://evil.example", "", s.token},
		{"another port", "check", "http://127.0.0.1:1", "", s.token},
		{"null origin", "review", "null", srv.URL + "/__glot/edit/", s.token},
		{"no origin, no referer", "save", "", "", s.token},
		{"no origin, another referer", "check", "", "http://evil.example/__glot/edit/", s.token},
	} {
		if code, v := post(t, srv.URL+"/__glot/edit/api/"+tt.call, tt.origin, tt.referer, tt.token, save); code != http.StatusForbidden || v["error"] == "" {
			t.Errorf("%s: %d %v, want 403", tt.name, code, v)
		}
	}
	if calls := f.called(); len(calls) != 0 {
		t.Fatalf("a refused write reached the Editor: %v", calls)
	}
	// GET does not write.
	if resp, err := http.Get(srv.URL + "/__glot/edit/api/save"); err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET save: %v %v", resp.StatusCode, err)
	}
	// The editor's own page, by Origin or, failing that, by Referer.
	if code, v := post(t, srv.URL+"/__glot/edit/api/save", srv.URL, "", s.token, save); code != 200 || v["state"] != "translated" || v["version"] != "v1+" {
		t.Errorf("the page's own save: %d %v", code, v)
	}
	if code, _ := post(t, srv.URL+"/__glot/edit/api/check", "", srv.URL+"/__glot/edit/?lang=de", s.token, save); code != 200 {
		t.Errorf("a check with the page's Referer: %d", code)
	}
	want := []string{`save de p2 "Fragen Sie Ihren <1>Arzt</1>." v1`, "check de p2 map[other:Fragen Sie Ihren <1>Arzt</1>.]"}
	if calls := f.called(); !slices.Equal(calls, want) {
		t.Errorf("calls %q, want %q", calls, want)
	}
}

// The Editor's answers come through as JSON; its errors as 409 with the
// message for a conflict, 422 with the problems for a refusal, and 500
// for anything else.
func TestEditAPICalls(t *testing.T) {
	f := newFakeEditor("de")
	s, srv := editServer(t, f, false)
	call := func(name, body string) (int, map[string]any) {
		t.Helper()
		return post(t, srv.URL+"/__glot/edit/api/"+name, srv.URL, "", s.token, body)
	}
	code, v := call("check", `{"lang":"de","id":"p1","forms":{"other":"Nimm <1>zwei</1><2/>."}}`)
	if ps, _ := v["problems"].([]any); code != 200 || len(ps) != 1 || ps[0].(map[string]any)["check"] != "numbers" {
		t.Errorf("check: %d %v", code, v)
	}
	f.conflict = true
	code, v = call("save", `{"lang":"de","id":"p1","forms":{"other":"<1>2</1><2/>"},"version":"v1"}`)
	if code != http.StatusConflict || v["error"] != "save p1: changed since it was opened" {
		t.Errorf("conflict: %d %v", code, v)
	}
	code, v = call("save", `{"lang":"de","id":"p1","forms":{"other":"<1>2</1>"},"version":"v1"}`)
	if ps, _ := v["problems"].([]any); code != http.StatusUnprocessableEntity || len(ps) != 1 {
		t.Errorf("refused: %d %v", code, v)
	}
	// A refusal without its problems gets those of the checks.
	f.plain = true
	code, v = call("save", `{"lang":"de","id":"p1","forms":{"other":"<1>2</1>"},"version":"v1"}`)
	if ps, _ := v["problems"].([]any); code != http.StatusUnprocessableEntity || len(ps) != 1 || ps[0].(map[string]any)["check"] != "placeholders" {
		t.Errorf("refused without problems: %d %v", code, v)
	}
	for _, tt := range []struct {
		name, call, body string
		want             int
	}{
		{"unknown message", "save", `{"lang":"de","id":"zz","forms":{"other":"x"}}`, 500},
		{"unknown language", "save", `{"lang":"fr","id":"p1","forms":{"other":"x"}}`, 400},
		{"unknown field", "save", `{"lang":"de","id":"p1","text":"x"}`, 400},
		{"not JSON", "check", `lang=de`, 400},
		{"a review when translating", "review", `{"lang":"de","id":"h1","approve":true,"version":"v1"}`, 403},
		{"no such call", "delete", `{}`, 404},
	} {
		if code, v := call(tt.call, tt.body); code != tt.want || v["error"] == "" {
			t.Errorf("%s: %d %v, want %d", tt.name, code, v, tt.want)
		}
	}

	get := func(p string) (int, string) {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, body := get("/__glot/edit/api/segments?lang=de&page=a.md"); code != 200 || !strings.Contains(body, `"note":"\u003cb\u003enot markup\u003c/b\u003e"`) {
		t.Errorf("segments: %d %s", code, body)
	}
	if code, body := get("/__glot/edit/api/pages?lang=de"); code != 200 || !strings.Contains(body, `"url":"/de/a/","messages":4,"missing":3`) {
		t.Errorf("pages: %d %s", code, body)
	}
	for p, want := range map[string]int{"/__glot/edit/api/pages?lang=fr": 404, "/__glot/edit/api/segments?lang=de&page=b.md": 500} {
		if code, _ := get(p); code != want {
			t.Errorf("GET %s: %d, want %d", p, code, want)
		}
	}

	// In review mode, reviews pass and saves do not.
	f2 := newFakeEditor("de")
	s2, srv2 := editServer(t, f2, true)
	code, v = post(t, srv2.URL+"/__glot/edit/api/review", srv2.URL, "", s2.token, `{"lang":"de","id":"h1","approve":false,"comment":"too formal","version":"v1"}`)
	if code != 200 || v["rejected"] != "too formal" {
		t.Errorf("review: %d %v", code, v)
	}
	if code, _ := post(t, srv2.URL+"/__glot/edit/api/save", srv2.URL, "", s2.token, `{"lang":"de","id":"h1","forms":{"other":"x"}}`); code != 403 {
		t.Errorf("a save when reviewing: %d", code)
	}
	if calls := f2.called(); !slices.Equal(calls, []string{`review de h1 false "too formal" v1`}) {
		t.Errorf("review calls %q", calls)
	}
	if !errors.Is(&RefusedError{}, ErrRefused) {
		t.Error("a RefusedError is not ErrRefused")
	}
}

// The app's page is in the target language's direction, embeds the
// session's token, escapes what it shows, and may be framed by no other
// page; its script and style come from its own files.
func TestEditApp(t *testing.T) {
	f := newFakeEditor("ar", `x"><script>alert(1)</script>`)
	s, srv := editServer(t, f, false)
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	get := func(p string) (*http.Response, string) {
		t.Helper()
		resp, err := client.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, string(b)
	}
	resp, page := get("/__glot/edit/?lang=ar")
	for _, want := range []string{`<html lang="en" dir="rtl">`, `data-token="` + s.token + `"`, `data-lang="ar"`,
		`<option value="x&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">`, `<script src="app.js" defer></script>`} {
		if !strings.Contains(page, want) {
			t.Errorf("the app's page lacks %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, "<script>alert") {
		t.Errorf("a language's name is markup in the page:\n%s", page)
	}
	csp := resp.Header.Get("Content-Security-Policy")
	for _, want := range []string{"frame-ancestors 'none'", "script-src 'self'", "frame-src 'self'", "default-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("Content-Security-Policy %q lacks %s", csp, want)
		}
	}
	if resp.Header.Get("X-Frame-Options") != "DENY" {
		t.Errorf("X-Frame-Options %q", resp.Header.Get("X-Frame-Options"))
	}
	if resp, _ := get("/__glot/edit/"); resp.StatusCode != http.StatusFound || resp.Header.Get("Location") != "/__glot/edit/?lang=ar" {
		t.Errorf("the app without a language: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, js := get("/__glot/edit/app.js"); resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/javascript") || !strings.Contains(js, "X-Glot-Token") {
		t.Errorf("app.js: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	for p, want := range map[string]int{"/__glot/edit/?lang=fr": 404, "/__glot/edit/index.html": 404} {
		if resp, _ := get(p); resp.StatusCode != want {
			t.Errorf("GET %s: %d, want %d", p, resp.StatusCode, want)
		}
	}
	// Without an Editor there is no editor.
	plain := New(Options{Root: t.TempDir()})
	rec := httptest.NewRecorder()
	plain.site().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/__glot/edit/?lang=ar", nil))
	if rec.Code != http.StatusNotFound {
		t.Errorf("the editor without an Editor: %d", rec.Code)
	}
}
