// Package parallel runs one piece of work per item on all cores: pages
// segmented or built, languages compiled or merged. The work for each item
// writes only its own slot of the caller's results, so the results come
// out in the items' order whatever the order the work ran in.
//
//	err := parallel.Each(len(pages), func(i int) error {
//		out[i], err = build(pages[i])
//		return err
//	})
package parallel

import (
	"errors"
	"runtime"
	"sync"
)

// Each calls f(0) ... f(n-1), at most GOMAXPROCS at once, and returns
// their errors joined in that order (nil if there are none). Every call is
// made, whatever the others return: a caller that reports every page's
// error gets them all in one run.
func Each(n int, f func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(n, runtime.GOMAXPROCS(0)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = f(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
	return errors.Join(errs...)
}
