package segment

import (
	"reflect"
	"testing"
)

func TestScanAttrs(t *testing.T) {
	tests := []struct {
		name string
		tag  string
		want []Attr
	}{
		{"no attributes", `<p>`, nil},
		{"self-closing, no attributes", `<br/>`, nil},
		{"double quotes", `<img alt="A cat">`,
			[]Attr{{Name: "alt", Value: "A cat", ValStart: 10, ValEnd: 15, Quote: '"'}}},
		{"single quotes", `<img alt='A "cat"'>`,
			[]Attr{{Name: "alt", Value: `A "cat"`, ValStart: 10, ValEnd: 17, Quote: '\''}}},
		{"unquoted", `<input value=Send>`,
			[]Attr{{Name: "value", Value: "Send", ValStart: 13, ValEnd: 17}}},
		{"no value", `<input disabled>`,
			[]Attr{{Name: "disabled", ValStart: -1}}},
		{"names in lower case", `<IMG ALT="x">`,
			[]Attr{{Name: "alt", Value: "x", ValStart: 10, ValEnd: 11, Quote: '"'}}},
		{"entities decoded, range as written", `<a title="Tom &amp; Jerry">`,
			[]Attr{{Name: "title", Value: "Tom & Jerry", ValStart: 10, ValEnd: 25, Quote: '"'}}},
		{"space around the equals sign", `<a title = "x" >`,
			[]Attr{{Name: "title", Value: "x", ValStart: 12, ValEnd: 13, Quote: '"'}}},
		{"a quote left open runs to the end", `<a title="x>`,
			[]Attr{{Name: "title", Value: "x>", ValStart: 10, ValEnd: 12, Quote: '"'}}},
		{"several, and a slash between", `<img src=a.png/ alt="b" hidden/>`,
			[]Attr{
				{Name: "src", Value: "a.png/", ValStart: 9, ValEnd: 15},
				{Name: "alt", Value: "b", ValStart: 21, ValEnd: 22, Quote: '"'},
				{Name: "hidden", ValStart: -1},
			}},
		{"a name may start with an equals sign", `<a =x="y">`,
			[]Attr{{Name: "=x", Value: "y", ValStart: 7, ValEnd: 8, Quote: '"'}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ScanAttrs([]byte(tt.tag), 0, len(tt.tag))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ScanAttrs(%q)\n got %+v\nwant %+v", tt.tag, got, tt.want)
			}
		})
	}
}

// TestScanAttrsInPlace reads a tag where it stands in a page: the ranges
// are the page's.
func TestScanAttrsInPlace(t *testing.T) {
	page := []byte(`<p>Hi <abbr title="HyperText">HTML</abbr></p>`)
	got := ScanAttrs(page, 6, 30)
	if len(got) != 1 || string(page[got[0].ValStart:got[0].ValEnd]) != "HyperText" {
		t.Errorf("ScanAttrs in place = %+v, want title at %q", got, "HyperText")
	}
}
