// Package msgtext owns the syntax of message text: the words a translator
// sees, with the page's inline markup replaced by numbered placeholder tags.
//
// A paired tag stands for a span of markup that wraps words (emphasis, a link,
// an inline HTML element): <1>words</1>. A standalone tag stands for an atom
// that has no translatable words of its own (an image, a line break, inline
// code, an entity that must stay as written): <2/>. Numbers start at 1 in the
// order the placeholders open in the source. Everything else is literal text:
// a translator types "<" or "&" or "*" and gets exactly that character on the
// page. The syntax deliberately avoids "{{ }}", which go-i18n and most site
// generators read as a template action, and it maps one to one onto XLIFF 2's
// <pc>/<ph>, TMX's <bpt>/<ept>/<ph> and the numbered tags that CAT tools show.
//
// If the source text itself contains something that reads as a tag (a
// literal "<1>"), the segmenter turns that text into an atom, so no escape
// syntax is ever needed.
//
//	toks := msgtext.Parse("Read <1>the study</1><2/>")
//	err := msgtext.Check("Read <1>the study</1><2/>", "Lea <1>el estudio</1><2/>") // nil
package msgtext
