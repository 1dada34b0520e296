// Package cli owns glot's command line: the cobra commands, their flags,
// reading and writing files, exit codes and how errors are printed. The
// work itself is done by the pipeline packages, which never print and never
// exit.
package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/check"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/progress"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // the command failed
	exitUsage = 2 // the command line was wrong
)

// Main runs glot with the process's arguments and returns its exit code.
func Main() int {
	return Run(os.Args[1:], os.Stdout, os.Stderr)
}

// Run runs glot with args, printing to stdout and stderr, and returns the
// exit code. Every error is printed here, once.
func Run(args []string, stdout, stderr io.Writer) int {
	tuneGC()
	if stop := profile(stderr); stop != nil {
		defer stop()
	}
	g := &glot{stdout: stdout, stderr: stderr, args: args}
	root := newRoot(g)
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	g.done()
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(stderr, "glot: %v\n", ue.err)
		return exitUsage
	}
	// A stage refused a value given on the command line: the command
	// line is wrong, and the flag is named as it was given.
	var oe *option.Error
	if errors.As(err, &oe) {
		fmt.Fprintf(stderr, "glot: --%s %q: %v\n", oe.Name, oe.Value, oe.Err)
		return exitUsage
	}
	var se silentError
	if !errors.As(err, &se) {
		for _, e := range flatten(err) {
			fmt.Fprintf(stderr, "glot: %v\n", e)
		}
	}
	return exitError
}

// flatten splits joined errors so each is printed on its own line.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }

// silentError fails the command after it has printed its own diagnostics.
type silentError struct{}

func (silentError) Error() string { return "failed" }

// glot holds what every command shares.
type glot struct {
	dir            string // -C
	stdout, stderr io.Writer
	quiet          bool              // -q
	verbose        bool              // -v
	json           bool              // --format json: stdout holds one JSON object
	warnings       []string          // every warning printed, for --format json
	c              *cache.Cache      // see cache()
	open           []io.Closer       // compiled catalogs, closed when the command ends
	tableKeys      map[string]string // the cache key of each language's compiled table
	gloss          *check.Glossary   // see glossary()
	glossRead      bool
	args           []string        // the command line, for the write lock's card
	wlock          *plan.WriteLock // see lockWrite
	rlock          *plan.ReadLock  // see lockRead
	rootMu         sync.Mutex
	siteRoot       *os.Root // see root()
	warned         map[string]bool
	// unextractedSaid says that the command has dealt with the pages
	// changed since the last glot extract (see sayUnextracted).
	unextractedSaid bool
	extracted       []string // pages extracted first (see extractFirst)
	srcKey          string   // the cache key of the compiled source (see compiled)
	unextractedLeft bool     // pages changed since the last extract were only warned of
}

// done releases what the command opened and saves what the cache learned.
func (g *glot) done() {
	g.closeOpen()
	g.releaseLocks()
	if g.siteRoot != nil {
		g.siteRoot.Close()
		g.siteRoot = nil
	}
	if g.c != nil {
		_ = g.c.Close() // a cache that cannot be saved only costs time
	}
}

// closeOpen closes the compiled catalogs the command opened.
func (g *glot) closeOpen() {
	for _, c := range g.open {
		c.Close()
	}
	g.open = nil
}

// bar is a progress line; see progress.
type bar struct{ b *progress.Bar }

func (b bar) set(done, total int) { b.b.Set(done, total) }
func (b bar) done()               { b.b.Done() }

