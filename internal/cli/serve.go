package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sync"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/merge"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
	"github.com/glot-i18n/glot/internal/serve"
)

type serveOptions struct {
	addr   string
	public bool
	langs  []string
}

func newServeCmd(g *glot) *cobra.Command {
	o := &serveOptions{}
	c := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site in every language, rebuilt and reloaded as you edit",
		Long: `Serve builds the site, serves the output folder on 127.0.0.1, and watches
the pages, catalogs, layouts, glot.toml and glossary.toml: on a change it
builds again and every open page reloads. Stop it with Ctrl-C.

The preview listens only on loopback: an --addr that other machines could
reach (0.0.0.0, ::, a LAN address, a name that resolves to one) is refused
unless --public is given. It answers only requests addressed to localhost,
127.0.0.1, [::1] or the --addr host, so that a web page cannot read it by
pointing a name of its own at 127.0.0.1.`,
		Example: `  glot serve
  glot serve --addr 127.0.0.1:8080 --lang es,ar
  glot serve --addr 0.0.0.0:1313 --public`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runServe(g, o) },
	}
	c.Flags().StringVar(&o.addr, "addr", "127.0.0.1:1313", "listen on `HOST:PORT`, a loopback address unless --public")
	c.Flags().BoolVar(&o.public, "public", false, "allow an --addr that other machines can reach")
	langsFlag(c, &o.langs)
	return c
}

// checkAddr applies serve.CheckAddr to --addr and prints its warning.
func checkAddr(g *glot, cmd, addr string, public bool) error {
	warning, err := serve.CheckAddr(addr, public)
	if errors.Is(err, serve.ErrNotLoopback) {
		return &usageError{fmt.Errorf("--addr %w; give --public to allow that", err)}
	}
	if err != nil {
		return &usageError{fmt.Errorf("--addr %w", err)}
	}
	if warning != "" {
		fmt.Fprintf(g.stderr, "glot %s: warning: %s\n", cmd, warning)
	}
	return nil
}

func runServe(g *glot, o *serveOptions) error {
	// The address is checked first: a refused one builds nothing.
	if err := checkAddr(g, "serve", o.addr, o.public); err != nil {
		return err
	}
	cfg, err := g.config()
	if err != nil {
		return err
	}
	// The rebuilds, the review pages and the approvals take turns with
	// the site's state: one glot, one command at a time.
	var mu sync.Mutex
	build := func() error {
		mu.Lock()
		defer mu.Unlock()
		return runBuild(g, &buildOptions{langs: o.langs, formats: []string{"html"}})
	}
	if err := build(); err != nil {
		return err
	}
	all, err := cfg.Select(o.langs, true)
	if err != nil {
		return &usageError{fmt.Errorf("--lang: %w", err)}
	}
	// A pseudo-language has nothing a reviewer could sign off.
	var reviewLangs []string
	for _, l := range all {
		if !langtag.IsPseudo(l) {
			reviewLangs = append(reviewLangs, l)
		}
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	// A host name is resolved again by Listen; what it bound is checked
	// once more, so a name that changed in between cannot slip through.
	if _, err := serve.CheckAddr(ln.Addr().String(), o.public); err != nil {
		ln.Close()
		return fmt.Errorf("--addr %s: bound %w", o.addr, err)
	}
	s := serve.New(serve.Options{
		Root:  g.path(cfg.OutputDir),
		Watch: []string{g.path(cfg.ContentDir), g.path(cfg.LocalesDir), g.path("layouts"), g.path("glot.toml"), g.path("glossary.toml")},
		// A lock's card changes when a command takes the lock, which is
		// no change to the site.
		Ignore: []string{g.path(cfg.OutputDir), g.path(cfg.MarkdownDir),
			g.path(cfg.LocalesDir, filepath.FromSlash(plan.WriteLockPath)), g.path(cfg.LocalesDir, filepath.FromSlash(plan.ReadLockPath))},
		Rebuild: build,
		Log:     func(format string, args ...any) { fmt.Fprintf(g.stderr, "glot serve: "+format+"\n", args...) },
		Addr:    o.addr,
		Public:  o.public,
		Reviews: &serveReviews{g: g, cfg: cfg, langs: reviewLangs, mu: &mu},
	})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(g.stdout, "glot serve: http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	for _, lang := range reviewLangs {
		fmt.Fprintf(g.stdout, "glot serve: review of %s: http://%s/__glot/review/%s/\n", lang, ln.Addr(), lang)
	}
	return s.Serve(ctx, ln)
}

// serveReviews renders the review of each language for the preview, and
// signs off what a reviewer approves there, as glot review and glot
// approve do.
type serveReviews struct {
	g     *glot
	cfg   *config.Config
	langs []string
	mu    *sync.Mutex // the preview's turn at the site's state
}

var _ serve.Reviews = (*serveReviews)(nil)

// Page renders a page of the review of lang, laid out as glot review -o
// lays out a file named index.html: the site's pages in the folder
// index/ when it is large.
func (r *serveReviews) Page(lang, name, action, token string) ([]byte, bool, error) {
	if !slices.Contains(r.langs, lang) {
		return nil, false, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	g := r.g
	// The catalogs are free to change between pages, and what this
	// page opened is closed when it is made.
	defer g.releaseRead()
	opened := len(g.open)
	defer func() {
		for _, c := range g.open[opened:] {
			c.Close()
		}
		g.open = g.open[:opened]
	}()
	site, l, err := g.oneLang(r.cfg, "serve", lang)
	if err != nil {
		return nil, false, err
	}
	c, err := g.checker(r.cfg)
	if err != nil {
		return nil, false, err
	}
	_, tables, err := g.compiled(r.cfg, []string{l.Tag})
	if err != nil {
		return nil, false, err
	}
	return report.NewReview(site, tables[0], c, report.ReviewOptions{
		Content: display(g.path(r.cfg.ContentDir)), Index: "index.html", Layout: report.Auto,
		Approve: &report.ApproveForm{Action: action, Token: token},
	}).File(name)
}

// Approve signs off the translation of message id into lang through
// merge.Approve, under the write lock and in one transaction, as glot
// approve does.
func (r *serveReviews) Approve(lang, id string) error {
	if !slices.Contains(r.langs, lang) {
		return fmt.Errorf("no language %q in this preview", lang)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	g := r.g
	defer g.releaseLocks()
	if err := g.lockWrite(r.cfg, false); err != nil {
		return err
	}
	site, l, err := g.oneLang(r.cfg, "approve", lang)
	if err != nil {
		return err
	}
	p, _, err := merge.Approve(site, l, merge.Approval{IDs: []string{id}})
	if err != nil {
		return err
	}
	return g.wlock.Apply(p)
}
