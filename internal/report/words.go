package report

import (
	"fmt"
	"strings"
)

// Plural writes a count and a noun, "1 page", "2 pages".
func Plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// AndList writes "a, b and c".
func AndList(ss []string) string { return list(ss, "and") }

// OrList writes "a, b or c".
func OrList(ss []string) string { return list(ss, "or") }

func list(ss []string, conj string) string {
	if len(ss) < 2 {
		return strings.Join(ss, "")
	}
	return strings.Join(ss[:len(ss)-1], ", ") + " " + conj + " " + ss[len(ss)-1]
}
