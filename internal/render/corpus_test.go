package render

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/glottest"
	"github.com/glot-i18n/glot/internal/pseudo"
	"github.com/glot-i18n/glot/internal/segment"
)

// TestCorpus runs the structure check of TestSpecStructure over real pages
// that are not glot's: the Markdown and HTML files that ship with Go
// itself (found with go env GOROOT), and those under the folders listed in
// $GLOT_CORPUS (separated by the system's list separator), for checking
// glot against a site before pointing it there.
func TestCorpus(t *testing.T) {
	glottest.Slow(t, "it walks every Markdown and HTML file of GOROOT")
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	roots := []string{strings.TrimSpace(string(goroot))}
	if extra := os.Getenv("GLOT_CORPUS"); extra != "" {
		roots = append(roots, filepath.SplitList(extra)...)
	}
	pages := 0
	for _, root := range roots {
		err := filepath.WalkDir(root, func(f string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return fs.SkipDir
			}
			ext := filepath.Ext(f)
			if d.IsDir() || ext != ".md" && ext != ".html" {
				return nil
			}
			pages++
			checkPage(t, f)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if pages < 20 {
		t.Errorf("only %d pages found under %v", pages, roots)
	}
	t.Logf("%d pages checked", pages)
}

func checkPage(t *testing.T, f string) {
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	html := strings.HasSuffix(f, ".html")
	var p *segment.Page
	if html {
		p, err = segment.HTML(src, nil)
	} else {
		p, err = segment.Markdown(src, nil)
	}
	if err != nil {
		t.Logf("%s: not a page glot reads: %v", f, err)
		return
	}
	for _, sk := range p.Skipped {
		t.Logf("%s:%d: left untranslated: %s", f, sk.Line, sk.Reason)
	}
	tr := pseudoTr{}
	for _, s := range p.Segments {
		tr[s.ID] = pseudo.Translate("en-XA", s.Text)
	}
	out, fb := Splice(src, p.Segments, tr)
	if len(fb) > 0 {
		t.Errorf("%s: translation refused: %s", f, fb[0].Reason)
		return
	}
	var want, got string
	if html {
		want, got = string(src), string(out)
	} else {
		want, got = bodyHTMLRaw(t, src), bodyHTMLRaw(t, out)
	}
	if problem := sameStructure(want, got); problem != "" {
		t.Errorf("%s: %s", f, problem)
	}
}
