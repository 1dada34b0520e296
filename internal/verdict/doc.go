// Package verdict owns the one rule that decides whether a translation may
// stand for its source on a page, and the compiled table of a language
// that records the verdict on every message: what a page in that language
// shows for it, from which language, and, where nothing stands, why.
//
// merge asks Judge before it takes a translation in; build, status, diff,
// check, review, export and approve read a Table. No other package decides
// whether a translation is usable, so they cannot come to disagree.
//
//	v := verdict.Judge("es", src, t)    // Translated, Stale, Held or Missing
//	table := verdict.Compile(site, es)  // every message of the source catalog
//	m, lang, stale, ok := table.Entry(id).Use(verdict.Policy{})
package verdict
