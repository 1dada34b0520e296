package segment

import "testing"

// Each case's markup starts with the "]" that ends a link's text.

func TestLinkTail(t *testing.T) {
	tests := []struct {
		src  string
		want string // the tail read
	}{
		{"](a.html) after", "](a.html)"},
		{`](a.html "Title") after`, `](a.html "Title")`},
		{"](<a b.html>)", "](<a b.html>)"},
		{"](a(b)c.html)", "](a(b)c.html)"},
		{`](a.html 'it\'s')`, `](a.html 'it\'s')`},
		{"](a.html (Title))", "](a.html (Title))"},
		{"][label] after", "][label]"},
		{"][] after", "][]"},
		{`][a\]b]`, `][a\]b]`},
		{"][a[b]", "]"}, // a "[" in a label: no label
		{"] after", "]"},
		{"](a.html", "]"},         // not closed
		{`](a.html "Title)`, "]"}, // a title not closed
		{"]", "]"},
	}
	for _, tt := range tests {
		if got := tt.src[:linkTail([]byte(tt.src), 0)]; got != tt.want {
			t.Errorf("linkTail(%q) reads %q, want %q", tt.src, got, tt.want)
		}
	}
}

func TestLinkTitle(t *testing.T) {
	tests := []struct {
		src   string
		title string
		quote byte
	}{
		{`](a.html "A title")`, "A title", '"'},
		{`](a.html 'A title')`, "A title", '\''},
		{`](a.html (A title))`, "A title", '('},
		{`](<a b.html> "T")`, "T", '"'},
		{`](a.html "say \"hi\"")`, `say \"hi\"`, '"'},
		{"](a.html\n  \"T\")", "T", '"'},
		{`](a.html)`, "", 0},
		{`](a.html "T`, "", 0},
		{`][label]`, "", 0},
		{"](<a\nb> \"T\")", "", 0}, // a line break in <...>: no destination
	}
	for _, tt := range tests {
		ts, te, q := linkTitle([]byte(tt.src), 0)
		got := ""
		if ts >= 0 {
			got = tt.src[ts:te]
		}
		if got != tt.title || q != tt.quote {
			t.Errorf("linkTitle(%q) = %q, %q; want %q, %q", tt.src, got, q, tt.title, tt.quote)
		}
	}
}

func TestLinkDestination(t *testing.T) {
	tests := []struct {
		src  string
		want string
	}{
		{"a.html)", "a.html"},
		{"a.html \"T\")", "a.html"},
		{"a(b)c)", "a(b)c"},
		{`a\)b)`, `a\)b`},
		{"<a b>)", "<a b>"},
		{"a.html", "a.html"},
		{")", ""},
	}
	for _, tt := range tests {
		if got := tt.src[:linkDestination([]byte(tt.src), 0)]; got != tt.want {
			t.Errorf("linkDestination(%q) reads %q, want %q", tt.src, got, tt.want)
		}
	}
	if k := linkDestination([]byte("<a\nb>"), 0); k != -1 {
		t.Errorf("linkDestination over a line break = %d, want -1", k)
	}
}

func TestRunLen(t *testing.T) {
	tests := []struct {
		src  string
		i    int
		c    byte
		want int
	}{
		{"**a", 0, '*', 2},
		{"a~~~", 1, '~', 3},
		{"a", 0, '*', 0},
		{"``", 2, '`', 0},
	}
	for _, tt := range tests {
		if got := runLen([]byte(tt.src), tt.i, tt.c); got != tt.want {
			t.Errorf("runLen(%q, %d, %q) = %d, want %d", tt.src, tt.i, tt.c, got, tt.want)
		}
	}
}
