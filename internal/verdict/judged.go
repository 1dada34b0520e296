package verdict

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"io"
	"slices"
	"sync"

	"github.com/glot-i18n/glot/internal/catalog"
)

// Judged remembers what Fits found of the translations of one language,
// from one compile of its table to the next. A change to one page changes
// the source catalog, and every language's table is compiled again; most
// of its translations, and their sources, are those the last compile
// judged, and running the blocking checks on every one of them again
// took most of a build after a one-page edit.
//
// A judgement is known by the language, the source message's text and
// the translation's (their plural forms and template delimiters): what
// Fits reads of them. What else it depends on (the source language, the
// glossary, glot itself) is the caller's to put in the name it keeps the
// memory under. Judged is safe for concurrent use.
type Judged struct {
	mu   sync.Mutex
	old  map[[32]byte]*Problem // as read: nil for a translation that fits
	seen map[[32]byte]*Problem // asked or found in this compile
}

// NewJudged returns a memory of judgements read from data, as Bytes
// wrote it; data that does not read is an empty memory, for a memory is
// only a shortcut.
func NewJudged(data []byte) *Judged {
	j := &Judged{old: map[[32]byte]*Problem{}, seen: map[[32]byte]*Problem{}}
	r := bytes.NewReader(data)
	var magic [8]byte
	if _, err := io.ReadFull(r, magic[:]); err != nil || string(magic[:]) != judgedMagic {
		return j
	}
	for r.Len() > 0 {
		var key [32]byte
		if _, err := io.ReadFull(r, key[:]); err != nil {
			return &Judged{old: map[[32]byte]*Problem{}, seen: map[[32]byte]*Problem{}}
		}
		check, err1 := readString(r)
		msg, err2 := readString(r)
		form, err3 := readString(r)
		if err := errors.Join(err1, err2, err3); err != nil {
			return &Judged{old: map[[32]byte]*Problem{}, seen: map[[32]byte]*Problem{}}
		}
		var p *Problem
		if check != "" {
			p = &Problem{Check: check, Err: errors.New(msg), Form: form}
		}
		j.old[key] = p
	}
	return j
}

const judgedMagic = "glotJDG1"

// Bytes writes the judgements asked for or made since the memory was
// read: those of the translations the language has now, and no others,
// so that the memory does not grow with every text ever judged.
func (j *Judged) Bytes() []byte {
	j.mu.Lock()
	defer j.mu.Unlock()
	keys := make([][32]byte, 0, len(j.seen))
	for k := range j.seen {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [32]byte) int { return bytes.Compare(a[:], b[:]) })
	var b bytes.Buffer
	b.WriteString(judgedMagic)
	for _, k := range keys {
		b.Write(k[:])
		p := j.seen[k]
		if p == nil {
			writeString(&b, "")
			writeString(&b, "")
			writeString(&b, "")
			continue
		}
		writeString(&b, p.Check)
		writeString(&b, p.Err.Error())
		writeString(&b, p.Form)
	}
	return b.Bytes()
}

// get returns what was found of the translation known by key.
func (j *Judged) get(key [32]byte) (*Problem, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if p, ok := j.seen[key]; ok {
		return p, true
	}
	p, ok := j.old[key]
	if ok {
		j.seen[key] = p
	}
	return p, ok
}

// put records what was found of the translation known by key.
func (j *Judged) put(key [32]byte, p *Problem) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.seen[key] = p
}

// judgedKey knows translation t into lang of source message src by what
// Fits reads of them.
func judgedKey(lang string, src, t *catalog.Message) [32]byte {
	h := sha256.New()
	put := func(s string) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.Write([]byte(s))
	}
	put(lang)
	for _, m := range []*catalog.Message{src, t} {
		put(m.LeftDelim)
		put(m.RightDelim)
		for _, f := range catalog.Forms(m) {
			put(f.Name)
			put(f.Text)
		}
		put("")
	}
	var key [32]byte
	h.Sum(key[:0])
	return key
}

func writeString(b *bytes.Buffer, s string) {
	var n [binary.MaxVarintLen64]byte
	b.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
	b.WriteString(s)
}

func readString(r *bytes.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(r.Len()) {
		return "", errors.Join(err, io.ErrUnexpectedEOF)
	}
	buf := make([]byte, n)
	_, err = io.ReadFull(r, buf)
	return string(buf), err
}
