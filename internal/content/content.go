package content

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"
)

// Kind says how a page is written.
type Kind uint8

const (
	Markdown Kind = iota + 1
	HTML
)

// Page is one source page.
type Page struct {
	Path string // slash-separated, relative to the content root, e.g. "guide/setup.md"
	Kind Kind
	// Fragment says the page is a piece of other pages, not a page of its
	// own: it is in a folder whose name starts with "_" (Hugo's headless
	// bundles, such as _common/ or _includes/), or its own name does
	// (other than _index.md). A fragment is translated and written into
	// each language's Markdown tree, where the pages that include it find
	// it, but it has no HTML page and no URL.
	Fragment bool
}

// Walk lists the pages and the assets of fsys, each sorted by path so that
// everything built from them comes out in the same order on every machine.
// It is WalkExcluding with nothing excluded.
func Walk(fsys fs.FS) (pages []Page, assets []string, err error) {
	return WalkExcluding(fsys, nil)
}

// WalkExcluding lists the pages and the assets of fsys, leaving out what
// x matches (see Exclude), each sorted by path so that everything built
// from them comes out in the same order on every machine. Files and
// folders whose names start with "." are skipped; those whose names start
// with "_" are fragments (see Page.Fragment), and an asset among them is
// an asset as any other.
//
// A symbolic link to a file is a page or an asset as that file would be,
// read through the link: whether the link may be followed is fsys's to
// say (the command line gives a file system that refuses links leading
// out of the site), and a link it refuses fails the walk. A link to a
// folder is refused: it is not walked, so that a loop of links cannot make
// the walk endless. A path that holds a control character or bytes that
// are not UTF-8 is refused (see checkName); every such path is named.
func WalkExcluding(fsys fs.FS, x *Exclude) (pages []Page, assets []string, err error) {
	var bad []error
	err = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != "." && (strings.HasPrefix(name, ".") || x.Match(p)) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			fi, err := fs.Stat(fsys, p)
			if err != nil {
				return err
			}
			if fi.IsDir() {
				return fmt.Errorf("%s: a symbolic link to a folder: glot follows links to files only", p)
			}
			if !fi.Mode().IsRegular() {
				return nil
			}
		} else if !d.Type().IsRegular() {
			return nil
		}
		if err := checkName(p); err != nil {
			bad = append(bad, err)
			return nil
		}
		switch strings.ToLower(path.Ext(name)) {
		case ".md", ".markdown":
			pages = append(pages, Page{Path: p, Kind: Markdown, Fragment: isFragment(p)})
		case ".html", ".htm":
			pages = append(pages, Page{Path: p, Kind: HTML, Fragment: isFragment(p)})
		default:
			assets = append(assets, p)
		}
		return nil
	})
	if err == nil {
		err = errors.Join(bad...)
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].Path < pages[j].Path })
	sort.Strings(assets)
	return pages, assets, err
}

// isFragment reports whether the page at p is a fragment: a folder on its
// path, or its own name, starts with "_", _index.md apart.
func isFragment(p string) bool {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if strings.HasPrefix(part, "_") && (i < len(parts)-1 || part != "_index.md") {
			return true
		}
	}
	return false
}

// FrontMatter locates a page's front matter.
type FrontMatter struct {
	Format string // "yaml", "toml", or "" when the page has none
	// Start and End delimit the front matter's content, between its fences,
	// as byte offsets into the page.
	Start, End int
	// Body is where the page's body starts, after the closing fence.
	Body int
}

// bom is the UTF-8 byte order mark, which some editors write at the start
// of a file. It is kept in the output and skipped when looking for fences.
var bom = []byte{0xEF, 0xBB, 0xBF}

// SplitFrontMatter finds the front matter of a Markdown page: a first line
// of "---" (YAML) or "+++" (TOML), up to the next line that is the same
// fence. A page without front matter has Format "" and Body at the start of
// its text. An opening fence that is never closed is not front matter (Hugo
// reports it; CommonMark reads "---" as a thematic break), so ok is false.
func SplitFrontMatter(src []byte) (fm FrontMatter, ok bool) {
	start := 0
	if bytes.HasPrefix(src, bom) {
		start = len(bom)
	}
	fm.Body = start
	line, next := lineAt(src, start)
	var fence string
	switch string(bytes.TrimRight(line, " \t\r")) {
	case "---":
		fence, fm.Format = "---", "yaml"
	case "+++":
		fence, fm.Format = "+++", "toml"
	default:
		return FrontMatter{Body: start}, true
	}
	fm.Start = next
	for i := next; i < len(src); {
		line, n := lineAt(src, i)
		if string(bytes.TrimRight(line, " \t\r")) == fence {
			fm.End = i
			fm.Body = n
			return fm, true
		}
		i = n
	}
	return FrontMatter{Body: start}, false
}

// lineAt returns the line starting at i, without its newline, and the offset
// of the next line.
func lineAt(src []byte, i int) ([]byte, int) {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return src[i:], len(src)
	}
	return src[i : i+j], i + j + 1
}

// Values decodes a page's front matter into a map, for the keys that are
// not text to translate: a date, a slug, a weight. Errors are reported
// with the page when it is segmented; here a page without readable front
// matter has no values.
func Values(src []byte) map[string]any {
	fm, ok := SplitFrontMatter(src)
	if !ok || fm.Format == "" {
		return nil
	}
	m := map[string]any{}
	var err error
	if fm.Format == "yaml" {
		err = yaml.Unmarshal(src[fm.Start:fm.End], &m)
	} else {
		err = toml.Unmarshal(src[fm.Start:fm.End], &m)
	}
	if err != nil {
		return nil
	}
	return m
}
