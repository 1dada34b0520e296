package config

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
)

// languagesKey finds the top-level languages key: a line before any table
// header that sets it.
var (
	languagesKey = regexp.MustCompile(`^[ \t]*"?languages"?[ \t]*=[ \t]*`)
	tableHeader  = regexp.MustCompile(`^[ \t]*\[`)
)

// AddLanguage returns the bytes of a glot.toml, data, with tag added at the
// end of its languages array. Only that array is edited, in place: every
// comment, key and blank line of the file stays as written, which a
// decoded and encoded again file would lose. A file without the key gets
// the line `languages = ["tag"]` before its first table. tag must be a
// valid tag (see Tag); the caller checks that the result parses.
func AddLanguage(data []byte, tag string) ([]byte, error) {
	quoted := `"` + tag + `"`
	lines := bytes.SplitAfter(data, []byte("\n"))
	off := 0
	for _, l := range lines {
		if tableHeader.Match(l) {
			break
		}
		if m := languagesKey.FindIndex(l); m != nil {
			start := off + m[1]
			if start >= len(data) || data[start] != '[' {
				return nil, fmt.Errorf("%s: languages is not an array written [\"es\", \"fr\"]: add %s to it by hand", File, tag)
			}
			return addToArray(data, start, quoted)
		}
		off += len(l)
	}
	// No languages key: one before the first table, or at the end.
	line := []byte("languages = [" + quoted + "]\n")
	if off > 0 && data[off-1] != '\n' {
		line = append([]byte("\n"), line...)
	}
	return append(append(append([]byte{}, data[:off]...), line...), data[off:]...), nil
}

// addToArray adds the TOML string quoted at the end of the array of
// strings that opens at data[open]. In an array written over several
// lines, it goes on a line of its own, indented as the last element.
func addToArray(data []byte, open int, quoted string) ([]byte, error) {
	last := open // the last character that is neither space nor comment
	for i := open + 1; i < len(data); i++ {
		switch c := data[i]; c {
		case ' ', '\t', '\r', '\n':
		case '#':
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case '"', '\'':
			for i++; i < len(data) && data[i] != c && data[i] != '\n'; i++ {
				if c == '"' && data[i] == '\\' {
					i++
				}
			}
			last = i
		case ']':
			return []byte(insert(data, last, i, quoted)), nil
		case '[':
			return nil, fmt.Errorf("%s: languages holds an array: add the language by hand", File)
		default:
			last = i
		}
	}
	return nil, fmt.Errorf("%s: the languages array is not closed", File)
}

// insert adds quoted after data[last], the end of an array's last element
// (or its comma, or its opening bracket), whose closing bracket is at
// data[close]. In an array over several lines the new element gets a line
// of its own, after any comment that ends the last element's line, and
// follows the array's habit of a comma after the last element or not.
func insert(data []byte, last, close int, quoted string) string {
	d := string(data)
	multiline := strings.Contains(d[last:close], "\n")
	switch {
	case d[last] == '[' && multiline:
		return d[:last+1] + "\n  " + quoted + "," + d[last+1:]
	case d[last] == '[':
		return d[:last+1] + quoted + d[last+1:]
	case multiline:
		start := strings.LastIndexByte(d[:last], '\n') + 1
		indent := d[start : start+len(d[start:last])-len(strings.TrimLeft(d[start:last], " \t"))]
		eol := last + strings.IndexByte(d[last:], '\n')
		comma, trailing := ",", ""
		if d[last] == ',' {
			comma, trailing = "", ","
		}
		return d[:last+1] + comma + d[last+1:eol] + "\n" + indent + quoted + trailing + d[eol:]
	case d[last] == ',':
		return d[:last+1] + " " + quoted + d[last+1:]
	default:
		return d[:last+1] + ", " + quoted + d[last+1:]
	}
}
