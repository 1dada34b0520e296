package verdict

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// A compiled file is a magic string, the length of its header, the
// header, and the blob of records that the header's spans point into.
const headerStart = 16 // magic (8 bytes) and header length (8)

// writeContainer writes a compiled file to w.
func writeContainer(w io.Writer, magic string, header []byte, blob *chunks) error {
	start := make([]byte, 0, headerStart)
	start = append(start, magic...)
	start = binary.LittleEndian.AppendUint64(start, uint64(len(header)))
	if _, err := w.Write(start); err != nil {
		return err
	}
	if _, err := w.Write(header); err != nil {
		return err
	}
	for _, c := range blob.list {
		if _, err := w.Write(c); err != nil {
			return err
		}
	}
	return nil
}

// chunks is a byte stream built a megabyte at a time, so that growing it
// never copies what is already written: the blob of a large language's
// table is a hundred megabytes.
type chunks struct {
	list [][]byte
	n    int
}

const chunkSize = 1 << 20

// add appends b, and says where it starts.
func (c *chunks) add(b []byte) int {
	at := c.n
	c.n += len(b)
	if len(c.list) > 0 {
		last := c.list[len(c.list)-1]
		if len(last)+len(b) <= cap(last) {
			c.list[len(c.list)-1] = append(last, b...)
			return at
		}
	}
	c.list = append(c.list, append(make([]byte, 0, max(chunkSize, len(b))), b...))
	return at
}

// openContainer reads the header of a compiled file of size bytes, and
// says where its blob starts.
func openContainer(r io.ReaderAt, size int64, magic string) (header []byte, base int64, err error) {
	if size < headerStart {
		return nil, 0, errCorrupt
	}
	var start [headerStart]byte
	if _, err := r.ReadAt(start[:], 0); err != nil {
		return nil, 0, fmt.Errorf("read compiled catalog: %w", err)
	}
	if string(start[:8]) != magic {
		return nil, 0, errCorrupt
	}
	n := binary.LittleEndian.Uint64(start[8:])
	if n > uint64(size-headerStart) {
		return nil, 0, errCorrupt
	}
	header = make([]byte, n)
	if m, err := r.ReadAt(header, headerStart); m < len(header) {
		if err == nil || errors.Is(err, io.EOF) {
			err = errCorrupt
		}
		return nil, 0, err
	}
	return header, headerStart + int64(n), nil
}

// spans reads n spans of a header, each within a blob of blobLen bytes.
func (d *dec) spans(n int, blobLen int64) []span {
	if uint64(len(d.b)) < uint64(n)*8 {
		d.fail()
		return nil
	}
	out := make([]span, n)
	for i := range out {
		out[i] = span{d.u32(), d.u32()}
		if int64(out[i].off)+int64(out[i].len) > blobLen {
			d.fail()
			return nil
		}
	}
	return out
}
