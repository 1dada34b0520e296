package segment

import (
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// deadline is how long a pathological page may take before a test calls
// it a hang. Every page here is read in well under a second; the margin
// is for a busy machine.
const deadline = 5 * time.Second

// segmentWithin segments src, as HTML or Markdown, and fails the test if
// that takes longer than the deadline.
func segmentWithin(t *testing.T, src []byte, html bool, r *Rules) (*Page, error) {
	t.Helper()
	type result struct {
		p   *Page
		err error
	}
	done := make(chan result, 1)
	go func() {
		var res result
		if html {
			res.p, res.err = HTML(src, r)
		} else {
			res.p, res.err = Markdown(src, r)
		}
		done <- res
	}()
	select {
	case res := <-done:
		return res.p, res.err
	case <-time.After(deadline):
		t.Fatalf("a page of %d bytes was still being read after %s", len(src), deadline)
		return nil, nil
	}
}

// staircase writes n lines, the i-th (from 1) appended by line.
func staircase(n int, line func(b []byte, i int) []byte) []byte {
	var b []byte
	for i := 1; i <= n; i++ {
		b = line(b, i)
	}
	return b
}

// times appends s to b n times.
func times(b []byte, s string, n int) []byte {
	return append(b, strings.Repeat(s, n)...)
}

// repeatAround writes open n times, then middle, then close n times.
func repeatAround(open, middle, close string, n int) []byte {
	return []byte(strings.Repeat(open, n) + middle + strings.Repeat(close, n))
}

// TestPathologicalPages reads pages written to be slow to read: nested
// thousands of levels deep, or built on what goldmark reads in time that
// grows with the square of their size. Each must end promptly, in an
// error that says where and which limit, or, where the limit is raised,
// in segments.
func TestPathologicalPages(t *testing.T) {
	unlimited := &Rules{Limits: Limits{MaxNesting: 1 << 30}}
	// 50 MB: made once, for the two cases that read it.
	quotes := sync.OnceValue(func() []byte {
		b := make([]byte, 0, 50035000)
		for i := 1; i <= 10000; i++ {
			b = append(times(b, ">", i), " x\n"...)
		}
		return b
	})
	tests := []struct {
		name      string
		src       func() []byte
		html      bool
		rules     *Rules
		want      string // in the error; "" when the page must be segmented
		line, col int    // where the error must be, when not 0
		text      string // in the page's one segment, when it is segmented
	}{
		{
			name: "list staircase, 2,000 levels",
			src: func() []byte {
				return staircase(2000, func(b []byte, i int) []byte { return append(times(b, "  ", i-1), "- x\n"...) })
			},
			want: "lists and block quotes nested deeper than max_nesting 100", line: 101, col: 201,
		},
		{
			name: "list markers on one line, 40,000",
			src:  func() []byte { return []byte(strings.Repeat("- ", 40000) + "x") },
			want: "lists and block quotes nested deeper than max_nesting 100", line: 1, col: 201,
		},
		{
			name: "block quote staircase, 10,000 levels",
			src:  quotes,
			want: "the page is 50035000 bytes, larger than max_page_bytes 10485760",
		},
		{
			name:  "block quote staircase, 10,000 levels, size allowed",
			src:   quotes,
			rules: &Rules{Limits: Limits{MaxPageBytes: 64 << 20}},
			want:  "lists and block quotes nested deeper than max_nesting 100", line: 101, col: 101,
		},
		{
			name: "block quote markers on one line, 10,000",
			src:  func() []byte { return []byte(strings.Repeat(">", 10000) + " x") },
			want: "lists and block quotes nested deeper than max_nesting 100", line: 1, col: 101,
		},
		{
			name: "link reference definitions, 100,000 in a row",
			src: func() []byte {
				return staircase(100000, func(b []byte, i int) []byte { return fmt.Appendf(b, "[a%d]: /u%d\n", i, i) })
			},
			want: "100000 link reference definitions in a block of 100000 lines", line: 1, col: 1,
		},
		{
			name: "emphasis, 10,000 delimiters each side",
			src:  func() []byte { return []byte("x " + strings.Repeat("*", 10000) + "deep" + strings.Repeat("*", 10000)) },
			want: "emphasis nested deeper than max_nesting 100", line: 1, col: 3,
		},
		{
			name:  "emphasis, 10,000 delimiters each side, nesting allowed",
			src:   func() []byte { return []byte("x " + strings.Repeat("*", 10000) + "deep" + strings.Repeat("*", 10000)) },
			rules: unlimited,
			text:  "deep",
		},
		{
			name: "inline HTML, 10,000 nested elements",
			src:  func() []byte { return repeatAround("<b>", "x", "</b>", 10000) },
			want: "HTML elements nested deeper than max_nesting 100", line: 1, col: 301,
		},
		{
			name:  "inline HTML, 10,000 nested elements, nesting allowed",
			src:   func() []byte { return repeatAround("<b>", "x", "</b>", 10000) },
			rules: unlimited,
			text:  "x",
		},
		{
			name: "HTML page, 100,000 nested elements",
			src:  func() []byte { return repeatAround("<b>", "x", "</b>", 100000) },
			html: true,
			want: "HTML elements nested deeper than max_nesting 100", line: 1, col: 301,
		},
		{
			name:  "HTML page, 100,000 nested elements, nesting allowed",
			src:   func() []byte { return repeatAround("<b>", "x", "</b>", 100000) },
			html:  true,
			rules: unlimited,
			text:  "x",
		},
		{
			name:  "HTML page, 100,000 elements never closed",
			src:   func() []byte { return repeatAround("<div>", "x", "</span>", 100000) },
			html:  true,
			rules: unlimited,
			text:  "x",
		},
		{
			name: "HTML page, 100,000 blocks never closed",
			src:  func() []byte { return repeatAround("<div>", "x", "</p>", 100000) },
			html: true,
			text: "x",
		},
		{
			name: "shortcodes, 50,000 never closed",
			src:  func() []byte { return repeatAround("{{< a >}}", "x", "{{< /b >}}", 50000) },
			text: "x",
		},
		{
			name: "links, 20,000 nested",
			src:  func() []byte { return repeatAround("[", "x", "](u)", 20000) },
			want: "links and brackets nested deeper than max_nesting 100", line: 1, col: 101,
		},
		{
			name: "links never closed, 50,000 on a line",
			src:  func() []byte { return []byte(strings.Repeat("[a](", 50000)) },
			want: `links whose address is not closed with ")"`, line: 1,
		},
		{
			name: "footnotes, 40,000",
			src: func() []byte {
				return staircase(80000, func(b []byte, i int) []byte {
					if i <= 40000 {
						return fmt.Appendf(b, "x[^%d]\n", i)
					}
					return fmt.Appendf(b, "[^%d]: note\n", i-40000)
				})
			},
			want: "40000 footnotes and 40000 references to them", line: 40001, col: 1,
		},
		{
			name: "front matter, 100,000 nested tables",
			src: func() []byte {
				return []byte("+++\ntitle = \"x\"\nd = " + string(repeatAround("{a=", "1", "}", 100000)) + "\n+++\nText.\n")
			},
			want: "front matter lists and tables nested deeper than max_nesting 100", line: 3, col: 305,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := segmentWithin(t, tt.src(), tt.html, tt.rules)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("error %v, want segments", err)
				}
				if len(p.Segments) != 1 || !strings.Contains(p.Segments[0].Text, tt.text) {
					t.Fatalf("got %d segments, want one with %q", len(p.Segments), tt.text)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			var fe *fileerr.Error
			if !errors.As(err, &fe) {
				t.Fatalf("error %v has no position", err)
			}
			if tt.line != 0 && (fe.Line != tt.line || fe.Col != tt.col) {
				t.Errorf("error at %d:%d, want %d:%d", fe.Line, fe.Col, tt.line, tt.col)
			}
		})
	}
}

