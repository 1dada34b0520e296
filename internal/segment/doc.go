// Package segment turns the bytes of a page into segments: the runs of
// translatable text of each block (a heading, a paragraph, a list item, a
// table cell, a front matter title...), each with the byte range it replaces
// and its inline markup lifted out into numbered placeholders (see package
// msgtext).
//
// Segments point into the page's own bytes. The renderer splices a
// translation into that range and copies every other byte through, so what
// glot does not translate comes out exactly as it went in. A placeholder
// carries the raw bytes of its markup, taken from the page, never rebuilt.
//
// Code blocks, inline code, HTML blocks, link targets and the like are not
// translatable and never reach a catalog. A block whose inline markup cannot
// be taken apart with certainty is left untranslated and reported in
// Page.Skipped, so nothing is mangled and the site owner sees what escaped.
//
//	p, err := segment.Markdown(src, nil)
//	for _, s := range p.Segments {
//		fmt.Println(s.Line, s.ID, s.Text)
//	}
package segment
