package verdict

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/msgtext"
)

const tableMagic = "glotTBL1"

// Table is the compiled catalog of one language: for every message of the
// source, where it stands and what a page in that language shows for it.
// It is worked out once from the language's files (and those of the
// languages it falls back to) and every command reads it: the state of
// every message is in memory, the rest is read when asked for.
type Table struct {
	Lang   string
	src    *Source
	langs  []string // the language, then those it falls back to
	sum    Summary
	states []byte
	flags  []byte
	hashes []uint64 // of what pages show: the translation in force, then a stale one, per message
	units  []uint32 // what a reader reads in them (see Reading), likewise
	spans  []span
	r      io.ReaderAt
	base   int64
	closer io.Closer

	mu  sync.Mutex
	err error
}

// Summary counts the messages of a table by state.
type Summary struct {
	Translated, Stale, Held, Missing int
	Reviewed                         int // translated messages a reviewer signed off
	WordsMissing                     int // source words of the messages not translated
	// Clean says glot merge would leave the language's catalog and
	// archive as they are: every translation in it stands, and no
	// archived one would come back.
	Clean bool
}

// Entry is what a Table knows of one source message.
type Entry struct {
	State State
	// Reason says why a Held translation is held back.
	Reason *Problem
	// Own is the translation made in this language for this version of
	// the source: the one in force (Translated), or one held back.
	Own *catalog.Message
	// InForce is what a page in this language shows: Own when it stands,
	// else the translation of the nearest parent language that stands
	// (es-MX shows es), else nil for the source text.
	InForce *catalog.Message
	// From is the language InForce is in.
	From string
	// Reviewed says a reviewer signed InForce off, as it is now.
	Reviewed bool
	// Approved says InForce stands only because a reviewer approved it:
	// it fails a blocking check, which Reason gives.
	Approved bool
	// Prior is the translation the message had, for a Stale or Held one.
	Prior *Prior
}

// Prior is an earlier translation of a message.
type Prior struct {
	ID          string // the message it translated: the same id, or one this message succeeds
	Lang        string // the language it is in: the table's
	Source      string // the source text it translated, when known
	Translation *catalog.Message
	// Fits says it fits the current source (see Fits), so that a build
	// may show it when stale translations are allowed; Reason says why
	// not.
	Fits   bool
	Reason *Problem
}

// Policy says which translations a build may show.
type Policy struct {
	AllowStale      bool // a stale translation rather than the source text
	RequireReviewed bool // only translations a reviewer signed off
}

// Use returns the translation a page shows for the message under p, the
// language it is in, and whether it is stale; ok is false when the
// source text shows.
func (e *Entry) Use(p Policy) (m *catalog.Message, lang string, stale, ok bool) {
	switch {
	case e == nil:
		return nil, "", false, false
	case e.InForce != nil:
		if p.RequireReviewed && !e.Reviewed {
			return nil, "", false, false
		}
		return e.InForce, e.From, false, true
	case p.AllowStale && !p.RequireReviewed && e.Prior != nil && e.Prior.Fits:
		return e.Prior.Translation, e.Prior.Lang, true, true
	}
	return nil, "", false, false
}

// Problem says why a translation the message has is not shown under p,
// or nil when nothing is held back: a build reports it.
func (e *Entry) Problem(p Policy) *Problem {
	switch {
	case e == nil:
		return nil
	case e.State == Held && e.InForce == nil:
		return e.Reason
	case p.AllowStale && !p.RequireReviewed && e.InForce == nil && e.Prior != nil && !e.Prior.Fits:
		return e.Prior.Reason
	}
	return nil
}

// Flags of a message, in a table's flags column.
const (
	fReviewed = 1 << iota
	fInForce
	fOwn
	fInForceIsOwn
	fPrior
	fPriorFits
	fPriorIsOwn
	fApproved
)

// Source returns the source t was compiled against.
func (t *Table) Source() *Source { return t.src }

