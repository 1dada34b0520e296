//go:build !unix

package cache

import "io/fs"

// inode is 0 where the system gives none: size and time must do.
func inode(fi fs.FileInfo) uint64 { return 0 }
