// Package fileerr owns errors that point at a place in a file, printed the
// way compilers and editors expect, "content/a.md:12:3: what is wrong", so a
// terminal or an editor can jump to the spot.
//
//	return fileerr.At("locales/es.toml", 4, 1, errors.New("expected a string"))
package fileerr

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Error is an error at a line (and column, when known) of a file.
type Error struct {
	File string
	Line int // 1-based; 0 when the whole file is meant
	Col  int // 1-based; 0 when unknown
	Err  error
}

// At returns err positioned at file:line:col.
func At(file string, line, col int, err error) *Error {
	return &Error{File: file, Line: line, Col: col, Err: err}
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %v", e.File, e.Line, e.Col, e.Err)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	case e.File != "":
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return e.Err.Error()
}

func (e *Error) Unwrap() error { return e.Err }

// InFile sets the file of err if err is an *Error without one, and returns
// err; any other error is wrapped with the file name.
func InFile(file string, err error) error {
	if err == nil {
		return nil
	}
	var fe *Error
	if errors.As(err, &fe) && fe.File == "" {
		fe.File = file
		return err
	}
	if errors.As(err, &fe) {
		return err
	}
	return &Error{File: file, Err: err}
}

var tomlLineRE = regexp.MustCompile(`^toml: line (\d+) \(last key "[^"]*"\): (.*)$`)

// TOML positions an error of the BurntSushi/toml decoder in file: its
// ParseError carries a line and column, its type errors a line in the text.
// lineOffset is added to the line, for TOML embedded in another file.
func TOML(file string, lineOffset int, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return At(file, pe.Position.Line+lineOffset, pe.Position.Col, errors.New(pe.Message))
	}
	if m := tomlLineRE.FindStringSubmatch(err.Error()); m != nil {
		n, _ := strconv.Atoi(m[1])
		return At(file, n+lineOffset, 0, errors.New(m[2]))
	}
	return At(file, 0, 0, err)
}

// Name is how a message names the file at path p: relative to the working
// folder when it is inside it, as the user would type it, else as it is;
// slash-separated either way.
func Name(p string) string {
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, p); err == nil && !filepath.IsAbs(rel) && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return filepath.ToSlash(p)
}

// Split returns the errors joined in err (errors.Join), each on its own
// and those joined in them in turn, so that each can be said on a line of
// its own; an error that joins none is returned alone.
func Split(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, Split(e)...)
		}
		return out
	}
	return []error{err}
}
