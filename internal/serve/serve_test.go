package serve

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/glottest"
)

func TestServeRebuildsAndReloads(t *testing.T) {
	dir := t.TempDir()
	out, src := filepath.Join(dir, "public"), filepath.Join(dir, "content")
	for _, d := range []string{out, filepath.Join(src, "guide")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var builds atomic.Int32
	build := func() error {
		n := builds.Add(1)
		html := "<!DOCTYPE html><html><body><p>build " + string(rune('0'+n)) + "</p></body></html>"
		return os.WriteFile(filepath.Join(out, "index.html"), []byte(html), 0o644)
	}
	if err := build(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "style.css"), []byte("p{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(Options{Root: out, Watch: []string{src}, Ignore: []string{out}, Rebuild: build, Debounce: 20 * time.Millisecond})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go s.Serve(ctx, ln)
	base := "http://" + ln.Addr().String()

	get := func(p string) string {
		resp, err := http.Get(base + p)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return string(b)
	}
	if page := get("/"); !strings.Contains(page, "build 1") || !strings.Contains(page, reloadScript+"</body>") {
		t.Fatalf("the page is served with the reload script: %s", page)
	}
	if css := get("/style.css"); css != "p{}" {
		t.Errorf("other files are served as they are: %q", css)
	}
	if b, _ := os.ReadFile(filepath.Join(out, "index.html")); strings.Contains(string(b), "EventSource") {
		t.Error("the script is added when serving, never written to disk")
	}

	// A page listens for events; a change in the sources rebuilds, then
	// sends it "reload".
	resp, err := http.Get(base + eventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	events := bufio.NewReader(resp.Body)
	if line, _ := events.ReadString('\n'); !strings.HasPrefix(line, ": glot") {
		t.Fatalf("event stream starts with %q", line)
	}
	// A change in a folder made after the server started is seen too.
	if err := os.WriteFile(filepath.Join(src, "guide", "a.md"), []byte("# A\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := make(chan string, 1)
	go func() {
		for {
			line, err := events.ReadString('\n')
			if err != nil {
				return
			}
			if strings.HasPrefix(line, "data:") {
				got <- line
				return
			}
		}
	}()
	select {
	case line := <-got:
		if strings.TrimSpace(line) != "data: reload" {
			t.Errorf("event %q", line)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no reload event after a change")
	}
	if page := get("/"); !strings.Contains(page, "build 2") {
		t.Errorf("the rebuilt page is served: %s", page)
	}
	if s.Builds() < 1 {
		t.Error("no rebuild counted")
	}
}

// fakeDNS stands in for the machine's resolver in these tests.
func fakeDNS(t *testing.T) {
	names := map[string][]netip.Addr{
		"loop.example":  {netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("::1")},
		"lan.example":   {netip.MustParseAddr("192.168.1.5")},
		"mixed.example": {netip.MustParseAddr("127.0.0.1"), netip.MustParseAddr("10.0.0.1")},
	}
	old := lookup
	lookup = func(_ context.Context, host string) ([]netip.Addr, error) {
		if ips, ok := names[host]; ok {
			return ips, nil
		}
		return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
	}
	t.Cleanup(func() { lookup = old })
}

// A preview listens on loopback unless the user says it may be public;
// then it is told that other machines can reach it.
func TestCheckAddr(t *testing.T) {
	fakeDNS(t)
	const (
		ok          = ""
		notLoopback = "not loopback"
		bad         = "bad"
	)
	tests := []struct {
		addr string
		want string // without public
	}{
		{"127.0.0.1:1313", ok},
		{"127.0.0.2:0", ok},
		{"[::1]:1313", ok},
		{"[::ffff:127.0.0.1]:1313", ok},
		{"localhost:1313", ok},
		{"LocalHost:1313", ok},
		{"loop.example:1313", ok},
		{"0.0.0.0:1313", notLoopback},
		{":1313", notLoopback},
		{"[::]:1313", notLoopback},
		{"192.168.1.10:1313", notLoopback},
		{"[fe80::1%eth0]:1313", notLoopback},
		{"lan.example:1313", notLoopback},
		{"mixed.example:1313", notLoopback},
		{"nowhere.example:1313", bad},
		{"1313", bad},
	}
	for _, tt := range tests {
		t.Run(tt.addr, func(t *testing.T) {
			warning, err := CheckAddr(tt.addr, false)
			switch {
			case tt.want == ok && (err != nil || warning != ""):
				t.Errorf("refused or warned: %q, %v", warning, err)
			case tt.want == notLoopback && !errors.Is(err, ErrNotLoopback):
				t.Errorf("without --public: %v, want it refused as not loopback", err)
			case tt.want == bad && (err == nil || errors.Is(err, ErrNotLoopback)):
				t.Errorf("without --public: %v, want an error of its own", err)
			}
			if err != nil && !strings.Contains(err.Error(), tt.addr) {
				t.Errorf("the error does not name the address: %v", err)
			}

			warning, err = CheckAddr(tt.addr, true)
			switch tt.want {
			case ok:
				if err != nil || warning != "" {
					t.Errorf("with --public, a loopback address: %q, %v", warning, err)
				}
			case notLoopback:
				if err != nil || !strings.Contains(warning, "reachable from other machines") || !strings.Contains(warning, tt.addr) {
					t.Errorf("with --public: %q, %v; want accepted with a warning naming it", warning, err)
				}
			}
			if tt.addr == "1313" && err == nil {
				t.Error("with --public, a malformed address is accepted")
			}
		})
	}
}

// startPreview serves an empty site on a real listener at listen.
func startPreview(t *testing.T, o Options, listen string) (port string) {
	t.Helper()
	o.Root = t.TempDir()
	if err := os.WriteFile(filepath.Join(o.Root, "index.html"), []byte("<html><body>the site page</body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", listen)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { New(o).Serve(ctx, ln); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	_, port, _ = net.SplitHostPort(ln.Addr().String())
	return port
}

// A page served elsewhere that points its own name at 127.0.0.1 (DNS
// rebinding) reads nothing: the preview answers only to its own names.
func TestHostHeader(t *testing.T) {
	fakeDNS(t)
	type want struct {
		host string // PORT stands for the bound port
		code int
	}
	tests := []struct {
		name   string
		addr   string
		listen string
		public bool
		hosts  []want
	}{
		{"loopback", "127.0.0.1:0", "127.0.0.1:0", false, []want{
			{"127.0.0.1:PORT", 200},
			{"localhost:PORT", 200},
			{"LocalHost:PORT", 200},
			{"localhost", 200},
			{"[::1]:PORT", 200},
			{"evil.example:PORT", 421},
			{"evil.example", 421},
			{"localhost.evil.example:PORT", 421},
			{"127.0.0.1.evil.example:PORT", 421},
			{"localhost:1", 421},
			{"loop.example:PORT", 421},
		}},
		{"a name the user gave", "loop.example:0", "127.0.0.1:0", false, []want{
			{"loop.example:PORT", 200},
			{"localhost:PORT", 200},
			{"evil.example:PORT", 421},
		}},
		{"public on loopback changes nothing", "127.0.0.1:0", "127.0.0.1:0", true, []want{
			{"localhost:PORT", 200},
			{"evil.example:PORT", 421},
		}},
		{"public on every interface", "0.0.0.0:0", "0.0.0.0:0", true, []want{
			{"localhost:PORT", 200},
			{"myhost.lan:PORT", 200},
			{"evil.example:PORT", 200},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := CheckAddr(tt.addr, tt.public); err != nil {
				t.Fatal(err)
			}
			port := startPreview(t, Options{Addr: tt.addr, Public: tt.public}, tt.listen)
			for _, w := range tt.hosts {
				for _, p := range []string{"/", eventsPath} {
					req, err := http.NewRequest("GET", "http://127.0.0.1:"+port+p, nil)
					if err != nil {
						t.Fatal(err)
					}
					req.Host = strings.ReplaceAll(w.host, "PORT", port)
					resp, err := http.DefaultClient.Do(req)
					if err != nil {
						t.Fatal(err)
					}
					var body string
					if p == "/" {
						b, _ := io.ReadAll(resp.Body)
						body = string(b)
					}
					resp.Body.Close()
					if resp.StatusCode != w.code {
						t.Errorf("GET %s, Host: %s: %d, want %d", p, req.Host, resp.StatusCode, w.code)
					}
					if p == "/" && w.code == 200 && !strings.Contains(body, "the site page") {
						t.Errorf("Host: %s: the page is not served: %q", req.Host, body)
					}
					if w.code != 200 && strings.Contains(body, "the site page") {
						t.Errorf("Host: %s: refused, yet the page is in the answer", req.Host)
					}
				}
			}
		})
	}
}

// At most maxStreams pages listen for reloads at once; the next is told
// to come back later, and a page that goes away frees its place.
func TestStreamCap(t *testing.T) {
	port := startPreview(t, Options{Addr: "127.0.0.1:0"}, "127.0.0.1:0")
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr}
	open := func() *http.Response {
		t.Helper()
		resp, err := client.Get("http://127.0.0.1:" + port + eventsPath)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode == 200 {
			// The stream is counted once its first line has come.
			if line, _ := bufio.NewReader(resp.Body).ReadString('\n'); !strings.HasPrefix(line, ": glot") {
				t.Fatalf("stream starts with %q", line)
			}
		}
		return resp
	}
	var streams []*http.Response
	defer func() {
		for _, r := range streams {
			r.Body.Close()
		}
	}()
	for range maxStreams {
		r := open()
		streams = append(streams, r)
		if r.StatusCode != 200 {
			t.Fatalf("stream %d of %d: %s", len(streams), maxStreams, r.Status)
		}
	}
	full := func() {
		t.Helper()
		r := open()
		r.Body.Close()
		if r.StatusCode != http.StatusServiceUnavailable || r.Header.Get("Retry-After") == "" {
			t.Fatalf("stream %d: %s, Retry-After %q; want 503 with Retry-After", maxStreams+1, r.Status, r.Header.Get("Retry-After"))
		}
	}
	full()

	// A page closed: its place is free again, once the server has seen
	// the connection go.
	streams[0].Body.Close()
	streams = streams[1:]
	deadline := time.Now().Add(5 * time.Second)
	for {
		r := open()
		if r.StatusCode == 200 {
			streams = append(streams, r)
			break
		}
		r.Body.Close()
		if time.Now().After(deadline) {
			t.Fatal("a closed stream's place was not freed")
		}
		time.Sleep(10 * time.Millisecond)
	}
	full()
}

// An address that leads nowhere gets the 404 page of the language whose
// folder it is in, with status 404, its links pointed at its own folder;
// one outside every language's folder gets that of the reader's language,
// else the chooser's first; a site without 404 pages, a plain 404.
func TestNotFoundPage(t *testing.T) {
	root := glottest.Dir(t, "testdata/notfound.txtar")
	h := New(Options{Root: root}).site()
	for _, c := range []struct {
		path, want string
		status     int
	}{
		{"/es/", "inicio", 200},
		{"/es/gone/", `<head><base href="/es/"><title>404 · Inicio</title>`, 404},
		{"/es/deep/gone.png", `<html lang="es">`, 404},
		{"/es/gone/", `<a class="skip" href="/es/gone/#content">`, 404},
		{"/en/gone.html", `<title>404 · Home</title>`, 404},
		{"/fr/gone/", `<head><base href="/en/"><title>404 · Home</title>`, 404},
		{"/gone", `<title>404 · Home</title>`, 404},
		{"/gone?es", `<head><base href="/es/"><title>404 · Inicio</title>`, 404},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", c.path, nil)
		if strings.HasSuffix(c.path, "?es") {
			req.Header.Set("Accept-Language", "es-MX, en;q=0.5")
		}
		h.ServeHTTP(rec, req)
		if rec.Code != c.status || !strings.Contains(rec.Body.String(), c.want) {
			t.Errorf("%s: %d %q; want %d with %q", c.path, rec.Code, rec.Body.String(), c.status, c.want)
		}
		if c.status == 404 && strings.Contains(c.want, "<") && !strings.Contains(rec.Header().Get("Content-Type"), "text/html") {
			t.Errorf("%s: the 404 page is served as %s", c.path, rec.Header().Get("Content-Type"))
		}
	}
}

// The output root sends a reader whose Accept-Language names one of the
// chooser's languages, or one close to it, to that language's home page;
// any other reader gets the chooser. Both answers vary with the header.
func TestRootFollowsAcceptLanguage(t *testing.T) {
	root := glottest.Dir(t, "testdata/chooser.txtar")
	h := New(Options{Root: root}).site()
	for _, c := range []struct{ accept, location string }{
		{"ar, en;q=0.5", "/ar/"},
		{"pt-PT,pt;q=0.9", "/pt-BR/"},
		{"de-CH, en-GB;q=0.7", "/en/"},
		{"fr", ""}, // offered only by a link off the site
		{"ja", ""},
		{"", ""},
	} {
		rec := httptest.NewRecorder()
		req := httptest.NewRequest("GET", "/", nil)
		if c.accept != "" {
			req.Header.Set("Accept-Language", c.accept)
		}
		h.ServeHTTP(rec, req)
		if !strings.Contains(rec.Header().Get("Vary"), "Accept-Language") {
			t.Errorf("%q: Vary %q", c.accept, rec.Header().Get("Vary"))
		}
		switch {
		case c.location != "" && (rec.Code != http.StatusFound || rec.Header().Get("Location") != c.location):
			t.Errorf("%q: %d to %q, want a redirect to %s", c.accept, rec.Code, rec.Header().Get("Location"), c.location)
		case c.location == "" && (rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), "English")):
			t.Errorf("%q: %d %q, want the chooser", c.accept, rec.Code, rec.Body.String())
		}
	}
}
