// Package lcs compares two sequences: it aligns them by their longest
// common subsequence (the blocks of a page before and after an edit, in
// package msgid), diffs two texts word by word (WordDiff: a source before
// and after a change, for reports and translate files), and measures their
// edit distance (Distance).
package lcs

// Kind is what a step of an alignment does.
type Kind byte

const (
	Keep   Kind = '=' // A[I] and B[J] are equal
	Delete Kind = '-' // A[I] is not in B
	Insert Kind = '+' // B[J] is not in A
)

// Step is one step of an alignment: I indexes the first sequence, J the
// second; the one a Delete or Insert does not use is where it stands.
type Step struct {
	Kind Kind
	I, J int
}

// Align returns the steps that turn a sequence of n items into one of m
// items, keeping a longest common subsequence; eq(i, j) says whether item i
// of the first equals item j of the second. Where a run is replaced, its
// deletions come before its insertions. It takes O(n·m) time and memory:
// callers bound n·m, or trim a common prefix and suffix first.
func Align(n, m int, eq func(i, j int) bool) []Step {
	// lcs[i][j] is the length of the LCS of the suffixes from i and j.
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if eq(i, j) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	steps := make([]Step, 0, max(n, m))
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && eq(i, j):
			steps = append(steps, Step{Keep, i, j})
			i++
			j++
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			steps = append(steps, Step{Delete, i, j})
			i++
		default:
			steps = append(steps, Step{Insert, i, j})
			j++
		}
	}
	return steps
}
