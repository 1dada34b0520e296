package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path"
	"strings"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/plan"
)

// output writes a report to -o FILE (atomically), or to standard output.
func (g *glot) output(file string, write func(w io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if file != "" {
		return plan.WriteFile(g.userPath(file), buf.Bytes())
	}
	_, err := g.stdout.Write(buf.Bytes())
	return err
}

// checker returns the quality checker of the site, with its glossary.
func (g *glot) checker(cfg *config.Config) (*check.Checker, error) {
	gl, err := g.glossary(cfg)
	if err != nil {
		return nil, err
	}
	return check.New(cfg.SourceLanguage, gl), nil
}

// glossary reads the site's glossary once; nil when it has none.
func (g *glot) glossary(cfg *config.Config) (*check.Glossary, error) {
	if g.glossRead {
		return g.gloss, nil
	}
	file := g.path(check.GlossaryFile)
	data, err := g.readFile(check.GlossaryFile)
	if errors.Is(err, os.ErrNotExist) {
		g.glossRead = true
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	gl, err := check.ParseGlossary(display(file), data, append([]string{cfg.SourceLanguage}, cfg.Languages...))
	if err != nil {
		return nil, err
	}
	g.gloss, g.glossRead = gl, true
	return gl, nil
}

// sourceAt reads the ids of the source catalog as it was at git revision
// rev.
func (g *glot) sourceAt(cfg *config.Config, rev string) (map[string]bool, error) {
	file := path.Join(cfg.LocalesDir, locale.ActivePath(cfg.SourceLanguage))
	cmd := exec.Command("git", "-C", g.path(), "show", rev+":./"+file)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		msg := strings.TrimSpace(stderr.String())
		if strings.Contains(msg, "does not exist") || strings.Contains(msg, "exists on disk, but not in") {
			// The catalog did not exist then: everything is new since.
			return map[string]bool{}, nil
		}
		return nil, fmt.Errorf("--since %s: git show %s: %s", rev, file, firstLine(msg, err))
	}
	c, err := catalog.Parse(fmt.Sprintf("%s:%s", rev, file), out)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for id := range c.Messages {
		ids[id] = true
	}
	return ids, nil
}

func firstLine(s string, err error) string {
	if s == "" {
		return err.Error()
	}
	return strings.SplitN(s, "\n", 2)[0]
}
