// Package msgid owns the identity of messages: how a block of a page is
// named in the catalogs, and how an edited block is recognised as the
// successor of the one it replaces.
//
// # Ids
//
// A message's id is derived from its normalized source text (placeholders
// included) and its context, which is empty unless a page asks for one:
//
//	ketamine-infusion-therapy-k7q2m4xv9c3a
//	\_______________________/ \__________/
//	 slug: first words, ASCII   60 bits of SHA-256(context, text), base32
//
// So identical text on several pages is one message, translated once, and
// moving a paragraph, reordering a page or renaming it changes no id: its
// translations follow it wherever it goes. The slug makes catalogs readable
// and diffs reviewable; the hash makes the id unique. Ids use only a-z, 0-9
// and "-": they are bare TOML keys, never need quoting, never contain the "."
// that go-i18n reads as nesting, and, ending in a hash, can never be one of
// go-i18n's reserved words (other, description, hash...).
//
// # Successors
//
// An id derived from text changes when the text does. What links the new
// message to the old one is glot's bookkeeping (locales/.glot/pages/): it
// records, for every page, the ids of its blocks in order. When a page is
// extracted again, Link aligns the old list with the new one: blocks that
// kept their id match, and within each run of replaced blocks every new block
// is paired with the old block it most resembles (or, when a single block
// was replaced by a single block, with that one). The new block records its
// predecessors in Was, most recent first. That is how an edited paragraph's
// old translation becomes stale instead of lost: the merge finds it through
// Was and shows it to the translator beside the new source. A renamed page
// is aligned with the page it came from (see Rename). Nothing ever compares
// every page with every other.
package msgid
