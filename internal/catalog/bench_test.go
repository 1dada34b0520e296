package catalog

import (
	"fmt"
	"strings"
	"testing"
)

// BenchmarkParse reads a catalog of 20,000 messages of 5 to 100 words,
// the size of a language's catalog on a site of about 1,500 pages.
func BenchmarkParse(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("# A language's catalog.\n")
	words := strings.Fields("la ketamina alivia los síntomas de la depresión en pocas horas y su efecto dura días o semanas según el paciente")
	for i := 0; i < 20000; i++ {
		fmt.Fprintf(&sb, "\n[message-%06d-abcdefghijkl]\nhash = \"sha1-feee640d810183975bfdeeeb843ae76e7bfc68c8\"\nother = \"", i)
		for j := 0; j < 5+i%96; j++ {
			if j > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(words[(i+j)%len(words)])
		}
		sb.WriteString("\"\n")
	}
	data := []byte(sb.String())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("x.toml", data); err != nil {
			b.Fatal(err)
		}
	}
}
