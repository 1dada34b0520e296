package cli

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/yuin/goldmark"
	ghtml "github.com/yuin/goldmark/renderer/html"
	"go.yaml.in/yaml/v3"
	xhtml "golang.org/x/net/html"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/segment"
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

// hostileBatch is what one build carries: for each language, the payload
// (an index into the corpus) of each message id given one.
type hostileBatch struct {
	name    string
	assign  map[string]map[string]int
	collide bool // the colliding slug, and nothing else
}

// plan shares the payloads out into batches. A payload that makes glot
// refuse a whole translate file (a control character; the custom
// delimiters) is kept apart, so that it does not keep every other payload
// of its batch from being merged; the colliding slug has a batch of its
// own, for its build must fail.
func (h *hostileSite) plan(t *testing.T) []hostileBatch {
	t.Helper()
	var plain, whole []int
	collide := -1
	for i, p := range h.payloads {
		switch {
		case p.text == hostileCollidingSlug:
			collide = i
		case hostileRefusesFile(p.text):
			whole = append(whole, i)
		default:
			plain = append(plain, i)
		}
	}
	if collide < 0 {
		t.Fatalf("payloads.txt has no line %q, the slug of about.md: the colliding slug is not tested", hostileCollidingSlug)
	}
	batches := h.rounds(t, "round", plain)
	batches = append(batches, h.rounds(t, "controls", whole)...)
	// Every payload must reach all the positions of a page and a shown
	// interface string in some batch, or part of the corpus goes untested.
	onPage, inUI := map[int]bool{}, map[int]bool{}
	for _, b := range batches {
		for _, a := range b.assign {
			for _, p := range h.pages {
				if i, ok := a[p.ids[0]]; ok && !slices.ContainsFunc(p.ids, func(id string) bool { return a[id] != i }) {
					onPage[i] = true
				}
			}
			for _, id := range h.ui {
				if i, ok := a[id]; ok {
					inUI[i] = true
				}
			}
		}
	}
	for i, p := range h.payloads {
		if i != collide && (!onPage[i] || !inUI[i]) {
			t.Fatalf("the plan puts %s on a page %v and in an interface string %v", p, onPage[i], inUI[i])
		}
	}
	b := hostileBatch{name: "collision", collide: true, assign: map[string]map[string]int{}}
	for _, lang := range hostileLangs {
		b.assign[lang] = map[string]int{h.pages[0].slugID: collide}
	}
	return append(batches, b)
}

// hostileRefusesFile reports whether glot refuses a whole translate file
// that holds p: a control character, or (as the test writes it) template
// delimiters of its own.
func hostileRefusesFile(p string) bool {
	_, ctl := catalog.ControlChar(p)
	return ctl || hostileDelims(p)
}

// hostileDelims reports whether p is written for the delimiters [[ and ]],
// which the merge channel sets beside it on interface messages.
func hostileDelims(p string) bool {
	return strings.Contains(p, "[[") && strings.Contains(p, "]]")
}

// rounds makes as many batches as it takes for every payload of list to be
// on a page, and in an interface string, at least once. Page k of language
// l carries one payload in all its positions; the interface messages take
// the list round-robin. Two pages of a language never get payloads that
// make the same slug, which would be a build error of its own.
func (h *hostileSite) rounds(t *testing.T, name string, list []int) []hostileBatch {
	t.Helper()
	if len(list) == 0 {
		return nil
	}
	nl, nu := len(hostileLangs), len(h.ui)
	rounds := (len(list) + nl*nu - 1) / (nl * nu)
	unplaced := slices.Clone(list)
	var out []hostileBatch
	for r := 0; r < rounds || len(unplaced) > 0; r++ {
		if r == 20 {
			t.Fatalf("%d payloads find no page without a slug collision", len(unplaced))
		}
		b := hostileBatch{name: fmt.Sprintf("%s-%d", name, r+1), assign: map[string]map[string]int{}}
		for li, lang := range hostileLangs {
			a := map[string]int{}
			used := map[string]bool{hostileCollidingSlug: true}
			for _, p := range h.pages {
				used["page-"+p.mark] = true
			}
			fits := func(i int) bool {
				for _, k := range hostileSlugs(h.payloads[i].text) {
					if used[k] {
						return false
					}
				}
				return true
			}
			for k, p := range h.pages {
				pick := -1
				for j, i := range unplaced {
					if fits(i) {
						pick = i
						unplaced = slices.Delete(unplaced, j, j+1)
						break
					}
				}
				for j := 0; pick < 0 && j < len(list); j++ {
					if i := list[(r*nl*len(h.pages)+li*len(h.pages)+k+j)%len(list)]; fits(i) {
						pick = i
					}
				}
				if pick < 0 {
					continue
				}
				for _, k := range hostileSlugs(h.payloads[pick].text) {
					used[k] = true
				}
				for _, id := range p.ids {
					a[id] = pick
				}
			}
			for j, id := range h.ui {
				a[id] = list[(r*nl*nu+li*nu+j)%len(list)]
			}
			for id, from := range h.copies {
				a[id] = a[from]
			}
			b.assign[lang] = a
		}
		out = append(out, b)
	}
	return out
}

// hostileSlugs returns the URL folders a payload may make as a slug, by
// the rule glot documents (letters, digits and marks, lowercased; "-" for
// anything else), before and after HTML unescaping, so that the plan errs
// towards keeping two payloads apart.
func hostileSlugs(p string) []string {
	var out []string
	for _, s := range []string{p, html.UnescapeString(p)} {
		var b strings.Builder
		dash := false
		for _, r := range strings.TrimSpace(s) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				b.WriteRune(unicode.ToLower(r))
				dash = false
				continue
			}
			dash = true
		}
		if k := b.String(); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// tokens is what a translator types for message id when told to write
