// Package cli owns glot's command line: the cobra commands, their flags,
// exit codes and how errors are printed. Each command maps its flags to
// the options of one function of internal/project, which reads and
// writes the site, and says what it returns; neither the project nor the
// stages under it print or exit.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/progress"
	"github.com/glot-i18n/glot/internal/project"
	"github.com/glot-i18n/glot/internal/report"
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
		if oe.Name == "" {
			fmt.Fprintf(stderr, "glot: %v\n", oe.Err)
		} else {
			fmt.Fprintf(stderr, "glot: --%v\n", oe)
		}
		return exitUsage
	}
	var se silentError
	if !errors.As(err, &se) {
		for _, e := range fileerr.Split(err) {
			fmt.Fprintf(stderr, "glot: %v\n", e)
		}
	}
	return exitError
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
	quiet          bool     // -q
	verbose        bool     // -v
	json           bool     // --format json: stdout holds one JSON object
	warnings       []string // every warning printed, for --format json
	args           []string // the command line, for the write lock's card
	s              *project.Site
}

// site returns the site glot runs in, opened once per command; done
// closes it.
func (g *glot) site() *project.Site {
	if g.s == nil {
		g.s = project.Open(g.dir, g.args, project.Hooks{
			Warn: func(msg string) { g.warnf("%s", msg) },
			Say: func(line string) {
				if !g.json {
					fmt.Fprintln(g.stdout, line)
				}
			},
			Progress: func(label, unit string) project.Progress { return g.progress(label, unit) },
			Verbose:  g.verbose,
		})
	}
	return g.s
}

// done releases what the command opened and saves what the cache learned.
func (g *glot) done() {
	if g.s != nil {
		g.s.Close()
		g.s = nil
	}
}

// progress returns a progress line for work counted in unit. It shows only
// when standard output and standard error are both a terminal, and -q was
// not given: a log or a pipe gets the command's own lines and nothing else.
func (g *glot) progress(label, unit string) *progress.Bar {
	return progress.New(g.stderr, !g.quiet && isTerminal(g.stdout) && isTerminal(g.stderr), label, unit)
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
	root.PersistentPreRunE = func(c *cobra.Command, args []string) error { return project.CheckCache(g.path()) }
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{fmt.Errorf("%w (see '%s --help')", err, c.CommandPath())}
	})
	root.AddCommand(newInitCmd(g), newExtractCmd(g), newMergeCmd(g), newBuildCmd(g), newStatusCmd(g),
		newDiffCmd(g), newCheckCmd(g), newReviewCmd(g), newApproveCmd(g), newExportCmd(g), newImportCmd(g), newServeCmd(g), newEditCmd(g),
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
			hint = "did you mean " + report.OrList(s) + "?"
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
	return &usageError{fmt.Errorf("--format %q: glot %s writes %s", r.format, cmd, report.OrList(r.formats))}
}

// warnf prints a warning, and keeps it for a JSON report.
func (g *glot) warnf(format string, args ...any) {
	w := fmt.Sprintf(format, args...)
	g.warnings = append(g.warnings, w)
	fmt.Fprintf(g.stderr, "glot: warning: %s\n", w)
}
