// Package files copies folders for the benchmarks, which need the same
// site in several places: one copy per tool, each free to write its own
// output.
package files