// payload p: p, then the source's tags (with their words) and template
// fields, so that the translation is not refused merely for leaving them
// out and the payload reaches as far as glot lets it.
func (h *hostileSite) tokens(id string, p string) []msgtext.Token {
	text := func(s string) msgtext.Token { return msgtext.Token{Kind: msgtext.Text, Text: s} }
	out := []msgtext.Token{text(p)}
	depth := 0
	for _, tok := range msgtext.Parse(h.src.Messages[id].Other) {
		switch {
		case tok.Kind == msgtext.Text && depth == 0:
			for _, f := range hostileFields(tok.Text) {
				out = append(out, text(" "+f))
			}
			continue
		case tok.Kind == msgtext.Open:
			if depth == 0 {
				out = append(out, text(" "))
			}
			depth++
		case tok.Kind == msgtext.Close:
			depth--
		case tok.Kind == msgtext.Atom && depth == 0:
			out = append(out, text(" "))
		}
		out = append(out, tok)
	}
	return out
}

// hostileFields returns the template actions of an interface text:
// {{.Count}} and the like.
func hostileFields(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			return out
		}
		out = append(out, s[i:i+j+2])
		s = s[i+j+2:]
	}
}

func hostileJoin(toks []msgtext.Token) string {
	var b strings.Builder
	for _, tok := range toks {
		b.WriteString(tok.Text)
	}
	return b.String()
}

// hostileChecked counts the outputs that differed from their baseline and
// so were checked rule by rule.
type hostileChecked struct{ html, markdown int }

func (c *hostileChecked) add(d hostileChecked) { c.html += d.html; c.markdown += d.markdown }

// runBatch takes one batch through one channel into a fresh copy of the
// template, builds it and checks the build.
func (h *hostileSite) runBatch(t *testing.T, ch string, b hostileBatch) (checked hostileChecked) {
	root := t.TempDir()
	dir := filepath.Join(root, "site")
	xchg := filepath.Join(root, "exchange")
	h.copyTemplate(t, dir)
	if err := os.Mkdir(xchg, 0o755); err != nil {
		t.Fatal(err)
	}
	var summary []string
	switch ch {
	case "merge":
		for _, lang := range hostileLangs {
			h.fillTranslate(t, filepath.Join(dir, "locales", "translate."+lang+".toml"), b.assign[lang])
		}
		summary = append(summary, h.command(t, dir, "merge").summary("merge"))
	default:
		ext := map[string]string{"po": "po", "xliff": "xlf", "tmx": "tmx"}[ch]
		args := []string{"import"}
		for _, lang := range hostileLangs {
			file := filepath.Join(xchg, lang+"."+ext)
			if r := h.command(t, dir, "export", "--lang", lang, "--format", ch, "-o", file); r.code != 0 {
				t.Fatalf("glot export --lang %s --format %s: exit %d\n%s", lang, ch, r.code, r.stderr)
			}
			data := read(t, file)
			switch ch {
			case "po":
				data = h.editPO(t, data, b.assign[lang])
			case "xliff":
				data = h.editXLIFF(t, data, b.assign[lang])
			case "tmx":
				data = h.editTMX(t, data, lang, b.assign[lang])
			}
			write(t, file, string(data))
			args = append(args, file)
		}
		summary = append(summary, h.command(t, dir, args...).summary("import"))
	}

	r := h.command(t, dir, "build")
	took := r.took
	summary = append(summary, r.summary("build"), fmt.Sprintf("build took %v (baseline %v)", took.Round(time.Millisecond), h.baseTime.Round(time.Millisecond)))
	t.Logf("%s", strings.Join(summary, "\n"))
	if b.collide {
		first := "content/p" + h.pages[0].mark + ".md"
		if r.code == 0 || !strings.Contains(r.stderr, "both have the URL") || !strings.Contains(r.stderr, first) || !strings.Contains(r.stderr, "content/about.md") {
			t.Errorf("channel %s: the slug %s of %s, about.md's slug, built with exit %d; want an error naming both pages (\"both have the URL\"):\n%s",
				ch, h.payloads[b.assign["es"][h.pages[0].slugID]], first, r.code, r.stderr)
		}
		return checked
	}
	if r.code != 0 {
		t.Errorf("channel %s: glot build: exit %d\n%s\npayloads of the batch:\n%s", ch, r.code, r.stderr, h.describe(b, "", ""))
		return checked
	}
	if limit := 2*h.baseTime + 2*time.Second; took > limit {
		t.Errorf("channel %s: the build took %v, more than twice the untranslated build's %v and 2 s\npayloads of the batch:\n%s", ch, took, h.baseTime, h.describe(b, "", ""))
	}
	h.checkPlaces(t, root, dir)
	bad, checked := h.check(t, dir)
	t.Logf("checked %d HTML pages and %d Markdown files that differ from their baseline", checked.html, checked.markdown)
	// One report a file: what is wrong with it, and the payloads that
	// can have done it; past a dozen files, their names.
	var more []string
	for i, files := 0, 0; i < len(bad); files++ {
		j := i
		var what []string
		for ; j < len(bad) && bad[j].file == bad[i].file; j++ {
			what = append(what, "\t- "+bad[j].what)
		}
		if files >= 12 {
			more = append(more, bad[i].file)
		} else {
			t.Errorf("channel %s, %s:\n%s\n\tpayloads that reach this file:\n%s", ch, bad[i].file, strings.Join(what, "\n"), h.describe(b, bad[i].lang, bad[i].mark))
		}
		i = j
	}
	if len(more) > 0 {
		t.Errorf("channel %s: and %d more files break the rules: %s", ch, len(more), strings.Join(more, ", "))
	}
	return checked
}

// hostileResult is what a glot command did, and how long it took.
type hostileResult struct {
	code           int
	stdout, stderr string
	took           time.Duration
}

