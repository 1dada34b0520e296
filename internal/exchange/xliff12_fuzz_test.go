package exchange

import "testing"

// The seeds are in testdata/fuzz/FuzzXLIFF12: glot's own export, the
// files Translate Toolkit's po2xliff writes, and one in every state.
func FuzzXLIFF12(f *testing.F) {
	fuzzFormat(f, format{file: "es.xlf", read: xliff12In, write: infallible(xliff12Out), codes: true})
}
