// Package segment turns the bytes of a page into segments: the runs of
// translatable text of each block (a heading, a paragraph, a list item, a
// table cell, an HTML element's text, a front matter title, an attribute),
// each with the byte range it replaces and its inline markup lifted out
// into numbered placeholders (see package msgtext).
//
// Segments point into the page's own bytes. The renderer splices a
// translation into that range and copies every other byte through, so what
// glot does not translate comes out exactly as it went in. A placeholder
// carries the raw bytes of its markup, taken from the page, never rebuilt,
// and where they stand, so that a segment nested in markup (an image's alt
// text, a link's title, an attribute inside a tag) can be translated there.
//
// Markdown is read with goldmark, whose AST gives every inline node's start
// and every text node's exact range; the segmenter derives where each piece
// of markup ends and checks that the pieces tile the block. HTML is read
// with the x/net/html tokenizer, whose Raw bytes are the page's. A block
// whose inline markup cannot be taken apart with certainty is left
// untranslated and reported in Page.Skipped, so nothing is mangled and the
// site owner sees what escaped.
//
// In a Markdown page, Hugo shortcodes are read with package shortcode and
// other generators' macros with Rules.Atoms; they are masked before
// goldmark reads the page, so that Markdown never reads their syntax, and
// become placeholders. What a pair of tags holds is read as its
// ShortcodeRule says: Markdown, plain text, or kept as written.
//
// No page may hold up a command: a page nested deeper than Rules.MaxNesting
// or larger than Rules.MaxPageBytes is refused before goldmark reads it, and
// one that takes longer than Rules.PageTimeout is abandoned (see limits.go).
// Either way the error says which limit, and where.
//
//	p, err := segment.Markdown(src, nil)
//	for _, s := range p.Segments {
//		fmt.Println(s.Line, s.ID, s.Text)
//	}
package segment
