package verdict

import (
	"bytes"
	"io"
	"sort"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
)

// EncodeSource compiles the source side of site s, and writes to w what
// OpenSource reads.
func EncodeSource(w io.Writer, s *locale.Site) error {
	ids := s.Source.IDs()
	pages, kinds := newNumbering(), newNumbering()
	// Pages are numbered in the site's order, the order of s.Pages, so
	// that a page's number is its place in that order.
	for _, p := range s.Pages {
		pages.of(p.Path)
	}
	uses, order := firstUses(s, ids, pages, kinds)
	var blob chunks
	var rec enc
	spans := make([]span, len(ids))
	for _, i := range order {
		rec.b = rec.b[:0]
		sourceRecord(&rec, s, ids[i], uses[i], pages, kinds)
		spans[i] = span{uint32(blob.add(rec.b)), uint32(len(rec.b))}
	}
	var h enc
	h.str(s.SourceLang)
	h.strs(pages.list)
	h.strs(kinds.list)
	h.strs(ids)
	for _, sp := range spans {
		h.u32(sp.off)
		h.u32(sp.len)
	}
	return writeContainer(w, sourceMagic, h.b, &blob)
}

// numbering numbers strings from 1 in the order they are first seen, 0
// standing for "": a compiled source writes the names of its pages and of
// its kinds of block once, in its header, and its records name them by
// number.
type numbering struct {
	list []string
	no   map[string]int
}

func newNumbering() *numbering { return &numbering{no: map[string]int{}} }

// of returns the number of v, giving it the next one if it has none.
func (n *numbering) of(v string) int {
	if v == "" {
		return 0
	}
	if k, ok := n.no[v]; ok {
		return k
	}
	n.list = append(n.list, v)
	n.no[v] = len(n.list)
	return n.no[v]
}

// firstUses returns where each message of ids is first used, and the
// order the records are written in: the order pages first use them
// (page, then line), messages on no page last. It numbers the pages and
// kinds it meets.
func firstUses(s *locale.Site, ids []string, pages, kinds *numbering) ([]locale.Use, []int) {
	type place struct{ page, line int }
	places := make([]place, len(ids))
	uses := make([]locale.Use, len(ids))
	for i, id := range ids {
		u, ok := s.FirstUse(id)
		if !ok {
			places[i] = place{1 << 30, 0} // on no page: last
			continue
		}
		uses[i] = u
		places[i] = place{pages.of(u.Page), u.Line}
		kinds.of(u.Kind)
	}
	order := make([]int, len(ids))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		pa, pb := places[order[a]], places[order[b]]
		if pa.page != pb.page {
			return pa.page < pb.page
		}
		return pa.line < pb.line
	})
	return uses, order
}

// sourceRecord writes to rec the record of message id, first used at u,
// as Source.decode reads it.
func sourceRecord(rec *enc, s *locale.Site, id string, u locale.Use, pages, kinds *numbering) {
	m := s.Source.Messages[id]
	var flags uint8
	if s.IsPredecessor(id) {
		flags |= 1
	}
	rec.u8(flags)
	rec.uv(uint64(msgtext.Words(m.Other)))
	rec.uv(uint64(pages.of(u.Page)))
	rec.uv(uint64(u.Line))
	rec.uv(uint64(kinds.of(u.Kind)))
	rec.uv(uint64(u.Block))
	rec.str(u.Context)
	rec.str(u.Where)
	rec.strs(u.Codes)
	rec.msg(m)
	rec.str(catalog.Hash(m))
	was := s.Was(id)
	rec.uv(uint64(len(was)))
	for _, w := range was {
		rec.str(w)
		rec.str(s.SourceText(w))
	}
}

// NewSource compiles the source side of site s, in memory.
func NewSource(s *locale.Site) *Source {
	var buf bytes.Buffer
	if err := EncodeSource(&buf, s); err != nil {
		panic("verdict: encoding a source in memory: " + err.Error())
	}
	src, err := OpenSource(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		panic("verdict: a source just encoded does not open: " + err.Error())
	}
	src.rules = RulesOf(s)
	return src
}
