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
var allowed = map[string]string{
	"internal/catalog/catalog.go":               toSplit,
	"internal/cli/build.go":                     toSplit,
	"internal/cli/build.go:runBuild":            toSplit,
	"internal/cli/compiled.go:glot.compiled":    toSplit,
	"internal/cli/init.go:runInit":              toSplit,
	"internal/cli/merge.go:runMergeWith":        toSplit,
	"internal/cli/outputs.go":                   toSplit,
	"internal/cli/state.go:glot.inputs":         toSplit,
	"internal/config/config.go":                 toSplit,
	"internal/config/config.go:Config.validate": toSplit,
	"internal/extract/extract.go:Run":           toSplit,
	"internal/hugo/config.go:Load":              toSplit,
	"internal/render/shortcodes.go:Doc.protect": toSplit,
	"internal/site/html.go":                     toSplit,
	"internal/site/html.go:builder.html":        toSplit,
	"internal/site/multilingual_test.go":        toSplit,
	"internal/site/site.go:Build":               toSplit,
	"internal/site/site_test.go":                toSplit,
	"internal/site/ui.go:newUI":                 toSplit,
	"internal/tm/tm.go":                         toSplit,
	"internal/tm/tm.go:Memory.search":           toSplit,
	"internal/verdict/source.go:EncodeSource":   toSplit,
	"internal/verdict/table.go":                 toSplit,
	"internal/verdict/table.go:Encode":          toSplit,
}

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
