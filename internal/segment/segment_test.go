package segment

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/glottest"
)

// dump writes a page's segments in a form a person can review.
func dump(src []byte, p *Page) []byte {
	var b bytes.Buffer
	for _, s := range p.Segments {
		fmt.Fprintf(&b, "%d:%d %s %s\n", s.Line, s.Col, s.Kind, s.ID)
		fmt.Fprintf(&b, "  text: %s\n", s.Text)
		if s.Where != "" {
			fmt.Fprintf(&b, "  where: %s\n", s.Where)
		}
		fmt.Fprintf(&b, "  raw:  %q\n", src[s.Start:s.End])
		for i, c := range s.Codes {
			// Where the markup stands must be where its bytes are.
			if c.Pos >= 0 && string(src[c.Pos:c.Pos+len(c.Open)]) != c.Open || c.ClosePos >= 0 && string(src[c.ClosePos:c.ClosePos+len(c.Close)]) != c.Close {
				fmt.Fprintf(&b, "  MISPLACED ")
			}
			if c.Atom {
				fmt.Fprintf(&b, "  <%d/> %s %q @%d\n", i+1, c.Kind, c.Open, c.Pos)
			} else {
				fmt.Fprintf(&b, "  <%d> %s %q @%d %q @%d\n", i+1, c.Kind, c.Open, c.Pos, c.Close, c.ClosePos)
			}
		}
	}
	for _, s := range p.Skipped {
		fmt.Fprintf(&b, "skipped %d:%d %s\n", s.Line, s.Col, s.Reason)
	}
	return b.Bytes()
}

// TestMarkdownGolden segments every testdata/markdown/*.md and compares
// with its .golden file. go test -update rewrites them; review the diff.
func TestMarkdownGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/markdown/*.md")
	if len(files) == 0 {
		t.Fatal("no test pages")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := Markdown(src, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(src, p)
			glottest.Golden(t, strings.TrimSuffix(f, ".md")+".golden", got)
		})
	}
}

// TestHTMLGolden segments every testdata/html/*.html.
func TestHTMLGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/html/*.html")
	if len(files) == 0 {
		t.Fatal("no test pages")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p, err := HTML(src, nil)
			if err != nil {
				t.Fatal(err)
			}
			got := dump(src, p)
			glottest.Golden(t, strings.TrimSuffix(f, ".html")+".golden", got)
		})
	}
}

func TestIsDocument(t *testing.T) {
	for src, want := range map[string]bool{
		"<!DOCTYPE html><p>x":          true,
		"\n<!-- c -->\n<html lang=en>": true,
		"<head><title>x</title>":       true,
		"<p>fragment</p>":              false,
		"text first <html>":            false,
	} {
		if IsDocument([]byte(src)) != want {
			t.Errorf("IsDocument(%q) = %v", src, !want)
		}
	}
}

// Every segment's range must lie inside the page, in order, and either
// after the previous one or inside it (an alt text inside a paragraph):
// the splice relies on it.
func TestSegmentsAreOrderedAndNested(t *testing.T) {
	files, _ := filepath.Glob("testdata/markdown/*.md")
	more, _ := filepath.Glob("../../content/*.md")
	for _, f := range append(files, more...) {
		src, _ := os.ReadFile(f)
		p, err := Markdown(src, nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := nested(p.Segments, len(src)); err != "" {
			t.Errorf("%s: %s", f, err)
		}
	}
}

// nested checks that segs are in order and each one either follows the
// ones before or lies inside one of them.
func nested(segs []Segment, size int) string {
	var open []Segment
	for _, s := range segs {
		if s.End <= s.Start || s.End > size {
			return fmt.Sprintf("segment [%d,%d) is empty or leaves the page", s.Start, s.End)
		}
		for len(open) > 0 && open[len(open)-1].End <= s.Start {
			open = open[:len(open)-1]
		}
		if len(open) > 0 && s.End > open[len(open)-1].End {
			o := open[len(open)-1]
			return fmt.Sprintf("segment [%d,%d) overlaps [%d,%d)", s.Start, s.End, o.Start, o.End)
		}
		open = append(open, s)
	}
	return ""
}

func TestMarkdownErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unclosed front matter", "---\ntitle: x\n\nbody\n", ":1:1: front matter is opened but never closed"},
		{"bad yaml", "---\ntitle: x\n  bad: [\n---\nbody\n", ":3:"},
		{"unclosed flow sequence", "---\ntitle: x\ndescription: [unclosed\n---\nbody\n", ":3:"},
		{"sequence in a mapping", "---\ntitle: x\n- a\n---\nbody\n", ":3:"},
		{"yaml not a mapping", "---\n- a\n- b\n---\nbody\n", ":2:1: front matter is not a mapping"},
		{"bad toml", "+++\ntitle = \"x\"\ntitle = \"y\"\n+++\nbody\n", ":3:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Markdown([]byte(tt.src), nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func FuzzMarkdown(f *testing.F) {
	files, _ := filepath.Glob("testdata/markdown/*.md")
	for _, file := range files {
		src, _ := os.ReadFile(file)
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Markdown(src, nil)
		if err != nil {
			return
		}
		if err := nested(p.Segments, len(src)); err != "" {
			t.Fatal(err)
		}
	})
}
