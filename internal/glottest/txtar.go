package glottest

import (
	"path"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"
)

// FS reads the txtar archive at file (a path of the test's package
// folder, like testdata/site.txtar) as a file system, each file of the
// archive a file of it. A site written as one archive reads top to bottom
// in a review, where the same site built in Go is a map of byte slices.
func FS(t testing.TB, file string) fstest.MapFS {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return archiveFS(t, file, a)
}

// ParseFS reads an archive written in the test itself, for a fixture of a
// few lines that reads best beside the test that uses it.
func ParseFS(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	return archiveFS(t, "archive", txtar.Parse([]byte(archive)))
}

// Dir writes the archive at file into a new temporary folder, removed when
// the test ends, and returns the folder: for the tests that run glot on
// the disk, as its users do.
func Dir(t testing.TB, file string) string {
	t.Helper()
	a, err := txtar.ParseFile(file)
	if err != nil {
		t.Fatal(err)
	}
	checkNames(t, file, a)
	dir := t.TempDir()
	if err := txtar.Write(a, dir); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return dir
}

// archiveFS turns an archive into a file system. The archive's comment
// (the text before its first file) says what the fixture is for and is
// not a file.
func archiveFS(t testing.TB, file string, a *txtar.Archive) fstest.MapFS {
	t.Helper()
	checkNames(t, file, a)
	fsys := fstest.MapFS{}
	for _, f := range a.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// checkNames fails the test on a name an fs.FS could not hold (absolute,
// with .. or a trailing slash) or on a file given twice, for the second
// would silently replace the first.
func checkNames(t testing.TB, file string, a *txtar.Archive) {
	t.Helper()
	seen := map[string]bool{}
	for _, f := range a.Files {
		if f.Name != path.Clean(f.Name) || path.IsAbs(f.Name) || strings.HasPrefix(f.Name, "../") || f.Name == ".." {
			t.Fatalf("%s: file name %q is not a clean relative path", file, f.Name)
		}
		if seen[f.Name] {
			t.Fatalf("%s: %s is in the archive twice", file, f.Name)
		}
		seen[f.Name] = true
	}
}
