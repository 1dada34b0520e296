package verdict

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/glot-i18n/glot/internal/catalog"
)

// The compiled Source and Tables are written in a binary form of their
// own, made to be opened in a moment and read in part: a short header,
// fixed-width columns that are read whole (a state and a place per
// message), and a blob of variable records that is read only where a
// command needs it, through an io.ReaderAt. Records are laid out in the
// order pages first use their messages, so that the messages of one page
// are read in one go.
//
// Numbers are little-endian; strings and counts in records are uvarints.

// errCorrupt says a compiled file is not what it should be; its reader
// treats it as absent and compiles again.
var errCorrupt = errors.New("compiled catalog is corrupt")

// enc appends to a byte slice.
type enc struct{ b []byte }

func (e *enc) u8(v uint8)   { e.b = append(e.b, v) }
func (e *enc) uv(v uint64)  { e.b = binary.AppendUvarint(e.b, v) }
func (e *enc) u32(v uint32) { e.b = binary.LittleEndian.AppendUint32(e.b, v) }
func (e *enc) u64(v uint64) { e.b = binary.LittleEndian.AppendUint64(e.b, v) }
func (e *enc) raw(b []byte) { e.b = append(e.b, b...) }
func (e *enc) str(s string) { e.uv(uint64(len(s))); e.b = append(e.b, s...) }
func (e *enc) strs(ss []string) {
	e.uv(uint64(len(ss)))
	for _, s := range ss {
		e.str(s)
	}
}

// Which parts of a message are set, in a message's first byte.
const (
	mZero = 1 << iota
	mOne
	mTwo
	mFew
	mMany
	mOther
	mDescription
	mDelims
)

// msg writes the text of message m: its plural forms, description and
// template delimiters. Its id and hash are not part of it.
func (e *enc) msg(m *catalog.Message) {
	var mask uint8
	for i, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other, m.Description} {
		if s != "" {
			mask |= 1 << i
		}
	}
	if m.LeftDelim != "" || m.RightDelim != "" {
		mask |= mDelims
	}
	e.u8(mask)
	for i, s := range []string{m.Zero, m.One, m.Two, m.Few, m.Many, m.Other, m.Description} {
		if mask&(1<<i) != 0 {
			e.str(s)
		}
	}
	if mask&mDelims != 0 {
		e.str(m.LeftDelim)
		e.str(m.RightDelim)
	}
}

// dec reads what enc wrote; the first error sticks, and every read after
// it returns zero values.
type dec struct {
	b   []byte
	err error
}

func (d *dec) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

func (d *dec) u8() uint8 {
	if len(d.b) < 1 {
		d.fail()
		return 0
	}
	v := d.b[0]
	d.b = d.b[1:]
	return v
}

func (d *dec) uv() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *dec) u32() uint32 {
	if len(d.b) < 4 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint32(d.b)
	d.b = d.b[4:]
	return v
}

func (d *dec) u64() uint64 {
	if len(d.b) < 8 {
		d.fail()
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

func (d *dec) bytes(n uint64) []byte {
	if uint64(len(d.b)) < n {
		d.fail()
		return nil
	}
	v := d.b[:n:n]
	d.b = d.b[n:]
	return v
}

func (d *dec) str() string { return string(d.bytes(d.uv())) }

func (d *dec) strs() []string {
	n := d.uv()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = d.str()
	}
	return ss
}

func (d *dec) msg() *catalog.Message {
	mask := d.u8()
	m := &catalog.Message{}
	for i, p := range []*string{&m.Zero, &m.One, &m.Two, &m.Few, &m.Many, &m.Other, &m.Description} {
		if mask&(1<<i) != 0 {
			*p = d.str()
		}
	}
	if mask&mDelims != 0 {
		m.LeftDelim, m.RightDelim = d.str(), d.str()
	}
	return m
}

// span is where a record is in a blob.
type span struct{ off, len uint32 }

// readSpans reads the records at spans from r, which starts at base, in as
// few reads as their places allow: records close together are read in one
// go. It returns each record's bytes, in the order of spans.
func readSpans(r io.ReaderAt, base int64, spans []span) ([][]byte, error) {
	out := make([][]byte, len(spans))
	order := make([]int, len(spans))
	for i := range order {
		order[i] = i
	}
	// Insertion sort: a page has tens of records, mostly in order already.
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && spans[order[j]].off < spans[order[j-1]].off; j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
	const gap, most = 4 << 10, 256 << 10
	for i := 0; i < len(order); {
		lo := spans[order[i]].off
		hi := lo + spans[order[i]].len
		j := i + 1
		for ; j < len(order); j++ {
			s := spans[order[j]]
			if s.off > hi+gap || s.off+s.len-lo > most {
				break
			}
			hi = max(hi, s.off+s.len)
		}
		buf := make([]byte, hi-lo)
		if n, err := r.ReadAt(buf, base+int64(lo)); n < len(buf) {
			if err == nil || errors.Is(err, io.EOF) {
				err = errCorrupt
			}
			return nil, fmt.Errorf("read compiled catalog: %w", err)
		}
		for _, k := range order[i:j] {
			s := spans[k]
			out[k] = buf[s.off-lo : s.off-lo+s.len : s.off-lo+s.len]
		}
		i = j
	}
	return out, nil
}
