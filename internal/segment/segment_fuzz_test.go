package segment_test

import (
	"bytes"
	"fmt"
	"maps"
	"slices"
	"testing"

	"github.com/BurntSushi/toml"
	"go.yaml.in/yaml/v3"

	"github.com/glot-i18n/glot/internal/content"
	"github.com/glot-i18n/glot/internal/fuzzcheck"
	"github.com/glot-i18n/glot/internal/render"
	"github.com/glot-i18n/glot/internal/segment"
)

// The seeds of these targets are in testdata/fuzz: the sample site's pages,
// the segmentation fixtures, and hostile pages (deep nesting, invalid
// UTF-8, byte order marks, UTF-16, CRLF).

// FuzzHTML segments any HTML page and checks what the splice relies on.
func FuzzHTML(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzcheck.MaxInput {
			return
		}
		var p *segment.Page
		var err error
		fuzzcheck.Bounded(t, func() { p, err = segment.HTML(src, nil) })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, "", src)
			return
		}
		checkPage(t, src, p)
	})
}

// FuzzMarkdownRender segments any Markdown page, front matter and
// shortcodes included, in bounded time, and checks what the splice relies
// on (FuzzMarkdown checks the ranges alone).
func FuzzMarkdownRender(f *testing.F) {
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzcheck.MaxInput {
			return
		}
		var p *segment.Page
		var err error
		rules := &segment.Rules{Extract: segment.Extract{Atoms: []string{`\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}`}}}
		fuzzcheck.Bounded(t, func() { p, err = segment.Markdown(src, rules) })
		if err != nil {
			fuzzcheck.ErrorIn(t, err, "", src)
			return
		}
		checkPage(t, src, p)
	})
}

// frontMatterKeys are the keys FuzzFrontMatter translates: the default
// ones, and nested ones as a site may name them.
var frontMatterKeys = []string{"title", "description", "menu.main.name", "params.summary"}

// FuzzFrontMatter segments a page whose front matter is any text, in YAML
// (toml false) or TOML, and checks that its segments lie in the front
// matter, that an error points at a line of it, and that translating every
// value leaves a front matter that reads as before, with the same keys: a
// translation replaces a value and can never add a key.
func FuzzFrontMatter(f *testing.F) {
	f.Fuzz(func(t *testing.T, fm []byte, isTOML bool) {
		if len(fm) > fuzzcheck.MaxInput {
			return
		}
		fence := "---\n"
		if isTOML {
			fence = "+++\n"
		}
		src := slices.Concat([]byte(fence), fm, []byte("\n"), []byte(fence), []byte("Body text.\n"))
		var p *segment.Page
		var err error
		rules := &segment.Rules{Extract: segment.Extract{FrontMatter: frontMatterKeys}}
		fuzzcheck.Bounded(t, func() { p, err = segment.Markdown(src, rules) })
		split, _ := content.SplitFrontMatter(src)
		if err != nil {
			fe := fuzzcheck.ErrorIn(t, err, "", src)
			if last := bytes.Count(src[:split.End], []byte("\n")) + 1; fe.Line > last {
				t.Fatalf("error %q points at line %d, after the front matter ends on line %d", err, fe.Line, last)
			}
			return
		}
		checkPage(t, src, p)
		tr := mapTr{}
		for _, s := range p.Segments {
			if s.Syntax == segment.YAMLValue || s.Syntax == segment.TOMLValue {
				if s.Start < split.Start || s.End > split.End {
					t.Fatalf("front matter segment [%d,%d) %q lies outside the front matter [%d,%d)", s.Start, s.End, s.Text, split.Start, split.End)
				}
				tr[s.ID] = s.Text + ` «ü» "q" \ # {{ .x }}`
			}
		}
		if len(tr) == 0 {
			return
		}
		out, fallbacks := render.Splice(src, p.Segments, tr)
		for _, fb := range fallbacks {
			if s := p.Segments[fb.Segment]; tr[s.ID] != "" {
				t.Fatalf("translation of %q refused: %s", s.Text, fb.Reason)
			}
		}
		before, err := keys(src[split.Start:split.End], isTOML)
		if err != nil {
			return // a front matter the segmenter reads but a decoder does not: nothing to compare
		}
		outSplit, _ := content.SplitFrontMatter(out)
		after, err := keys(out[outSplit.Start:outSplit.End], isTOML)
		if err != nil {
			t.Fatalf("the translated front matter no longer reads: %v\n%s", err, out)
		}
		if !slices.Equal(before, after) {
			t.Fatalf("translation changed the front matter's keys from %q to %q\n%s", before, after, out)
		}
	})
}

