package lcs

// Distance is the Levenshtein distance between sequences a and b: the
// fewest insertions, deletions and substitutions that make a into b. The
// translation memory measures sources in words with it; merge measures
// message ids in bytes, to name the one a mistyped id meant.
func Distance[W comparable](a, b []W) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
