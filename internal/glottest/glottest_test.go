package glottest

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// recorder is a testing.TB that keeps what a helper reports, so that the
// kit's failures can be tested as well as its passes.
type recorder struct {
	testing.TB
	failed  bool
	fatal   string
	errored string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.failed = true
	r.errored = format
}

func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = true
	r.fatal = format
	panic(r)
}

func (r *recorder) Name() string { return "TestX" }

// run calls f with a recorder, which stops at the first Fatalf as the
// testing package does.
func run(t *testing.T, f func(testing.TB)) (r *recorder) {
	r = &recorder{TB: t}
	defer func() {
		if p := recover(); p != nil && p != r {
			panic(p)
		}
	}()
	f(r)
	return r
}

func TestFS(t *testing.T) {
	fsys := FS(t, "testdata/site.txtar")
	data, err := fs.ReadFile(fsys, "locales/active.en.toml")
	if err != nil || string(data) != "a-text = \"Text.\"\n" {
		t.Fatalf("locales/active.en.toml = %q, %v", data, err)
	}
	// The comment is not a file, and folders are there for fs.WalkDir.
	var names []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		names = append(names, p)
		return err
	})
	if got := strings.Join(names, " "); got != ". content content/a.md locales locales/active.en.toml" {
		t.Errorf("walk: %s", got)
	}
}

func TestDir(t *testing.T) {
	dir := Dir(t, "testdata/site.txtar")
	data, err := os.ReadFile(filepath.Join(dir, "content", "a.md"))
	if err != nil || string(data) != "# A\n\nText.\n" {
		t.Fatalf("content/a.md = %q, %v", data, err)
	}
}

// A name an fs.FS cannot hold, or a file given twice, fails the test
// rather than losing a file of the fixture.
func TestBadArchives(t *testing.T) {
	for name, archive := range map[string]string{
		"twice":    "-- a.md --\nA\n-- a.md --\nB\n",
		"dotdot":   "-- ../a.md --\nA\n",
		"absolute": "-- /a.md --\nA\n",
		"unclean":  "-- x/./a.md --\nA\n",
	} {
		t.Run(name, func(t *testing.T) {
			if r := run(t, func(tb testing.TB) { ParseFS(tb, archive) }); !r.failed {
				t.Errorf("ParseFS accepted %q", archive)
			}
		})
	}
}

func TestGolden(t *testing.T) {
	if *update {
		t.Skip("the kit's own golden file is fixed: it tests the comparison")
	}
	if r := run(t, func(tb testing.TB) { Golden(tb, "testdata/two-lines.golden", []byte("line one\nline two\n")) }); r.failed {
		t.Errorf("equal output failed: %s%s", r.fatal, r.errored)
	}
	if r := run(t, func(tb testing.TB) { Golden(tb, "testdata/two-lines.golden", []byte("line one\nline 2\n")) }); !r.failed || !strings.Contains(r.errored, "go test -update") {
		t.Errorf("changed output: failed %v with %q", r.failed, r.errored)
	}
	if r := run(t, func(tb testing.TB) { Golden(tb, "testdata/none.golden", nil) }); !r.failed || !strings.Contains(r.fatal, "-update writes it") {
		t.Errorf("missing golden file: failed %v with %q", r.failed, r.fatal)
	}
}

func TestLineDiff(t *testing.T) {
	for _, tc := range []struct{ want, got, diff string }{
		{"a\nb\n", "a\nb\n", ""},
		{"a\nb\n", "a\nc\n", "line 2:\n  want \"b\"\n  got  \"c\"\n"},
		{"a\n", "a\nb\n", "line 2:\n  want \"\"\n  got  \"b\"\nline 3:\n  want (end of text)\n  got  \"\"\n"},
	} {
		if d := LineDiff(tc.want, tc.got); d != tc.diff {
			t.Errorf("LineDiff(%q, %q) =\n%s\nwant\n%s", tc.want, tc.got, d, tc.diff)
		}
	}
}

func TestCommonMark(t *testing.T) {
	ex := CommonMark(t)
	if len(ex) != 652 || ex[0].Example != 1 {
		t.Errorf("%d examples, the first numbered %d", len(ex), ex[0].Example)
	}
}

func TestSlow(t *testing.T) {
	ran := false
	t.Run("slow", func(t *testing.T) {
		Slow(t, "it is slow")
		ran = true
	})
	if ran == testing.Short() {
		t.Errorf("under -short=%v the slow test ran: %v", testing.Short(), ran)
	}
}

// The kit is for tests: a package of glot that imported it outside its
// _test.go files would put the -update flag, and testing itself, into the
// glot binary.
func TestOnlyTestsImportTheKit(t *testing.T) {
	// The kit, and its browser: the kit's own packages may import each
	// other, nothing else but tests may import them.
	const kit = `"github.com/glot-i18n/glot/internal/glottest`
	var users []string
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && p != "../..") {
			return fs.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || strings.HasPrefix(filepath.ToSlash(p), "../../internal/glottest/") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(data), kit) {
			users = append(users, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(users) > 0 {
		t.Errorf("imported outside tests by %v", users)
	}
}
