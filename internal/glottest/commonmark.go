package glottest

import (
	"sync"
	"testing"

	"github.com/glot-i18n/glot/internal/commonmark"
)

// commonMark reads the specification's examples once for the whole test
// binary: finding them runs go list.
var commonMark = sync.OnceValues(commonmark.Examples)

// CommonMark returns the 652 examples of the CommonMark specification
// (0.31.2) that goldmark's module ships, or fails the test saying why they
// could not be read.
func CommonMark(t testing.TB) []commonmark.Example {
	t.Helper()
	ex, err := commonMark()
	if err != nil {
		t.Fatalf("the CommonMark examples: %v", err)
	}
	return ex
}
