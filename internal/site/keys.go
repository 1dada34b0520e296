package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/glot-i18n/glot/internal/layout"
)

// Key is a hash of everything an output is made from: when it is the same
// as when the output was last made, so are the output's bytes.
type Key [16]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// keyer builds a Key from fields, each written with its length so that no
// two lists of fields read the same. The fields gather in a buffer and are
// hashed at once: a build keys hundreds of thousands of outputs.
type keyer struct{ b []byte }

var keyers = sync.Pool{New: func() any { return &keyer{b: make([]byte, 0, 1024)} }}

func newKeyer(salt Key) *keyer {
	k := keyers.Get().(*keyer)
	k.b = k.b[:0]
	return k.raw(salt[:])
}

func (k *keyer) raw(b []byte) *keyer {
	k.b = binary.AppendUvarint(k.b, uint64(len(b)))
	k.b = append(k.b, b...)
	return k
}

func (k *keyer) str(s string) *keyer {
	k.b = binary.AppendUvarint(k.b, uint64(len(s)))
	k.b = append(k.b, s...)
	return k
}

func (k *keyer) u64(v uint64) *keyer {
	k.b = append(k.b, 8)
	k.b = binary.LittleEndian.AppendUint64(k.b, v)
	return k
}

func (k *keyer) flag(v bool) *keyer {
	if v {
		return k.str("1")
	}
	return k.str("0")
}

// key returns the Key of the fields, and puts k back for another.
func (k *keyer) key() Key {
	sum := sha256.Sum256(k.b)
	var out Key
	copy(out[:], sum[:])
	keyers.Put(k)
	return out
}

// globalKey is what every output of the build depends on: what the build
// cannot see (Options.Salt), the configuration, the layout and its
// interface text in every language, and what the build was asked for.
func (b *builder) globalKey(set *layout.Set) Key {
	k := newKeyer(Key{}).raw(b.o.Salt)
	k.str(fmt.Sprintf("%#v", *b.o.Config))
	if b.o.Rules != nil {
		k.str(fmt.Sprintf("%#v", *b.o.Rules))
	}
	for _, n := range slices.Sorted(maps.Keys(set.Templates)) {
		k.str(n).str(set.Templates[n])
	}
	for _, id := range set.Used() {
		m := set.Messages.Messages[id]
		k.str(id).str(m.Zero).str(m.One).str(m.Two).str(m.Few).str(m.Many).str(m.Other).str(m.Description)
	}
	k.str(b.ui.digest())
	k.flag(b.o.AllowStale).flag(b.o.RequireReviewed)
	k.flag(b.o.Source != nil)
	return k.key()
}
