package cli

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/report"
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

// outputFiles writes the files of a report: to -o FILE, its parts (if it
// has any) in the folder beside it that report.PartsDir names, each
// atomically; or, without -o, the one file to standard output. The parts
// an earlier report left there that this one does not write are removed,
// so that the folder holds one report, not the pages of several.
//
// A parts folder is marked as one (reportMark): glot writes parts into,
// and removes files from, no folder it did not make for a report, so that
// -o content.html never touches content/.
func (g *glot) outputFiles(file string, files []report.File) error {
	if file == "" {
		for _, f := range files {
			if _, err := g.stdout.Write(f.Data); err != nil {
				return err
			}
		}
		return nil
	}
	file = g.userPath(file)
	dir := filepath.Dir(file)
	parts := filepath.Join(dir, filepath.FromSlash(report.PartsDir(filepath.Base(file))))
	mark := filepath.Join(parts, reportMark)
	_, err := os.Lstat(parts)
	exists := err == nil
	_, err = os.Lstat(mark)
	ours := err == nil
	if len(files) > 1 {
		if exists && !ours {
			return fmt.Errorf("-o %s: the report's pages go in %s, which exists and is not a glot report's: give another -o", display(file), display(parts))
		}
		if err := plan.WriteMade(mark, []byte(reportMarkText)); err != nil {
			return err
		}
	}
	written := map[string]bool{mark: len(files) > 1}
	// The parts first, the index last: an index never links to a part
	// not yet written.
	for i := len(files) - 1; i >= 0; i-- {
		name := filepath.Join(dir, filepath.FromSlash(files[i].Name))
		if err := plan.WriteMade(name, files[i].Data); err != nil {
			return err
		}
		written[name] = true
	}
	if !ours {
		return nil
	}
	var stale []string
	err = filepath.WalkDir(parts, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".html") || p == mark) && !written[p] {
			stale = append(stale, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range stale {
		if err := os.Remove(p); err != nil {
			return err
		}
		// A folder the removal emptied goes too; one that holds
		// anything else stays.
		for d := filepath.Dir(p); d != dir && strings.HasPrefix(d, parts); d = filepath.Dir(d) {
			if os.Remove(d) != nil {
				break
			}
		}
	}
	return nil
}

// reportMark is the file that marks a folder as the pages of a split
// report, which glot may rewrite and clear.
const (
	reportMark     = ".glot-report"
	reportMarkText = "This folder holds the pages of a report glot wrote (glot review, glot status --format html).\nglot rewrites it, and removes its pages, with the next report.\n"
)

// reportName returns the name of a report's index, and how it is laid
// out: one file on standard output, where there is nowhere to put parts;
// to a file, split when the site is large (see report.Layout).
func reportName(file, stdout string) (string, report.Layout) {
	if file == "" {
		return stdout, report.OneFile
	}
	return filepath.Base(file), report.Auto
}
