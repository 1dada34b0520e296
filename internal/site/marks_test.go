package site_test

import (
	"bytes"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/segment"
	"github.com/glot-i18n/glot/internal/site"
)

var marksContent = fstest.MapFS{
	"index.md": {Data: []byte(`---
title: Guide & more
---

# Getting started

First paragraph with *emphasis*.

- one item
- two items

| Name | Value |
| ---- | ----- |
| Alpha | Beta |

![A red logo](logo.png)

See ![Small logo](logo.png) here.

> Quoted words.

<div>
Raw block text.
</div>
`)},
	"about.html": {Data: []byte(`<h1>About us</h1>
<p>We are <em>small</em>. Read on.</p>
<div>Lead text <p>Inner para.</p></div>
<img src="logo.png" alt="Our logo">
<p title="A tip">Tipped.</p>
`)},
	"logo.png": {Data: []byte("PNG")},
}

// Some of the page is translated, some falls back to English: a mark
// stands on the element either way, beside the lang of the fallback.
var marksDE = map[string]string{
	"Getting started":               "Erste Schritte",
	"Name":                          "Name <&>",
	"Our logo":                      "Unser Logo",
	"We are <1>small</1>. Read on.": "Wir sind <1>klein</1>. Weiter.",
	"Inner para.":                   "Innerer Absatz.",
}

// marked is an element of a built page that carries marks.
type marked struct {
	elem, text string
}

// pageMarks reads the marks of an HTML page: the elements that carry each
// message id as data-glot-id, and as one of data-glot-ids.
func pageMarks(t *testing.T, page []byte) (ids, holders map[string][]marked) {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	ids, holders = map[string][]marked{}, map[string][]marked{}
	for n := range doc.Descendants() {
		if n.Type != xhtml.ElementNode {
			continue
		}
		for _, a := range n.Attr {
			m := marked{n.Data, textOf(n)}
			switch a.Key {
			case "data-glot-id":
				ids[a.Val] = append(ids[a.Val], m)
			case "data-glot-ids":
				for _, id := range strings.Fields(a.Val) {
					holders[id] = append(holders[id], m)
				}
			}
		}
	}
	return ids, holders
}

// textOf is the text of n, its spaces collapsed.
func textOf(n *xhtml.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// unmark takes the marks out of a built page: what is left is the page
// built without them.
func unmark(page []byte) []byte {
	page = regexp.MustCompile(`<span data-glot-id="[^"]*">([^<]*)</span>`).ReplaceAll(page, []byte("$1"))
	return regexp.MustCompile(` data-glot-ids?="[^"]*"`).ReplaceAll(page, nil)
}

// TestMarks builds a Markdown page and an HTML page in German with marks:
// each message with an element of its own marks exactly that element,
// each that has none marks the element that holds it, and the marks are
// all that differs from the build without them.
func TestMarks(t *testing.T) {
	ls := translatedLocales(t, marksContent, map[string]func(string) (string, bool){"de": from(marksDE)})
	idOf := map[string]string{}
	for id, m := range ls.Source.Messages {
		idOf[m.Other] = id
	}
	cfg := config.Default()
	cfg.Languages = []string{"de"}
	withMarks := build(t, cfg, marksContent, ls, site.Options{Marks: true})
	without := build(t, cfg, marksContent, ls, site.Options{})

	for _, c := range []struct {
		name, file, source string
		want               marked
		holder             bool // the message has no element: its holder lists it in data-glot-ids
	}{
		{"heading", "index.html", "Getting started", marked{"h1", "Erste Schritte"}, false},
		{"paragraph", "index.html", "First paragraph with <1>emphasis</1>.", marked{"p", "First paragraph with emphasis."}, false},
		{"list item", "index.html", "one item", marked{"li", "one item"}, false},
		{"second list item", "index.html", "two items", marked{"li", "two items"}, false},
		{"table header", "index.html", "Name", marked{"th", "Name <&>"}, false},
		{"table cell", "index.html", "Beta", marked{"td", "Beta"}, false},
		{"blockquote", "index.html", "Quoted words.", marked{"p", "Quoted words."}, false},
		{"html block", "index.html", "Raw block text.", marked{"div", "Raw block text."}, false},
		{"front matter title", "index.html", "Guide & more", marked{"title", "Guide & more"}, false},
		{"image alone", "index.html", "A red logo", marked{"img", ""}, true},
		{"image in text", "index.html", "Small logo", marked{"img", ""}, true},
		{"image's paragraph", "index.html", "See <1/> here.", marked{"p", "See here."}, false},
		{"html heading", "about.html", "About us", marked{"h1", "About us"}, false},
		{"html paragraph", "about.html", "We are <1>small</1>. Read on.", marked{"p", "Wir sind klein. Weiter."}, false},
		{"html text beside an element", "about.html", "Lead text", marked{"span", "Lead text"}, false},
		{"html nested paragraph", "about.html", "Inner para.", marked{"p", "Innerer Absatz."}, false},
		{"html alt", "about.html", "Our logo", marked{"img", ""}, true},
		{"html attribute", "about.html", "A tip", marked{"p", "Tipped."}, true},
		{"html paragraph with an attribute", "about.html", "Tipped.", marked{"p", "Tipped."}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			id, ok := idOf[c.source]
			if !ok {
				t.Fatalf("no message %q", c.source)
			}
			name := path.Join("public/de", c.file)
			ids, holders := pageMarks(t, withMarks[name])
			got := ids[id]
			if c.holder {
				got = holders[id]
				if len(ids[id]) > 0 {
					t.Errorf("%s: %s has no element of its own, but marks %v", name, id, ids[id])
				}
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("%s: %s marks %v, want %v:\n%s", name, id, got, c.want, withMarks[name])
			}
		})
	}
	for _, name := range slices.Sorted(maps.Keys(withMarks)) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		if bytes.Contains(without[name], []byte("data-glot-id")) {
			t.Errorf("%s, built without marks, has marks:\n%s", name, without[name])
		}
		if got := unmark(withMarks[name]); !bytes.Equal(got, without[name]) {
			t.Errorf("%s: marks changed more than marks:\n%s\nwant:\n%s", name, got, without[name])
		}
	}
}

