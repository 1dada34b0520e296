package project

import (
	"encoding/binary"
	"sort"

	"github.com/glot-i18n/glot/internal/site"
)

// record is what a build wrote: for each output, the key it was made
// under, a hash of its bytes, and what the file it left looked like. The
// next build makes again only the outputs whose key changed, writes only
// those whose bytes changed, and removes those it no longer makes.
type record struct {
	outs map[string]*outRecord
	// roots describes the folders a person might delete whole (an
	// output folder, a language's folder in it) as the build left them:
	// the outputs in one that changed are made again.
	roots map[string]dirStamp
}

type dirStamp struct {
	ino   uint64
	mtime int64
}

func newRecord() record {
	return record{outs: map[string]*outRecord{}, roots: map[string]dirStamp{}}
}

type outRecord struct {
	page, lang, format string
	key                site.Key
	sum                [32]byte
	size, mtime        int64
}

func (r *outRecord) output(name string) site.Output {
	return site.Output{Name: name, Page: r.page, Lang: r.lang, Format: r.format, Key: r.key}
}

const recordMagic = "glotOUT1"

func (r record) encode() []byte {
	size := len(recordMagic)
	for n, e := range r.outs {
		size += len(n) + len(e.page) + len(e.lang) + len(e.format) + 80
	}
	out := append(make([]byte, 0, size), recordMagic...)
	str := func(s string) {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	roots := make([]string, 0, len(r.roots))
	for n := range r.roots {
		roots = append(roots, n)
	}
	sort.Strings(roots)
	out = binary.AppendUvarint(out, uint64(len(roots)))
	for _, n := range roots {
		str(n)
		out = binary.AppendUvarint(out, r.roots[n].ino)
		out = binary.LittleEndian.AppendUint64(out, uint64(r.roots[n].mtime))
	}
	names := make([]string, 0, len(r.outs))
	for n := range r.outs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		e := r.outs[n]
		str(n)
		str(e.page)
		str(e.lang)
		str(e.format)
		out = append(out, e.key[:]...)
		out = append(out, e.sum[:]...)
		out = binary.AppendUvarint(out, uint64(e.size))
		out = binary.LittleEndian.AppendUint64(out, uint64(e.mtime))
	}
	return out
}

// decodeRecord reads what encode wrote; what it cannot read is an empty
// record, and the next build makes everything.
func decodeRecord(data []byte) record {
	r := newRecord()
	if len(data) < len(recordMagic) || string(data[:len(recordMagic)]) != recordMagic {
		return r
	}
	d := data[len(recordMagic):]
	str := func() (string, bool) {
		n, k := binary.Uvarint(d)
		if k <= 0 || n > uint64(len(d)-k) {
			return "", false
		}
		s := string(d[k : k+int(n)])
		d = d[k+int(n):]
		return s, true
	}
	nroots, k := binary.Uvarint(d)
	if k <= 0 {
		return newRecord()
	}
	d = d[k:]
	for i := uint64(0); i < nroots; i++ {
		name, ok := str()
		ino, k := binary.Uvarint(d)
		if !ok || k <= 0 || len(d) < k+8 {
			return newRecord()
		}
		r.roots[name] = dirStamp{ino, int64(binary.LittleEndian.Uint64(d[k:]))}
		d = d[k+8:]
	}
	// A large site's record has a hundred thousand outputs: the map is
	// made about big enough at once, the records are allocated together,
	// and a page's, language's or format's name, which many outputs
	// share, is made into a string once.
	r.outs = make(map[string]*outRecord, len(d)/128)
	var block []outRecord
	interned := map[string]string{}
	intern := func() (string, bool) {
		n, k := binary.Uvarint(d)
		if k <= 0 || n > uint64(len(d)-k) {
			return "", false
		}
		b := d[k : k+int(n)]
		d = d[k+int(n):]
		if s, ok := interned[string(b)]; ok {
			return s, true
		}
		s := string(b)
		interned[s] = s
		return s, true
	}
	for len(d) > 0 {
		if len(block) == 0 {
			block = make([]outRecord, 1024)
		}
		e := &block[0]
		block = block[1:]
		name, ok1 := str()
		page, ok2 := intern()
		lang, ok3 := intern()
		format, ok4 := intern()
		if !ok1 || !ok2 || !ok3 || !ok4 || len(d) < len(e.key)+len(e.sum) {
			return newRecord()
		}
		e.page, e.lang, e.format = page, lang, format
		d = d[copy(e.key[:], d):]
		d = d[copy(e.sum[:], d):]
		size, k := binary.Uvarint(d)
		if k <= 0 || len(d) < k+8 {
			return newRecord()
		}
		e.size = int64(size)
		e.mtime = int64(binary.LittleEndian.Uint64(d[k:]))
		d = d[k+8:]
		r.outs[name] = e
	}
	return r
}
