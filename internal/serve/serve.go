// Package serve owns glot's local preview: it serves the built site over
// HTTP, watches the site's sources (pages, catalogs, layouts, glot.toml)
// with fsnotify, rebuilds when one changes, and tells every open page to
// reload through a server-sent event. The reload script is added to HTML
// as it is served; the files on disk stay exactly what glot build writes.
//
//	s := serve.New(serve.Options{Root: "public", Watch: []string{"content", "locales"}, Rebuild: build})
//	ln, err := net.Listen("tcp", "127.0.0.1:1313")
//	...
//	err = s.Serve(ctx, ln)
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configure a preview server.
type Options struct {
	Root    string       // the folder served: the build's output
	Watch   []string     // files and folders whose changes call Rebuild
	Ignore  []string     // folders under them never watched (the output itself)
	Rebuild func() error // builds the site again
	// Log receives a line for each rebuild and each failed one.
	Log func(format string, args ...any)
	// Debounce is how long changes are gathered before one rebuild; 0
	// means 100 ms, which turns an editor's burst of writes into one.
	Debounce time.Duration
}

// Server is a preview server.
type Server struct {
	o       Options
	mu      sync.Mutex
	clients map[chan string]bool
	builds  int // completed rebuilds, for tests and logs
	lastErr error
}

// New returns a server; nothing runs until Serve.
func New(o Options) *Server {
	if o.Debounce == 0 {
		o.Debounce = 100 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	return &Server{o: o, clients: map[chan string]bool{}}
}

// eventsPath is where pages listen for reloads.
const eventsPath = "/__glot/events"

// reloadScript is added before </body> of every HTML page served.
const reloadScript = `<script>new EventSource("` + eventsPath + `").onmessage = function () { location.reload(); };</script>`

// Handler serves the built site, HTML with the reload script, and the
// events that trigger it.
func (s *Server) Handler() http.Handler {
	files := http.FileServer(http.Dir(s.o.Root))
	mux := http.NewServeMux()
	mux.HandleFunc(eventsPath, s.events)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		name := filepath.Join(s.o.Root, filepath.FromSlash(filepath.Clean("/"+r.URL.Path)))
		if fi, err := os.Stat(name); err == nil && fi.IsDir() {
			name = filepath.Join(name, "index.html")
		}
		if !strings.HasSuffix(name, ".html") {
			files.ServeHTTP(w, r)
			return
		}
		data, err := os.ReadFile(name)
		if err != nil {
			files.ServeHTTP(w, r) // its 404s and redirects
			return
		}
		if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
			data = append(data[:i:i], append([]byte(reloadScript), data[i:]...)...)
		} else {
			data = append(data, reloadScript...)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		_, _ = w.Write(data)
	})
	return mux
}

// events streams a "reload" event to a page after each rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan string, 1)
	s.mu.Lock()
	s.clients[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}()
	fmt.Fprint(w, ": glot\n\n")
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case msg := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", msg)
			fl.Flush()
		}
	}
}

// notify tells every open page to reload.
func (s *Server) notify() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.clients {
		select {
		case ch <- "reload":
		default: // it has a reload waiting already
		}
	}
}

// Builds returns how many rebuilds have completed.
func (s *Server) Builds() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.builds
}

// Serve serves on ln until ctx is done, rebuilding on changes.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return err
	}
	defer w.Close()
	for _, p := range s.o.Watch {
		if err := s.watch(w, p); err != nil {
			return err
		}
	}
	srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go s.loop(ctx, w)
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shut)
		return nil
	case err := <-errc:
		return err
	}
}

// watch adds p, and every folder under it, to w.
func (s *Server) watch(w *fsnotify.Watcher, p string) error {
	fi, err := os.Stat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // a site without layouts/, say
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return w.Add(p)
	}
	return filepath.WalkDir(p, func(q string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if s.ignored(q) {
			return filepath.SkipDir
		}
		return w.Add(q)
	})
}

func (s *Server) ignored(p string) bool {
	for _, ig := range s.o.Ignore {
		if rel, err := filepath.Rel(ig, p); err == nil && !strings.HasPrefix(rel, "..") {
			return true
		}
	}
	return false
}

// loop rebuilds after each burst of changes.
func (s *Server) loop(ctx context.Context, w *fsnotify.Watcher) {
	var timer <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if s.ignored(ev.Name) || strings.HasPrefix(filepath.Base(ev.Name), ".") && strings.HasSuffix(ev.Name, ".tmp") {
				continue // glot's own temporary files
			}
			if ev.Op&fsnotify.Create != 0 {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					_ = s.watch(w, ev.Name)
				}
			}
			timer = time.After(s.o.Debounce)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.o.Log("watching: %v", err)
		case <-timer:
			timer = nil
			start := time.Now()
			err := s.o.Rebuild()
			s.mu.Lock()
			s.builds++
			s.lastErr = err
			s.mu.Unlock()
			if err != nil {
				// The previous build stays served; the error is shown
				// until the next change fixes it.
				s.o.Log("rebuild failed: %v", err)
				continue
			}
			s.o.Log("rebuilt in %v", time.Since(start).Round(time.Millisecond))
			s.notify()
		}
	}
}
