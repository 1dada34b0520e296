package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/fileerr"
	"github.com/glot-i18n/glot/internal/parallel"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// summary is what the plan needs to know of a page: the messages it holds,
// its slug, the pages it links to. It is worked out from the page's
// segments and kept, for every page, in one cache entry, so that a build
// after one page changed reads one entry and segments one page.
type summary struct {
	Hash  [32]byte // of the page's bytes
	IDs   []string // the message of each segment, in order
	Slug  *segment.Segment
	Links []string
	// Shortcodes are the page's shortcode tags (see pageData).
	Shortcodes []render.Use
	// idx holds the index of each id in the compiled source, -1 for none.
	idx []int
}

// summariesKey names the cache entry of the summaries.
const summariesKey = "pages"

type summaries struct {
	Salt  Key // of what made them: glot and the extraction rules
	Pages map[string]*summary
}

func summarize1(info *pageInfo, hash [32]byte) *summary {
	s := &summary{Hash: hash, Links: info.Links, Shortcodes: info.Shortcodes, IDs: make([]string, len(info.Segs))}
	for i := range info.Segs {
		s.IDs[i] = info.Segs[i].ID
		if info.Segs[i].Kind == "slug" && s.Slug == nil {
			sl := info.Segs[i]
			s.Slug = &sl
		}
	}
	return s
}

// prepKey names the cache entry of the segments of a page whose bytes
// hash to sum.
func (b *builder) prepKey(sum [32]byte) string {
	return segmentsDir + "/" + newKeyer(b.prepSalt()).raw(sum[:]).key().String()
}

// segmentsDir is the cache folder of pages' segments.
const segmentsDir = "segments"

// prepSalt is what segmenting depends on besides a page's bytes.
func (b *builder) prepSalt() Key {
	k := newKeyer(Key{}).raw(b.o.Salt)
	if b.o.Rules != nil {
		k.str(fmt.Sprintf("%#v", *b.o.Rules))
	}
	return k.key()
}

// summarize works out the summary of every page, on all cores: from the
// cache for a page whose bytes have not changed, else by segmenting it.
// A page that does not segment stops the build before anything is
// written, with every such page's error.
func (b *builder) summarize() error {
	salt := b.prepSalt()
	old := map[string]*summary{}
	if b.o.Cache != nil {
		if data, ok := b.o.Cache.Get(summariesKey); ok {
			if s, err := decodeSummaries(data); err == nil && s.Salt == salt {
				old = s.Pages
			}
		}
	}
	sums := make([]*summary, len(b.pages))
	err := parallel.Each(len(b.pages), func(i int) error {
		p := b.pages[i]
		sum, err := b.hash(p.Path)
		if err != nil {
			return err
		}
		if s := old[p.Path]; s != nil && s.Hash == sum {
			sums[i] = s
			return nil
		}
		info, err := b.info(p, sum, false)
		if err != nil {
			return err
		}
		sums[i] = summarize1(info, sum)
		return nil
	})
	if err != nil {
		return err
	}
	b.sums = make(map[string]*summary, len(sums))
	changed := len(old) != len(sums)
	for i, s := range sums {
		if old[b.pages[i].Path] != s {
			changed = true
		}
		b.sums[b.pages[i].Path] = s
		s.idx = make([]int, len(s.IDs))
		for k, id := range s.IDs {
			s.idx[k] = -1
			if b.o.Source != nil {
				if n, ok := b.o.Source.Index(id); ok {
					s.idx[k] = n
				}
			}
		}
	}
	if changed && b.o.Cache != nil {
		if data, err := (summaries{Salt: salt, Pages: b.sums}).encode(); err == nil {
			b.o.Cache.Put(summariesKey, data)
		}
		// The segments of a page as it was before an edit serve no
		// page now: without this, every edit would leave one behind.
		live := make(map[string]bool, len(sums))
		for _, s := range sums {
			live[b.prepKey(s.Hash)] = true
		}
		b.o.Cache.Keep(segmentsDir, live)
	}
	return nil
}

const summariesMagic = "glotSUM2"

// encode writes s in a binary form of its own: gob took half a second for
// the summaries of 10,000 pages, which a build after a one-page edit reads
// and writes.
func (s summaries) encode() ([]byte, error) {
	// Sized first: grown as it goes, a site's summaries are copied a
	// dozen times over.
	size := len(summariesMagic) + len(s.Salt) + binary.MaxVarintLen64
	for p, sum := range s.Pages {
		size += len(p) + len(sum.Hash) + 4*binary.MaxVarintLen64
		for _, id := range sum.IDs {
			size += len(id) + binary.MaxVarintLen64
		}
		for _, l := range sum.Links {
			size += len(l) + binary.MaxVarintLen64
		}
		for _, u := range sum.Shortcodes {
			size += len(u.Name) + len(u.Ref) + len(u.Problem) + 4*binary.MaxVarintLen64
		}
	}
	out := append(append(make([]byte, 0, size), summariesMagic...), s.Salt[:]...)
	str := func(v string) {
		out = binary.AppendUvarint(out, uint64(len(v)))
		out = append(out, v...)
	}
	out = binary.AppendUvarint(out, uint64(len(s.Pages)))
	for _, p := range slices.Sorted(maps.Keys(s.Pages)) {
		sum := s.Pages[p]
		str(p)
		out = append(out, sum.Hash[:]...)
		out = binary.AppendUvarint(out, uint64(len(sum.IDs)))
		for _, id := range sum.IDs {
			str(id)
		}
		out = binary.AppendUvarint(out, uint64(len(sum.Links)))
		for _, l := range sum.Links {
			str(l)
		}
		out = binary.AppendUvarint(out, uint64(len(sum.Shortcodes)))
		for _, u := range sum.Shortcodes {
			str(u.Name)
			out = binary.AppendUvarint(out, uint64(u.Line))
			str(u.Ref)
			str(u.Problem)
		}
		// A slug is rare, and a segment has many fields: gob writes it.
		var slug bytes.Buffer
		if sum.Slug != nil {
			if err := gob.NewEncoder(&slug).Encode(sum.Slug); err != nil {
				return nil, err
			}
		}
		str(slug.String())
	}
	return out, nil
}

