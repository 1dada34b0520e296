package cli

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/glottest"
)

// TestHostileTranslations puts every payload of testdata/hostile/payloads.txt
// into every position a translator can write (page text, a link's title, an
// image's alt text, front matter, interface strings), through every channel
// a translation comes in by (the translate files and glot merge; PO, XLIFF
// and TMX through glot export and glot import), builds the site, and checks
// what a reader would get: no element, attribute, link or URL that the
// untranslated build does not have, no script, no front matter broken, no
// build much slower or page much larger. A translator is not trusted, and
// the site's readers trust its pages with their health.
//
// The test checks the output, not the verdict: a payload that glot refuses
// or holds back passes as well as one it shows escaped. Only the slug that
// collides with another page's has an expected verdict, a build error that
// names both pages.
func TestHostileTranslations(t *testing.T) {
	glottest.Slow(t, "it builds the test site seven times in each of four channels (about 40 s)")
	if _, err := exec.LookPath("cmark-gfm"); err != nil {
		t.Fatal("cmark-gfm is not installed (apt-get install cmark-gfm): the localized Markdown must also be read as GitHub reads it")
	}
	payloads := hostilePayloads(t)
	h := newHostileSite(t, payloads)
	batches := h.plan(t)
	for _, ch := range []string{"merge", "po", "xliff", "tmx"} {
		t.Run(ch, func(t *testing.T) {
			var checked hostileChecked
			for _, b := range batches {
				t.Run(b.name, func(t *testing.T) { checked.add(h.runBatch(t, ch, b)) })
			}
			// A channel whose translations never reached a page would
			// pass every rule and prove nothing.
			if checked.html == 0 || checked.markdown == 0 {
				t.Errorf("channel %s: no translated page reached the output (%d HTML pages, %d Markdown files changed): the rules checked nothing", ch, checked.html, checked.markdown)
			}
		})
	}
}

// hostilePayload is one line of payloads.txt.
type hostilePayload struct {
	text string
	line int
}

func (p hostilePayload) String() string {
	return fmt.Sprintf("%q (payloads.txt:%d)", p.text, p.line)
}

// hostilePayloads reads payloads.txt. Each line is read as the inside of a
// Go string, so that control characters, bidi characters and bytes that are
// not UTF-8 can be written, and seen, in a text file.
func hostilePayloads(t *testing.T) []hostilePayload {
	t.Helper()
	data := read(t, filepath.Join("testdata", "hostile", "payloads.txt"))
	var out []hostilePayload
	for i, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := strconv.Unquote(`"` + line + `"`)
		if err != nil {
			t.Fatalf("payloads.txt:%d: %v", i+1, err)
		}
		out = append(out, hostilePayload{s, i + 1})
	}
	if len(out) < 60 {
		t.Fatalf("payloads.txt has %d payloads; the corpus needs at least 60", len(out))
	}
	return out
}

const (
	// hostileBaseURL is the test site's base_url: every URL of the output
	// is resolved against it before it is compared.
	hostileBaseURL = "https://example.com/"
	// hostileCollidingSlug is the slug of the test site's about.md: a
	// payload equal to it, given as another page's slug, makes two pages
	// one URL.
	hostileCollidingSlug = "about-us"
	// hostilePageCount is how many sets of pages (see hostilePage) carry
	// payloads in one build: enough to cover the corpus in a few builds,
	// few enough to keep each fast.
	hostilePageCount = 8
)

// hostileLangs are the test site's languages: right-to-left Arabic among
// them, and languages of one (ja), three (es, fr) and six (ar) plural
// forms, so that the translate files ask for plural messages of every
// shape. Each language carries payloads of its own in a build.
var hostileLangs = []string{"es", "ar", "fr", "ja"}

// hostileTranslated are the front matter keys the test site translates;
// every other key must come through the build unchanged.
var hostileTranslated = []string{"title", "slug", "description"}

// hostilePage is one set of pages that carry the same payload: two
// Markdown pages (YAML and TOML front matter), an HTML fragment and an
// HTML document.
type hostilePage struct {
	mark      string            // the word that tells its texts from other pages'
	positions map[string]string // source text -> where it is, for reports
	ids       []string          // its message ids
	slugID    string            // the id of its front matter slug
}

// hostileMark is the word of page k: letters only, for a digit in a source
// text would hold back every translation that lacks it.
func hostileMark(k int) string {
	return "q" + string(rune('a'+k/26)) + string(rune('a'+k%26))
}

