package catalog

import (
	"crypto/sha1"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
)

// Message is a go-i18n message.
type Message = i18n.Message

// Catalog is the content of one message file.
type Catalog struct {
	Messages map[string]*Message
	// Lines gives the line at which each message starts in the file it
	// was parsed from, for error messages.
	Lines map[string]int
	// KeyLines gives, for a catalog read by ParseKeyed, the line of each
	// key (lowercased: "hash", "one", "other"...) of each message written
	// as a table, so that an error can point at the form that is wrong.
	KeyLines map[string]map[string]int
	// Fuzzy gives, for a catalog read by ParseKeyed, the line of the
	// FuzzyMark above each message marked with one.
	Fuzzy map[string]int
}

// FuzzyMark, a comment line of its own above a message's [id] header,
// marks a translation as a draft that is not to be taken: merge pre-fills
// a stale message with its old translation under this mark, as gettext
// does with "#, fuzzy", and the translator deletes the line once the text
// fits the new source. It is a comment so that the file stays one that
// go-i18n reads (a key it does not know beside a message's keys is an
// error there).
const FuzzyMark = "#, fuzzy"

// LineOf returns the line of key (a plural form, or "hash") of message
// id, or the line where the message starts when that is not known.
func (c *Catalog) LineOf(id, key string) int {
	if n := c.KeyLines[id][key]; n > 0 {
		return n
	}
	return c.Lines[id]
}

// New returns an empty catalog.
func New() *Catalog {
	return &Catalog{Messages: map[string]*Message{}, Lines: map[string]int{}}
}

// Hash is go-i18n's hash of a message's source, as goi18n merge writes it:
// it tells which version of the source a translation was made from.
func Hash(m *Message) string {
	h := sha1.New()
	_, _ = io.WriteString(h, m.Description)
	_, _ = io.WriteString(h, m.Other)
	return fmt.Sprintf("sha1-%x", h.Sum(nil))
}

// Empty reports whether m has no text at all: an empty translation counts as
// no translation.
func Empty(m *Message) bool {
	return strings.TrimSpace(m.Zero+m.One+m.Two+m.Few+m.Many+m.Other) == ""
}

// IDs returns the ids of c, sorted.
func (c *Catalog) IDs() []string {
	return slices.Sorted(maps.Keys(c.Messages))
}
