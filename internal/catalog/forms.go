package catalog

import "slices"

// Forms returns the plural forms of m that are set, in CLDR order.
func Forms(m *Message) []Form {
	var fs []Form
	for _, f := range []Form{{"zero", m.Zero}, {"one", m.One}, {"two", m.Two}, {"few", m.Few}, {"many", m.Many}, {"other", m.Other}} {
		if f.Text != "" {
			fs = append(fs, f)
		}
	}
	return fs
}

// FormNames are the CLDR plural forms a message may have, in CLDR order.
var FormNames = []string{"zero", "one", "two", "few", "many", "other"}

// IsForm reports whether name is one of FormNames.
func IsForm(name string) bool { return slices.Contains(FormNames, name) }

// FormText returns the text of m's plural form name ("" when m has none of
// that name, or name is no form).
func FormText(m *Message, name string) string {
	if p := formField(m, name); p != nil {
		return *p
	}
	return ""
}

// SetForm sets m's plural form name to text; it reports false, and
// changes nothing, when name is no plural form.
func SetForm(m *Message, name, text string) bool {
	p := formField(m, name)
	if p != nil {
		*p = text
	}
	return p != nil
}

func formField(m *Message, name string) *string {
	switch name {
	case "zero":
		return &m.Zero
	case "one":
		return &m.One
	case "two":
		return &m.Two
	case "few":
		return &m.Few
	case "many":
		return &m.Many
	case "other":
		return &m.Other
	}
	return nil
}

// Form is one plural form of a message.
type Form struct {
	Name string // "zero", "one", "two", "few", "many" or "other"
	Text string
}
