// Package ledger owns glot's bookkeeping in locales/.glot/: what the
// catalogs themselves cannot say. It is committed with the site, read and
// written only by glot, and never loaded as a catalog.
//
//	locales/.glot/pages/<page>.toml   the hash of a page's bytes, and the
//	                                  message of each block of the page, in
//	                                  order, with its kind, line, placeholders
//	                                  and the ids it succeeds, and the page's
//	                                  weight in the site's order (written by extract)
//	locales/.glot/retired.toml        source text of messages no page uses any
//	                                  more (written by extract)
//	locales/.glot/archive.<lang>.toml translations not in force: made for a
//	                                  source that has since changed or gone,
//	                                  each with the source it translated
//	                                  (written by merge)
//
// Keeping usage here rather than in each catalog's description field means
// that adding a page touches no language's file, and that a translation is
// never deleted: when it stops being current it moves to the archive, where
// the merge finds it again for the translator, and from where it returns by
// itself if its source text comes back.
package ledger
