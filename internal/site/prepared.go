package site

import (
	"bytes"
	"encoding/gob"
	"time"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// pageInfo is what is worked out once per page, whatever the language: its
// segments, the ids of its headings, and what the plan needs to know of it.
// It is made from the page's bytes alone, so it is cached by their hash.
type pageInfo struct {
	page content.Page
	src  []byte
	pageData
	byID map[string]int // segment index by message id (the first, when repeated)
}

// pageData is the part of a pageInfo kept in the cache.
type pageData struct {
	Segs       []segment.Segment
	HeadingIDs [][]byte // the id of each heading, from the source text
	Document   bool     // an HTML page that is a whole document
	Date       time.Time
	HasDate    bool
	// Links are the pages and assets the page links to, as paths in the
	// content folder: its outputs depend on where they are built.
	Links []string
	// Shortcodes are the page's shortcode tags, for the build to check
	// before it writes anything.
	Shortcodes []render.Use
}

// prepare segments page p, whose bytes are src.
func prepare(p content.Page, src []byte, rules *segment.Rules) (*pageInfo, error) {
	if err := content.CheckUTF8(src); err != nil {
		return nil, err
	}
	var sp *segment.Page
	var err error
	if p.Kind == content.HTML {
		sp, err = segment.HTML(src, rules)
	} else {
		sp, err = segment.Markdown(src, rules)
	}
	if err != nil {
		return nil, err
	}
	info := &pageInfo{page: p, src: src}
	info.Segs = sp.Segments
	if p.Kind == content.Markdown {
		fm, _ := content.SplitFrontMatter(src)
		facts := &mdFacts{from: p.Path}
		md.Parse(src[fm.Body:], render.Setting{Key: factsKey, Value: facts})
		info.HeadingIDs, info.Links = facts.ids, facts.links
		info.Shortcodes = render.Uses(src, fm.Body)
		info.Date, info.HasDate = pageDate(content.Values(src))
	} else {
		// A byte order mark before <!DOCTYPE> or <html> is text to the
		// tokenizer, which would make the document a fragment; the mark
		// itself stays in the page's bytes.
		info.Document = segment.IsDocument(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))
		info.Links = htmlLinks(src, p.Path)
	}
	info.index()
	return info, nil
}

func (info *pageInfo) index() {
	info.byID = make(map[string]int, len(info.Segs))
	for i := len(info.Segs) - 1; i >= 0; i-- {
		info.byID[info.Segs[i].ID] = i
	}
}

// encode writes the part of info that the cache keeps.
func (info *pageInfo) encode() ([]byte, error) {
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&info.pageData); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// decodeInfo reads what encode wrote, for page p whose bytes are src.
func decodeInfo(p content.Page, src, data []byte) (*pageInfo, error) {
	info := &pageInfo{page: p, src: src}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&info.pageData); err != nil {
		return nil, err
	}
	info.index()
	return info, nil
}
