package ledger

import (
	"bytes"
	"crypto/sha1"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/fileerr"
)

// Dir is the bookkeeping folder inside the locales folder.
const Dir = ".glot"

// PagePath returns where the record of content page p is kept, relative to
// the locales folder.
func PagePath(page string) string { return path.Join(Dir, "pages", page+".toml") }

// PageOf is the inverse of PagePath: the content page a record file is for,
// given its path relative to Dir/pages.
func PageOf(rel string) string { return strings.TrimSuffix(rel, ".toml") }

// RetiredPath and ArchivePath name the other files.
const RetiredPath = Dir + "/retired.toml"

func ArchivePath(lang string) string { return Dir + "/archive." + lang + ".toml" }

// Page records the blocks of one page, in order.
type Page struct {
	Path string `toml:"-"`
	// Weight is the page's weight in the site's order (content.Weight), 0
	// for none: kept here so that what lists pages for people can put
	// them in the site's order without reading the content.
	Weight int `toml:"weight,omitempty"`
	// Hash is PageHash of the page's bytes as glot extract read them, so
	// that every command can tell a page edited since (see
	// extract.Changes). A record written before glot kept it has none.
	Hash   string  `toml:"hash"`
	Blocks []Block `toml:"block"`
}

// PageHash is how a page record names the bytes of its page: the SHA-256
// that the cache's index of files already holds for every file it read.
func PageHash(sum [32]byte) string { return fmt.Sprintf("sha256-%x", sum) }

// Block is one translatable block of a page.
type Block struct {
	ID      string   `toml:"id"`
	Kind    string   `toml:"kind"`
	Line    int      `toml:"line"`
	Context string   `toml:"context,omitempty"` // the context a glot:context directive gave the block
	Where   string   `toml:"where,omitempty"`   // where the block stands, for the translator: a table cell's column and row (segment.Segment.Where)
	Codes   []string `toml:"codes,omitempty"`   // what each placeholder stands for, in number order
	Was     []string `toml:"was,omitempty"`     // ids this block held before, most recent first
}

// Bytes writes the record of page p.
func (p *Page) Bytes() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# glot's record of the page %s: the message of each block, in order.\n", p.Path)
	b.WriteString("# Written by `glot extract`. Commit it with the catalogs; do not edit it.\n")
	if p.Hash != "" {
		fmt.Fprintf(&b, "hash = %s\n", catalog.Quote(p.Hash))
	}
	if p.Weight != 0 {
		fmt.Fprintf(&b, "weight = %d\n", p.Weight)
	}
	for _, bl := range p.Blocks {
		b.WriteString("\n[[block]]\n")
		fmt.Fprintf(&b, "id = %s\n", catalog.Quote(bl.ID))
		fmt.Fprintf(&b, "kind = %s\n", catalog.Quote(bl.Kind))
		fmt.Fprintf(&b, "line = %d\n", bl.Line)
		if bl.Context != "" {
			fmt.Fprintf(&b, "context = %s\n", catalog.Quote(bl.Context))
		}
		if bl.Where != "" {
			fmt.Fprintf(&b, "where = %s\n", catalog.Quote(bl.Where))
		}
		if len(bl.Codes) > 0 {
			fmt.Fprintf(&b, "codes = %s\n", quoteList(bl.Codes))
		}
		if len(bl.Was) > 0 {
			fmt.Fprintf(&b, "was = %s\n", quoteList(bl.Was))
		}
	}
	return b.Bytes()
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = catalog.Quote(s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}

// Retired holds the source text of messages that no page uses any more.
type Retired map[string]string

// ParseRetired reads the retired sources.
func ParseRetired(file string, data []byte) (Retired, error) {
	r := Retired{}
	if err := decode(file, data, &r); err != nil {
		return nil, err
	}
	return r, nil
}

// Bytes writes r, sorted by id.
func (r Retired) Bytes() []byte {
	var b bytes.Buffer
	b.WriteString("# Source text of messages that no page uses any more, kept so that their\n")
	b.WriteString("# translations can still be shown beside the text that replaced them.\n")
	b.WriteString("# Written by `glot extract`. Commit it; do not edit it.\n\n")
	for _, id := range sortedKeys(r) {
		fmt.Fprintf(&b, "%s = %s\n", catalog.Key(id), catalog.Quote(r[id]))
	}
	return b.Bytes()
}

// Archive holds translations of one language that are not in force, by the
// id of the message they translate.
type Archive map[string]*Entry

// Entry is an archived translation.
type Entry struct {
	Source string `toml:"source"` // the source text it translated
	catalog.Message
}

// ParseArchive reads an archive file.
func ParseArchive(file string, data []byte) (Archive, error) {
	var raw map[string]map[string]string
	if err := decode(file, data, &raw); err != nil {
		return nil, err
	}
	a := Archive{}
	for id, kv := range raw {
		e := &Entry{Source: kv["source"]}
		e.ID = id
		e.Hash = kv["hash"]
		e.Description = kv["description"]
		e.Zero, e.One, e.Two, e.Few, e.Many, e.Other = kv["zero"], kv["one"], kv["two"], kv["few"], kv["many"], kv["other"]
		a[id] = e
	}
	return a, nil
}

