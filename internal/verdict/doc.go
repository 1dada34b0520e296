// Package verdict owns the one rule that decides whether a translation may
// stand for its source on a page, and the compiled table of a language
// that records the verdict on every message: what a page in that language
// shows for it, from which language, and, where nothing stands, why.
//
// merge asks Judge before it takes a translation in; build, status, diff,
// check, review, export and approve read a Table. No other package decides
// whether a translation is usable, so they cannot come to disagree. A
// translation Held by a blocking check (see check.Checker.Blocking) stands
// once a reviewer approved its exact text; one whose structure does not fit
// never does.
//
//	rules := verdict.RulesOf(site)          // its source language and glossary
//	v := rules.Judge("es", src, t)          // Translated, Stale, Held or Missing
//	table, err := verdict.Compile(verdict.NewSource(site), es) // every message of the source
//	m, lang, stale, ok := table.Entry(id).Use(verdict.Policy{})
package verdict