// TestPrescan checks the estimate of a page's nesting on small pages, with
// a limit of 3 levels: what nests 4 deep is refused, and what only looks
// deep is not.
func TestPrescan(t *testing.T) {
	tests := []struct {
		name, src string
		want      string // the kind refused, or ""
		line      int
	}{
		{"lists by indentation", "- a\n  - b\n    - c\n      - d\n", "lists and block quotes", 4},
		{"lists 3 deep", "- a\n  - b\n    - c\n  - d\n- e\n", "", 0},
		{"lists on one line", "- - - - x\n", "lists and block quotes", 1},
		{"ordered lists on one line", "1. 1. 1. 1. x\n", "lists and block quotes", 1},
		{"thematic break", "* * * * * *\n- - - - - -\n", "", 0},
		{"lists in a block quote", "> - a\n>   - b\n>     - c\n", "lists and block quotes", 3},
		{"block quotes", "> > > > x\n", "lists and block quotes", 1},
		{"block quotes apart", "> a\n\n> b\n\n> c\n\n> d\n", "", 0},
		{"block quote lazy line", "> > > a\nb\n> > > c\n", "", 0},
		{"indented code", "- a\n  - b\n    - c\n\n            - not a list\n", "", 0},
		{"emphasis", "*******a*******\n", "emphasis", 1},
		{"emphasis 3 deep", "*****a*****\n", "", 0},
		{"emphasis in code", "```\n*******a*******\n```\n", "", 0},
		{"emphasis never closed", "*a *b *c *d *e f\n", "", 0},
		{"emphasis apart", "*a* *b* *c* *d* *e*\n", "", 0},
		{"nested emphasis", "*a _b *c _d e_ f* g_ h*\n", "emphasis", 1},
		{"strikethrough", "~~a ~~b ~~c ~~d e~~ f~~ g~~ h~~\n", "emphasis", 1},
		{"snake case", "a_b_c_d_e_f_g_h_i\n", "", 0},
		{"brackets", "x\n\n[[[[a]]]]\n", "links and brackets", 3},
		{"brackets never closed", "[[[[a]\n", "", 0},
		{"escaped brackets", "\\[\\[\\[\\[a\\]\\]\\]\\]\n", "", 0},
		{"HTML", "<div><div>\n<div><div>x</div></div>\n</div></div>\n", "HTML elements", 2},
		{"HTML items never closed", "<ul><li>a<li>b<li>c<li>d</ul>\n", "", 0},
		{"HTML void elements", "<p><span><br><br><img src=a><hr></span></p>\n", "", 0},
		{"HTML in code", "~~~\n<b><b><b><b>x</b></b></b></b>\n~~~\n", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Markdown([]byte(tt.src), &Rules{Limits: Limits{MaxNesting: 3}})
			if tt.want == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			var fe *fileerr.Error
			if !errors.As(err, &fe) || !strings.Contains(err.Error(), tt.want+" nested deeper than max_nesting 3") || fe.Line != tt.line {
				t.Fatalf("error %v, want %s at line %d", err, tt.want, tt.line)
			}
		})
	}
}

