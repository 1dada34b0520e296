package arch

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// cliMayImport are the packages of internal/ the command line imports,
// with the reason for each: it maps flags to a command's options, calls
// the project for it, and says what it returns. Anything else it would
// need is the project's to offer.
var cliMayImport = map[string]string{
	"project":  "the seam: one function per command",
	"report":   "the words and formats of what the commands print",
	"plan":     "writing -o files atomically, and listing a plan's files",
	"progress": "the progress line on a terminal",
	"fileerr":  "naming files in messages, and printing joined errors a line each",
	"option":   "telling a wrong option (exit status 2) from a failure (1)",
	"langtag":  "completing --lang with the pseudo-languages",
	"serve":    "the face glot serve starts, which also checks --addr",
}

// The command line reaches the stages only through the project, and
// cmd/glot only through the command line.
func TestCommandLineImports(t *testing.T) {
	for _, imp := range imports(t, "cli") {
		if cliMayImport[imp] == "" {
			t.Errorf("internal/cli imports internal/%s: reach it through internal/project (or name the reason in cliMayImport)", imp)
		}
	}
	for imp, why := range cliMayImport {
		if !slices.Contains(imports(t, "cli"), imp) {
			t.Errorf("cliMayImport names internal/%s (%s), which internal/cli no longer imports: remove it", imp, why)
		}
	}
	if got := importsIn(t, filepath.Join(root, "cmd", "glot")); !slices.Equal(got, []string{"cli"}) {
		t.Errorf("cmd/glot imports %v, want internal/cli alone", got)
	}
}

// The README's code map names every package under internal/, and none
// that is not there.
func TestCodeMap(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, code, ok := strings.Cut(string(readme), "\n## Code\n")
	if !ok {
		t.Fatal("README.md has no section ## Code")
	}
	_, block, _ := strings.Cut(code, "```\n")
	block, _, _ = strings.Cut(block, "```")
	var named []string
	for _, m := range regexp.MustCompile(`(?m)^\s+internal/([a-z0-9]+)\s`).FindAllStringSubmatch(block, -1) {
		named = append(named, m[1])
	}
	if len(named) == 0 {
		t.Fatal("the code map names no package")
	}
	pkgs := packages(t)
	for _, p := range pkgs {
		if !slices.Contains(named, p) {
			t.Errorf("the README's code map does not name internal/%s", p)
		}
	}
	for _, n := range named {
		if !slices.Contains(pkgs, n) {
			t.Errorf("the README's code map names internal/%s, which does not exist", n)
		}
	}
	for _, layer := range []string{"faces", "stages", "foundations", "tests"} {
		if !regexp.MustCompile(`(?m)^` + layer + `\s`).MatchString(block) {
			t.Errorf("the code map has no layer %q", layer)
		}
	}
}