// summary says, in a line or two, how a command went: its exit code, how
// many translations it refused or held back, and what it counted.
func (r hostileResult) summary(name string) string {
	s := fmt.Sprintf("glot %s: exit %d, %d refused, %d held back", name, r.code,
		strings.Count(r.stderr, ": refused: "), strings.Count(r.stderr, "held back"))
	for _, l := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if r.code != 0 && l != "" && !strings.Contains(l, ": refused: ") && !strings.Contains(l, "held back") {
			s += "\n  " + l
		}
	}
	for _, l := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if strings.Contains(l, "translated") || strings.HasPrefix(l, "glot ") {
			s += "\n  " + strings.TrimSpace(l)
		}
	}
	return s
}

// command runs glot in dir and then checks that no catalog was corrupted:
// every locales/*.toml still parses and glot status still works. A command
// may fail (a refused translation is an exit 1); it may not leave the site
// unreadable.
func (h *hostileSite) command(t *testing.T, dir string, args ...string) hostileResult {
	t.Helper()
	var out, errb bytes.Buffer
	start := time.Now()
	r := hostileResult{code: Run(append([]string{"-C", dir}, args...), &out, &errb)}
	r.took = time.Since(start)
	r.stdout, r.stderr = out.String(), errb.String()
	files, err := filepath.Glob(filepath.Join(dir, "locales", "*.toml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("after glot %s: no catalogs (%v)", args[0], err)
	}
	for _, f := range files {
		if _, err := catalog.Parse(f, read(t, f)); err != nil {
			t.Errorf("after glot %s: %s no longer parses: %v", args[0], filepath.Base(f), err)
		}
	}
	var sout, serr bytes.Buffer
	if code := Run([]string{"-C", dir, "status"}, &sout, &serr); code != 0 {
		t.Errorf("after glot %s: glot status: exit %d\n%s", args[0], code, serr.String())
	}
	return r
}

// fillTranslate writes the batch's payloads into a translate file as a
// translator does: between the quotes of each empty form of each message,
// in TOML's escapes. Beside a payload written for [[ ]], an interface
// message also gets leftdelim and rightdelim, the go-i18n keys that would
// make [[ ]] template delimiters.
func (h *hostileSite) fillTranslate(t *testing.T, file string, assign map[string]int) {
	t.Helper()
	lines := strings.SplitAfter(string(read(t, file)), "\n")
	id := ""
	done := map[string]bool{}
	for i, l := range lines {
		trim := strings.TrimSpace(l)
		if strings.HasPrefix(trim, "[") && strings.HasSuffix(trim, "]") {
			id = strings.Trim(trim, `[]"`)
			continue
		}
		p, ok := assign[id]
		if !ok {
			continue
		}
		for _, form := range []string{"zero", "one", "two", "few", "many", "other"} {
			if trim != form+` = ""` {
				continue
			}
			lines[i] = form + " = " + catalog.Quote(hostileJoin(h.tokens(id, h.payloads[p].text))) + "\n"
			if form == "other" && strings.HasPrefix(id, "ui-") && hostileDelims(h.payloads[p].text) {
				lines[i] += "leftdelim = \"[[\"\nrightdelim = \"]]\"\n"
			}
			done[id] = true
		}
	}
	for id := range assign {
		if !done[id] {
			t.Fatalf("%s has no empty translation of %s to fill in", file, id)
		}
	}
	write(t, file, strings.Join(lines, ""))
	if _, err := catalog.Parse(file, read(t, file)); err != nil {
		t.Fatalf("the test wrote a translate file that does not parse: %v", err)
	}
}

// editPO fills in the msgstr of each message given a payload, as a PO
// editor writes it: one line, in C escapes (\n, \t, \", \\; any other
// control character and any byte that is not UTF-8 as an octal escape, as
// gettext reads them).
func (h *hostileSite) editPO(t *testing.T, data []byte, assign map[string]int) []byte {
	t.Helper()
	lines := strings.SplitAfter(string(data), "\n")
	id := ""
	done := map[string]bool{}
	for i, l := range lines {
		if v, ok := strings.CutPrefix(l, "msgctxt "); ok {
			s, err := strconv.Unquote(strings.TrimSpace(v))
			if err != nil {
				t.Fatalf("glot export wrote %q", l)
			}
			id = s
			continue
		}
		// A message with plural forms has a msgstr[i] for each form.
		if kw, _, _ := strings.Cut(l, " "); (kw == "msgstr" || strings.HasPrefix(kw, "msgstr[")) && id != "" {
			if p, ok := assign[id]; ok {
				lines[i] = kw + " " + hostilePOQuote(hostileJoin(h.tokens(id, h.payloads[p].text))) + "\n"
				done[id] = true
			}
			if kw == "msgstr" {
				id = ""
			}
		}
	}
	for id := range assign {
		if !done[id] {
			t.Fatalf("the PO file has no entry for %s", id)
		}
	}
	return []byte(strings.Join(lines, ""))
}

func hostilePOQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '"':
			b.WriteString(`\"`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20 || r == 0x7f || r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\%03o`, s[i])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	b.WriteByte('"')
	return b.String()
}

// editXLIFF adds a <target> to each unit given a payload, its text escaped
// by encoding/xml and its tags as the <pc> and <ph> of the source, and
// marks the segment translated. XML cannot hold most control characters:
// encoding/xml writes U+FFFD for them, as a translator's tool must.
func (h *hostileSite) editXLIFF(t *testing.T, data []byte, assign map[string]int) []byte {
	t.Helper()
	s := string(data)
	for _, id := range slices.Sorted(maps.Keys(assign)) {
		// A message is a unit, or, with plural forms, a group of units,
		// one a form, each of which gets the payload.
		start, close := strings.Index(s, `<unit id="`+hostileXMLText(id)+`"`), "</unit>"
		if start < 0 {
			start, close = strings.Index(s, `<group id="`+hostileXMLText(id)+`"`), "</group>"
		}
		if start < 0 {
			t.Fatalf("the XLIFF file has no unit %s", id)
		}
		end := start + strings.Index(s[start:], close)
		unit := s[start:end]
		if !strings.Contains(unit, "</source>") || strings.Contains(unit, "<target") {
			t.Fatalf("unit %s of the XLIFF file is not an untranslated segment:\n%s", id, unit)
		}
		var target strings.Builder
		for _, tok := range h.tokens(id, h.payloads[assign[id]].text) {
			switch tok.Kind {
			case msgtext.Text:
				target.WriteString(hostileXMLText(tok.Text))
			case msgtext.Open:
				fmt.Fprintf(&target, `<pc id="%d">`, tok.N)
			case msgtext.Close:
				target.WriteString("</pc>")
			case msgtext.Atom:
				fmt.Fprintf(&target, `<ph id="%d"/>`, tok.N)
			}
		}
		unit = strings.ReplaceAll(unit, "</source>", "</source>\n    <target>"+target.String()+"</target>")
		unit = strings.ReplaceAll(unit, `<segment state="initial">`, `<segment state="translated">`)
		s = s[:start] + unit + s[end:]
	}
	hostileWellFormed(t, "XLIFF", s)
	return []byte(s)
}

// editTMX adds a <tuv> in lang to each translation unit given a payload,
// its tags as the <bpt>, <ept> and <ph> TMX has for them.
func (h *hostileSite) editTMX(t *testing.T, data []byte, lang string, assign map[string]int) []byte {
	t.Helper()
	s := string(data)
	for _, id := range slices.Sorted(maps.Keys(assign)) {
		// A message is a <tu>, or, with plural forms, a <tu> for each
		// form, which names the message in its x-message prop.
		var starts []int
		for at := 0; ; {
			i := strings.Index(s[at:], `<tu tuid="`+hostileXMLText(id))
			if i < 0 {
				break
			}
			at += i
			rest := s[at+len(`<tu tuid="`+hostileXMLText(id)):]
			tu := s[at : at+strings.Index(s[at:], "</tu>")]
			if strings.HasPrefix(rest, `">`) || strings.HasPrefix(rest, ".") && strings.Contains(tu, `<prop type="x-message">`+hostileXMLText(id)+"</prop>") {
				starts = append(starts, at)
			}
			at++
		}
		if len(starts) == 0 {
			t.Fatalf("the TMX file has no unit %s", id)
		}
		// From the last, so that the places of the others stand.
		for k := len(starts) - 1; k >= 0; k-- {
			s = h.fillTU(t, s, starts[k], id, lang, assign)
		}
	}
	hostileWellFormed(t, "TMX", s)
	return []byte(s)
}

