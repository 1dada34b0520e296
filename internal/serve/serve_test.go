package serve

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
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
