package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path"
	"strings"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
)

// What extract, merge and build did, said as text for a person or, with
// --format json, as one JSON object on standard output for a script. In
// JSON, standard output holds that object and nothing else; warnings and
// errors still go to standard error, and the warnings are in the object too.

// doneFlag adds --format text|json to a command that says what it did.
func doneFlag(c *cobra.Command, v *string) {
	c.Flags().StringVar(v, "format", "text", "how to say what was done: json for a script")
	nameValue(c.Flags(), "format", "text|json")
}

// outputFlag adds -o FILE to a command that says what it did: what it
// would print on standard output, text or JSON, goes to FILE instead,
// written whole once the command ends, and even when it fails, for what
// it says then (a merge's refusals) is what a script wants to read.
func outputFlag(g *glot, c *cobra.Command) {
	var file string
	c.Flags().StringVarP(&file, "output", "o", "", "write what was done to `FILE` instead of standard output")
	run := c.RunE
	c.RunE = func(cmd *cobra.Command, args []string) error {
		if file == "" {
			return run(cmd, args)
		}
		var buf bytes.Buffer
		out := g.stdout
		g.stdout = &buf
		err := run(cmd, args)
		g.stdout = out
		if werr := plan.WriteFile(g.userPath(file), buf.Bytes()); werr != nil && err == nil {
			err = werr
		}
		return err
	}
}

// setFormat reads the --format of doneFlag.
func (g *glot) setFormat(cmd, format string) error {
	switch format {
	case "text":
	case "json":
		g.json = true
	default:
		return &usageError{fmt.Errorf("--format %q: glot %s says what it did as text or json", format, cmd)}
	}
	return nil
}

// writeJSON writes v as the command's JSON report.
func (g *glot) writeJSON(v any) error {
	enc := json.NewEncoder(g.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// files are the files a command wrote and removed, as paths from the
// folder glot runs in (or -C): "locales/active.en.toml".
type files struct {
	DryRun  bool     `json:"dry_run"`
	Written []string `json:"written"`
	Removed []string `json:"removed"`
}

// planFiles lists the files of plan p, carried out under root.
func planFiles(root string, p plan.Plan, dryRun bool) files {
	f := files{DryRun: dryRun, Written: []string{}, Removed: []string{}}
	for _, w := range p.Writes {
		f.Written = append(f.Written, path.Join(display(root), w.Path))
	}
	for _, r := range p.Removes {
		f.Removed = append(f.Removed, path.Join(display(root), r))
	}
	return f
}

// bookkeeping is the folder of glot's own files in the locales folder.
const bookkeeping = ".glot/"

// sayFiles prints the files of plan p, carried out under root, one line
// each. With brief, the files of glot's bookkeeping (one a page) are
// counted instead, unless -v asks for the list: a site of 500 pages would
// otherwise have 500 lines. In JSON, it prints nothing.
func (g *glot) sayFiles(root string, p plan.Plan, dryRun, brief bool) {
	if g.json {
		return
	}
	verb := map[bool]string{false: "wrote", true: "would write"}[dryRun]
	rm := map[bool]string{false: "removed", true: "would remove"}[dryRun]
	brief = brief && !g.verbose
	var wrote, removed int
	for _, f := range p.Writes {
		if brief && strings.HasPrefix(f.Path, bookkeeping) {
			wrote++
			continue
		}
		fmt.Fprintf(g.stdout, "  %s %s\n", verb, path.Join(display(root), f.Path))
	}
	for _, f := range p.Removes {
		if brief && strings.HasPrefix(f, bookkeeping) {
			removed++
			continue
		}
		fmt.Fprintf(g.stdout, "  %s %s\n", rm, path.Join(display(root), f))
	}
	where := path.Join(display(root), bookkeeping) + "/"
	if wrote > 0 {
		fmt.Fprintf(g.stdout, "  %s %s in %s (-v lists them)\n", verb, report.Plural(wrote, "file"), where)
	}
	if removed > 0 {
		fmt.Fprintf(g.stdout, "  %s %s in %s (-v lists them)\n", rm, report.Plural(removed, "file"), where)
	}
}
