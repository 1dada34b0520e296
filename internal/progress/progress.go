// Package progress owns the progress line that long commands show on a
// terminal: what is done out of how much, how fast, and how long is left.
//
//	bar := progress.New(os.Stderr, true, "build", "pages")
//	bar.Set(3412, 10000)  // from any goroutine, as often as wanted
//	bar.Done()            // clears the line
//
// A Bar that is not enabled prints nothing: a command's output in a log or
// a pipe holds only what the command says, never a progress line.
package progress

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Bar is a progress line.
type Bar struct {
	w           io.Writer
	label, unit string
	width       int
	now         func() time.Time
	start       time.Time
	done, total atomic.Int64
	stop        chan struct{}
	stopped     sync.WaitGroup
	mu          sync.Mutex
	drawn       bool
}

// New returns a bar that, when enabled, draws a line on w, ten times a
// second, until Done.
func New(w io.Writer, enabled bool, label, unit string) *Bar {
	b := &Bar{w: w, label: label, unit: unit, width: 80, now: time.Now}
	b.start = b.now()
	if !enabled {
		return b
	}
	b.stop = make(chan struct{})
	b.stopped.Add(1)
	go func() {
		defer b.stopped.Done()
		t := time.NewTicker(100 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-b.stop:
				return
			case <-t.C:
				b.draw()
			}
		}
	}()
	return b
}

// Set records that done of total are done. It may be called from any
// goroutine, and costs two atomic stores.
func (b *Bar) Set(done, total int) {
	if b == nil {
		return
	}
	b.done.Store(int64(done))
	b.total.Store(int64(total))
}

// Done stops the bar and clears its line.
func (b *Bar) Done() {
	if b == nil || b.stop == nil {
		return
	}
	close(b.stop)
	b.stopped.Wait()
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.drawn {
		fmt.Fprint(b.w, "\r\033[K")
	}
}

func (b *Bar) draw() {
	total := b.total.Load()
	if total == 0 {
		return
	}
	line := b.Line(b.done.Load(), total, b.now().Sub(b.start))
	b.mu.Lock()
	defer b.mu.Unlock()
	fmt.Fprint(b.w, "\r"+line+"\033[K")
	b.drawn = true
}

// Line is the bar's line when done of total are done after elapsed:
//
//	build  3,412/10,000 pages  [#######.............]  1,234 pages/s  0:05 left
func (b *Bar) Line(done, total int64, elapsed time.Duration) string {
	rate := 0.0
	if s := elapsed.Seconds(); s > 0 {
		rate = float64(done) / s
	}
	left := "--:--"
	if rate > 0 && done <= total {
		left = clock(time.Duration(float64(total-done) / rate * float64(time.Second)))
	}
	const cells = 20
	fill := 0
	if total > 0 {
		fill = int(min(done, total) * cells / total)
	}
	line := fmt.Sprintf("%s  %s/%s %s  [%s%s]  %s %s/s  %s left", b.label, group(done), group(total), b.unit,
		strings.Repeat("#", fill), strings.Repeat(".", cells-fill), group(int64(rate)), b.unit, left)
	if r := []rune(line); len(r) > b.width-1 {
		line = string(r[:b.width-1])
	}
	return line
}

// group writes n with a comma between thousands: 10,000.
func group(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// clock writes d as minutes and seconds, 1:05, or hours, 2:01:05.
func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