// keys decodes a front matter and lists its keys, nested ones joined
// with dots.
func keys(fm []byte, isTOML bool) ([]string, error) {
	var m map[string]any
	var err error
	if isTOML {
		_, err = toml.Decode(string(fm), &m)
	} else {
		err = yaml.Unmarshal(fm, &m)
	}
	if err != nil {
		return nil, err
	}
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		if sub, ok := v.(map[string]any); ok {
			for _, k := range slices.Sorted(maps.Keys(sub)) {
				walk(prefix+k+".", sub[k])
			}
			return
		}
		out = append(out, prefix)
	}
	walk("", m)
	return out, nil
}

// mapTr is a Translator over a map.
type mapTr map[string]string

func (m mapTr) Lookup(id string) (string, bool) { s, ok := m[id]; return s, ok }

// checkPage checks what the renderer relies on: every segment's range lies
// in the page, in order, after the one before or inside it; every
// placeholder that is at a place in the page lies there; and the page
// rendered with no translations, or with every translation equal to its
// source, is the page itself.
func checkPage(t *testing.T, src []byte, p *segment.Page) {
	t.Helper()
	if err := ranges(src, p.Segments); err != "" {
		t.Fatalf("%s\npage %q", err, src)
	}
	if out, _ := render.Splice(src, p.Segments, mapTr{}); !bytes.Equal(out, src) {
		t.Fatalf("the page with no translations is not the page:\nwant %q\ngot  %q", src, out)
	}
	same := mapTr{}
	for _, s := range p.Segments {
		same[s.ID] = s.Text
	}
	if out, fb := render.Splice(src, p.Segments, same); !bytes.Equal(out, src) || len(fb) > 0 {
		t.Fatalf("the page with every translation equal to its source is not the page (%d refused):\nwant %q\ngot  %q", len(fb), src, out)
	}
}

func ranges(src []byte, segs []segment.Segment) string {
	var open []segment.Segment
	for _, s := range segs {
		if s.Start < 0 || s.End <= s.Start || s.End > len(src) {
			return fmt.Sprintf("segment [%d,%d) %q is empty or leaves the page of %d bytes", s.Start, s.End, s.Text, len(src))
		}
		for len(open) > 0 && open[len(open)-1].End <= s.Start {
			open = open[:len(open)-1]
		}
		if len(open) > 0 && s.End > open[len(open)-1].End {
			o := open[len(open)-1]
			return fmt.Sprintf("segment [%d,%d) %q overlaps [%d,%d) %q", s.Start, s.End, s.Text, o.Start, o.End, o.Text)
		}
		open = append(open, s)
		for n, c := range s.Codes {
			if c.Pos >= 0 && (c.Pos+len(c.Open) > len(src) || string(src[c.Pos:c.Pos+len(c.Open)]) != c.Open) {
				return fmt.Sprintf("placeholder %d of %q, %q, is not at %d", n+1, s.Text, c.Open, c.Pos)
			}
			if c.ClosePos >= 0 && (c.ClosePos+len(c.Close) > len(src) || string(src[c.ClosePos:c.ClosePos+len(c.Close)]) != c.Close) {
				return fmt.Sprintf("placeholder %d of %q, closing %q, is not at %d", n+1, s.Text, c.Close, c.ClosePos)
			}
		}
	}
	return ""
}
