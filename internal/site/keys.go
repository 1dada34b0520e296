package site

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"maps"
	"slices"

	"github.com/glot-i18n/glot/internal/layout"
)

// Key is a hash of everything an output is made from: when it is the same
// as when the output was last made, so are the output's bytes.
type Key [16]byte

func (k Key) String() string { return hex.EncodeToString(k[:]) }

// keyer builds a Key from fields, each written with its length so that no
// two lists of fields read the same.
type keyer struct{ h hash.Hash }

func newKeyer(salt Key) *keyer {
	k := &keyer{sha256.New()}
	return k.raw(salt[:])
}

func (k *keyer) raw(b []byte) *keyer {
	var n [binary.MaxVarintLen64]byte
	k.h.Write(n[:binary.PutUvarint(n[:], uint64(len(b)))])
	k.h.Write(b)
	return k
}

func (k *keyer) str(s string) *keyer { return k.raw([]byte(s)) }

func (k *keyer) u64(v uint64) *keyer {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	return k.raw(b[:])
}

func (k *keyer) flag(v bool) *keyer {
	if v {
		return k.str("1")
	}
	return k.str("0")
}

func (k *keyer) key() Key {
	var out Key
	copy(out[:], k.h.Sum(nil))
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
