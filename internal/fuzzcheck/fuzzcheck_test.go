package fuzzcheck

import (
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// recorder is a testing.TB that records a failure instead of reporting it.
type recorder struct {
	testing.TB
	failed string
}

func (r *recorder) Helper() {}
func (r *recorder) Fatal(args ...any) {
	r.failed = fmt.Sprint(args...)
	runtime.Goexit()
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

// failure runs f as a test and returns how it failed, or "".
func failure(f func(tb testing.TB)) string {
	r := &recorder{}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f(r)
	}()
	<-done
	return r.failed
}

var sink []byte

func TestBounded(t *testing.T) {
	tests := []struct {
		name string
		f    func()
		want string
	}{
		{"quick", func() {}, ""},
		{"panic", func() { panic("index out of range") }, "panic: index out of range"},
		{"runs on", func() { time.Sleep(Deadline + time.Second) }, "still running after"},
		{"allocates", func() {
			for range 2 * MaxAlloc / (1 << 20) {
				sink = make([]byte, 1<<20)
			}
		}, "MiB, more than 256 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := failure(func(tb testing.TB) { Bounded(tb, tt.f) })
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("failure %q, want one containing %q", got, tt.want)
			}
		})
	}
}

func TestErrorIn(t *testing.T) {
	data := []byte("one\ntwo\nthree")
	tests := []struct {
		name string
		err  error
		file string
		want string
	}{
		{"at a line", fileerr.At("a.toml", 3, 2, errors.New("bad")), "a.toml", ""},
		{"file only", fileerr.At("a.toml", 0, 0, errors.New("bad")), "a.toml", ""},
		{"wrapped", fmt.Errorf("load: %w", fileerr.At("a.toml", 1, 0, errors.New("bad"))), "a.toml", ""},
		{"no place", errors.New("a.toml: bad"), "a.toml", "names no file and no line"},
		{"other file", fileerr.At("b.toml", 1, 0, errors.New("bad")), "a.toml", `names file "b.toml"`},
		{"past the end", fileerr.At("a.toml", 4, 0, errors.New("bad")), "a.toml", "outside the 3 lines"},
		{"no file, no line", fileerr.At("", 0, 0, errors.New("bad")), "", "gives no line"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := failure(func(tb testing.TB) { ErrorIn(tb, tt.err, tt.file, data) })
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("failure %q, want one containing %q", got, tt.want)
			}
		})
	}
}
