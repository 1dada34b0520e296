package verdict

import (
	"io"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
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

// checks names the checks a Problem can have, by number.
var checks = []string{"", "placeholders", "template", "plural", "numbers", "addresses", "glossary", "characters", "control"}

// checkNo is the number of p's check in checks, 0 for none.
func checkNo(p *Problem) uint8 {
	for i, c := range checks {
		if p != nil && c == p.Check {
			return uint8(i)
		}
	}
	return 0
}

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
