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

func container(magic string, header, blob []byte) []byte {
	out := make([]byte, 0, headerStart+len(header)+len(blob))
	out = append(out, magic...)
	out = binary.LittleEndian.AppendUint64(out, uint64(len(header)))
	out = append(out, header...)
	return append(out, blob...)
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
