package tm

import (
	"github.com/glot-i18n/glot/internal/lcs"
)

// distance is the word-level edit distance of a and b, when it is at most
// most; ok is false when it is more. Only the band of the table within
// most of its diagonal is worked out, and the work stops as soon as every
// cell of a row is past most.
func distance(a, b []int32, most int) (int, bool) {
	if abs(len(a)-len(b)) > most {
		return 0, false
	}
	const far = 1 << 30
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
		if j > most {
			prev[j] = far
		}
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-most), min(len(b), i+most)
		cur[0] = far
		if i <= most {
			cur[0] = i
		}
		if lo > 1 {
			cur[lo-1] = far
		}
		best := cur[0]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			c := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			cur[j] = c
			best = min(best, c)
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if best > most {
			return 0, false
		}
		prev, cur = cur, prev
	}
	if d := prev[len(b)]; d <= most {
		return d, true
	}
	return 0, false
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// similarity is 1 minus the word-level edit distance of a and b over the
// length of the longer.
func similarity[W comparable](a, b []W) float64 {
	n := max(len(a), len(b))
	if n == 0 {
		return 1
	}
	return 1 - float64(lcs.Distance(a, b))/float64(n)
}
