// Package serve owns glot's local preview: it serves the built site over
// HTTP, watches the site's sources (pages, catalogs, layouts, glot.toml)
// with fsnotify, rebuilds when one changes, and tells every open page to
// reload through a server-sent event. The reload script is added to HTML
// as it is served; the files on disk stay exactly what glot build writes.
// It also owns who may reach a preview: CheckAddr is the rule on where one
// listens, GuardHost the rule on the Host headers it answers. It serves
// the review of each language at /__glot/review/<lang>/, where a reviewer
// approves translations, and glot edit's in-page editor at /__glot/edit/.
// The only writes it takes are those of its own pages (their Origin) with
// the session's token.
//
//	if _, err := serve.CheckAddr(addr, false); err != nil { ... }
//	s := serve.New(serve.Options{Root: "public", Addr: addr, Watch: []string{"content", "locales"}, Rebuild: build})
//	ln, err := net.Listen("tcp", addr)
//	...
//	err = s.Serve(ctx, ln)
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"os"
	"path"
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
	// Addr is the address as the user gave it: its host is accepted in
	// Host headers besides localhost and the loopback addresses.
	Addr string
	// Public accepts any Host header when the listener is not on
	// loopback; see GuardHost.
	Public bool
	// Reviews, when set, serves each language's review at
	// /__glot/review/<lang>/ with an Approve button per translation not
	// yet reviewed (see Reviews).
	Reviews Reviews
	// Editor, when set, serves glot edit's in-page editor at
	// /__glot/edit/ (see Editor); ReviewMode opens it for reviewers, who
	// approve or reject translations rather than write them.
	Editor     Editor
	ReviewMode bool
}

// maxStreams is how many pages may listen for reloads at once. Each
// holds a connection and a goroutine for as long as it is open; a browser
// opens one per tab, so 64 is far more than a person uses, and a script
// that opens streams in a loop cannot exhaust the machine.
const maxStreams = 64

// Server is a preview server.
type Server struct {
	o       Options
	mu      sync.Mutex
	clients map[chan string]bool
	builds  int // completed rebuilds, for tests and logs
	lastErr error
	token   string // the session's secret, asked of every approval
}

// New returns a server; nothing runs until Serve.
func New(o Options) *Server {
	if o.Debounce == 0 {
		o.Debounce = 100 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = func(string, ...any) {}
	}
	return &Server{o: o, clients: map[chan string]bool{}, token: newToken()}
}

// eventsPath is where pages listen for reloads.
const eventsPath = "/__glot/events"

// reloadScript is added before </body> of every HTML page served.
const reloadScript = `<script>new EventSource("` + eventsPath + `").onmessage = function () { location.reload(); };</script>`

// Handler serves the built site, HTML with the reload script, and the
// events that trigger it, to requests whose Host names the preview
// listening at bound (see GuardHost).
func (s *Server) Handler(bound net.Addr) http.Handler {
	return GuardHost(s.site(), s.o.Addr, bound, s.o.Public)
}

// site serves the built site and the reload events, to any Host.
func (s *Server) site() http.Handler {
	files := http.FileServer(http.Dir(s.o.Root))
	mux := http.NewServeMux()
	mux.HandleFunc(eventsPath, s.events)
	if s.o.Reviews != nil {
		mux.HandleFunc(reviewPath, s.review)
	}
	if s.o.Editor != nil {
		mux.HandleFunc(editPath, s.edit)
	}
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		clean := path.Clean("/" + r.URL.Path)
		if clean == "/" {
			s.root(w, r)
			return
		}
		name := filepath.Join(s.o.Root, filepath.FromSlash(clean))
		if _, err := os.Stat(name); errors.Is(err, fs.ErrNotExist) {
			s.notFound(w, r, clean)
			return
		}
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
		s.writeHTML(w, http.StatusOK, data)
	})
	return mux
}

// writeHTML sends a page with the reload script.
func (s *Server) writeHTML(w http.ResponseWriter, status int, data []byte) {
	if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
		data = append(data[:i:i], append([]byte(reloadScript), data[i:]...)...)
	} else {
		data = append(data, reloadScript...)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, _ = w.Write(data)
}

// notFound answers an address that leads to no file with status 404 and
// the 404 page of the language whose folder the address is in
// (public/es/404.html for /es/gone/); outside every language's folder,
// with that of the reader's language (Accept-Language), or else of the
// chooser's first. The page's relative links are written for its own
// folder, so a <base> points them there. A site without 404 pages gets
// Go's plain 404.
func (s *Server) notFound(w http.ResponseWriter, r *http.Request, clean string) {
	lang, _, _ := strings.Cut(strings.TrimPrefix(clean, "/"), "/")
	data, err := os.ReadFile(filepath.Join(s.o.Root, lang, notFoundPage))
	if lang == "" || lang == "." || lang == ".." || err != nil {
		lang, data = "", nil
		if chooser, cerr := os.ReadFile(filepath.Join(s.o.Root, "index.html")); cerr == nil {
			cs := choices(chooser)
			c, ok := preferred(r, cs)
			if !ok && len(cs) > 0 {
				c = cs[0]
			}
			w.Header().Add("Vary", "Accept-Language")
			lang, _, _ = strings.Cut(strings.TrimPrefix(path.Clean("/"+c.href), "/"), "/")
			data, err = os.ReadFile(filepath.Join(s.o.Root, lang, notFoundPage))
		}
	}
	if lang == "" || lang == "." || lang == ".." || err != nil || data == nil {
		http.NotFound(w, r)
		return
	}
	// A link to a place in the page itself (the skip link's #content)
	// would follow the <base> to the folder: it names the address asked
	// for instead.
	here := html.EscapeString(r.URL.EscapedPath())
	data = bytes.ReplaceAll(data, []byte(`href="#`), []byte(`href="`+here+`#`))
	base := []byte(`<base href="` + html.EscapeString((&url.URL{Path: "/" + lang + "/"}).EscapedPath()) + `">`)
	if i := bytes.Index(data, []byte("<head>")); i >= 0 {
		i += len("<head>")
		data = append(data[:i:i], append(base, data[i:]...)...)
	} else {
		data = append(base, data...)
	}
	s.writeHTML(w, http.StatusNotFound, data)
}

// notFoundPage is the name of each language's 404 page in its folder, as
// glot build writes it.
const notFoundPage = "404.html"

// events streams a "reload" event to a page after each rebuild.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan string, 1)
	s.mu.Lock()
	full := len(s.clients) >= maxStreams
	if !full {
		s.clients[ch] = true
	}
	s.mu.Unlock()
	if full {
		// A browser's EventSource gives up on a 503; the page is still
		// served, it only no longer reloads by itself.
		w.Header().Set("Retry-After", "5")
		http.Error(w, "glot: too many pages listening for reloads", http.StatusServiceUnavailable)
		return
	}
	// The slot is freed when the handler returns: when the page closes
	// its connection, the request's context is done.
	defer func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
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
	srv := &http.Server{
		Handler:           s.Handler(ln.Addr()),
		ReadHeaderTimeout: 10 * time.Second,
		// Open event streams end with ctx, so shutting down does not
		// wait for the pages that listen to them.
		BaseContext: func(net.Listener) context.Context { return ctx },
	}
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
