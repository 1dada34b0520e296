package project

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/glot-i18n/glot/internal/cache"
)

// buildCache keeps the build's segments and summaries in the cache
// folder, the segments spread over folders by the first letters of their
// names.
type buildCache struct{ c *cache.Cache }

func (b buildCache) name(key string) string {
	if dir, k, ok := strings.Cut(key, "/"); ok && len(k) > 2 {
		return "build/" + dir + "/" + k[:2] + "/" + k[2:]
	}
	return "build/" + key
}

func (b buildCache) Get(key string) ([]byte, bool) {
	data, err := os.ReadFile(b.c.Path(b.name(key)))
	return data, err == nil
}

func (b buildCache) Put(key string, data []byte) {
	_ = b.c.Put(b.name(key), data) // a cache that cannot be written only costs time
}

// Keep removes the entries of dir, spread over subfolders by name, whose
// keys are not in keep. Files that name no entry (another build's
// temporary files) are left alone.
func (b buildCache) Keep(dir string, keep map[string]bool) {
	top := b.c.Path("build/" + dir)
	subs, err := os.ReadDir(top)
	if err != nil {
		return
	}
	for _, sub := range subs {
		if !sub.IsDir() {
			continue
		}
		entries, err := os.ReadDir(filepath.Join(top, sub.Name()))
		if err != nil {
			continue
		}
		for _, e := range entries {
			if n := e.Name(); !strings.HasPrefix(n, ".") && !keep[dir+"/"+sub.Name()+n] {
				_ = os.Remove(filepath.Join(top, sub.Name(), n))
			}
		}
	}
}