// fillTU adds a <tuv> in lang to the <tu> of message id at start in s.
func (h *hostileSite) fillTU(t *testing.T, s string, start int, id, lang string, assign map[string]int) string {
	t.Helper()
	end := start + strings.Index(s[start:], "</tu>")
	unit := s[start:end]
	i := strings.Index(unit, "</tuv>")
	if i < 0 || strings.Count(unit, "<tuv") != 1 {
		t.Fatalf("unit %s of the TMX file is not an untranslated unit:\n%s", id, unit)
	}
	var seg strings.Builder
	for _, tok := range h.tokens(id, h.payloads[assign[id]].text) {
		switch tok.Kind {
		case msgtext.Text:
			seg.WriteString(hostileXMLText(tok.Text))
		case msgtext.Open:
			fmt.Fprintf(&seg, `<bpt i="%d" x="%d">%s</bpt>`, tok.N, tok.N, hostileXMLText(tok.Text))
		case msgtext.Close:
			fmt.Fprintf(&seg, `<ept i="%d">%s</ept>`, tok.N, hostileXMLText(tok.Text))
		case msgtext.Atom:
			fmt.Fprintf(&seg, `<ph x="%d">%s</ph>`, tok.N, hostileXMLText(tok.Text))
		}
	}
	i += len("</tuv>")
	unit = unit[:i] + "\n  <tuv xml:lang=\"" + lang + "\"><seg>" + seg.String() + "</seg></tuv>" + unit[i:]
	s = s[:start] + unit + s[end:]
	return s
}

func hostileXMLText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// hostileWellFormed fails the test if the test's own edit broke the file:
// a translator's tool writes well-formed XML.
func hostileWellFormed(t *testing.T, format, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("the test's edit of the %s file is not well-formed XML: %v", format, err)
		}
	}
}

// describe lists the payloads that can show in a file of language lang
// built from page mark: the page's own, and the language's interface
// strings. A page in the source language shows only the URLs of its
// translations, so for it the page's payloads in every language are
// listed; with no language or page, the whole batch is.
func (h *hostileSite) describe(b hostileBatch, lang, mark string) string {
	var out []string
	for _, l := range hostileLangs {
		if lang != "" && lang != "en" && l != lang {
			continue
		}
		a := b.assign[l]
		for _, p := range h.pages {
			if mark != "" && p.mark != mark {
				continue
			}
			at := map[int][]string{}
			for _, id := range p.ids {
				if i, ok := a[id]; ok {
					at[i] = append(at[i], h.where[id])
				}
			}
			for _, i := range slices.Sorted(maps.Keys(at)) {
				where := strings.Join(at[i], ", ")
				if len(at[i]) == len(p.ids) {
					where = "every position of the pages p" + p.mark + ".md, t" + p.mark + ".md, h" + p.mark + ".html and d" + p.mark + ".html"
				}
				out = append(out, fmt.Sprintf("\t%s: %s: %s", l, where, h.payloads[i]))
			}
		}
		if lang == "en" {
			continue
		}
		for _, id := range slices.Sorted(maps.Keys(a)) {
			if strings.HasPrefix(id, "ui-") {
				out = append(out, fmt.Sprintf("\t%s: %s: %s", l, h.where[id], h.payloads[a[id]]))
			}
		}
	}
	if len(out) == 0 {
		return "\t(no payload of the batch is on this page)"
	}
	return strings.Join(out, "\n")
}

