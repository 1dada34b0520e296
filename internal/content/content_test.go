package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/fileerr"
)

func TestWalk(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"index.md":                   {},
		"_index.md":                  {},
		"guide/setup.md":             {},
		"guide/page.html":            {},
		"guide/notes.MD":             {},
		"img/logo.png":               {},
		".git/config":                {},
		"_drafts/x.md":               {},
		"_partial.md":                {},
		"guide/.hidden.md":           {},
		"docs/api.markdown":          {},
		"styles/site.css":            {},
		"downloads/data.csv":         {},
		"docs/_common/index.md":      {},
		"docs/_common/note.md":       {},
		"docs/_common/diagram.svg":   {},
		"docs/_index.md":             {},
		"docs/_includes/deep/tip.md": {},
		"docs/_includes/.draft.md":   {},
	}
	pages, assets, err := Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	// Pages in folders whose names start with "_", and pages whose own
	// names do (_index.md apart), are fragments; hidden files are
	// skipped wherever they are.
	want := []Page{
		{"_drafts/x.md", Markdown, true}, {"_index.md", Markdown, false}, {"_partial.md", Markdown, true},
		{"docs/_common/index.md", Markdown, true}, {"docs/_common/note.md", Markdown, true},
		{"docs/_includes/deep/tip.md", Markdown, true}, {"docs/_index.md", Markdown, false},
		{"docs/api.markdown", Markdown, false}, {"guide/notes.MD", Markdown, false},
		{"guide/page.html", HTML, false}, {"guide/setup.md", Markdown, false}, {"index.md", Markdown, false},
	}
	if !reflect.DeepEqual(pages, want) {
		t.Errorf("pages = %v\nwant %v", pages, want)
	}
	if !reflect.DeepEqual(assets, []string{"docs/_common/diagram.svg", "downloads/data.csv", "img/logo.png", "styles/site.css"}) {
		t.Errorf("assets = %v", assets)
	}
}

// What an exclude glob matches is neither a page nor an asset, a folder it
// matches with everything in it; a name it leaves out is not looked at.
func TestWalkExcluding(t *testing.T) {
	t.Parallel()
	fsys := fstest.MapFS{
		"index.md":                 {},
		"a.tmp":                    {},
		"docs/a.md":                {},
		"docs/b.tmp":               {},
		"docs/deep/c.tmp":          {},
		"drafts/x.md":              {},
		"drafts/img/y.png":         {},
		"docs/drafts/z.md":         {},
		"docs/_common/note.md":     {},
		"docs/_common/internal.md": {},
		"notes/bad\nname.md":       {},
		"notes/ok.md":              {},
		"vendor/lib/readme.md":     {},
		"blog/2024/post.md":        {},
		"blog/2025/post.md":        {},
	}
	tests := []struct {
		name   string
		globs  []string
		pages  []string
		assets []string
	}{
		{"nothing", nil,
			[]string{"blog/2024/post.md", "blog/2025/post.md", "docs/_common/internal.md", "docs/_common/note.md", "docs/a.md", "docs/drafts/z.md", "drafts/x.md", "index.md", "notes/ok.md", "vendor/lib/readme.md"},
			[]string{"a.tmp", "docs/b.tmp", "docs/deep/c.tmp", "drafts/img/y.png"}},
		{"a folder and what it holds", []string{"drafts/**", "vendor", "notes/bad*"},
			[]string{"blog/2024/post.md", "blog/2025/post.md", "docs/_common/internal.md", "docs/_common/note.md", "docs/a.md", "docs/drafts/z.md", "index.md", "notes/ok.md"},
			[]string{"a.tmp", "docs/b.tmp", "docs/deep/c.tmp"}},
		{"at any depth", []string{"**/*.tmp", "**/drafts"},
			[]string{"blog/2024/post.md", "blog/2025/post.md", "docs/_common/internal.md", "docs/_common/note.md", "docs/a.md", "index.md", "notes/ok.md", "vendor/lib/readme.md"},
			nil},
		{"at the root only", []string{"*.tmp"},
			nil,
			[]string{"docs/b.tmp", "docs/deep/c.tmp", "drafts/img/y.png"}},
		{"a fragment, a class and a middle **", []string{"docs/_common/internal.md", "blog/202[0-4]/*", "docs/**/c.tmp"},
			[]string{"blog/2025/post.md", "docs/_common/note.md", "docs/a.md", "docs/drafts/z.md", "drafts/x.md", "index.md", "notes/ok.md", "vendor/lib/readme.md"},
			[]string{"a.tmp", "docs/b.tmp", "drafts/img/y.png"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x, err := NewExclude(tt.globs)
			if err != nil {
				t.Fatal(err)
			}
			pages, assets, err := WalkExcluding(fsys, x)
			var paths []string
			for _, p := range pages {
				paths = append(paths, p.Path)
			}
			if tt.pages != nil && !reflect.DeepEqual(paths, tt.pages) {
				t.Errorf("pages = %q\nwant %q", paths, tt.pages)
			}
			if !reflect.DeepEqual(assets, tt.assets) {
				t.Errorf("assets = %q\nwant %q", assets, tt.assets)
			}
			// The bad name is refused unless a glob leaves it out.
			if excluded := x.Match("notes/bad\nname.md"); (err == nil) != excluded {
				t.Errorf("walk error %v, though the bad name is excluded: %v", err, excluded)
			}
		})
	}
}

