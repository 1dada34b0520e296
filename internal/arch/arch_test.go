// Package arch holds tests of the code's shape: the rules that keep glot a
// house a newcomer can find their way in. Its tests read the source of
// the repository and fail when a file, a function or an import breaks a
// rule, naming it; the allow-lists name the few exceptions, each with its
// reason.
package arch

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The limits. A file longer than maxFileLines holds more than one idea; a
// function longer than maxFuncLines, or with more than maxComplexity
// paths through it (cyclomatic complexity, as gocyclo counts it), does
// more than one step. Test files are held to the file limit; their
// functions are tables of cases, and are not measured.
const (
	maxFileLines  = 500
	maxFuncLines  = 80
	maxComplexity = 25
)

// allowed names the exceptions to the limits, by file ("internal/x/y.go")
// or by function ("internal/x/y.go:Name", methods as "Type.Name"), with
// the reason each stays as it is.
var allowed = map[string]string{}

// toSplit marks what is still to be split: the list shrinks to the
// exceptions with a reason of their own.
const toSplit = "not yet split"

// root is the repository's root, from this package's folder.
const root = "../.."

func TestSizes(t *testing.T) {
	fset := token.NewFileSet()
	var over []string
	used := map[string]bool{}
	check := func(key string, bad bool, what string) {
		if !bad {
			return
		}
		if _, ok := allowed[key]; ok {
			used[key] = true
			return
		}
		over = append(over, key+": "+what)
	}
	for _, dir := range []string{"internal", "cmd"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			lines := strings.Count(string(data), "\n")
			check(rel, lines > maxFileLines, fmt.Sprintf("%d lines (at most %d)", lines, maxFileLines))
			if strings.HasSuffix(p, "_test.go") {
				return nil
			}
			f, err := parser.ParseFile(fset, p, data, 0)
			if err != nil {
				return err
			}
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Body == nil {
					continue
				}
				key := rel + ":" + funcName(fd)
				n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
				check(key, n > maxFuncLines, fmt.Sprintf("%d lines (at most %d)", n, maxFuncLines))
				c := complexity(fd)
				check(key, c > maxComplexity, fmt.Sprintf("complexity %d (at most %d)", c, maxComplexity))
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	slices.Sort(over)
	for _, o := range over {
		t.Errorf("%s: split it, or name the reason it stays in the allow-list", o)
	}
	for key := range allowed {
		if !used[key] {
			t.Errorf("%s is allowed, but is within the limits: remove it from the allow-list", key)
		}
	}
}

// funcName is a function's name, with its receiver's type for a method.
func funcName(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return fd.Name.Name
	}
	typ := fd.Recv.List[0].Type
	if s, ok := typ.(*ast.StarExpr); ok {
		typ = s.X
	}
	if ix, ok := typ.(*ast.IndexExpr); ok {
		typ = ix.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name + "." + fd.Name.Name
	}
	return fd.Name.Name
}

// complexity is the cyclomatic complexity of a function as gocyclo counts
// it: one, plus one for each if, for, case and && or ||. Function literals
// inside it count towards it: they are written there.
func complexity(fn ast.Node) int {
	c := 1
	ast.Inspect(fn, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
			c++
		case *ast.CaseClause:
			if n.List != nil {
				c++
			}
		case *ast.CommClause:
			if n.Comm != nil {
				c++
			}
		case *ast.BinaryExpr:
			if n.Op == token.LAND || n.Op == token.LOR {
				c++
			}
		}
		return true
	})
	return c
}

func TestComplexity(t *testing.T) {
	src := `package p
func f(a, b bool, xs []int) {
	if a && b || !a {
	}
	for range xs {
		switch {
		case a:
		case b:
		default:
		}
	}
}`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	// 1, the if, && and ||, the range, two cases (default is none).
	if got := complexity(f.Decls[0]); got != 7 {
		t.Errorf("complexity = %d, want 7", got)
	}
}

// The layers of the code map (README, "Code"): a foundation imports only
// foundations, config alone reads a stage's rules (segment's), and no
// stage imports a face.
var (
	foundations = []string{"config", "content", "catalog", "ledger", "langtag", "msgtext", "msgid", "check", "tm",
		"layout", "hugo", "shortcode", "pseudo", "lcs", "option", "fileerr", "cache", "progress", "parallel"}
	faces = []string{"cli", "project", "serve"}
	// mayImport names the imports across layers that the code map allows.
	mayImport = map[string]string{"config segment": "segment owns glot.toml's [extract] and [limits] tables (segment.Extract, segment.Limits), which config decodes and checks"}
)

func TestLayers(t *testing.T) {
	for _, pkg := range packages(t) {
		for _, imp := range imports(t, pkg) {
			switch {
			case slices.Contains(foundations, pkg) && !slices.Contains(foundations, imp) && mayImport[pkg+" "+imp] == "":
				t.Errorf("internal/%s, a foundation, imports internal/%s, which is not one", pkg, imp)
			case !slices.Contains(faces, pkg) && slices.Contains(faces, imp):
				t.Errorf("internal/%s imports internal/%s, a face", pkg, imp)
			}
		}
	}
}

// packages lists the packages under internal/ that have code.
func packages(t *testing.T) []string {
	entries, err := os.ReadDir(filepath.Join(root, "internal"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name())
		}
	}
	return out
}

// imports lists the packages under internal/ that package pkg's code (not
// its tests) imports, by name.
func imports(t *testing.T, pkg string) []string {
	return importsIn(t, filepath.Join(root, "internal", pkg))
}

// importsIn lists the packages under internal/ that the code (not the
// tests) in folder dir imports, by name.
func importsIn(t *testing.T, dir string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "github.com/glot-i18n/glot/internal/"
	seen := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, is := range af.Imports {
			if p := strings.Trim(is.Path.Value, `"`); strings.HasPrefix(p, prefix) {
				seen[strings.SplitN(strings.TrimPrefix(p, prefix), "/", 2)[0]] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(seen))
}
