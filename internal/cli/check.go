package cli

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"path"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/report"
)

type checkOptions struct {
	langs []string
	reportOut
}

func newCheckCmd(g *glot) *cobra.Command {
	o := &checkOptions{}
	c := &cobra.Command{
		Use:   "check",
		Short: "Check the translations in force for mistakes; exit with status 1 on any error",
		Long: `Check looks at every translation in force beside its source: placeholders,
numbers (in the language's own digits and separators too), URLs, e-mail
addresses and phone numbers, the terms of glossary.toml, white space, final
punctuation, text left untranslated and lengths far off the source's. Each
finding has an id, a severity (error or warning), the language, the message,
and the page and line where it is used. Any error makes glot check exit with
status 1.`,
		Example: `  glot check
  glot check --lang es --format json
  glot check --format sarif -o glot.sarif`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, args []string) error { return runCheck(g, o) },
	}
	langsFlag(c, &o.langs)
	reportFlags(c, &o.reportOut, "text", "json", "github", "sarif")
	return c
}

func runCheck(g *glot, o *checkOptions) error {
	cfg, langs, err := g.configLangs(o.langs)
	if err != nil {
		return err
	}
	if err := o.checkFormat("check"); err != nil {
		return err
	}
	c, err := g.checker(cfg)
	if err != nil {
		return err
	}
	// The pages changed since the last extract are findings here, not
	// a warning.
	g.unextractedSaid = true
	src, tables, err := g.compiled(cfg, langs)
	if err != nil {
		return err
	}
	unextracted, err := g.unextractedFindings(cfg)
	if err != nil {
		return err
	}
	content := display(g.path(cfg.ContentDir))
	memo, err := g.findingsMemo(content)
	if err != nil {
		return err
	}
	r, err := report.Check(src, tables, c, content, memo)
	if err != nil {
		return err
	}
	if len(unextracted) > 0 {
		r.Findings = append(unextracted, r.Findings...)
	}
	if err := g.output(o.output, func(w io.Writer) error { return r.Write(w, o.format) }); err != nil {
		return err
	}
	if n := r.Count("", "error"); n > 0 {
		fmt.Fprintf(g.stderr, "glot: check: %s\n", plural(n, "error"))
		return silentError{}
	}
	return nil
}

// findingsMemo keeps the findings of each language in the cache, named by
// what they depend on: the language's compiled table, the glossary, and
// the content folder's name, which they print.
func (g *glot) findingsMemo(content string) (report.Memo, error) {
	glossary, err := g.hash(check.GlossaryFile, true)
	if err != nil {
		return nil, err
	}
	return findingsMemo{g, fmt.Sprintf("%x\x00%s", glossary, content)}, nil
}

type findingsMemo struct {
	g    *glot
	salt string
}

func (m findingsMemo) name(lang string) string {
	k, ok := m.g.tableKeys[lang]
	if !ok {
		return ""
	}
	h := sha256.Sum256([]byte(k + "\x00" + m.salt))
	return fmt.Sprintf("findings/%s-%x", lang, h[:16])
}

func (m findingsMemo) Get(lang string) ([]report.Finding, bool) {
	name := m.name(lang)
	if name == "" {
		return nil, false
	}
	data, err := os.ReadFile(m.g.cache().Path(name))
	if err != nil {
		return nil, false
	}
	var fs []report.Finding
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&fs) != nil {
		return nil, false
	}
	return fs, true
}

func (m findingsMemo) Put(lang string, fs []report.Finding) {
	name := m.name(lang)
	if name == "" {
		return
	}
	var buf bytes.Buffer
	if gob.NewEncoder(&buf).Encode(fs) == nil && m.g.cache().Put(name, buf.Bytes()) == nil {
		m.g.cache().Prune("findings", lang+"-", path.Base(name))
	}
}
