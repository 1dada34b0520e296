package segment

import (
	"fmt"
	"os"
	"testing"
)

func TestDumpTmp(t *testing.T) {
	for _, f := range []string{"index.md", "ketamine-infusion-therapy.md"} {
		src, _ := os.ReadFile("../../content/" + f)
		p, err := Markdown(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Segments {
			fmt.Printf("%d:%d %s %s %q\n", s.Line, s.Col, s.Kind, s.ID, s.Text)
			for i, c := range s.Codes {
				fmt.Printf("   %d %s\n", i+1, c.Describe())
			}
		}
		fmt.Println(p.Skipped)
	}
}
