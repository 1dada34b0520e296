package extract

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"sort"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/ledger"
)

// Changes are the pages that the bookkeeping of the last glot extract
// does not describe as they are now, as paths in the content folder,
// sorted. Until extract runs again, the catalogs say nothing of what
// these pages hold: the build shows their new text in the source
// language, and status, diff and check count messages that no page may
// hold any more.
type Changes struct {
	Added   []string // pages with no record
	Changed []string // pages whose bytes are not those recorded
	Removed []string // records of pages that are gone
}

// Len is the number of pages in c.
func (c *Changes) Len() int { return len(c.Added) + len(c.Changed) + len(c.Removed) }

// Pages lists every page of c, sorted.
func (c *Changes) Pages() []string {
	out := append(append(append([]string{}, c.Added...), c.Changed...), c.Removed...)
	sort.Strings(out)
	return out
}

// What says what became of page p: "added", "changed" or "removed"; ""
// when it is not in c.
func (c *Changes) What(p string) string {
	for _, x := range []struct {
		list []string
		what string
	}{{c.Added, "added"}, {c.Changed, "changed"}, {c.Removed, "removed"}} {
		if i := sort.SearchStrings(x.list, p); i < len(x.list) && x.list[i] == p {
			return x.what
		}
	}
	return ""
}

// ChangesInput is what Since reads.
type ChangesInput struct {
	Content fs.FS // the content folder
	Locales fs.FS // the locales folder
	// LocalesName is the locales folder as the user knows it, for errors.
	LocalesName string
	Exclude     *content.Exclude
	// Hash returns the SHA-256 of the bytes of a file of the content
	// folder; nil reads and hashes it. The commands pass the cache's
	// index of files, which knows the hash of a file it has seen by its
	// size, time and inode, so that finding nothing changed reads no
	// page.
	Hash func(name string) ([32]byte, error)
	// Recorded are the hashes extract recorded, by page, as
	// ledger.LoadHashes reads them from Locales; nil reads them. The
	// commands keep them in the cache, named by the records' content.
	Recorded map[string]string
}

// Since works out the pages added, changed or removed since the last glot
// extract: the one rule by which every command that reads the catalogs
// tells whether they describe the pages as they are. A page counts by its
// bytes, as extract recorded them (ledger.Page.Hash); a record written by
// a glot that kept no hash counts as changed, for nothing says it is not.
// A site never extracted (no record at all) has no changes: the commands
// say "run glot extract first" on their own.
func Since(in ChangesInput) (*Changes, error) {
	recorded := in.Recorded
	if recorded == nil {
		var err error
		if recorded, err = ledger.LoadHashes(in.Locales, in.LocalesName); err != nil {
			return nil, err
		}
	}
	c := &Changes{}
	if len(recorded) == 0 {
		return c, nil
	}
	pages, _, err := content.WalkExcluding(in.Content, in.Exclude)
	if err != nil {
		return nil, err
	}
	seen := make(map[string]bool, len(pages))
	for _, p := range pages {
		seen[p.Path] = true
		h, ok := recorded[p.Path]
		if !ok {
			c.Added = append(c.Added, p.Path)
			continue
		}
		sum, err := hashOf(in, p.Path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Path, err)
		}
		if h != ledger.PageHash(sum) {
			c.Changed = append(c.Changed, p.Path)
		}
	}
	for p := range recorded {
		if !seen[p] {
			c.Removed = append(c.Removed, p)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Changed)
	sort.Strings(c.Removed)
	return c, nil
}

func hashOf(in ChangesInput, name string) ([32]byte, error) {
	if in.Hash != nil {
		return in.Hash(name)
	}
	data, err := fs.ReadFile(in.Content, name)
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(data), nil
}