// Bytes writes a, sorted by id.
func (a Archive) Bytes(lang string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Translations into %s that are not in force: the source they translated has\n", lang)
	b.WriteString("# changed or is gone. glot merge offers them to the translator beside the new\n")
	b.WriteString("# source, and restores one by itself if its source text comes back.\n")
	b.WriteString("# Written by `glot merge`. Commit it; do not edit it.\n")
	ids := slices.Sorted(maps.Keys(a))
	for _, id := range ids {
		e := a[id]
		b.WriteByte('\n')
		fmt.Fprintf(&b, "[%s]\n", catalog.Key(id))
		fmt.Fprintf(&b, "source = %s\n", catalog.Quote(e.Source))
		m := e.Message
		catalog.WriteFields(&b, &m, true)
	}
	return b.Bytes()
}

// ReviewPath names a language's review file.
func ReviewPath(lang string) string { return Dir + "/review." + lang + ".toml" }

// Reviews records which translations of one language a reviewer signed
// off, by message id. A review holds for the exact translation it saw:
// when the translation changes, it is no longer reviewed.
type Reviews map[string]Review

// Review is one reviewer's sign-off.
type Review struct {
	Translation string `toml:"translation"` // TextHash of the translation reviewed
	By          string `toml:"by,omitempty"`
	// Rejected, when set, is the reviewer's comment on a translation
	// they turned down: it is not signed off, and stays in force until a
	// translator changes it.
	Rejected string `toml:"rejected,omitempty"`
}

// TextHash identifies the text of a translation, all its plural forms.
func TextHash(m *catalog.Message) string {
	h := sha1.New()
	for _, f := range catalog.Forms(m) {
		io.WriteString(h, f.Name+"\x00"+f.Text+"\x00")
	}
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// ParseReviews reads a review file.
func ParseReviews(file string, data []byte) (Reviews, error) {
	r := Reviews{}
	if err := decode(file, data, &r); err != nil {
		return nil, err
	}
	return r, nil
}

// Bytes writes r, sorted by id.
func (r Reviews) Bytes(lang string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Translations into %s signed off by a reviewer, each for the exact text\n", lang)
	b.WriteString("# reviewed. Written by `glot approve`. Commit it; do not edit it.\n")
	ids := slices.Sorted(maps.Keys(r))
	for _, id := range ids {
		v := r[id]
		fmt.Fprintf(&b, "\n[%s]\ntranslation = %s\n", catalog.Key(id), catalog.Quote(v.Translation))
		if v.By != "" {
			fmt.Fprintf(&b, "by = %s\n", catalog.Quote(v.By))
		}
		if v.Rejected != "" {
			fmt.Fprintf(&b, "rejected = %s\n", catalog.Quote(v.Rejected))
		}
	}
	return b.Bytes()
}

func decode(file string, data []byte, v any) error {
	if _, err := toml.Decode(string(data), v); err != nil {
		return fileerr.TOML(file, 0, err)
	}
	return nil
}

func sortedKeys(m map[string]string) []string {
	return slices.Sorted(maps.Keys(m))
}

// LoadPages reads every page record of the bookkeeping, in the site's
// order (content.Sort).
// Each record's Path is the content page it is for, relative to the content
// folder.
func LoadPages(locales fs.FS, localesName string) ([]*Page, error) {
	var recs []*Page
	err := walkPages(locales, localesName, false, func(r *Page) { recs = append(recs, r) })
	content.Sort(recs, func(p *Page) (string, int) { return p.Path, p.Weight })
	return recs, err
}

// LoadHashes reads the hash of every page record of the bookkeeping (see
// Page.Hash), by content page; a record with none maps to "". It reads
// only the head of each record, before its first block: every command
// asks it, and a large site has tens of thousands of records.
func LoadHashes(locales fs.FS, localesName string) (map[string]string, error) {
	out := map[string]string{}
	err := walkPages(locales, localesName, true, func(r *Page) { out[r.Path] = r.Hash })
	return out, err
}

// walkPages reads every page record of the bookkeeping, with its Path,
// and gives each to f; with head set, only the record's own keys, before
// its first block.
func walkPages(locales fs.FS, localesName string, head bool, f func(*Page)) error {
	root := path.Join(Dir, "pages")
	return fs.WalkDir(locales, root, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == root {
			return fs.SkipDir
		}
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".toml") {
			return nil
		}
		data, err := fs.ReadFile(locales, p)
		if err != nil {
			return err
		}
		if i := bytes.Index(data, []byte("\n[[block]]")); head && i >= 0 {
			data = data[:i+1]
		}
		r, err := ParsePage(path.Join(localesName, p), data)
		if err != nil {
			return err
		}
		r.Path = PageOf(strings.TrimPrefix(p, root+"/"))
		f(r)
		return nil
	})
}