// A marked page is not the page without marks: its HTML is keyed apart,
// so that a build with marks never keeps an output made without them, or
// the reverse. Its Markdown is the same, and is kept.
func TestMarksKeys(t *testing.T) {
	ls := translatedLocales(t, marksContent, map[string]func(string) (string, bool){"de": from(marksDE)})
	cfg := config.Default()
	cfg.Languages = []string{"de"}
	keys := map[string]site.Key{}
	for i, marks := range []bool{false, true, true, false} {
		sink := &keySink{keys: keys}
		o := site.Options{Config: &cfg, Content: marksContent, Locales: ls, HTML: true, MD: true, Marks: marks}
		if _, err := site.Build(o, sink); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			continue
		}
		// The third build is the second again: it keeps everything.
		remade := i != 2
		for _, name := range []string{"public/de/index.html", "public/de/about.html", "public/en/index.html"} {
			if _, made := sink.files[name]; made != remade {
				t.Errorf("build %d (marks %v): %s made again: %v, want %v", i+1, marks, name, made, remade)
			}
		}
		if _, made := sink.files["localized/de/index.md"]; made {
			t.Errorf("build %d (marks %v): localized/de/index.md made again", i+1, marks)
		}
	}
}

// Every paragraph and heading of the sample site's pages that the German
// site shows is marked on its element.
func TestMarksSample(t *testing.T) {
	sample, content, ls := sampleSite(t)
	sink := &pageSink{}
	o := site.Options{Config: sample, Content: content, Locales: ls, HTML: true, Langs: []string{"de"}, Marks: true}
	if _, err := site.Build(o, sink); err != nil {
		t.Fatal(err)
	}
	pages, err := fs.Glob(content, "*.md")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages: %v", err)
	}
	for _, p := range pages {
		src, err := fs.ReadFile(content, p)
		if err != nil {
			t.Fatal(err)
		}
		segs, err := segment.Markdown(src, rulesFor(*sample))
		if err != nil {
			t.Fatal(err)
		}
		out, ok := sink.pages[p]
		if !ok {
			t.Fatalf("%s is not built in de", p)
		}
		ids, _ := pageMarks(t, out)
		n := 0
		for _, s := range segs.Segments {
			if s.Kind != "p" && !regexp.MustCompile(`^h[1-6]$`).MatchString(s.Kind) {
				continue
			}
			n++
			got := ids[s.ID]
			if len(got) == 0 || !slices.ContainsFunc(got, func(m marked) bool { return m.elem == s.Kind }) {
				t.Errorf("content/%s:%d: %s %q is not marked on a <%s>: %v", p, s.Line, s.ID, s.Text, s.Kind, got)
			}
		}
		if n == 0 {
			t.Errorf("content/%s has no paragraph or heading", p)
		}
	}
}

// pageSink keeps the HTML of each page, by the page.
type pageSink struct {
	mu    sync.Mutex
	pages map[string][]byte
}

func (s *pageSink) Kept(site.Output) bool { return false }

func (s *pageSink) Write(out site.Output, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pages == nil {
		s.pages = map[string][]byte{}
	}
	if out.Format == "html" && out.Page != "" {
		s.pages[out.Page] = append([]byte(nil), data...)
	}
	return nil
}
