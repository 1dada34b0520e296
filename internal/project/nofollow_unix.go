//go:build unix

package project

import "syscall"

// oNoFollow makes opening a file fail if it is a symbolic link.
const oNoFollow = syscall.O_NOFOLLOW