// Summary counts t's messages by state.
func (t *Table) Summary() Summary { return t.sum }

// State returns the state of message i of the source.
func (t *Table) State(i int) State { return State(t.states[i]) }

// Shown returns a hash of what a page shows for message i under p: 0 for
// the source text. A build keys its outputs on it.
func (t *Table) Shown(i int, p Policy) uint64 {
	f := t.flags[i]
	switch {
	case f&fInForce != 0:
		if p.RequireReviewed && f&fReviewed == 0 {
			return 0
		}
		return t.hashes[2*i]
	case p.AllowStale && !p.RequireReviewed && f&fPriorFits != 0:
		return t.hashes[2*i+1]
	}
	return 0
}

// Reading returns what a reader reads in the translation a page shows for
// message i under p (see msgtext.Reading), for the page's reading time;
// ok is false when the page shows the source text.
func (t *Table) Reading(i int, p Policy) (words int, unspaced, ok bool) {
	f := t.flags[i]
	k := -1
	switch {
	case f&fInForce != 0:
		if !p.RequireReviewed || f&fReviewed != 0 {
			k = 2 * i
		}
	case p.AllowStale && !p.RequireReviewed && f&fPriorFits != 0:
		k = 2*i + 1
	}
	if k < 0 {
		return 0, false, false
	}
	u := t.units[k]
	return int(u &^ unspacedBit), u&unspacedBit != 0, true
}

const unspacedBit = 1 << 31

func unitsOf(m *catalog.Message) uint32 {
	w, unspaced := msgtext.Reading(m.Other)
	u := uint32(min(w, unspacedBit-1))
	if unspaced {
		u |= unspacedBit
	}
	return u
}

// Entry returns the entry of source message id; nil when the source has
// no such message. A read that fails gives an empty entry, and Err says
// why.
func (t *Table) Entry(id string) *Entry {
	if t == nil {
		return nil
	}
	i, ok := t.src.Index(id)
	if !ok {
		return nil
	}
	es := t.Entries([]int{i})
	return es[0]
}

// Entries returns the entries of source messages idx, in as few reads as
// their places allow.
func (t *Table) Entries(idx []int) []*Entry {
	out := make([]*Entry, len(idx))
	sp := make([]span, len(idx))
	for k, i := range idx {
		sp[k] = t.spans[i]
	}
	recs, err := readSpans(t.r, t.base, sp)
	for k := range idx {
		if err == nil {
			out[k], err = t.decode(recs[k])
		}
		if err != nil {
			t.fail(err)
			out[k] = &Entry{State: Missing}
		}
	}
	return out
}

// Err returns the first error reading t.
func (t *Table) Err() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.err
}

func (t *Table) fail(err error) {
	t.mu.Lock()
	if t.err == nil {
		t.err = err
	}
	t.mu.Unlock()
}

// Close releases the file t was opened from, if any.
func (t *Table) Close() error {
	if t.closer != nil {
		return t.closer.Close()
	}
	return nil
}

// checks names the checks a Problem can have, by number.
var checks = []string{"", "placeholders", "template", "plural", "numbers", "addresses", "glossary", "characters", "control"}

func checkNo(p *Problem) uint8 {
	for i, c := range checks {
		if p != nil && c == p.Check {
			return uint8(i)
		}
	}
	return 0
}

