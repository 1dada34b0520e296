package glottest

import "testing"

// Slow skips the test under go test -short, saying why it is slow: it
// starts Chromium or Hugo, walks a large corpus, or builds a site many
// times. go test -short ./... is the quick run while editing; make test
// runs everything, these tests included.
func Slow(t testing.TB, why string) {
	t.Helper()
	if testing.Short() {
		t.Skip("skipped under -short: " + why)
	}
}
