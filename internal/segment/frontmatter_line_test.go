package segment

import "testing"

// YAML counts a lone CR, NEL and the Unicode separators as line breaks;
// an error's line must be the one a reader counts, by newlines, and never
// past the front matter's closing fence.
func TestYAMLLine(t *testing.T) {
	for _, tt := range []struct {
		block string
		n     int
		want  int
	}{
		{"a: 1\nb: 2\n", 1, 1},
		{"a: 1\nb: 2\n", 2, 2},
		{"a: 1\rb: 2\nc: 3\n", 3, 2},  // the CR broke line 1 for YAML only
		{"a: 1\r\nb: 2\r\n", 2, 2},    // CRLF is one break
		{"a: 1\u2028b: 2\nc\n", 3, 2}, // so is a line separator, for YAML
		{"\"0000000\r00\n", 4, 2},     // past the end: the closing fence
		{"a: 1\nb: 2\n", 9, 3},        // likewise
		{"", 3, 1},
	} {
		if got := yamlLine([]byte(tt.block), tt.n); got != tt.want {
			t.Errorf("yamlLine(%q, %d) = %d, want %d", tt.block, tt.n, got, tt.want)
		}
	}
}
