package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"sync"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
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

// listen listens on addr, an address CheckAddr took with public. A host
// name is resolved again by Listen; what it bound is checked once more,
// so a name that changed in between cannot slip through.
func listen(addr string, public bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if _, err := serve.CheckAddr(ln.Addr().String(), public); err != nil {
		ln.Close()
		return nil, fmt.Errorf("--addr %s: bound %w", addr, err)
	}
	return ln, nil
}

func runServe(g *glot, o *serveOptions) error {
	// The address is checked first: a refused one builds nothing.
	if err := checkAddr(g, "serve", o.addr, o.public); err != nil {
		return err
	}
	// The rebuilds, the review pages and the approvals take turns with
	// the site's state: one glot, one command at a time.
	var mu sync.Mutex
	build := func() error {
		mu.Lock()
		defer mu.Unlock()
		return runBuild(g, project.BuildOptions{Langs: o.langs, Formats: []string{"html"}})
	}
	if err := build(); err != nil {
		return err
	}
	p, err := g.site().Preview(o.langs, "")
	if err != nil {
		return err
	}
	return g.preview("serve", p, serve.Options{Rebuild: build, Addr: o.addr, Public: o.public, Reviews: g.site().Reviews(p.Langs, &mu)},
		func(at net.Addr) {
			fmt.Fprintf(g.stdout, "glot serve: http://%s/ (Ctrl-C to stop)\n", at)
			for _, lang := range p.Langs {
				fmt.Fprintf(g.stdout, "glot serve: review of %s: http://%s/__glot/review/%s/\n", lang, at, lang)
			}
		})
}

// preview serves the folder p says on o.Addr, watching what p says, with
// what else o sets, until Ctrl-C: glot serve and glot edit. Its log lines
// are cmd's; ready says where it listens.
func (g *glot) preview(cmd string, p *project.Preview, o serve.Options, ready func(at net.Addr)) error {
	ln, err := listen(o.Addr, o.Public)
	if err != nil {
		return err
	}
	o.Root, o.Watch, o.Ignore = p.Root, p.Watch, p.Ignore
	o.Log = func(format string, args ...any) { fmt.Fprintf(g.stderr, "glot "+cmd+": "+format+"\n", args...) }
	s := serve.New(o)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	ready(ln.Addr())
	return s.Serve(ctx, ln)
}

var _ serve.Reviews = (*project.Reviews)(nil)
