// Package bench holds glot's benchmarks: Go benchmarks of glot's commands
// on a generated site of 1,000 pages in 9 languages (bench_test.go), and,
// in its subfolders, the harness that compares glot with the tools a user
// would pick instead.
//
//	corpus/       the generated sites: pages, and catalogs in eight languages
//	hugosite/     the same pages as a Hugo multilingual site
//	cmd/gencorpus writes a generated site
//	cmd/floor     goldmark alone, rendering the pages glot builds
//	cmd/compare   times glot, Hugo, po4a and the floor, and prints the tables
//	run           what make bench runs: installs the tools, then compare
//
// See README.md in this folder.
package bench
