package segment

import (
	"strings"
	"testing"
)

// An error's line is never past the front matter's closing fence.
func TestYAMLLine(t *testing.T) {
	for _, tt := range []struct {
		block string
		n     int
		want  int
	}{
		{"a: 1\nb: 2\n", 1, 1},
		{"a: 1\nb: 2\n", 2, 2},
		{"a: 1\r\nb: 2\r\n", 2, 2},
		{"\"0000000\n", 4, 2}, // past the end: the closing fence
		{"a: 1\nb: 2\n", 9, 3},
		{"", 3, 1},
	} {
		if got := yamlLine([]byte(tt.block), tt.n); got != tt.want {
			t.Errorf("yamlLine(%q, %d) = %d, want %d", tt.block, tt.n, got, tt.want)
		}
	}
}

// YAML breaks lines at a lone CR, a NEL and the Unicode separators, a
// reader does not: such front matter is refused where the break is,
// rather than spliced at offsets the two count differently.
func TestYAMLLineBreaks(t *testing.T) {
	for _, br := range []string{"\r", "\u0085", "\u2028", "\u2029"} {
		src := "---\ntitle: A" + br + "b: B\n---\nBody.\n"
		_, err := Markdown([]byte(src), &Rules{Extract: Extract{FrontMatter: []string{"title"}}})
		if err == nil || !strings.Contains(err.Error(), ":2:9: front matter:") || !strings.Contains(err.Error(), "breaks a line for YAML") {
			t.Errorf("%q: error = %v", br, err)
		}
	}
	// CRLF is a line break to both.
	if _, err := Markdown([]byte("---\r\ntitle: A\r\n---\r\nBody.\r\n"), nil); err != nil {
		t.Errorf("CRLF front matter: %v", err)
	}
}
