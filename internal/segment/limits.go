package segment

import (
	"errors"
	"fmt"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/glot-i18n/glot/internal/fileerr"
)

// A page is read within limits, so that no page, however it is written,
// can hold up an extraction or a build. goldmark takes time that grows
// with the square of a page's nesting (a list 2,000 levels deep took up to
// a minute), so before it sees a page a linear scan of the bytes (prescan)
// refuses one nested deeper than Rules.MaxNesting or larger than
// Rules.MaxPageBytes, and the few other constructs that goldmark reads in
// quadratic time. Whatever else makes a page slow to read is caught by the
// time budget, Rules.PageTimeout.
const (
	// DefaultMaxNesting is how deep lists, block quotes, emphasis, links
	// and HTML elements may nest by default: markdown-it's maxNesting.
	DefaultMaxNesting = 100
	// DefaultMaxPageBytes is the size of the largest page read by
	// default, 10 MiB.
	DefaultMaxPageBytes = 10 << 20
	// DefaultPageTimeout is the time reading one page may take by
	// default.
	DefaultPageTimeout = 10 * time.Second
)

// maxDefinitionLines bounds, for one block of lines, the number of link
// reference definitions it holds times its number of lines: goldmark
// reads the definitions of a block in time that grows with that product
// (50,000 definitions in a row took from 3 to 17 s), and 100,000,000 of it
// is read in a fraction of a second. Definitions apart, with blank lines
// between them, cost nothing of the sort.
const maxDefinitionLines = 100_000_000

// maxFootnoteWork bounds, for one page, the number of its footnotes times
// the number of references to them: goldmark looks each reference up among
// all the footnotes, one by one, and sorts the footnotes by insertion
// (10,000 footnotes took a second, 40,000 over ten). 100,000,000 of it is
// read in a fraction of a second.
const maxFootnoteWork = 100_000_000

func (r *Rules) maxNesting() int {
	if r == nil || r.MaxNesting <= 0 {
		return DefaultMaxNesting
	}
	return r.MaxNesting
}

func (r *Rules) maxPageBytes() int {
	if r == nil || r.MaxPageBytes <= 0 {
		return DefaultMaxPageBytes
	}
	return r.MaxPageBytes
}

func (r *Rules) pageTimeout() time.Duration {
	if r == nil || r.PageTimeout <= 0 {
		return DefaultPageTimeout
	}
	return r.PageTimeout
}

// checkSize refuses a page larger than the rules allow.
func checkSize(src []byte, r *Rules) error {
	if max := r.maxPageBytes(); len(src) > max {
		return fileerr.At("", 0, 0, fmt.Errorf("the page is %d bytes, larger than max_page_bytes %d (glot.toml's [limits])", len(src), max))
	}
	return nil
}

// tooDeep is the error for nesting deeper than the rules allow, at offset
// off of the page.
func tooDeep(ls lines, off int, what string, max int) error {
	line, col := ls.pos(off)
	return fileerr.At("", line, col, fmt.Errorf("%s nested deeper than max_nesting %d (glot.toml's [limits])", what, max))
}

// budget tells the loops of the segmenter that the page has run out of
// time, so that they stop.
type budget struct{ out atomic.Bool }

func (b *budget) over() bool { return b != nil && b.out.Load() }

// errOverBudget is what a loop of the segmenter returns when it stops
// because the page ran out of time.
var errOverBudget = errors.New("over the time budget")

// withinBudget runs read on a goroutine of its own and waits for it no
// longer than the rules' page timeout. goldmark cannot be interrupted: a
// page still being parsed when the time runs out is abandoned, and its
// goroutine runs on, holding its memory, until the parser returns; glot's
// own loops check the budget and stop soon after. A page that finishes,
// but later than the timeout, is refused all the same, so the outcome
// depends on the time the page took and not on which of the two was seen
// first.
func withinBudget(r *Rules, read func(b *budget) (*Page, error)) (*Page, error) {
	d := r.pageTimeout()
	type result struct {
		page  *Page
		err   error
		panic any
		stack []byte
	}
	done := make(chan result, 1) // buffered: an abandoned read must not block forever
	b := &budget{}
	start := time.Now()
	go func() {
		var res result
		defer func() {
			if v := recover(); v != nil {
				res = result{panic: v, stack: debug.Stack()}
			}
			done <- res
		}()
		res.page, res.err = read(b)
	}()
	timer := time.NewTimer(d)
	defer timer.Stop()
	select {
	case res := <-done:
		if res.panic != nil {
			// A bug in the segmenter: it goes on as a panic in the
			// caller, with where it happened.
			panic(fmt.Sprintf("%v\n\nsegmenting the page:\n%s", res.panic, res.stack))
		}
		if time.Since(start) > d || errors.Is(res.err, errOverBudget) {
			return nil, overBudget(d)
		}
		return res.page, res.err
	case <-timer.C:
		b.out.Store(true)
		return nil, overBudget(d)
	}
}

func overBudget(d time.Duration) error {
	return fileerr.At("", 0, 0, fmt.Errorf("took longer than page_timeout %s to read; simplify the page, or raise page_timeout in glot.toml's [limits]", d))
}