func TestMaxPageBytes(t *testing.T) {
	src := []byte(strings.Repeat("Word ", 20)) // 100 bytes
	for _, html := range []bool{false, true} {
		if _, err := segmentWithin(t, src, html, &Rules{Limits: Limits{MaxPageBytes: 100}}); err != nil {
			t.Errorf("a page of the largest size is refused: %v", err)
		}
		_, err := segmentWithin(t, src, html, &Rules{Limits: Limits{MaxPageBytes: 99}})
		if err == nil || err.Error() != "the page is 100 bytes, larger than max_page_bytes 99 (glot.toml's [limits])" {
			t.Errorf("a page 1 byte too large: %v", err)
		}
	}
}

// TestPageTimeout gives a page that is merely large a budget too small for
// any page: the page is refused, saying so, however soon the segmenter
// sees that the budget is spent. With glot's default budget it is read.
func TestPageTimeout(t *testing.T) {
	var md, html strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&md, "## Part %d\n\nA paragraph with *emphasis*, a [link](p%d.md) and <b>markup</b>.\n\n", i, i)
		fmt.Fprintf(&html, "<h2>Part %d</h2>\n<p>A paragraph with <em>emphasis</em> and a <a href=\"p%d.html\">link</a>.</p>\n", i, i)
	}
	for _, tt := range []struct {
		src  string
		html bool
	}{{md.String(), false}, {html.String(), true}} {
		_, err := segmentWithin(t, []byte(tt.src), tt.html, &Rules{Limits: Limits{PageTimeout: time.Nanosecond}})
		if err == nil || err.Error() != "took longer than page_timeout 1ns to read; simplify the page, or raise page_timeout in glot.toml's [limits]" {
			t.Errorf("html %v: error %v, want the time budget's", tt.html, err)
		}
		p, err := segmentWithin(t, []byte(tt.src), tt.html, nil)
		if err != nil || len(p.Segments) < 4000 {
			t.Errorf("html %v: with the default budget: %v", tt.html, err)
		}
	}
}

// TestBudgetAbandonsARead stands for a page goldmark never finishes: the
// caller gets its error when the budget is spent, and the read, once it
// goes on, is told to stop.
func TestBudgetAbandonsARead(t *testing.T) {
	release := make(chan struct{})
	told := make(chan bool, 1)
	start := time.Now()
	_, err := withinBudget(&Rules{Limits: Limits{PageTimeout: 10 * time.Millisecond}}, func(b *budget) (*Page, error) {
		<-release
		told <- b.over()
		return &Page{}, nil
	})
	if took := time.Since(start); took > deadline {
		t.Fatalf("the caller waited %s for a read that does not end", took)
	}
	if err == nil || !strings.HasPrefix(err.Error(), "took longer than page_timeout 10ms to read") {
		t.Fatalf("error %v, want the time budget's", err)
	}
	close(release)
	if !<-told {
		t.Error("the abandoned read was not told to stop")
	}
}

func TestBudgetPassesPanicsOn(t *testing.T) {
	defer func() {
		if v := recover(); v == nil || !strings.Contains(fmt.Sprint(v), "broken") {
			t.Errorf("recovered %v, want the read's panic", v)
		}
	}()
	_, _ = withinBudget(nil, func(*budget) (*Page, error) { panic("broken") })
	t.Error("no panic")
}
