// Package option is how a stage of the pipeline says that an option it
// was given cannot be taken: a page glob that does not parse, a state
// that does not exist, a glob that matches no page. The stage says what
// is wrong with the value; the face that took it from a person (the
// command line, the editor) says which flag or field that was, and that
// the fault is theirs, not the site's: glot's command line exits with 2
// for it, as for any wrong command line.
//
//	if err := opts.Validate(); err != nil {
//		var oe *option.Error
//		errors.As(err, &oe) // oe.Name == "page"
//	}
package option

import (
	"errors"
	"fmt"
)

// Error is an option's value that cannot be taken.
type Error struct {
	Name  string // the option, as the Options field is known to people: "page", "only"
	Value string // as given; "" for an option whose values are wrong together
	// Missing says that the option was not given and is needed.
	Missing bool
	Err     error
}

func (e *Error) Error() string {
	switch {
	case e.Missing:
		return fmt.Sprintf("%s is required: %v", e.Name, e.Err)
	case e.Value == "":
		return fmt.Sprintf("%s: %v", e.Name, e.Err)
	}
	return fmt.Sprintf("%s %q: %v", e.Name, e.Value, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Wrong returns an Error for option name's value, with why as its text.
func Wrong(name, value, why string) *Error {
	return &Error{Name: name, Value: value, Err: errors.New(why)}
}

// Glob checks a glob option (path.Match's syntax): nil when it parses.
func Glob(name, value string, match func(pattern, name string) (bool, error)) error {
	if value == "" {
		return nil
	}
	if _, err := match(value, ""); err != nil {
		return &Error{Name: name, Value: value, Err: err}
	}
	return nil
}

// Required returns an Error for option name, which was not given and is
// needed; why says what for.
func Required(name, why string) *Error {
	return &Error{Name: name, Missing: true, Err: errors.New(why)}
}
