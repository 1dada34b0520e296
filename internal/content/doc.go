// Package content owns a site's source tree: it walks content/ (any fs.FS),
// tells pages from assets, and splits a page's front matter from its body.
//
// A page is a Markdown file (.md, with optional YAML "---" or TOML "+++"
// front matter) or an HTML file (.html). Every other file is an asset that
// the build copies as it is. Files and folders whose names start with "."
// are skipped, as site generators do; a page in a folder whose name starts
// with "_", or whose own does (other than _index.md), is a fragment that
// other pages include, translated but not a page of its own. A site's
// [content] exclude globs (Exclude) leave files out entirely. A page must
// be UTF-8 (CheckUTF8), and a path a name glot can write into its files
// and read back: UTF-8, without control characters.
//
// The package also decides the site's order, the order in which pages are
// listed for people (Sort, from each page's Weight): walking lists pages
// by path, so that builds are the same on every machine, but a person
// reads index.md before guide/visit.md.
//
//	x, err := content.NewExclude([]string{"drafts/**"})
//	pages, assets, err := content.WalkExcluding(os.DirFS("content"), x)
package content
