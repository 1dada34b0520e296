package site

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is a share of a site's pages: shard I of N (1 ≤ I ≤ N). N runners
// of a CI job, each building one shard, build the whole site between them,
// file for file as one machine would.
type Shard struct{ I, N int }

// ParseShard reads a shard written "I/N".
func ParseShard(s string) (Shard, error) {
	i, n, ok := strings.Cut(s, "/")
	a, errI := strconv.Atoi(i)
	b, errN := strconv.Atoi(n)
	if !ok || errI != nil || errN != nil || b < 1 || a < 1 || a > b {
		return Shard{}, fmt.Errorf("%q: give I/N, with 1 ≤ I ≤ N, as 2/4", s)
	}
	return Shard{a, b}, nil
}

// Has reports whether the page or asset at path (in the content folder)
// is this shard's: FNV-1a of the path, which is the same on every machine,
// picks its shard. The zero Shard has every page.
func (s Shard) Has(path string) bool {
	if s.N <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(path))
	return int(h.Sum64()%uint64(s.N)) == s.I-1
}

// Site reports whether the shard writes the files of the whole site: the
// first does.
func (s Shard) Site() bool { return s.N <= 1 || s.I == 1 }

func (s Shard) String() string {
	if s.N <= 1 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}