// checkPlaces fails the test if the build wrote where it should not:
// beside the site, in the site's folder anything but its outputs and
// cache, or in its content folder. A translated slug names one folder of
// the output, nothing else (check sees that each output is where its
// baseline is, but for that folder).
func (h *hostileSite) checkPlaces(t *testing.T, root, dir string) {
	t.Helper()
	list := func(d string) []string {
		es, err := os.ReadDir(d)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	if got := list(root); !slices.Equal(got, []string{"exchange", "site"}) {
		t.Errorf("the build wrote beside the site: %v", got)
	}
	for _, name := range list(dir) {
		if !slices.Contains([]string{"glot.toml", "content", "layouts", "locales", "public", "localized", ".glot-cache"}, name) {
			t.Errorf("the build wrote %s in the site's folder", name)
		}
	}
	got := map[string][]byte{}
	err := filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(filepath.Join(dir, "content"), p)
			got[filepath.ToSlash(rel)], err = os.ReadFile(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, h.content) {
		t.Errorf("the content folder changed: %v", slices.Sorted(maps.Keys(got)))
	}
}

// hostileViolation is one thing a reader must not get, in one output file.
type hostileViolation struct {
	file, what string
	lang, mark string // the file's language and page, for the report
}

// check holds every output of the build in dir against its baseline
// counterpart, and returns what breaks a rule, and how many outputs it
// checked rule by rule.
func (h *hostileSite) check(t *testing.T, dir string) (out []hostileViolation, checked hostileChecked) {
	t.Helper()
	got := outputs(t, dir)
	// A translated slug moves a page: its baseline counterpart is the
	// baseline page that is the same page in the same language, which
	// its x-default link names; the URLs that name it are renamed to
	// the baseline's before they are compared.
	counterpart := map[string]string{}
	renames := map[string]string{}
	for name, data := range got {
		bp := ""
		if k := hostilePageKey(name, data); k != "" {
			bp = h.baseByKey[k]
		}
		if bp == "" {
			if _, ok := h.base[name]; ok {
				bp = name
			}
		}
		counterpart[name] = bp
		if bp != "" && bp != name {
			from, to := hostileFileCanon(name), hostileFileCanon(bp)
			renames[from] = to
			if f, ok := strings.CutSuffix(from, "index.html"); ok {
				if tt, ok := strings.CutSuffix(to, "index.html"); ok {
					renames[f] = tt
				}
			}
		}
	}
	var bodies [][]byte
	for name, data := range got {
		if bp := counterpart[name]; strings.HasSuffix(name, ".md") && bp != "" && !bytes.Equal(data, h.base[bp]) {
			_, body, _, _ := hostileFrontMatter(data)
			_, bbody, _, _ := hostileFrontMatter(h.base[bp])
			bodies = append(bodies, body, bbody)
		}
	}
	h.prerender(bodies)
	for _, name := range slices.Sorted(maps.Keys(got)) {
		data, bp := got[name], counterpart[name]
		lang, mark := h.placeOf(name, bp)
		add := func(format string, args ...any) {
			out = append(out, hostileViolation{file: name, what: fmt.Sprintf(format, args...), lang: lang, mark: mark})
		}
		if bp == "" {
			add("a file the baseline build does not have")
			continue
		}
		base := h.base[bp]
		if len(data) > 10*max(len(base), 1) {
			add("%d bytes, more than 10 times its baseline's %d", len(data), len(base))
		}
		if !hostileInPlace(name, bp) {
			add("written at another place than its baseline, %s", bp)
		}
		if bp == name && bytes.Equal(data, base) {
			continue // the same bytes render the same
		}
		gotURL := hostileFileURL(name)
		if strings.HasPrefix(name, "localized/") {
			// The localized tree is made for a site generator, which runs
			// what looks like its template actions (Hugo's {{ }}, Liquid's
			// {% %}) and shortcodes in a page's body, though not in its
			// front matter.
			text, btext := data, base
			if strings.HasSuffix(name, ".md") {
				_, text, _, _ = hostileFrontMatter(data)
				_, btext, _, _ = hostileFrontMatter(base)
			}
			for _, d := range []string{"{{", "{%"} {
				if n, m := bytes.Count(text, []byte(d)), bytes.Count(btext, []byte(d)); n > m {
					add("%d %q in its body, more than its baseline's %d: a template action or shortcode the page does not have", n, d, m)
				}
			}
			if got, want := hostileShortcodes(string(text)), hostileShortcodes(string(btext)); !slices.Equal(got, want) {
				add("shortcodes %q, the baseline's %q", got, want)
			}
		}
		switch {
		case strings.HasSuffix(name, ".html"):
			checked.html++
			for _, w := range h.checkHTML(t, "html", bp, data, gotURL, renames) {
				add("%s", w)
			}
		case strings.HasSuffix(name, ".md"):
			checked.markdown++
			fm, body, delim, ok := hostileFrontMatter(data)
			bfm, bbody, bdelim, _ := hostileFrontMatter(base)
			switch {
			case !ok:
				add("its front matter is not closed")
			case delim != bdelim:
				add("front matter between %q lines, the baseline's between %q", delim, bdelim)
			default:
				if w := hostileCompareFrontMatter(delim, fm, bfm); w != "" {
					add("front matter: %s", w)
				}
			}
			for _, r := range []string{"goldmark", "cmark-gfm"} {
				rendered, err := h.render(r, body)
				if err != nil {
					add("%s: %v", r, err)
					continue
				}
				h.baseRendered(t, r, bp, bbody)
				for _, w := range h.checkHTML(t, r, bp, rendered, gotURL, renames) {
					add("rendered by %s: %s", r, w)
				}
			}
		case strings.HasSuffix(name, ".xml"):
			for _, w := range hostileSitemap(data, h.base[bp], renames) {
				add("%s", w)
			}
		default:
			add("an asset that differs from its baseline")
		}
	}
	return out, checked
}

// placeOf returns the language and the page of an output, as its baseline
// path tells them.
func (h *hostileSite) placeOf(name, bp string) (lang, mark string) {
	segs := strings.Split(name, "/")
	if len(segs) > 2 {
		lang = segs[1]
	}
	for _, p := range h.pages {
		for _, f := range []string{"page-" + p.mark + "/", "/p" + p.mark + ".md", "/t" + p.mark + "/", "/t" + p.mark + ".md", "/h" + p.mark + ".html", "/d" + p.mark + ".html"} {
			if strings.Contains(bp, f) {
				return lang, p.mark
			}
		}
	}
	return lang, ""
}

// hostileInPlace reports whether output name is where its baseline
// counterpart bp is, but for its last folder, which a slug may rename.
func hostileInPlace(name, bp string) bool {
	a, b := strings.Split(name, "/"), strings.Split(bp, "/")
	if len(a) != len(b) || len(a) < 2 || a[0] != b[0] || a[len(a)-1] != b[len(b)-1] {
		return false
	}
	for i := 1; i < len(a)-2; i++ {
		if a[i] != b[i] {
			return false
		}
	}
	dir := a[len(a)-2]
	return len(a) == 2 || dir == b[len(b)-2] || dir != "" && dir != "." && dir != ".." && !strings.ContainsAny(dir, `/\`)
}

// hostilePageKey names a built HTML page by its language folder and the
// URL of its x-default alternate, the same for a page whatever its slug;
// "" for any other file.
func hostilePageKey(name string, data []byte) string {
	segs := strings.Split(name, "/")
	if segs[0] != "public" || len(segs) < 3 || !strings.HasSuffix(name, ".html") {
		return ""
	}
	doc, err := xhtml.Parse(bytes.NewReader(data))
	if err != nil {
		return ""
	}
	var xd string
	hostileWalk(doc, func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.Data == "link" && xd == "" && hostileAttr(n, "hreflang") == "x-default" && hostileAttr(n, "rel") == "alternate" {
			xd = hostileAttr(n, "href")
		}
	})
	if xd == "" {
		return ""
	}
	return segs[1] + " " + xd
}

// hostileFileURL is the URL an output is served at, to resolve its links
// against; the localized tree is not served, but resolving its links the
// same way in the baseline keeps them comparable.
func hostileFileURL(name string) string {
	if rest, ok := strings.CutPrefix(name, "public/"); ok {
		return hostileBaseURL + rest
	}
	return hostileBaseURL + name
}

func hostileWalk(n *xhtml.Node, f func(*xhtml.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		hostileWalk(c, f)
	}
}

func hostileAttr(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val
		}
	}
	return ""
}

// hostileMD is goldmark as glot reads pages, rendering raw HTML as it is:
// what a translation smuggles in must show.
var hostileMD = segment.Goldmark(goldmark.WithRendererOptions(ghtml.WithUnsafe()))

// render renders a Markdown body as HTML with goldmark or cmark-gfm. Raw
// HTML is rendered as it is (--unsafe), for cmark-gfm would otherwise
// replace it with a comment and hide what a translation smuggled in.
// cmark-gfm reads footnotes, as glot and GitHub do: without them it would
// read a one-word footnote as a link reference definition, a document
// other than the one glot wrote.
func (h *hostileSite) render(renderer string, md []byte) ([]byte, error) {
	if renderer == "goldmark" {
		var b bytes.Buffer
		err := hostileMD.Convert(md, &b)
		return b.Bytes(), err
	}
	h.prerender([][]byte{md})
	r := h.cmark[string(md)]
	return r.html, r.err
}

// prerender renders with cmark-gfm, side by side, the Markdown bodies not
// rendered yet: a process each is most of the test's time.
func (h *hostileSite) prerender(bodies [][]byte) {
	todo := map[string]*hostileRendered{}
	for _, b := range bodies {
		if _, ok := h.cmark[string(b)]; !ok {
			todo[string(b)] = &hostileRendered{}
		}
	}
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	for md, r := range todo {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			cmd := exec.Command("cmark-gfm", "--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough", "-e", "footnotes")
			cmd.Stdin = strings.NewReader(md)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if r.html, r.err = cmd.Output(); r.err != nil {
				r.err = fmt.Errorf("cmark-gfm: %v: %s", r.err, errb.String())
			}
		}()
	}
	wg.Wait()
	for md, r := range todo {
		h.cmark[md] = *r
	}
}

// baseRendered renders a baseline Markdown file's body once, and keeps the
// facts of its HTML.
func (h *hostileSite) baseRendered(t *testing.T, renderer, bp string, body []byte) {
	t.Helper()
	if _, ok := h.baseFacts[renderer+" "+bp]; ok {
		return
	}
	out, err := h.render(renderer, body)
	if err != nil {
		t.Fatalf("%s of the baseline %s: %v", renderer, bp, err)
	}
	h.baseFacts[renderer+" "+bp] = hostileFactsOf(t, out, hostileNormalizer(hostileFileURL(bp), nil))
}

// hostileFrontMatter splits a Markdown file into its front matter, YAML
// between "---" lines or TOML between "+++" lines, and its body; ok is
// false if the front matter is never closed.
func hostileFrontMatter(data []byte) (fm, body []byte, delim string, ok bool) {
	lines := strings.SplitAfter(string(data), "\n")
	delim = strings.TrimRight(lines[0], "\r\n")
	if delim != "---" && delim != "+++" {
		return nil, data, "", true
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimRight(lines[i], "\r\n") == delim {
			return []byte(strings.Join(lines[1:i], "")), []byte(strings.Join(lines[i+1:], "")), delim, true
		}
	}
	return nil, nil, delim, false
}

// hostileCompareFrontMatter says what is wrong with translated front
// matter: it must parse (as YAML, or TOML), with the baseline's keys, the
// untranslated values unchanged and the translated ones still strings.
func hostileCompareFrontMatter(delim string, fm, base []byte) string {
	unmarshal, format := yaml.Unmarshal, "YAML"
	if delim == "+++" {
		unmarshal, format = toml.Unmarshal, "TOML"
	}
	var got, want map[string]any
	if err := unmarshal(fm, &got); err != nil {
		return fmt.Sprintf("not %s: %v", format, err)
	}
	if err := unmarshal(base, &want); err != nil {
		return fmt.Sprintf("the baseline's is not %s: %v", format, err)
	}
	gk, wk := hostileKeys(got, ""), hostileKeys(want, "")
	if !slices.Equal(gk, wk) {
		return fmt.Sprintf("keys %v, the baseline's %v", gk, wk)
	}
	for k, v := range want {
		if slices.Contains(hostileTranslated, k) {
			if _, ok := got[k].(string); !ok {
				return fmt.Sprintf("%s is %T %v, not a string", k, got[k], got[k])
			}
		} else if !reflect.DeepEqual(got[k], v) {
			return fmt.Sprintf("%s is %v, the baseline's %v", k, got[k], v)
		}
	}
	return ""
}

// hostileShortcodes lists the shortcodes of a page ({{< >}} and {{% %}}),
// each as its name and parameters with every quoted value written "…":
// their shape, which a translated parameter must not change.
func hostileShortcodes(s string) []string {
	var out []string
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '{' || s[i+1] != '{' || s[i+2] != '<' && s[i+2] != '%' {
			continue
		}
		closer := map[byte]string{'<': ">}}", '%': "%}}"}[s[i+2]]
		var b strings.Builder
		b.WriteString(s[i : i+3])
		j := i + 3
		for j < len(s) && !strings.HasPrefix(s[j:], closer) {
			switch c := s[j]; c {
			case '"', '`':
				k := j + 1
				for k < len(s) && s[k] != c {
					if c == '"' && s[k] == '\\' {
						k++
					}
					k++
				}
				b.WriteString(`"…"`)
				j = k + 1
				continue
			case ' ', '\t', '\r', '\n':
				if !strings.HasSuffix(b.String(), " ") {
					b.WriteByte(' ')
				}
			default:
				b.WriteByte(c)
			}
			j++
		}
		b.WriteString(closer)
		out = append(out, b.String())
		i = j
	}
	return out
}

