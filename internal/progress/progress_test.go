package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestLine(t *testing.T) {
	b := &Bar{label: "build", unit: "pages", width: 80}
	tests := []struct {
		done, total int64
		elapsed     time.Duration
		want        string
	}{
		{0, 10000, 0, "build  0/10,000 pages  [....................]  0 pages/s  --:-- left"},
		{3412, 10000, 2 * time.Second, "build  3,412/10,000 pages  [######..............]  1,706 pages/s  0:04 left"},
		{10000, 10000, 8 * time.Second, "build  10,000/10,000 pages  [####################]  1,250 pages/s  0:00 left"},
		{1, 1000000, 3 * time.Second, "build  1/1,000,000 pages  [....................]  0 pages/s  833:19:57 left"},
	}
	for _, tt := range tests {
		if got := b.Line(tt.done, tt.total, tt.elapsed); got != tt.want {
			t.Errorf("Line(%d, %d, %v) =\n%q, want\n%q", tt.done, tt.total, tt.elapsed, got, tt.want)
		}
	}
	b.width = 30
	if got := b.Line(5, 10, time.Second); len([]rune(got)) != 29 {
		t.Errorf("a line wider than the terminal: %q", got)
	}
}

// syncBuffer is a bytes.Buffer that the bar's goroutine and the test can
// share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// An enabled bar draws its line in place and clears it when done; one
// that is not enabled writes nothing at all.
func TestBar(t *testing.T) {
	var on, off syncBuffer
	a := New(&on, true, "build", "pages")
	z := New(&off, false, "build", "pages")
	for i := 1; i <= 3; i++ {
		a.Set(i, 3)
		z.Set(i, 3)
		time.Sleep(150 * time.Millisecond)
	}
	a.Done()
	z.Done()
	out := on.String()
	if !strings.HasPrefix(out, "\rbuild  ") || !strings.Contains(out, "3/3 pages") || !strings.HasSuffix(out, "\r\033[K") {
		t.Errorf("enabled bar wrote %q", out)
	}
	if off.String() != "" {
		t.Errorf("a bar that is not enabled wrote %q", off.String())
	}
	var nilBar *Bar
	nilBar.Set(1, 2) // a nil bar does nothing
	nilBar.Done()
}
