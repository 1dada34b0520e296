// Package glottest is glot's test kit: what the tests of several packages
// need and would otherwise each write again. It holds sites and catalogs
// written as txtar archives, one golden-file helper behind the one
// -update flag, the CommonMark specification's examples, the -short
// rule for tests that start a browser or a site generator or walk a large
// corpus, and the external tools tests run on glot's output (Tool, Python,
// Chromium).
//
//	fsys := glottest.FS(t, "testdata/locales.txtar")
//	glottest.Golden(t, "testdata/extract.golden", got)
//	glottest.Slow(t, "it starts Chromium")
//
// The kit is for tests only: no package of glot's own imports it outside
// its _test.go files.
package glottest