// hostileContent returns the test site's content folder, by file name, and
// its pages. Each page's texts name the page, so that the source catalog
// tells which message is where.
func hostileContent() (map[string]string, []*hostilePage) {
	files := map[string]string{
		"pic.svg":  `<svg xmlns="http://www.w3.org/2000/svg"/>` + "\n",
		"about.md": "---\ntitle: \"About us\"\nslug: \"" + hostileCollidingSlug + "\"\n---\n\n# About the site\n\nWho we are.\n",
	}
	var pages []*hostilePage
	for k := range hostilePageCount {
		m, next := hostileMark(k), hostileMark((k+1)%hostilePageCount)
		md, toml, frag, doc := "p"+m+".md", "t"+m+".md", "h"+m+".html", "d"+m+".html"
		// The Markdown page has a block of every kind glot translates.
		// Its dose keeps a number that no translation the test writes
		// has: that translation is always held back, which keeps hostile
		// text in the catalog that must not show, and the page short of
		// complete, so that the interface's notice of it shows.
		files[md] = fmt.Sprintf(`---
title: "Title %[1]s"
slug: "page-%[1]s"
description: "Description %[1]s"
lastmod: 2026-01-02
weight: 7
---

# Heading %[1]s

Paragraph %[1]s with a [link](p%[2]s.md "Link title %[1]s") and an image ![Alt text %[1]s](pic.svg "Image title %[1]s").

- Item %[1]s

| Column %[1]s |
| --- |
| Cell %[1]s |

> Quote %[1]s

Dose %[1]s: take 2 tablets.

Reference paragraph %[1]s with [a reference][r] and a note.[^n]

{{< figure src="pic.svg" caption="Caption %[1]s" >}}

<div class="box">Box %[1]s</div>

[r]: p%[2]s.md "Reference title %[1]s"

[^n]: Footnote %[1]s.
`, m, next)
		// TOML front matter, which has its own ways to break out; no
		// slug, for the payload of the page's other slug would be the
		// same URL.
		files[toml] = fmt.Sprintf(`+++
title = "TOML title %[1]s"
description = "TOML description %[1]s"
weight = 7
+++

# TOML heading %[1]s
`, m)
		files[frag] = fmt.Sprintf(`<h2>Fragment heading %[1]s</h2>
<p>Fragment paragraph %[1]s with a <a href="p%[2]s.md" title="Fragment link title %[1]s">link</a> and <img src="pic.svg" alt="Fragment alt %[1]s">.</p>
`, m, next)
		files[doc] = fmt.Sprintf(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Document title %[1]s</title>
<meta name="description" content="Document description %[1]s">
</head>
<body>
<main aria-label="Document label %[1]s">
<h1>Document heading %[1]s</h1>
<p>Document paragraph %[1]s with a <a href="h%[2]s.html" title="Document link title %[1]s">link</a> and <img src="pic.svg" alt="Document alt %[1]s">.</p>
</main>
</body>
</html>
`, m, next)
		at := func(file, what string) string { return "content/" + file + " " + what }
		pages = append(pages, &hostilePage{mark: m, positions: map[string]string{
			"Title " + m:       at(md, "front matter title"),
			"page-" + m:        at(md, "front matter slug"),
			"Description " + m: at(md, "front matter description"),
			"Heading " + m:     at(md, "heading"),
			"Paragraph " + m + " with a <1>link</1> and an image <2/>.": at(md, "paragraph"),
			"Link title " + m:                 at(md, "link title"),
			"Alt text " + m:                   at(md, "image alt text"),
			"Image title " + m:                at(md, "image title"),
			"Item " + m:                       at(md, "list item"),
			"Column " + m:                     at(md, "table header"),
			"Cell " + m:                       at(md, "table cell"),
			"Quote " + m:                      at(md, "block quote"),
			"Dose " + m + ": take 2 tablets.": at(md, "paragraph with a number"),
			"Reference paragraph " + m + " with <1>a reference</1> and a note.<2/>": at(md, "paragraph with a reference link"),
			"Caption " + m:          at(md, "shortcode parameter"),
			"Box " + m:              at(md, "HTML block"),
			"Reference title " + m:  at(md, "link reference definition title"),
			"Footnote " + m + ".":   at(md, "footnote"),
			"TOML title " + m:       at(toml, "front matter title"),
			"TOML description " + m: at(toml, "front matter description"),
			"TOML heading " + m:     at(toml, "heading"),
			"Fragment heading " + m: at(frag, "heading"),
			"Fragment paragraph " + m + " with a <1>link</1> and <2/>.": at(frag, "paragraph"),
			"Fragment link title " + m:                                  at(frag, "title attribute"),
			"Fragment alt " + m:                                         at(frag, "alt attribute"),
			"Document title " + m:                                       at(doc, "<title>"),
			"Document description " + m:                                 at(doc, "meta description"),
			"Document label " + m:                                       at(doc, "aria-label attribute"),
			"Document heading " + m:                                     at(doc, "heading"),
			"Document paragraph " + m + " with a <1>link</1> and <2/>.": at(doc, "paragraph"),
			"Document link title " + m:                                  at(doc, "title attribute"),
			"Document alt " + m:                                         at(doc, "alt attribute"),
		}})
	}
	return files, pages
}

// hostileSite is the test site as extracted and merged, with no
// translation (the template every batch starts from), and its baseline
// build.
type hostileSite struct {
	payloads []hostilePayload
	template string
	content  map[string][]byte // the template's content folder, which no command may change
	pages    []*hostilePage
	ui       []string          // the interface messages shown on every page, in every channel
	copies   map[string]string // the other interface messages, and whose payload each gets
	where    map[string]string // message id -> its position, for reports
	src      *catalog.Catalog

	base      map[string][]byte // the baseline build's outputs
	baseTime  time.Duration
	baseByKey map[string]string          // a page's x-default URL in a language -> its baseline path
	baseFacts map[string]*htmlFacts      // by rendering and baseline path
	cmark     map[string]hostileRendered // Markdown bodies as cmark-gfm renders them
}

// hostileRendered is a Markdown body rendered as HTML, or why it could not
// be.
type hostileRendered struct {
	html []byte
	err  error
}

// newHostileSite writes the test site, extracts it, writes its translate
// files, and builds it once untranslated: the baseline that every
// translated build is held against.
func newHostileSite(t *testing.T, payloads []hostilePayload) *hostileSite {
	t.Helper()
	h := &hostileSite{payloads: payloads, template: filepath.Join(t.TempDir(), "site"), where: map[string]string{}, copies: map[string]string{}, baseFacts: map[string]*htmlFacts{}, cmark: map[string]hostileRendered{}}
	files, pages := hostileContent()
	h.pages = pages
	langs := `"` + strings.Join(hostileLangs, `", "`) + `"`
	write(t, filepath.Join(h.template, "glot.toml"), `source_language = "en"
languages = [`+langs+`]
base_url = "`+hostileBaseURL+`"
# Suggestions from translation memory would be hostile text too, but they
# are comments, never translations: leave them out of the translate files.
suggestion_threshold = 0

[extract]
front_matter = ["`+strings.Join(hostileTranslated, `", "`)+`"]

[extract.shortcodes]
figure = ["caption"]
`)
	ownInterfaceText(t, h.template)
	h.content = map[string][]byte{}
	for name, data := range files {
		write(t, filepath.Join(h.template, "content", name), data)
		h.content[name] = []byte(data)
	}
	run(t, h.template, 0, "extract")
	run(t, h.template, 0, "merge")

	// Tell every source message's place, so that a report can say where a
	// payload was, and fail if the extraction is not what the test meant.
	var err error
	if h.src, err = catalog.Parse("active.en.toml", read(t, filepath.Join(h.template, "locales", "active.en.toml"))); err != nil {
		t.Fatal(err)
	}
	fixed := []string{"About us", hostileCollidingSlug, "About the site", "Who we are."}
	for _, id := range h.src.IDs() {
		text := h.src.Messages[id].Other
		if strings.HasPrefix(id, "ui-") {
			// The payloads go round the interface messages that every
			// build shows and every channel carries. ui-outdated is
			// shown only on a page built with --allow-stale from a
			// stale translation, and a message with plural forms
			// (ui-reading-time) shows one form of several, by the page's
			// length: they get a copy of another message's payload, and
			// are not counted on to show it.
			if id == "ui-outdated" {
				h.copies[id] = "ui-untranslated"
			} else if len(catalog.Forms(h.src.Messages[id])) > 1 {
				h.copies[id] = "ui-skip"
			} else {
				h.ui = append(h.ui, id)
			}
			h.where[id] = "interface string " + id
			continue
		}
		found := slices.Contains(fixed, text)
		for _, p := range h.pages {
			if pos, ok := p.positions[text]; ok {
				p.ids = append(p.ids, id)
				h.where[id] = pos
				if strings.HasSuffix(pos, "front matter slug") {
					p.slugID = id
				}
				found = true
			}
		}
		if !found {
			t.Fatalf("the source catalog has %s = %q, which the test site does not mean to have", id, text)
		}
	}
	for _, p := range h.pages {
		if len(p.ids) != len(p.positions) || p.slugID == "" {
			t.Fatalf("page %s: %d of its %d texts are messages", p.mark, len(p.ids), len(p.positions))
		}
	}
	if len(h.ui) < 4 || !slices.Contains(h.ui, "ui-skip") || !slices.Contains(h.ui, "ui-untranslated") {
		t.Fatalf("the default layout has only the interface messages %v", h.ui)
	}

	dir := filepath.Join(t.TempDir(), "site")
	h.copyTemplate(t, dir)
	start := time.Now()
	run(t, dir, 0, "build")
	h.baseTime = time.Since(start)
	h.base = outputs(t, dir)
	h.baseByKey = map[string]string{}
	dup := map[string]bool{}
	for name, data := range h.base {
		if k := hostilePageKey(name, data); k != "" {
			if _, ok := h.baseByKey[k]; ok {
				dup[k] = true
			}
			h.baseByKey[k] = name
		}
	}
	for k := range dup {
		delete(h.baseByKey, k)
	}
	return h
}

// copyTemplate copies the template site into dir.
func (h *hostileSite) copyTemplate(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(h.template, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(h.template, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dir, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dir, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
