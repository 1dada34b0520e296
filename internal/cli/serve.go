package cli

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/serve"
)

type serveOptions struct {
	addr  string
	langs []string
}

func newServeCmd(g *glot) *cobra.Command {
	o := &serveOptions{}
	c := &cobra.Command{
		Use:   "serve",
		Short: "Preview the site in every language, rebuilt and reloaded as you edit",
		Long: `Serve builds the site, serves the output folder on 127.0.0.1, and watches
the pages, catalogs, layouts, glot.toml and glossary.toml: on a change it
builds again and every open page reloads. Stop it with Ctrl-C.`,
		Example: `  glot serve
  glot serve --addr 127.0.0.1:8080 --lang es,ar`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runServe(g, o) },
	}
	c.Flags().StringVar(&o.addr, "addr", "127.0.0.1:1313", "listen on `HOST:PORT`")
	langsFlag(c, &o.langs)
	return c
}

func runServe(g *glot, o *serveOptions) error {
	cfg, err := g.config()
	if err != nil {
		return err
	}
	build := func() error {
		return runBuild(g, &buildOptions{langs: o.langs, formats: []string{"html"}})
	}
	if err := build(); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	s := serve.New(serve.Options{
		Root:    g.path(cfg.OutputDir),
		Watch:   []string{g.path(cfg.ContentDir), g.path(cfg.LocalesDir), g.path("layouts"), g.path("glot.toml"), g.path("glossary.toml")},
		Ignore:  []string{g.path(cfg.OutputDir), g.path(cfg.MarkdownDir)},
		Rebuild: build,
		Log:     func(format string, args ...any) { fmt.Fprintf(g.stderr, "glot serve: "+format+"\n", args...) },
	})
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	fmt.Fprintf(g.stdout, "glot serve: http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	return s.Serve(ctx, ln)
}