func (t *Table) decode(rec []byte) (*Entry, error) {
	d := dec{b: rec}
	e := &Entry{State: State(d.u8())}
	flags := d.u8()
	from := int(d.u8())
	check := d.u8()
	if from >= len(t.langs) || int(check) >= len(checks) || e.State > Translated {
		return nil, errCorrupt
	}
	e.Reviewed = flags&fReviewed != 0
	e.Approved = flags&fApproved != 0
	if flags&fInForce != 0 && flags&fInForceIsOwn == 0 {
		e.InForce = d.msg()
	}
	if flags&fOwn != 0 {
		e.Own = d.msg()
		if flags&fInForceIsOwn != 0 {
			e.InForce = e.Own
		}
	}
	if e.InForce != nil {
		e.From = t.langs[from]
	}
	if e.State == Held || e.Approved {
		e.Reason = &Problem{Check: checks[check], Err: errors.New(d.str())}
	}
	if flags&fPrior != 0 {
		p := &Prior{Lang: t.Lang, ID: d.str(), Source: d.str(), Fits: flags&fPriorFits != 0}
		if flags&fPriorIsOwn != 0 {
			p.Translation = e.Own
		} else {
			p.Translation = d.msg()
		}
		if !p.Fits {
			c := d.u8()
			if int(c) >= len(checks) {
				return nil, errCorrupt
			}
			p.Reason = &Problem{Check: checks[c], Err: errors.New(d.str())}
		}
		e.Prior = p
	}
	if d.err != nil {
		return nil, d.err
	}
	return e, nil
}

// Compile works out the table of language l against source src, in
// memory.
func Compile(src *Source, l *locale.Lang) (*Table, error) {
	var buf bytes.Buffer
	if err := Encode(&buf, src, l); err != nil {
		return nil, err
	}
	return Open(src, bytes.NewReader(buf.Bytes()), int64(buf.Len()))
}

// Encode works out the table of language l against source src, and
// writes to w what Open reads.
func Encode(w io.Writer, src *Source, l *locale.Lang) error {
	n := src.Len()
	langs := []string{l.Tag}
	for _, p := range l.Parents {
		langs = append(langs, p.Tag)
	}
	states, flags := make([]byte, n), make([]byte, n)
	hashes := make([]uint64, 2*n)
	units := make([]uint32, 2*n)
	spans := make([]span, n)
	sum := Summary{Clean: true}
	keptAsIs := 0 // translations merge would keep as they are
	var blob chunks
	var rec enc
	r := src.Rules()
	err := src.Each(func(i int, sm *SourceMessage) error {
		e := r.EntryOf(l, sm)
		if own := l.Active.Messages[sm.ID]; own != nil {
			if (e.State == Translated || e.State == Held && e.Reason.Approvable()) && e.Own == own && own.Hash != "" {
				keptAsIs++
			}
		} else if a := l.Archive[sm.ID]; a != nil && r.restorable(l.Tag, sm.Message, sm.Hash, a) {
			sum.Clean = false
		}
		rec.b = rec.b[:0]
		states[i] = byte(e.State)
		var f uint8
		from := 0
		if e.Reviewed {
			f |= fReviewed
		}
		if e.Approved {
			f |= fApproved
		}
		if e.InForce != nil {
			f |= fInForce
			for k, lang := range langs {
				if lang == e.From {
					from = k
				}
			}
			hashes[2*i] = hashOf(e.From, e.InForce)
			units[2*i] = unitsOf(e.InForce)
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
				hashes[2*i+1] = hashOf(e.Prior.Lang, e.Prior.Translation)
				units[2*i+1] = unitsOf(e.Prior.Translation)
			}
			if e.Prior.Translation == e.Own {
				f |= fPriorIsOwn
			}
		}
		flags[i] = f
		rec.u8(byte(e.State))
		rec.u8(f)
		rec.u8(uint8(from))
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
		spans[i] = span{uint32(blob.add(rec.b)), uint32(len(rec.b))}
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
		return nil
	})
	if err != nil {
		return err
	}
	// A translation of a message no longer in the source, an empty one, a
	// stale one or one held back: merge has something to do.
	sum.Clean = sum.Clean && keptAsIs == len(l.Active.Messages)
	var h enc
	h.str(l.Tag)
	h.strs(langs)
	clean := 0
	if sum.Clean {
		clean = 1
	}
	for _, v := range []int{sum.Translated, sum.Stale, sum.Held, sum.Missing, sum.Reviewed, sum.WordsMissing, clean} {
		h.uv(uint64(v))
	}
	h.uv(uint64(n))
	h.raw(states)
	h.raw(flags)
	for _, v := range hashes {
		h.u64(v)
	}
	for _, v := range units {
		h.u32(v)
	}
	for _, sp := range spans {
		h.u32(sp.off)
		h.u32(sp.len)
	}
	return writeContainer(w, tableMagic, h.b, &blob)
}

