// Package fuzzcheck owns the bounds that glot's fuzz targets hold every
// parser of outside input to: no panic, a call on an input of at most
// MaxInput bytes that ends within Deadline and allocates at most MaxAlloc,
// and errors that say where the fault is. A target caps its input first,
// then makes its call through Bounded:
//
//	f.Fuzz(func(t *testing.T, data []byte) {
//		if len(data) > fuzzcheck.MaxInput {
//			return
//		}
//		var err error
//		fuzzcheck.Bounded(t, func() { _, err = exchange.Import("x.po", data) })
//		if err != nil {
//			fuzzcheck.ErrorIn(t, err, "x.po", data)
//		}
//	})
//
// It is imported by tests only.
package fuzzcheck

import (
	"bytes"
	"errors"
	"fmt"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// MaxInput is the largest input a target hands on: a catalog or a page
// may be larger, but what makes a parser slow shows in 64 KB.
const MaxInput = 64 << 10

// Deadline is how long one call on an input of at most MaxInput may take.
// A parser needs milliseconds; the bound is generous because the fuzzer's
// instrumentation and a loaded machine slow it down many times, and it
// still catches a parser that loops or goes quadratic on what an attacker
// writes.
const Deadline = 2 * time.Second

// MaxAlloc is how many bytes one call on an input of at most MaxInput may
// allocate, in all: four thousand times the input, far above what any
// parser needs, and far below what a blow-up takes.
const MaxAlloc = 256 << 20

// Bounded runs f, and fails t if f panics, runs past Deadline or
// allocates more than MaxAlloc. f runs on a goroutine of its own, so that a
// call that never ends fails the case instead of hanging the fuzzer; it
// must report through the variables it closes over, never through t.
func Bounded(t testing.TB, f func()) {
	t.Helper()
	done := make(chan string, 1)
	before := allocated()
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- fmt.Sprintf("panic: %v\n%s", r, debug.Stack())
				return
			}
			done <- ""
		}()
		f()
	}()
	timer := time.NewTimer(Deadline)
	defer timer.Stop()
	select {
	case p := <-done:
		if p != "" {
			t.Fatal(p)
		}
	case <-timer.C:
		t.Fatalf("the call is still running after %v", Deadline)
	}
	if n := allocated() - before; n > MaxAlloc {
		t.Fatalf("the call allocated %d MiB, more than %d MiB", n>>20, MaxAlloc>>20)
	}
}

// allocated returns how many bytes the program has allocated so far.
func allocated() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// ErrorIn fails t unless err is a *fileerr.Error that names file and, if
// it gives a line, a line that data has; it returns that error. A parser
// given no file name (file is "") must give a line instead.
func ErrorIn(t testing.TB, err error, file string, data []byte) *fileerr.Error {
	t.Helper()
	var fe *fileerr.Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %q (%T) names no file and no line", err, err)
	}
	if fe.File != file {
		t.Fatalf("error %q names file %q, want %q", err, fe.File, file)
	}
	lines := bytes.Count(data, []byte("\n")) + 1
	if fe.Line < 0 || fe.Line > lines || fe.Col < 0 {
		t.Fatalf("error %q points at line %d, column %d, outside the %d lines of the input", err, fe.Line, fe.Col, lines)
	}
	if file == "" && fe.Line == 0 {
		t.Fatalf("error %q gives no line", err)
	}
	return fe
}
