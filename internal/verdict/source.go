package verdict

import (
	"io"
	"slices"
	"sort"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/check"
)

const sourceMagic = "glotSRC3"

// Source is the compiled source side of a site: every message of the
// source catalog, with what the commands ask of it (its words, where it is
// first used, which messages it succeeds). It is made once from the source
// catalog and the bookkeeping (see package locale), and read in part: the
// ids are in memory, each message is read when asked for.
type Source struct {
	Lang   string
	ids    []string // sorted
	pages  []string
	kinds  []string
	spans  []span // of each id's record in the blob
	r      io.ReaderAt
	base   int64
	closer io.Closer

	once  sync.Once
	index map[string]int32
	rules *Rules
}

// Rules returns the rules translations of the source are judged by.
func (s *Source) Rules() *Rules { return s.rules }

// UseGlossary makes the rules of s those of a site with glossary g. A
// compiled source does not keep the glossary; the one who opens it says
// which it is, before compiling a table against it.
func (s *Source) UseGlossary(g *check.Glossary) { s.rules = NewRules(s.Lang, g) }

// SourceMessage is one message of the source catalog.
type SourceMessage struct {
	ID      string
	Message *catalog.Message // its text: plural forms, description, delimiters
	Hash    string           // catalog.Hash of it
	Words   int              // msgtext.Words of its text
	// Page, Line and Kind say where it is first used, in page order; Page
	// is "" for a message on no page (interface text). Block is that
	// block's place among the page's, Context the context a directive gave
	// it, and Codes what its placeholders stand for.
	Page, Kind string
	// PageOrder is the page's place in the site's order (content.Sort),
	// from 1; 0 for a message on no page. Whatever lists messages page by
	// page for people sorts the pages by it.
	PageOrder int
	Line      int
	Block     int
	Context   string
	Codes     []string
	Where     string // where the block stands, for the translator (locale.Use.Where)
	// Predecessor says a current message succeeds it: its translation is
	// shown as stale, not merely kept. (Only a retired message is one.)
	Predecessor bool
	// Was lists the messages it succeeds, most recent first, each with its
	// source text.
	Was []Predecessor
}

// Predecessor is a message an edited one succeeds.
type Predecessor struct{ ID, Text string }

// Len returns the number of messages.
func (s *Source) Len() int { return len(s.ids) }

// IDs returns the ids of the messages, sorted. The slice is s's own.
func (s *Source) IDs() []string { return s.ids }

// Index returns the index of message id in IDs.
func (s *Source) Index(id string) (int, bool) {
	s.once.Do(func() {
		s.index = make(map[string]int32, len(s.ids))
		for i, id := range s.ids {
			s.index[id] = int32(i)
		}
	})
	i, ok := s.index[id]
	return int(i), ok
}

// Message reads message i.
func (s *Source) Message(i int) (*SourceMessage, error) {
	ms, err := s.Messages([]int{i})
	if err != nil {
		return nil, err
	}
	return ms[0], nil
}

// Messages reads the messages at indexes idx, in as few reads as their
// places allow.
func (s *Source) Messages(idx []int) ([]*SourceMessage, error) {
	sp := make([]span, len(idx))
	for k, i := range idx {
		sp[k] = s.spans[i]
	}
	recs, err := readSpans(s.r, s.base, sp)
	if err != nil {
		return nil, err
	}
	out := make([]*SourceMessage, len(idx))
	for k, i := range idx {
		if out[k], err = s.decode(i, recs[k]); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Each calls f with every message, in the order pages first use them,
// reading them a batch at a time.
func (s *Source) Each(f func(i int, m *SourceMessage) error) error {
	order := make([]int, len(s.ids))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return s.spans[order[a]].off < s.spans[order[b]].off })
	for start := 0; start < len(order); start += 512 {
		batch := order[start:min(start+512, len(order))]
		ms, err := s.Messages(batch)
		if err != nil {
			return err
		}
		for k, i := range batch {
			if err := f(i, ms[k]); err != nil {
				return err
			}
		}
	}
	return nil
}

// Close releases the file s was opened from, if any.
func (s *Source) Close() error {
	if s.closer != nil {
		return s.closer.Close()
	}
	return nil
}

func (s *Source) decode(i int, rec []byte) (*SourceMessage, error) {
	d := dec{b: rec}
	m := &SourceMessage{ID: s.ids[i]}
	flags := d.u8()
	m.Predecessor = flags&1 != 0
	m.Words = int(d.uv())
	if p := d.uv(); p > 0 && p <= uint64(len(s.pages)) {
		m.Page, m.PageOrder = s.pages[p-1], int(p)
	}
	m.Line = int(d.uv())
	if k := d.uv(); k > 0 && k <= uint64(len(s.kinds)) {
		m.Kind = s.kinds[k-1]
	}
	m.Block = int(d.uv())
	m.Context = d.str()
	m.Where = d.str()
	if codes := d.strs(); len(codes) > 0 {
		m.Codes = codes
	}
	m.Message = d.msg()
	m.Message.ID = m.ID
	m.Hash = d.str()
	if n := d.uv(); n > 0 && n <= uint64(len(d.b)) {
		m.Was = make([]Predecessor, n)
		for j := range m.Was {
			m.Was[j] = Predecessor{d.str(), d.str()}
		}
	}
	if d.err != nil {
		return nil, d.err
	}
	return m, nil
}

// OpenSource opens a compiled source of size bytes, as EncodeSource wrote
// it. If r is an io.Closer, Close closes it.
func OpenSource(r io.ReaderAt, size int64) (*Source, error) {
	header, base, err := openContainer(r, size, sourceMagic)
	if err != nil {
		return nil, err
	}
	d := dec{b: header}
	s := &Source{r: r, base: base}
	s.Lang = d.str()
	s.pages = d.strs()
	s.kinds = d.strs()
	s.ids = d.strs()
	s.spans = d.spans(len(s.ids), size-base)
	if d.err != nil || !slices.IsSorted(s.ids) {
		return nil, errCorrupt
	}
	if c, ok := r.(io.Closer); ok {
		s.closer = c
	}
	s.rules = NewRules(s.Lang, nil)
	return s, nil
}
