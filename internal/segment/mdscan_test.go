package segment

import "testing"

func TestIndentUpTo(t *testing.T) {
	tests := []struct {
		line           string
		i, col, n      int
		wantI, wantCol int
	}{
		{"   x", 0, 0, 3, 3, 3},
		{"    x", 0, 0, 3, 3, 3}, // a fourth space is indented code's
		{"\tx", 0, 0, 3, 0, 0},   // a tab takes four columns: more than 3
		{"\tx", 0, 0, 4, 1, 4},
		{" \tx", 0, 0, 4, 2, 4}, // the tab goes on to column 4
		{"x", 0, 0, 3, 0, 0},
		{"> \tx", 2, 2, 4, 3, 4}, // from inside a block quote
	}
	for _, tt := range tests {
		i, col := indentUpTo([]byte(tt.line), tt.i, tt.col, tt.n)
		if i != tt.wantI || col != tt.wantCol {
			t.Errorf("indentUpTo(%q, %d, %d, %d) = %d, %d; want %d, %d", tt.line, tt.i, tt.col, tt.n, i, col, tt.wantI, tt.wantCol)
		}
	}
}

func TestAfterQuoteMarker(t *testing.T) {
	tests := []struct {
		line           string
		wantI, wantCol int
	}{
		{">", 1, 1},
		{"> x", 2, 2},
		{">x", 1, 1},
		{">  x", 2, 2}, // only one space belongs to the marker
		{">\tx", 2, 2},
	}
	for _, tt := range tests {
		i, col := afterQuoteMarker([]byte(tt.line), 0, 0)
		if i != tt.wantI || col != tt.wantCol {
			t.Errorf("afterQuoteMarker(%q) = %d, %d; want %d, %d", tt.line, i, col, tt.wantI, tt.wantCol)
		}
	}
}

func TestListMarker(t *testing.T) {
	tests := []struct {
		line string
		want int
	}{
		{"- x", 1},
		{"* x", 1},
		{"+ x", 1},
		{"-", 1}, // an empty item
		{"-x", 0},
		{"1. x", 2},
		{"10) x", 3},
		{"123456789. x", 10},
		{"1234567890. x", 0}, // at most nine digits
		{"1.x", 0},
		{"1 x", 0},
		{"-\tx", 1},
		{"-\r", 1},
		{"x", 0},
	}
	for _, tt := range tests {
		if got := listMarker([]byte(tt.line), 0); got != tt.want {
			t.Errorf("listMarker(%q) = %d, want %d", tt.line, got, tt.want)
		}
	}
}

func TestListItemText(t *testing.T) {
	tests := []struct {
		line           string
		w              int
		wantI, wantCol int
	}{
		{"- x", 1, 2, 2},
		{"-   x", 1, 4, 4},
		{"-", 1, 1, 2},        // no text: one column after the marker
		{"-      x", 1, 2, 2}, // indented code after the marker
		{"1. x", 2, 3, 3},
	}
	for _, tt := range tests {
		i, col := listItemText([]byte(tt.line), 0, 0, tt.w)
		if i != tt.wantI || col != tt.wantCol {
			t.Errorf("listItemText(%q) = %d, %d; want %d, %d", tt.line, i, col, tt.wantI, tt.wantCol)
		}
	}
}

func TestThematicBreak(t *testing.T) {
	tests := []struct {
		line     string
		from, to int
	}{
		{"***", 0, 0},
		{"* * *", 0, 0},
		{"- - - -", 0, 2},   // a break from any of the first two markers
		{"- * * *", 1, 2},   // a list item holding a break
		{"**", 0, -1},       // too short
		{"* x", 3, -1},      // text
		{"- - -x", 6, -1},   // text at the end
		{"_ _ _ \r", 0, 0},  // trailing white space
		{"* - - -  ", 1, 2}, // two kinds: only the last run counts
	}
	for _, tt := range tests {
		from, to := thematicBreak([]byte(tt.line))
		if from != tt.from || to != tt.to {
			t.Errorf("thematicBreak(%q) = %d, %d; want %d, %d", tt.line, from, to, tt.from, tt.to)
		}
	}
}

func TestFenceAt(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"```", "```"},
		{"```go", "```"},
		{"~~~~ x", "~~~~"},
		{"   ```", "```"},
		{"    ```", ""}, // indented code
		{"``", ""},
		{"``` a`b", ""}, // a backtick in a backtick fence's info string
		{"~~~ a`b", "~~~"},
		{"x", ""},
	}
	for _, tt := range tests {
		if got := string(fenceAt([]byte(tt.line))); got != tt.want {
			t.Errorf("fenceAt(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

func TestFlanking(t *testing.T) {
	tests := []struct {
		c                   byte
		before, after       rune
		wantOpen, wantClose bool
	}{
		{'*', ' ', 'a', true, false},
		{'*', 'a', ' ', false, true},
		{'*', 'a', 'b', true, true},   // intraword: both
		{'_', 'a', 'b', false, false}, // intraword underscore: neither
		{'*', ' ', ' ', false, false},
		{'*', '\n', 'a', true, false}, // the start of the line
		{'*', 'a', '.', false, true},
		{'_', '.', 'a', true, false},
		{'*', '"', '.', true, true}, // between punctuation: both
	}
	for _, tt := range tests {
		o, c := flanking(tt.c, tt.before, tt.after)
		if o != tt.wantOpen || c != tt.wantClose {
			t.Errorf("flanking(%q, %q, %q) = %v, %v; want %v, %v", tt.c, tt.before, tt.after, o, c, tt.wantOpen, tt.wantClose)
		}
	}
}

func TestIsBlankLine(t *testing.T) {
	for line, want := range map[string]bool{"": true, " \t\r": true, " x": false, "\f": false} {
		if got := isBlankLine([]byte(line)); got != want {
			t.Errorf("isBlankLine(%q) = %v, want %v", line, got, want)
		}
	}
}
