//go:build !glotfault

package plan

// fault marks a step boundary of a commit. Built with the glotfault tag,
// glot can be made to kill itself at any one of them (see fault_on.go);
// in glot as shipped, it does nothing.
func fault(string) {}