// A glob that could never mean what it says is refused, with the glob
// and the reason.
func TestNewExcludeRefuses(t *testing.T) {
	t.Parallel()
	tests := []struct{ glob, want string }{
		{"", "an empty glob"},
		{"/drafts/**", "without a leading /"},
		{"../secret/*", `".." is not a path element`},
		{"docs//a.md", `"" is not a path element`},
		{"docs/**.md", "** must be a whole path element"},
		{"docs/[a-", "syntax error in pattern"},
	}
	for _, tt := range tests {
		_, err := NewExclude([]string{"ok/**", tt.glob})
		if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), fmt.Sprintf("%q", tt.glob)) {
			t.Errorf("NewExclude(%q) = %v, want an error naming it that says %q", tt.glob, err, tt.want)
		}
	}
}

func TestSplitFrontMatter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      FrontMatter
		ok        bool
	}{
		{"none", "# Title\n", FrontMatter{}, true},
		{"yaml", "---\ntitle: x\n---\nbody", FrontMatter{Format: "yaml", Start: 4, End: 13, Body: 17}, true},
		{"toml", "+++\ntitle = 'x'\n+++\n", FrontMatter{Format: "toml", Start: 4, End: 16, Body: 20}, true},
		{"crlf", "---\r\ntitle: x\r\n---\r\nbody", FrontMatter{Format: "yaml", Start: 5, End: 15, Body: 20}, true},
		{"bom", "\xef\xbb\xbf---\na: b\n---\n", FrontMatter{Format: "yaml", Start: 7, End: 12, Body: 16}, true},
		{"bom only", "\xef\xbb\xbf# T\n", FrontMatter{Body: 3}, true},
		{"unclosed", "---\ntitle: x\n", FrontMatter{}, false},
		{"thematic break later", "text\n---\n", FrontMatter{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := SplitFrontMatter([]byte(tt.src))
			if got != tt.want || ok != tt.ok {
				t.Fatalf("got %+v %v, want %+v %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// A page or an asset whose name glot could not write into its catalogs
// and bookkeeping and read back is refused, naming it quoted; a name glot
// skips anyway is not looked at.
func TestWalkRefusesBadNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		file string
		want string // "" when the walk succeeds
	}{
		{"newline in a page", "a\nb.md", `"a\nb.md": the file name holds the control character U+000A`},
		{"tab in a folder", "guide\t/x.md", `"guide\t/x.md": the file name holds the control character U+0009`},
		{"carriage return in an asset", "img/Icon\r", `"img/Icon\r": the file name holds the control character U+000D`},
		{"escape character", "\x1b[31m.html", `"\x1b[31m.html": the file name holds the control character U+001B`},
		{"DEL", "a\x7f.md", `U+007F`},
		{"C1 control", "a\u0085.md", `U+0085`},
		{"Latin-1 byte", "caf\xe9.md", `"caf\xe9.md": the file name is not UTF-8`},
		{"skipped file", ".notes\n.md", ""},
		{"accented name", "café/ñandú.md", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{"index.md": {}, tt.file: {}}
			pages, _, err := Walk(fsys)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("walk: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %s (pages %v)", err, tt.want, pages)
			}
		})
	}
	// Every bad name is named, not only the first.
	_, _, err := Walk(fstest.MapFS{"a\n.md": {}, "b\n.md": {}})
	if err == nil || !strings.Contains(err.Error(), `"a\n.md"`) || !strings.Contains(err.Error(), `"b\n.md"`) {
		t.Errorf("two bad names: %v", err)
	}
}

// Read through an os.Root, as the command line reads a site, a link that
// stays inside the root is a page or an asset as its target is, one that
// leads out of it fails the walk, and a link to a folder is refused.
func TestWalkLinks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, target string // a link content/<name> -> target
		page         bool   // a page, else an asset
		want         string // the error, "" when the link is followed
	}{
		{"common.md", "../common/a.md", true, ""},
		{"logo.png", "../common/logo.png", false, ""},
		{"env.txt", "/proc/self/environ", false, "path escapes from parent"},
		{"up.md", "../../outside.md", true, "path escapes from parent"},
		{"abs.md", "SITE/common/a.md", true, "path escapes from parent"},
		{"gone.md", "nothing.md", true, "no such file"},
		{"docs", "../common", false, "docs: a symbolic link to a folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			site := filepath.Join(dir, "site")
			for _, d := range []string{"content", "common"} {
				if err := os.MkdirAll(filepath.Join(site, d), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			for _, f := range []string{"common/a.md", "common/logo.png", "content/index.md"} {
				if err := os.WriteFile(filepath.Join(site, f), []byte("x"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.WriteFile(filepath.Join(dir, "outside.md"), []byte("secret"), 0o644); err != nil {
				t.Fatal(err)
			}
			target := strings.Replace(tt.target, "SITE", site, 1)
			if err := os.Symlink(target, filepath.Join(site, "content", tt.name)); err != nil {
				t.Fatal(err)
			}
			root, err := os.OpenRoot(site)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			fsys, err := fs.Sub(root.FS(), "content")
			if err != nil {
				t.Fatal(err)
			}
			pages, assets, err := Walk(fsys)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), tt.name) {
					t.Fatalf("error = %v, want it to name %s and say %q (pages %v, assets %v)", err, tt.name, tt.want, pages, assets)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			gotPage := slices.Contains(pages, Page{Path: tt.name, Kind: Markdown})
			gotAsset := slices.Contains(assets, tt.name)
			if gotPage != tt.page || gotAsset == tt.page {
				t.Fatalf("pages %v, assets %v: want %s as a page: %v", pages, assets, tt.name, tt.page)
			}
			if data, err := fs.ReadFile(fsys, tt.name); err != nil || string(data) != "x" {
				t.Fatalf("read through the link: %q %v", data, err)
			}
		})
	}
}

// A byte that is not UTF-8 is refused at its line and byte column, in the
// front matter as in the body; a byte order mark and every other
// character of any script are UTF-8.
func TestCheckUTF8(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      string // "" when the page is UTF-8
	}{
		{"ascii", "# Title\n\nText.\n", ""},
		{"bom and scripts", "\xef\xbb\xbf# Заголовок\n\n中文 عربى 🎉\n", ""},
		{"latin-1 in the body", "# Title\n\nCaf\xe9 au lait\n", ":3:4: byte 0xe9 is not UTF-8"},
		{"latin-1 in front matter", "---\ntitle: Caf\xe9\n---\n", ":2:11: byte 0xe9 is not UTF-8"},
		{"after a multibyte character", "ñ\xff", ":1:3: byte 0xff"},
		{"truncated sequence", "a\n\xe2\x82", ":2:1: byte 0xe2"},
		{"encoded surrogate", "<p>\xed\xa0\x80</p>", ":1:4: byte 0xed"},
		{"overlong slash", "<p>\xc0\xaf</p>", ":1:4: byte 0xc0"},
		{"crlf lines", "a\r\nb\r\nc\x80", ":3:2: byte 0x80"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckUTF8([]byte(tt.src))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(fileerr.InFile("content/a.md", err).Error(), "content/a.md"+tt.want) {
				t.Fatalf("error = %v, want content/a.md%s", err, tt.want)
			}
		})
	}
}
