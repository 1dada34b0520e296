// Package corpus generates the sites glot's benchmarks run on: a
// documentation site of medical and technical pages in English, as large as
// asked, and its catalogs in eight languages. The same options give the
// same site, byte for byte, so figures from different machines and
// different days compare.
//
// The pages have what real documentation has (front matter, nested
// sections, headings, lists, tables, code, quotes, images, links within
// the site and out of it, inline markup, numbers, boilerplate repeated on
// every page) and render in glot and in Hugo alike. The translations are
// gibberish from a word-for-word dictionary per language, in the
// language's script, that keeps every placeholder, number, address and
// template field, so glot check finds no error in them.
//
//	err := corpus.Generate(dir, corpus.Options{Pages: 1000})
//
// or, step by step:
//
//	err := corpus.Content(dir, o)   // glot.toml and content/
//	err = corpus.Extract(dir)       // glot extract
//	err = corpus.Translate(dir, o)  // locales/active.<lang>.toml
package corpus
