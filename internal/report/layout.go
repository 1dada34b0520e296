package report

import (
	"net/url"
	"path"
	"strings"
)

// Layout says how an HTML report is laid out in files.
type Layout int

const (
	// Auto is OneFile for a site of at most SplitOver messages, else
	// Split.
	Auto Layout = iota
	// OneFile writes the whole report in one file.
	OneFile
	// Split writes an index, and the parts it links to in a folder named
	// after the index's stem: review.es.html and review.es/.
	Split
)

// SplitOver is the number of source messages above which an Auto report is
// split. A review of 2,000 messages is a page of about 2.5 MB, which a
// browser still lays out in well under a second; the 9,000 messages of a
// 500-page site made 12 MB, which it does not.
const SplitOver = 2000

// File is one file of a report. Name is slash-separated and relative to
// the folder the report's index is written in.
type File struct {
	Name string
	Data []byte
}

// splits says whether a report on a site of n messages is split.
func (l Layout) splits(n int) bool {
	return l == Split || l == Auto && n > SplitOver
}

// PartsDir returns the folder, beside index, that holds the parts of a
// split report: the index's name without its extension ("review.es" for
// "review.es.html"), or with "-parts" added when it has none.
func PartsDir(index string) string {
	dir, base := path.Split(index)
	if ext := path.Ext(base); ext != "" && ext != base {
		return dir + strings.TrimSuffix(base, ext)
	}
	return dir + base + "-parts"
}

// partName returns the name of the part that holds a section, under the
// parts folder: its page's path in the content folder with ".html" added
// ("docs/a.md.html"), so that a reader finds a page where the content
// folder has it.
func partName(sec section) string {
	if sec.Page == "" {
		return "interface-text.html"
	}
	return sec.Page + ".html"
}

// href returns a relative link from the file named from to the file named
// to, both relative to the same folder, escaped for an href attribute: a
// page's name may hold "#", "?" or ":".
func href(from, to string) string {
	up := strings.Count(from, "/")
	rel := strings.Repeat("../", up) + to
	u := (&url.URL{Path: rel}).EscapedPath()
	if !strings.HasPrefix(u, "../") {
		u = "./" + u
	}
	return u
}