// progress returns a progress line for work counted in unit. It shows only
// when standard output and standard error are both a terminal, and -q was
// not given: a log or a pipe gets the command's own lines and nothing else.
func (g *glot) progress(label, unit string) bar {
	return bar{progress.New(g.stderr, !g.quiet && isTerminal(g.stdout) && isTerminal(g.stderr), label, unit)}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func newRoot(g *glot) *cobra.Command {
	root := &cobra.Command{
		Use:   "glot",
		Short: "glot localizes Markdown and HTML sites through go-i18n message catalogs",
		Long: `glot extracts the translatable text of a site's pages into go-i18n message
catalogs, merges translators' work back without ever losing a translation,
and builds localized HTML and Markdown pages for every language.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVarP(&g.dir, "directory", "C", "", "run as if glot was started in `DIR`")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "print no progress line, only what the command has to say")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "list each file written or removed where the command would count them (glot extract's bookkeeping)")
	_ = root.RegisterFlagCompletionFunc("directory", func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})
	// The cache is written to at will, so it must be a folder of the site:
	// a link committed as .glot-cache would have every command write
	// where the link leads.
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error {
		if fi, err := os.Lstat(g.path(cache.Dir)); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			target, _ := os.Readlink(g.path(cache.Dir))
			return fmt.Errorf("%s: symbolic link to %q: glot keeps its cache only in a folder of the site; remove the link", display(g.path(cache.Dir)), target)
		}
		return nil
	}
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newInitCmd(g), newExtractCmd(g), newMergeCmd(g), newBuildCmd(g), newStatusCmd(g),
		newDiffCmd(g), newCheckCmd(g), newReviewCmd(g), newApproveCmd(g), newExportCmd(g), newImportCmd(g), newServeCmd(g),
		newLangCmd(g), newVersionCmd())
	root.Version = version()
	root.SetVersionTemplate("glot version {{.Version}}\n")
	// Cobra adds its completion command only when the command line runs;
	// added now, its arguments are checked as every other command's.
	root.InitDefaultCompletionCmd()
	completions(g, root)
	// The root command runs (it shows the help), so that cobra checks its
	// arguments as any command's: a word that names no command is a
	// wrong command line.
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		hint := "see 'glot --help'"
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			hint = "did you mean " + orList(s) + "?"
		}
		return &usageError{fmt.Errorf("unknown command %q (%s)", args[0], hint)}
	}
	root.RunE = func(c *cobra.Command, args []string) error { return c.Help() }
	for _, c := range root.Commands() {
		if c.Name() == "completion" {
			// So with glot completion: glot completion tcsh is wrong.
			c.RunE = root.RunE
		}
	}
	root.SuggestionsMinimumDistance = 2
	usageArgs(root)
	return root
}

// usageArgs makes the errors of the argument checks of c and every command
// under it usage errors: a missing file or a word too many is a wrong
// command line, as a wrong flag is.
func usageArgs(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			err := check(cmd, args)
			var ue *usageError
			if errors.As(err, &ue) {
				return err
			}
			if err != nil {
				return &usageError{fmt.Errorf("%w (see '%s --help')", err, cmd.CommandPath())}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageArgs(sub)
	}
}

// path returns p inside the site folder.
func (g *glot) path(p ...string) string {
	dir := g.dir
	if dir == "" {
		dir = "."
	}
	return filepath.Join(append([]string{dir}, p...)...)
}

// userPath resolves a path given on the command line: relative to the site
// folder, as if glot had been started there.
func (g *glot) userPath(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return g.path(p)
}

// config reads the site's glot.toml.
func (g *glot) config() (*config.Config, error) {
	file := g.path(config.File)
	data, err := g.readFile(config.File)
	if errors.Is(err, os.ErrNotExist) {
		where := g.dir
		if where == "" {
			where = "."
		}
		return nil, fmt.Errorf("no %s in %s: run glot init to start a site, or -C DIR to point at one", config.File, where)
	}
	if err != nil {
		return nil, err
	}
	cfg, err := config.Parse(display(file), data)
	if err != nil {
		return nil, err
	}
	if err := g.checkLocaleNames(cfg); err != nil {
		return nil, err
	}
	return cfg, nil
}

// checkLocaleNames refuses, or warns of, message files in the locales
// folder that glot would not read (see locale.CheckNames). Each warning is
// printed once per command: glot serve reads glot.toml again for every
// build.
func (g *glot) checkLocaleNames(cfg *config.Config) error {
	fsys, err := g.in(cfg.LocalesDir)
	if err != nil {
		return err
	}
	warnings, err := locale.CheckNames(fsys, display(g.path(cfg.LocalesDir)), cfg.SourceLanguage, cfg.Languages)
	for _, w := range warnings {
		if !g.warned[w] {
			if g.warned == nil {
				g.warned = map[string]bool{}
			}
			g.warned[w] = true
			g.warnf("%s", w)
		}
	}
	return err
}

// locales loads the site's locales folder. With extracted set, it fails
// if there is no source catalog yet.
func (g *glot) locales(cfg *config.Config, extracted bool) (*locale.Site, error) {
	dir, err := g.localesDir(cfg)
	if err != nil {
		return nil, err
	}
	fsys, err := g.in(cfg.LocalesDir)
	if err != nil {
		return nil, err
	}
	s, err := locale.Load(fsys, display(dir), cfg.SourceLanguage)
	if err == nil && extracted && !s.HasSource {
		return nil, fmt.Errorf("%s does not exist: run glot extract first", display(filepath.Join(dir, locale.ActivePath(cfg.SourceLanguage))))
	}
	if err != nil {
		return nil, err
	}
	if s.Glossary, err = g.glossary(cfg); err != nil {
		return nil, err
	}
	return s, nil
}

// oneLang reads the --lang of a command that works on one language (cmd),
// and loads the site's catalogs and that language's files.
func (g *glot) oneLang(cfg *config.Config, cmd, flag string) (*locale.Site, *locale.Lang, error) {
	if flag == "" {
		return nil, nil, &usageError{fmt.Errorf("--lang is required: glot %s works on one language", cmd)}
	}
	langs, err := selectLangs(cfg, []string{flag}, false)
	if err != nil {
		return nil, nil, err
	}
	if len(langs) != 1 {
		return nil, nil, &usageError{fmt.Errorf("--lang: glot %s takes one language", cmd)}
	}
	site, err := g.locales(cfg, true)
	if err != nil {
		return nil, nil, err
	}
	l, err := site.Lang(langs[0])
	if err != nil {
		return nil, nil, err
	}
	return site, l, nil
}

// layouts returns the site's layouts folder, or nil when it has none.
func (g *glot) layouts() (fs.FS, error) {
	fsys, err := g.in("layouts")
	if err != nil {
		return nil, err
	}
	if fi, err := fs.Stat(fsys, "."); err != nil || !fi.IsDir() {
		return nil, nil
	}
	return fsys, nil
}

// plural writes a count and a noun, "1 page", "2 pages".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// display names a path in a message (see fileerr.Name).
func display(p string) string { return fileerr.Name(p) }

// langsFlag adds --lang.
func langsFlag(c *cobra.Command, v *[]string) {
	c.Flags().StringSliceVar(v, "lang", nil, "work on these languages only (default: every language of glot.toml)")
	nameValue(c.Flags(), "lang", "L[,L...]")
}

// nameValue gives flag's value the name the help shows after the flag
// (--lang L[,L...]). Cobra's own way, a back-quoted word of the usage
// text, shows that word twice ("--format text  text, json or html"); the
// name given here is shown once, and the text says the rest.
func nameValue(fs *pflag.FlagSet, flag, name string) {
	f := fs.Lookup(flag)
	f.Value = named{f.Value, name}
	// A list's default shows as the list, "html,md", and an empty one
	// not at all.
	f.DefValue = strings.TrimSuffix(strings.TrimPrefix(f.DefValue, "["), "]")
}

// named is a flag's value with a name for the help (see nameValue).
type named struct {
	pflag.Value
	name string
}

func (n named) Type() string { return n.name }

// reportOut is the --format and -o of a command that writes a report.
type reportOut struct {
	format, output string
	formats        []string // what the command writes, its default first
}

// reportFlags adds --format, one of formats (the first by default), and
// -o FILE.
func reportFlags(c *cobra.Command, r *reportOut, formats ...string) {
	r.formats = formats
	c.Flags().StringVar(&r.format, "format", formats[0], "the report's format")
	nameValue(c.Flags(), "format", strings.Join(formats, "|"))
	c.Flags().StringVarP(&r.output, "output", "o", "", "write the report to `FILE` instead of standard output")
}

// checkFormat refuses a --format the command does not write.
func (r *reportOut) checkFormat(cmd string) error {
	for _, f := range r.formats {
		if r.format == f {
			return nil
		}
	}
	return &usageError{fmt.Errorf("--format %q: glot %s writes %s", r.format, cmd, orList(r.formats))}
}

// orList writes "a, b or c".
func orList(ss []string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " or " + ss[len(ss)-1]
}

// configLangs reads glot.toml and the --lang of a command that works on
// the site's languages (all of them by default).
func (g *glot) configLangs(flag []string) (*config.Config, []string, error) {
	cfg, err := g.config()
	if err != nil {
		return nil, nil, err
	}
	langs, err := selectLangs(cfg, flag, false)
	if err != nil {
		return nil, nil, err
	}
	return cfg, langs, nil
}

// selectLangs validates --lang.
func selectLangs(cfg *config.Config, flag []string, pseudo bool) ([]string, error) {
	langs, err := cfg.Select(flag, pseudo)
	if err != nil {
		return nil, &usageError{fmt.Errorf("--lang: %w", err)}
	}
	return langs, nil
}

// warnf prints a warning, and keeps it for a JSON report.
func (g *glot) warnf(format string, args ...any) {
	w := fmt.Sprintf(format, args...)
	g.warnings = append(g.warnings, w)
	fmt.Fprintf(g.stderr, "glot: warning: %s\n", w)
}