var errSummaries = errors.New("summaries: corrupt")

func decodeSummaries(data []byte) (summaries, error) {
	var s summaries
	if !bytes.HasPrefix(data, []byte(summariesMagic)) || len(data) < len(summariesMagic)+len(s.Salt) {
		return s, errSummaries
	}
	d := data[len(summariesMagic):]
	d = d[copy(s.Salt[:], d):]
	bad := false
	uv := func() uint64 {
		v, n := binary.Uvarint(d)
		if n <= 0 {
			bad = true
			return 0
		}
		d = d[n:]
		return v
	}
	str := func() string {
		n := uv()
		if bad || n > uint64(len(d)) {
			bad = true
			return ""
		}
		v := string(d[:n])
		d = d[n:]
		return v
	}
	strs := func() []string {
		n := uv()
		if bad || n > uint64(len(d)) {
			bad = true
			return nil
		}
		out := make([]string, n)
		for i := range out {
			out[i] = str()
		}
		return out
	}
	n := uv()
	if bad || n > uint64(len(d)) {
		return s, errSummaries
	}
	s.Pages = make(map[string]*summary, n)
	for range n {
		p := str()
		sum := &summary{}
		if bad || len(d) < len(sum.Hash) {
			return s, errSummaries
		}
		d = d[copy(sum.Hash[:], d):]
		sum.IDs = strs()
		sum.Links = strs()
		if n := uv(); !bad && n <= uint64(len(d)) {
			for range n {
				u := render.Use{Name: str()}
				u.Line = int(uv())
				u.Ref, u.Problem = str(), str()
				sum.Shortcodes = append(sum.Shortcodes, u)
			}
		} else {
			bad = true
		}
		if slug := str(); slug != "" {
			sum.Slug = &segment.Segment{}
			if err := gob.NewDecoder(strings.NewReader(slug)).Decode(sum.Slug); err != nil {
				return s, err
			}
		}
		if bad {
			return s, errSummaries
		}
		s.Pages[p] = sum
	}
	return s, nil
}

// info returns the segments of page p, whose bytes hash to sum: from the
// cache, else segmented now and kept there. With withSrc, the page's bytes
// come too, for rendering.
func (b *builder) info(p content.Page, sum [32]byte, withSrc bool) (*pageInfo, error) {
	var src []byte
	read := func() error {
		if src != nil {
			return nil
		}
		var err error
		src, err = fs.ReadFile(b.o.Content, p.Path)
		if err == nil && sha256.Sum256(src) != sum && b.o.Hash != nil {
			// The page changed while the build ran: its summary no
			// longer says what it holds.
			err = fmt.Errorf("it changed during the build: build again")
		}
		if err != nil {
			err = fileerr.InFile(path.Join(b.o.Config.ContentDir, p.Path), err)
		}
		return err
	}
	key := b.prepKey(sum)
	if b.o.Cache != nil {
		if data, ok := b.o.Cache.Get(key); ok {
			if withSrc {
				if err := read(); err != nil {
					return nil, err
				}
			}
			if info, err := decodeInfo(p, src, data); err == nil {
				return info, nil
			}
		}
	}
	if err := read(); err != nil {
		return nil, err
	}
	info, err := prepare(p, src, b.o.Rules)
	if err != nil {
		return nil, fileerr.InFile(path.Join(b.o.Config.ContentDir, p.Path), err)
	}
	if b.o.Cache != nil {
		if data, err := info.encode(); err == nil {
			b.o.Cache.Put(key, data)
		}
	}
	return info, nil
}

// hash returns the hash of the bytes of file name of the content folder.
func (b *builder) hash(name string) ([32]byte, error) {
	if b.o.Hash != nil {
		return b.o.Hash(name)
	}
	data, err := fs.ReadFile(b.o.Content, name)
	if err != nil {
		return [32]byte{}, err
	}
	return sha256.Sum256(data), nil
}

// memCache is a Cache in memory, for a build that has none: a page's
// segments, worked out for its summary, are not worked out again to
// render it. It keeps only what this build made.
type memCache struct{ m sync.Map }

func (c *memCache) Get(key string) ([]byte, bool) {
	v, ok := c.m.Load(key)
	if !ok {
		return nil, false
	}
	return v.([]byte), true
}

func (c *memCache) Put(key string, data []byte) { c.m.Store(key, data) }

func (c *memCache) Keep(dir string, keep map[string]bool) {
	c.m.Range(func(k, _ any) bool {
		if key := k.(string); strings.HasPrefix(key, dir+"/") && !keep[key] {
			c.m.Delete(k)
		}
		return true
	})
}
