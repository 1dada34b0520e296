package parallel

import (
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"testing"
)

// Every item is worked on once, each result lands in its own slot, and
// the errors come back joined in the items' order, not the order the
// work finished in.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 7, 1000} {
		out := make([]int, n)
		var calls atomic.Int64
		err := Each(n, func(i int) error {
			calls.Add(1)
			out[i] = i * i
			if i%3 == 1 {
				return fmt.Errorf("item %d", i)
			}
			return nil
		})
		if int(calls.Load()) != n {
			t.Errorf("n=%d: %d calls", n, calls.Load())
		}
		var want []error
		for i := range n {
			if out[i] != i*i {
				t.Fatalf("n=%d: out[%d] = %d", n, i, out[i])
			}
			if i%3 == 1 {
				want = append(want, fmt.Errorf("item %d", i))
			}
		}
		if got, w := fmt.Sprint(err), fmt.Sprint(errors.Join(want...)); got != w {
			t.Errorf("n=%d: error %q, want %q", n, got, w)
		}
	}
}

// No more than GOMAXPROCS calls run at once.
func TestEachBounded(t *testing.T) {
	var running, most atomic.Int64
	_ = Each(200, func(int) error {
		r := running.Add(1)
		for {
			m := most.Load()
			if r <= m || most.CompareAndSwap(m, r) {
				break
			}
		}
		runtime.Gosched()
		running.Add(-1)
		return nil
	})
	if m := most.Load(); m > int64(runtime.GOMAXPROCS(0)) || m < 1 {
		t.Errorf("%d calls at once with GOMAXPROCS %d", m, runtime.GOMAXPROCS(0))
	}
}
