package verdict

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"io"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/locale"
)

// Compile works out the table of language l against source src, in
// memory.
func Compile(src *Source, l *locale.Lang) (*Table, error) {
	var buf bytes.Buffer
	if err := Encode(&buf, src, l); err != nil {
		return nil, err
	}
	return Open(src, bytes.NewReader(buf.Bytes()), int64(buf.Len()))
}

// CompileLangs compiles, in memory, the source of site s and the table of
// each of langs, under the site's rules (see RulesOf).
func CompileLangs(s *locale.Site, langs []string) (*Source, []*Table, error) {
	src := NewSource(s)
	out := make([]*Table, 0, len(langs))
	for _, lang := range langs {
		l, err := s.Lang(lang)
		if err != nil {
			return nil, nil, err
		}
		t, err := Compile(src, l)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, t)
	}
	return src, out, nil
}

// Encode works out the table of language l against source src, and
// writes to w what Open reads.
func Encode(w io.Writer, src *Source, l *locale.Lang) error {
	tw := newTableWriter(src, l)
	if err := src.Each(tw.add); err != nil {
		return err
	}
	// A translation of a message no longer in the source, an empty one, a
	// stale one or one held back: merge has something to do.
	tw.sum.Clean = tw.sum.Clean && tw.keptAsIs == len(l.Active.Messages)
	return writeContainer(w, tableMagic, tw.header(), &tw.blob)
}

// tableWriter gathers a table as Encode works out its entries, message by
// message: the columns of the header, which a build reads whole, and the
// record of each entry, which it reads only for the messages it shows.
type tableWriter struct {
	l     *locale.Lang
	r     *Rules
	langs []string // l's tag, then its parents': what the from byte indexes

	states, flags []byte
	hashes        []uint64 // two a message: what pages show, and its prior
	units         []uint32 // likewise, what a reader reads in them
	spans         []span
	sum           Summary
	keptAsIs      int // translations merge would keep as they are

	blob chunks
	rec  enc
}

func newTableWriter(src *Source, l *locale.Lang) *tableWriter {
	n := src.Len()
	langs := []string{l.Tag}
	for _, p := range l.Parents {
		langs = append(langs, p.Tag)
	}
	return &tableWriter{
		l: l, r: src.Rules(), langs: langs,
		states: make([]byte, n), flags: make([]byte, n),
		hashes: make([]uint64, 2*n), units: make([]uint32, 2*n),
		spans: make([]span, n),
		sum:   Summary{Clean: true},
	}
}

// add works out the entry of source message i and puts it in the table.
func (tw *tableWriter) add(i int, sm *SourceMessage) error {
	e := tw.r.EntryOf(tw.l, sm)
	tw.noteMerge(e, sm)
	f := entryFlags(e)
	tw.states[i], tw.flags[i] = byte(e.State), f
	if e.InForce != nil {
		tw.hashes[2*i] = hashOf(e.From, e.InForce)
		tw.units[2*i] = unitsOf(e.InForce)
	}
	if e.Prior != nil && e.Prior.Fits {
		tw.hashes[2*i+1] = hashOf(e.Prior.Lang, e.Prior.Translation)
		tw.units[2*i+1] = unitsOf(e.Prior.Translation)
	}
	tw.spans[i] = tw.record(e, f)
	tw.count(e, sm)
	return nil
}

// noteMerge keeps what says whether glot merge would change the
// language's catalog: a translation it keeps as it is, or an archived
// one it would restore.
func (tw *tableWriter) noteMerge(e *Entry, sm *SourceMessage) {
	if own := tw.l.Active.Messages[sm.ID]; own != nil {
		if (e.State == Translated || e.State == Held && e.Reason.Approvable()) && e.Own == own && own.Hash != "" {
			tw.keptAsIs++
		}
	} else if a := tw.l.Archive[sm.ID]; a != nil && tw.r.restorable(tw.l.Tag, sm.Message, sm.Hash, a) {
		tw.sum.Clean = false
	}
}