func hostileKeys(m map[string]any, prefix string) []string {
	var out []string
	for k, v := range m {
		out = append(out, prefix+k)
		if sub, ok := v.(map[string]any); ok {
			out = append(out, hostileKeys(sub, prefix+k+".")...)
		}
	}
	sort.Strings(out)
	return out
}

// hostileSitemap says what is wrong with a translated sitemap: it must be
// well-formed XML and name only the baseline's URLs (renamed pages
// included).
func hostileSitemap(data, base []byte, renames map[string]string) []string {
	urls := func(data []byte) (map[string]bool, error) {
		out := map[string]bool{}
		d := xml.NewDecoder(bytes.NewReader(data))
		inLoc := false
		for {
			tok, err := d.Token()
			if err == io.EOF {
				return out, nil
			}
			if err != nil {
				return nil, err
			}
			switch tok := tok.(type) {
			case xml.StartElement:
				inLoc = tok.Name.Local == "loc"
				for _, a := range tok.Attr {
					if a.Name.Local == "href" {
						out[a.Value] = true
					}
				}
			case xml.EndElement:
				inLoc = false
			case xml.CharData:
				if inLoc {
					out[strings.TrimSpace(string(tok))] = true
				}
			}
		}
	}
	got, err := urls(data)
	if err != nil {
		return []string{fmt.Sprintf("not well-formed XML: %v", err)}
	}
	want, err := urls(base)
	if err != nil {
		return []string{fmt.Sprintf("the baseline's is not XML: %v", err)}
	}
	var out []string
	norm := hostileNormalizer(hostileBaseURL, renames)
	for u := range got {
		if !want[norm(u)] {
			out = append(out, fmt.Sprintf("URL %q is not in the baseline's", u))
		}
	}
	sort.Strings(out)
	return out
}

