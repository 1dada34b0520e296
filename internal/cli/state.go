package cli

import (
	"crypto/sha256"
	"fmt"
	"hash"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/glot-i18n/glot/internal/cache"
	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/locale"
)

// inputs returns a digest of everything a build reads, as the file system
// describes it (path, size, time and inode of every file, not its bytes):
// glot itself, the build's flags, glot.toml, the content and layouts
// folders, and the catalogs and bookkeeping of every language. When it is
// what the last build recorded, and the output folders are as that build
// left them, the build has nothing to do, and finds it out without
// reading a page or a catalog. It returns "" when a file changed too
// recently for its time to be trusted (see cache.Hash): then the build
// looks at everything.
func (g *glot) inputs(cfg *config.Config, o *buildOptions, self cache.Sum) (string, error) {
	h := sha256.New()
	fmt.Fprintf(h, "%x\x00%#v\x00%#v\x00", self, *o, *cfg)
	recent := time.Now().Add(-2 * time.Second).UnixNano()
	racy := false
	stat := func(name string) {
		fi, err := os.Stat(name)
		if err != nil {
			fmt.Fprintf(h, "%s\x00none\x00", name)
			return
		}
		if fi.ModTime().UnixNano() > recent {
			racy = true
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\x00", name, fi.Size(), fi.ModTime().UnixNano(), cache.Inode(fi))
	}
	stat(g.path(config.File))
	for _, dir := range []string{g.path(cfg.ContentDir), g.path("layouts")} {
		if err := walkStat(h, dir, recent, &racy); err != nil {
			return "", err
		}
	}
	locales := os.DirFS(g.path(cfg.LocalesDir))
	files, err := locale.SourceFiles(locales, cfg.SourceLanguage)
	if err != nil {
		return "", err
	}
	for _, l := range cfg.Languages {
		files = append(files, locale.LangFiles(locales, l)...)
	}
	for _, f := range files {
		stat(g.path(cfg.LocalesDir, filepath.FromSlash(f)))
	}
	if racy {
		return "", nil
	}
	return fmt.Sprintf("%x", h.Sum(nil)), nil
}

// walkStat adds every file under dir, as the file system describes it, to
// h.
func walkStat(h hash.Hash, dir string, recent int64, racy *bool) error {
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if !d.IsDir() && fi.ModTime().UnixNano() > recent {
			*racy = true
		}
		fmt.Fprintf(h, "%s\x00%d\x00%d\x00%d\x00%v\x00", p, fi.Size(), fi.ModTime().UnixNano(), cache.Inode(fi), d.Type())
		return nil
	})
	if os.IsNotExist(err) {
		return nil
	}
	return err
}

// stateOf is what a build that read inputs with digest and left record r
// says of itself: the digest, then the folders its outputs are in (see
// record.roots), as they are now.
func stateOf(root, digest string, r record) string {
	names := make([]string, 0, len(r.roots))
	for n := range r.roots {
		names = append(names, n)
	}
	sort.Strings(names)
	return digest + "\n" + rootsDigest(root, names) + "\n" + strings.Join(names, "\n")
}

// unchanged reports whether a build whose inputs have digest has nothing
// to do after the build that said state: it read the same inputs, and
// left folders that nobody touched since. Files deeper in them are glot's:
// edit or delete one by hand, and glot build --force puts it back.
func unchanged(root, state, digest string) bool {
	lines := strings.Split(state, "\n")
	if len(lines) < 2 || lines[0] != digest {
		return false
	}
	return rootsDigest(root, lines[2:]) == lines[1]
}
