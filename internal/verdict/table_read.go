package verdict

import (
	"encoding/binary"
	"errors"
	"io"
)

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