// htmlFacts are what the output rules compare between a page and its
// baseline.
type htmlFacts struct {
	count    map[string]int  // elements, by name
	attrs    map[string]bool // "element attribute" pairs
	urls     map[string]bool // URL attribute values, resolved
	anchors  map[string]int  // <a> elements, by resolved href
	comments int
	raw      map[string]bool // the text of <style> and <script> elements
}

// hostileURLAttrs are the attributes whose values a browser loads or
// follows.
var hostileURLAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "xlink:href": true, "srcset": true,
	"background": true, "poster": true, "data": true, "cite": true, "longdesc": true, "dynsrc": true,
	"lowsrc": true, "codebase": true, "ping": true, "manifest": true, "icon": true, "usemap": true,
	"profile": true, "archive": true, "classid": true,
}

// hostileForbidden are the elements no built page may have, whatever its
// baseline has.
var hostileForbidden = map[string]bool{"script": true, "iframe": true, "object": true, "embed": true, "base": true, "frame": true, "frameset": true, "applet": true}

// hostileNormalizer resolves a URL attribute's value against the page's
// URL, writes it in one form (its path unescaped), and renames a moved
// page's URL to its baseline's.
func hostileNormalizer(page string, renames map[string]string) func(string) string {
	base, _ := url.Parse(page)
	return func(v string) string {
		u, err := url.Parse(strings.TrimSpace(v))
		if err != nil {
			return "unparsable " + v
		}
		abs := base.ResolveReference(u)
		frag := abs.Fragment
		s := hostileCanon(abs)
		if to, ok := renames[s]; ok {
			s = to
		}
		if frag != "" {
			s += "#" + frag
		}
		return s
	}
}

// hostileCanon writes a URL without its fragment, in one form whichever
// way its path was escaped.
func hostileCanon(u *url.URL) string {
	if u.Opaque != "" {
		return u.Scheme + ":" + u.Opaque
	}
	s := u.Scheme + "://" + u.Host + u.Path
	if u.RawQuery != "" || u.ForceQuery {
		s += "?" + u.RawQuery
	}
	return s
}

// hostileFileCanon is hostileCanon of the URL an output is served at.
func hostileFileCanon(name string) string {
	u, err := url.Parse(hostileFileURL(name))
	if err != nil {
		return "unparsable " + name
	}
	return hostileCanon(u)
}

