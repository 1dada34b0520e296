//go:build !unix

package project

// oNoFollow is 0 where the system has no O_NOFOLLOW: there a link in
// place of an output file is found by the Lstat that keeps an unchanged
// file, and by the check of its folder, not by the open.
const oNoFollow = 0
