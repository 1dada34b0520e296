package cli

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/serve"
)

type editOptions struct {
	lang   string
	review bool
	addr   string
	noOpen bool
	public bool
}

func newEditCmd(g *glot) *cobra.Command {
	o := &editOptions{}
	c := &cobra.Command{
		Use:   "edit",
		Short: "Translate in the page itself, in the browser; the files stay the truth",
		Long: `Edit builds the site's pages with each message marked, serves them with an
editor on 127.0.0.1 (a free port unless --addr is given), and opens the browser.
The page in the target language is shown as built, each message outlined by
its state; a click opens it beside the page, with its source, the change to a
stale source, suggestions, glossary terms and the checks of glot check as you
type. Ctrl+Enter saves and goes to the next message to translate.

A save is a merge: the text is written into translate.<lang>.toml (or
active.<lang>.toml, for a message translated already) as a translator would
type it, and glot merge runs, so the files are exactly what glot merge writes.
A message changed since it was opened, in another tab or in the files, is not
saved over. With --review, a reviewer approves or rejects translations with a
comment, recorded where glot approve records them.

Like glot serve, edit listens only on loopback unless --public is given, and
every write carries the session's token from a page of its own.`,
		Example: `  glot edit --lang de
  glot edit --lang ar --review
  glot edit --lang es --addr 127.0.0.1:8080 --no-open`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runEdit(g, o) },
	}
	c.Flags().StringVar(&o.lang, "lang", "", "the language to translate into (default: the first of glot.toml)")
	nameValue(c.Flags(), "lang", "L")
	c.Flags().BoolVar(&o.review, "review", false, "review: approve or reject translations rather than write them")
	c.Flags().StringVar(&o.addr, "addr", "127.0.0.1:0", "listen on `HOST:PORT`, a loopback address unless --public (port 0: a free one)")
	c.Flags().BoolVar(&o.noOpen, "no-open", false, "do not open the browser; print the address only")
	c.Flags().BoolVar(&o.public, "public", false, "allow an --addr that other machines can reach")
	return c
}

func runEdit(g *glot, o *editOptions) error {
	if err := checkAddr(g, "edit", o.addr, o.public); err != nil {
		return err
	}
	ed, err := g.site().Editor(o.lang, "")
	if err != nil {
		return err
	}
	if err := ed.Build(); err != nil {
		return err
	}
	p, err := g.site().Preview(nil, project.EditDir)
	if err != nil {
		return err
	}
	return g.preview("edit", p, serve.Options{Rebuild: ed.Build, Addr: o.addr, Public: o.public, Editor: ed, ReviewMode: o.review},
		func(at net.Addr) {
			url := fmt.Sprintf("http://%s/__glot/edit/", at)
			fmt.Fprintf(g.stdout, "glot edit: %s (Ctrl-C to stop)\n", url)
			if !o.noOpen {
				if err := openBrowser(url); err != nil {
					g.warnf("could not open a browser (%v): open %s", err, url)
				}
			}
		})
}

// openBrowser opens url in the user's browser: $BROWSER when it is set,
// else the system's opener.
func openBrowser(url string) error {
	if b := os.Getenv("BROWSER"); b != "" {
		return exec.Command(b, url).Start()
	}
	switch runtime.GOOS {
	case "darwin":
		return exec.Command("open", url).Start()
	case "windows":
		return exec.Command("rundll32", "url.dll,FileProtocolHandler", url).Start()
	}
	return exec.Command("xdg-open", url).Start()
}