// hostileScheme returns the dangerous scheme a URL has, reading it as a
// browser does: ASCII white space and control characters anywhere, and
// case, do not count.
func hostileScheme(v string) string {
	var b strings.Builder
	for _, r := range v {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	s := b.String()
	for _, scheme := range []string{"javascript:", "data:", "vbscript:", "livescript:"} {
		if strings.HasPrefix(s, scheme) {
			return scheme
		}
	}
	return ""
}

func hostileElem(n *xhtml.Node) string {
	if n.Namespace != "" {
		return n.Namespace + " " + n.Data
	}
	return n.Data
}

func hostileAttrKey(a xhtml.Attribute) string {
	if a.Namespace != "" {
		return a.Namespace + ":" + a.Key
	}
	return a.Key
}

func hostileRawText(n *xhtml.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// hostileFactsOf parses a page and gathers its facts.
func hostileFactsOf(t *testing.T, page []byte, norm func(string) string) *htmlFacts {
	t.Helper()
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	f := &htmlFacts{count: map[string]int{}, attrs: map[string]bool{}, urls: map[string]bool{}, anchors: map[string]int{}, raw: map[string]bool{}}
	hostileWalk(doc, func(n *xhtml.Node) {
		switch n.Type {
		case xhtml.CommentNode:
			f.comments++
		case xhtml.ElementNode:
			name := hostileElem(n)
			f.count[name]++
			for _, a := range n.Attr {
				key := hostileAttrKey(a)
				f.attrs[name+" "+key] = true
				if hostileURLAttrs[key] {
					f.urls[norm(a.Val)] = true
				}
			}
			if name == "a" {
				f.anchors[hostileHref(n, norm)]++
			}
			if name == "style" || name == "script" {
				f.raw[hostileRawText(n)] = true
			}
		}
	})
	return f
}

func hostileHref(n *xhtml.Node, norm func(string) string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == "href" {
			return norm(a.Val)
		}
	}
	return "(no href)"
}

// checkHTML holds a page (as built, or rendered from Markdown by renderer)
// against its baseline counterpart bp, rendered the same way, and returns
// what breaks the rules: an element, an element's attribute or a URL the
// baseline page does not have; more of an element, of an <a> to a URL, or
// of comments than it has; a <style> or <script> text it does not have;
// and, whatever it has, an on* attribute, a javascript:, data: or vbscript:
// URL, <meta http-equiv>, and the elements that run or frame other
// content.
func (h *hostileSite) checkHTML(t *testing.T, renderer, bp string, page []byte, pageURL string, renames map[string]string) []string {
	t.Helper()
	key := renderer + " " + bp
	base := h.baseFacts[key]
	if base == nil {
		base = hostileFactsOf(t, h.base[bp], hostileNormalizer(hostileFileURL(bp), nil))
		h.baseFacts[key] = base
	}
	doc, err := xhtml.Parse(bytes.NewReader(page))
	if err != nil {
		return []string{fmt.Sprintf("does not parse as HTML: %v", err)}
	}
	norm := hostileNormalizer(pageURL, renames)
	var out []string
	count, anchors := map[string]int{}, map[string]int{}
	comments := 0
	hostileWalk(doc, func(n *xhtml.Node) {
		add := func(format string, args ...any) {
			out = append(out, fmt.Sprintf(format, args...)+" in "+hostileSnippet(n))
		}
		switch n.Type {
		case xhtml.CommentNode:
			if comments++; comments == base.comments+1 {
				add("a comment more than the baseline page's %d", base.comments)
			}
		case xhtml.ElementNode:
			name := hostileElem(n)
			count[name]++
			switch {
			case base.count[name] == 0 && count[name] == 1:
				add("element <%s>, which the baseline page does not have", name)
			case base.count[name] > 0 && count[name] == base.count[name]+1:
				add("more <%s> elements than the baseline page's %d", name, base.count[name])
			}
			if hostileForbidden[name] {
				add("a <%s> element", name)
			}
			if name == "meta" && hostileAttr(n, "http-equiv") != "" {
				add("<meta http-equiv>")
			}
			for _, a := range n.Attr {
				k := hostileAttrKey(a)
				if strings.HasPrefix(strings.ToLower(a.Key), "on") {
					add("event handler attribute %s=%q", k, a.Val)
				}
				if !base.attrs[name+" "+k] {
					add("attribute %s on <%s>, which the baseline page does not have", k, name)
				}
				if !hostileURLAttrs[k] {
					continue
				}
				if s := hostileScheme(a.Val); s != "" {
					add("a %s URL in %s=%q", s, k, a.Val)
				}
				if v := norm(a.Val); !base.urls[v] {
					add("%s=%q (%s), a URL the baseline page does not have", k, a.Val, v)
				}
			}
			if name == "a" {
				href := hostileHref(n, norm)
				if anchors[href]++; anchors[href] > base.anchors[href] {
					add("an <a> to %s that the baseline page does not have (it has %d)", href, base.anchors[href])
				}
			}
			if (name == "style" || name == "script") && !base.raw[hostileRawText(n)] {
				add("<%s> text the baseline page does not have", name)
			}
		}
	})
	return out
}

// hostileSnippet shows a node as HTML (the paragraph, heading or the like
// it is in, if any), with the elements it is in, short enough for a
// report.
func hostileSnippet(n *xhtml.Node) string {
	var where []string
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == xhtml.ElementNode {
			where = append([]string{p.Data}, where...)
		}
	}
	// The block a node is in shows which text it came from.
	shown := n
	if p := n.Parent; p != nil && p.Type == xhtml.ElementNode && !slices.Contains([]string{"html", "head", "body", "main", "header", "footer", "nav", "div", "table", "thead", "tbody", "tr", "ul", "ol"}, p.Data) {
		shown = p
	}
	var b bytes.Buffer
	_ = xhtml.Render(&b, shown)
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return path.Join(where...) + ": " + s
}
