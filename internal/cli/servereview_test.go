package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/glottest/browser"
	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/serve"
)

// reviewSite writes a site of one page in Spanish, its three messages
// translated, and returns its folder and the messages' ids.
func reviewSite(t *testing.T) (string, []string) {
	t.Helper()
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		var errb bytes.Buffer
		if code := Run(append([]string{"-C", dir}, args...), io.Discard, &errb); code != 0 {
			t.Fatalf("glot %s: exit %d: %s", strings.Join(args, " "), code, errb.String())
		}
	}
	run("init", "--lang", "es")
	page := "# Dosing\n\nAsk your doctor.\n\nRest <b>well</b> & drink water.\n"
	if err := os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	run("extract")
	data, err := os.ReadFile(filepath.Join(dir, "locales", "active.en.toml"))
	if err != nil {
		t.Fatal(err)
	}
	src, err := catalog.Parse("active.en.toml", data)
	if err != nil {
		t.Fatal(err)
	}
	es := map[string]string{"Dosing": "Dosificación", "Ask your doctor.": "Consulte a su médico.",
		// A translation that is markup, were it taken as HTML.
		"Rest <1>well</1> & drink water.": `Descanse <1>bien</1> & <script>alert(1)</script>.`}
	var ids []string
	var b strings.Builder
	for id, m := range src.Messages {
		if tr, ok := es[m.Other]; ok {
			ids = append(ids, id)
			b.WriteString(strings.Join([]string{"[" + id + "]", "other = " + quote(tr), ""}, "\n"))
		}
	}
	if len(ids) != 3 {
		t.Fatalf("the page's messages: %v", src.Messages)
	}
	if err := os.WriteFile(filepath.Join(dir, "locales", "translate.es.toml"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	run("merge")
	return dir, ids
}

func quote(s string) string {
	q, _ := json.Marshal(s)
	return string(q)
}

// The review that glot serve shows takes approvals from its own pages
// only: a post without the session's token, or from a page of another
// origin, is refused with 403 and writes nothing; one from the review
// page signs the message off, as glot approve does, and glot status
// counts it reviewed.
func TestServeReviewApprove(t *testing.T) {
	t.Parallel()
	dir, ids := reviewSite(t)
	site := project.Open(dir, nil, project.Hooks{})
	defer site.Close()
	var logs bytes.Buffer
	s := serve.New(serve.Options{Root: filepath.Join(dir, "public"), Log: func(f string, a ...any) {},
		Reviews: site.Reviews([]string{"es"}, &sync.Mutex{})})
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = s.Handler(srv.Listener.Addr())
	srv.Start()
	defer srv.Close()
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

	get := func(p string) (int, string) {
		t.Helper()
		resp, err := client.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}
	code, page := get("/__glot/review/es/")
	if code != http.StatusOK {
		t.Fatalf("GET the review: %d %s", code, page)
	}
	// Nothing is reviewed yet: an Approve button per translation, the
	// page's and the interface text's (glot's own Spanish).
	forms := regexp.MustCompile(`<form class="approve" method="post" action="([^"]+)"><input type="hidden" name="token" value="([0-9a-f]{64})"><input type="hidden" name="id" value="([^"]+)">`).FindAllStringSubmatch(page, -1)
	var buttons []string
	for _, f := range forms {
		buttons = append(buttons, f[3])
	}
	for _, id := range ids {
		if !slices.Contains(buttons, id) {
			t.Fatalf("no Approve button for %s in\n%s", id, page)
		}
	}
	// The translation is shown as text, never as markup.
	if strings.Contains(page, "<script>alert") || !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("the translation's markup is not escaped:\n%s", page)
	}
	action, token, id := forms[0][1], forms[0][2], forms[0][3]

	review := filepath.Join(dir, "locales", ".glot", "review.es.toml")
	post := func(origin string, form url.Values) (int, string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, srv.URL+action, strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Location")
	}
	for _, tt := range []struct {
		name, origin string
		form         url.Values
	}{
		{"no token", srv.URL, url.Values{"id": {id}, "back": {"index.html"}}},
		{"a wrong token", srv.URL, url.Values{"id": {id}, "token": {strings.Repeat("0", 64)}}},
		{"another origin", "http://evil.example", url.Values{"id": {id}, "token": {token}}},
		{"no origin", "", url.Values{"id": {id}, "token": {token}}},
	} {
		if code, _ := post(tt.origin, tt.form); code != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", tt.name, code)
		}
		if _, err := os.Stat(review); !os.IsNotExist(err) {
			t.Fatalf("%s: %s was written", tt.name, review)
		}
	}

	code, loc := post(srv.URL, url.Values{"id": {id}, "token": {token}, "back": {"index.html"}})
	if code != http.StatusSeeOther || loc != "/__glot/review/es/index.html#"+id {
		t.Fatalf("approve: status %d, Location %q", code, loc)
	}
	if _, page = get(loc); !regexp.MustCompile(`<tr class="translated" id="` + id + `">\n<td class="meta">[a-z0-9]+<br><span class="state reviewed">reviewed</span></td>`).MatchString(page) {
		t.Errorf("the approved message is not shown reviewed:\n%s", page)
	}
	if n := strings.Count(page, `<form class="approve"`); n != len(forms)-1 {
		t.Errorf("%d Approve buttons left, want %d", n, len(forms)-1)
	}
	var out bytes.Buffer
	if code := Run([]string{"-C", dir, "status", "--format", "json"}, &out, &logs); code != 0 {
		t.Fatalf("status: %d %s", code, logs.String())
	}
	var st struct {
		Languages []struct{ Translated, Reviewed int }
	}
	if err := json.Unmarshal(out.Bytes(), &st); err != nil {
		t.Fatal(err)
	}
	if st.Languages[0].Reviewed != 1 {
		t.Errorf("glot status counts %d reviewed, want 1: %s", st.Languages[0].Reviewed, out.String())
	}
}

// In Chromium, the Approve button of the served review signs its message
// off: the browser's own post (its Origin, the page's token) is taken,
// and the page comes back with the message reviewed.
func TestServeReviewApproveBrowser(t *testing.T) {
	t.Parallel()
	glottest.Slow(t, "it starts Chromium")
	dir, ids := reviewSite(t)
	site := project.Open(dir, nil, project.Hooks{})
	defer site.Close()
	s := serve.New(serve.Options{Root: filepath.Join(dir, "public"),
		Reviews: site.Reviews([]string{"es"}, &sync.Mutex{})})
	srv := httptest.NewUnstartedServer(nil)
	srv.Config.Handler = s.Handler(srv.Listener.Addr())
	srv.Start()
	t.Cleanup(srv.Close) // after the browser's own cleanup, which closes its pages

	ctx := browser.New(t, srv.URL).Ctx

	id := ids[0]
	button := `tr[id="` + id + `"] form.approve button`
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/__glot/review/es/"), chromedp.WaitVisible(chromedp.CSS(button))); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(button)), chromedp.WaitVisible(chromedp.CSS(`tr[id="`+id+`"] .state.reviewed`))); err != nil {
		t.Fatalf("after Approve: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(loc, "/__glot/review/es/index.html#"+id) {
		t.Errorf("after Approve the browser is at %s", loc)
	}
	var out, errb bytes.Buffer
	if code := Run([]string{"-C", dir, "status", "--format", "json"}, &out, &errb); code != 0 {
		t.Fatalf("status: %d %s", code, errb.String())
	}
	if !regexp.MustCompile(`"reviewed": 1\b`).Match(out.Bytes()) {
		t.Errorf("glot status after the browser's Approve: %s", out.String())
	}
}
