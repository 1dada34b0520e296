package lcs

import (
	"strings"
	"testing"
)

func TestAlign(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ a, b, want string }{
		{"", "", ""},
		{"abc", "abc", "=a =b =c"},
		{"abc", "", "-a -b -c"},
		{"", "xy", "+x +y"},
		{"abcd", "abxd", "=a =b -c +x =d"},                  // a replaced run: deletions first
		{"xabc", "abcy", "-x =a =b =c +y"},                  // the longest common run kept
		{"abcabba", "cbabac", "-a -b =c -a =b +a =b =a +c"}, // one of the LCSs of length 4
	} {
		steps := Align(len(tt.a), len(tt.b), func(i, j int) bool { return tt.a[i] == tt.b[j] })
		var got []string
		for _, s := range steps {
			var c byte
			if s.Kind == Insert {
				c = tt.b[s.J]
			} else {
				c = tt.a[s.I]
			}
			got = append(got, string(rune(s.Kind))+string(c))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Align(%q, %q) = %s, want %s", tt.a, tt.b, g, tt.want)
		}
	}
}

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "ab", 2}, {"kitten", "sitting", 3}, {"home-5zcw", "home-5zcwq", 1}, {"abc", "abc", 0},
	} {
		if got := Distance([]byte(tt.a), []byte(tt.b)); got != tt.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
func TestWordDiff(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ a, b, want string }{
		{"It does so by turning back on BDNF production.", "It does so by turning BDNF production back on.", "It does so by turning [-back on-] BDNF [-production.-]{+production back on.+}"},
		{"same", "same", "same"},
		{"", "new text", "{+new text+}"},
	} {
		if got := FormatDiff(WordDiff(tt.a, tt.b), "[-", "-]", "{+", "+}", ""); got != tt.want {
			t.Errorf("%q -> %q: %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestElide(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ a, b, want string }{
		{"It does so by turning BDNF production back on. The BDNF then leads to repair.", "It does so by switching BDNF production back on. The BDNF then leads to repair.",
			"… so by [-turning-] {+switching+} BDNF production …"},
		{"One two three four five six seven eight.", "One two three four five six seven nine.", "… six seven [-eight.-]{+nine.+}"},
		{"Take 5 mg.", "Take 10 mg.", "Take [-5-] {+10+} mg."},
		{"a b c d e f g h i j k", "a b c X e f g h i j Y", "a b c [-d-] {+X+} e f … i j [-k-]{+Y+}"},
		{"same text here", "same text here", "same text here"},
	} {
		if got := FormatDiff(Elide(WordDiff(tt.a, tt.b), 2), "[-", "-]", "{+", "+}", ""); got != tt.want {
			t.Errorf("%q -> %q: %q, want %q", tt.a, tt.b, got, tt.want)
		}
	}
}
