package commonmark

import "testing"

func TestExamples(t *testing.T) {
	ex, err := Examples()
	if err != nil {
		t.Fatal(err)
	}
	if ex[0].Example != 1 || ex[Count-1].Example != Count || ex[0].Markdown != "\tfoo\tbaz\t\tbim\n" {
		t.Errorf("first %+v, last %+v", ex[0], ex[Count-1])
	}
}