// entryFlags returns the flags column of e.
func entryFlags(e *Entry) uint8 {
	var f uint8
	if e.Reviewed {
		f |= fReviewed
	}
	if e.Approved {
		f |= fApproved
	}
	if e.InForce != nil {
		f |= fInForce
	}
	if e.Own != nil {
		f |= fOwn
		if e.InForce == e.Own {
			f |= fInForceIsOwn
		}
	}
	if e.Prior != nil {
		f |= fPrior
		if e.Prior.Fits {
			f |= fPriorFits
		}
		if e.Prior.Translation == e.Own {
			f |= fPriorIsOwn
		}
	}
	return f
}

// record writes e's record, with flags f, to the blob, as decode reads
// it: a message that two of its fields share is written once.
func (tw *tableWriter) record(e *Entry, f uint8) span {
	rec := &tw.rec
	rec.b = rec.b[:0]
	rec.u8(byte(e.State))
	rec.u8(f)
	rec.u8(uint8(tw.fromIndex(e)))
	rec.u8(checkNo(e.Reason))
	if f&fInForce != 0 && f&fInForceIsOwn == 0 {
		rec.msg(e.InForce)
	}
	if e.Own != nil {
		rec.msg(e.Own)
	}
	if e.State == Held || e.Approved {
		rec.str(e.Reason.Error())
	}
	if p := e.Prior; p != nil {
		rec.str(p.ID)
		rec.str(p.Source)
		if f&fPriorIsOwn == 0 {
			rec.msg(p.Translation)
		}
		if !p.Fits {
			rec.u8(checkNo(p.Reason))
			rec.str(p.Reason.Error())
		}
	}
	return span{uint32(tw.blob.add(rec.b)), uint32(len(rec.b))}
}

// fromIndex returns the index in langs of the language whose translation
// pages show for e, 0 when they show none.
func (tw *tableWriter) fromIndex(e *Entry) int {
	from := 0
	if e.InForce != nil {
		for k, lang := range tw.langs {
			if lang == e.From {
				from = k
			}
		}
	}
	return from
}

// count adds e to the table's summary.
func (tw *tableWriter) count(e *Entry, sm *SourceMessage) {
	sum := &tw.sum
	switch e.State {
	case Translated:
		sum.Translated++
		if e.Reviewed {
			sum.Reviewed++
		}
	case Stale:
		sum.Stale++
	case Held:
		sum.Held++
	default:
		sum.Missing++
	}
	if e.State != Translated {
		sum.WordsMissing += sm.Words
	}
}

// header encodes the table's header, as Open reads it: its languages,
// its summary, and its columns.
func (tw *tableWriter) header() []byte {
	var h enc
	h.str(tw.l.Tag)
	h.strs(tw.langs)
	clean := 0
	if tw.sum.Clean {
		clean = 1
	}
	sum := tw.sum
	for _, v := range []int{sum.Translated, sum.Stale, sum.Held, sum.Missing, sum.Reviewed, sum.WordsMissing, clean} {
		h.uv(uint64(v))
	}
	h.uv(uint64(len(tw.states)))
	h.raw(tw.states)
	h.raw(tw.flags)
	for _, v := range tw.hashes {
		h.u64(v)
	}
	for _, v := range tw.units {
		h.u32(v)
	}
	for _, sp := range tw.spans {
		h.u32(sp.off)
		h.u32(sp.len)
	}
	return h.b
}

// hashOf identifies a translation and its language, for a build's keys.
func hashOf(lang string, m *catalog.Message) uint64 {
	var e enc
	e.str(lang)
	e.msg(m)
	sum := sha256.Sum256(e.b)
	if v := binary.LittleEndian.Uint64(sum[:]); v != 0 {
		return v
	}
	return 1 // 0 is the source text
}