// Open opens a compiled table of size bytes, as Encode wrote it against
// src. If r is an io.Closer, Close closes it.
func Open(src *Source, r io.ReaderAt, size int64) (*Table, error) {
	header, base, err := openContainer(r, size, tableMagic)
	if err != nil {
		return nil, err
	}
	d := dec{b: header}
	t := &Table{src: src, r: r, base: base}
	t.Lang = d.str()
	t.langs = d.strs()
	sum := make([]int, 7)
	for k := range sum {
		sum[k] = int(d.uv())
	}
	t.sum = Summary{sum[0], sum[1], sum[2], sum[3], sum[4], sum[5], sum[6] == 1}
	n := int(d.uv())
	if n != src.Len() || len(t.langs) == 0 || t.langs[0] != t.Lang {
		return nil, errCorrupt
	}
	t.states = d.bytes(uint64(n))
	t.flags = d.bytes(uint64(n))
	raw := d.bytes(uint64(16 * n))
	rawUnits := d.bytes(uint64(8 * n))
	t.spans = d.spans(n, size-base)
	if d.err != nil {
		return nil, errCorrupt
	}
	t.hashes = make([]uint64, 2*n)
	for k := range t.hashes {
		t.hashes[k] = binary.LittleEndian.Uint64(raw[8*k:])
	}
	t.units = make([]uint32, 2*n)
	for k := range t.units {
		t.units[k] = binary.LittleEndian.Uint32(rawUnits[4*k:])
	}
	if c, ok := r.(io.Closer); ok {
		t.closer = c
	}
	return t, nil
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

// EntryOf works out what language l has for source message sm: the entry
// a table compiled from l would hold.
func (r *Rules) EntryOf(l *locale.Lang, sm *SourceMessage) *Entry {
	id, srcMsg := sm.ID, sm.Message
	e := &Entry{State: Missing}
	if own := l.Active.Messages[id]; own != nil {
		v := r.judge(l.Tag, srcMsg, sm.Hash, own)
		if Approved(v, l.Reviews, id, own) {
			e.State, e.Own, e.InForce, e.From = Translated, own, own, l.Tag
			e.Reviewed, e.Approved, e.Reason = true, true, v.Reason
			return e
		}
		switch v.State {
		case Translated:
			e.State, e.Own, e.InForce, e.From = Translated, own, own, l.Tag
			e.Reviewed = reviewed(l.Reviews, id, own)
			return e
		case Held:
			e.State, e.Own, e.Reason = Held, own, v.Reason
			e.Prior = r.prior(l.Tag, srcMsg, id, srcMsg.Other, own)
		case Stale:
			e.State = Stale
			e.Prior = r.prior(l.Tag, srcMsg, id, "", own)
		}
	}
	// A regional variant shows its parent's translation where it has
	// none that stands.
	for _, p := range l.Parents {
		t := p.Active.Messages[id]
		if t == nil {
			continue
		}
		if v := r.judge(l.Tag, srcMsg, sm.Hash, t); v.State == Translated || Approved(v, p.Reviews, id, t) {
			e.InForce, e.From = t, p.Tag
			e.Reviewed = reviewed(p.Reviews, id, t)
			// The reason a language's own translation is held back stays
			// with it; the parent's is the reason only when that one
			// stands by a reviewer's approval.
			if e.Approved = v.State == Held; e.Approved {
				e.Reason = v.Reason
			}
			if e.State == Missing {
				e.State = Translated
			}
			return e
		}
	}
	if e.State != Missing {
		return e
	}
	// An earlier translation: archived, or of a message this one
	// succeeds.
	if a := l.Archive[id]; a != nil && !catalog.Empty(&a.Message) {
		e.State, e.Prior = Stale, r.prior(l.Tag, srcMsg, id, a.Source, &a.Message)
		return e
	}
	for _, w := range sm.Was {
		if t := l.Active.Messages[w.ID]; t != nil && !catalog.Empty(t) {
			e.State, e.Prior = Stale, r.prior(l.Tag, srcMsg, w.ID, w.Text, t)
			return e
		}
		if a := l.Archive[w.ID]; a != nil && !catalog.Empty(&a.Message) {
			from := a.Source
			if from == "" {
				from = w.Text
			}
			e.State, e.Prior = Stale, r.prior(l.Tag, srcMsg, w.ID, from, &a.Message)
			return e
		}
	}
	return e
}

// Restorable reports whether archived translation a is current again for
// source message src, so that glot merge puts it back in the language's
// catalog: it was made for this source (by its hash, or by the source text
// the archive keeps with it) and merge takes it (see Takes).
func (r *Rules) Restorable(lang string, src *catalog.Message, a *ledger.Entry) bool {
	return r.restorable(lang, src, catalog.Hash(src), a)
}

func (r *Rules) restorable(lang string, src *catalog.Message, hash string, a *ledger.Entry) bool {
	m := a.Message
	if m.Hash == "" && a.Source != "" {
		if a.Source != src.Other {
			return false // made for a source text that is not this one
		}
		m.Hash = hash
	}
	return Takes(r.judge(lang, src, hash, &m))
}

func (r *Rules) prior(lang string, src *catalog.Message, id, source string, t *catalog.Message) *Prior {
	p := &Prior{ID: id, Lang: lang, Source: source, Translation: t}
	p.Reason = r.Fits(lang, src, t)
	p.Fits = p.Reason == nil
	return p
}

// Approved reports whether translation t of message id, judged v, is held
// back only by a blocking check and a reviewer approved it, as it is now:
// then it stands.
func Approved(v Verdict, r ledger.Reviews, id string, t *catalog.Message) bool {
	return v.State == Held && v.Reason.Approvable() && reviewed(r, id, t)
}

// reviewed reports whether a reviewer signed off translation t of message
// id, as it is now.
func reviewed(r ledger.Reviews, id string, t *catalog.Message) bool {
	rv, ok := r[id]
	return ok && rv.Translation == ledger.TextHash(t)
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

// HasOwn reports whether message i has a translation made in the table's
// language for the current version of its source, standing or held back.
func (t *Table) HasOwn(i int) bool { return t.flags[i]&fOwn != 0 }

// ShownStale reports whether what a page shows for message i under p is
// a stale translation.
func (t *Table) ShownStale(i int, p Policy) bool {
	f := t.flags[i]
	return f&fInForce == 0 && p.AllowStale && !p.RequireReviewed && f&fPriorFits != 0
}

// HoldsBack reports whether message i has a translation that a page
// under p does not show, for a reason the entry's Problem gives.
func (t *Table) HoldsBack(i int, p Policy) bool {
	f := t.flags[i]
	if f&fInForce != 0 {
		return false
	}
	return State(t.states[i]) == Held || p.AllowStale && !p.RequireReviewed && f&fPrior != 0 && f&fPriorFits == 0
}

// Approved reports whether what pages show for message i stands only
// because a reviewer approved it (see Entry.Approved).
func (t *Table) Approved(i int) bool { return t.flags[i]&fApproved != 0 }

// InForce reports whether pages show a translation of message i, the
// language's own or a parent language's, when no review is required.
func (t *Table) InForce(i int) bool { return t.flags[i]&fInForce != 0 }

// Own reports whether what pages show for message i is the language's own
// translation.
func (t *Table) Own(i int) bool { return t.flags[i]&fInForceIsOwn != 0 }

// Reviewed reports whether a reviewer signed off what pages show for
// message i, as it is now (see Entry.Reviewed).
func (t *Table) Reviewed(i int) bool { return t.flags[i]&fReviewed != 0 }
