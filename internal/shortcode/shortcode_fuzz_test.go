package shortcode

import (
	"testing"

	"github.com/glot-i18n/glot/internal/fuzzcheck"
)

// Every tag Find returns lies in the text, in order, from "{{" to "}}";
// pairs point at each other, an opening tag before its closing one; every
// parameter's value lies inside its tag.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`{{< figure src="a" >}}`, "{{% x %}}\n*a*\n{{% /x %}}", `{{</* a */>}}`, `{{< a />}}`, "{{< h `r` >}}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > fuzzcheck.MaxInput {
			return
		}
		var scs []Shortcode
		fuzzcheck.Bounded(t, func() { scs = Find(src) })
		last := 0
		for i, s := range scs {
			if s.Start < last || s.End > len(src) || string(src[s.Start:s.Start+2]) != "{{" || string(src[s.End-2:s.End]) != "}}" {
				t.Fatalf("tag %d at %d:%d of %q", i, s.Start, s.End, src)
			}
			last = s.End
			if s.Partner >= 0 && (scs[s.Partner].Partner != i || s.Closing == (s.Partner > i)) {
				t.Fatalf("tag %d pairs with %d in %q", i, s.Partner, src)
			}
			for _, p := range s.Params {
				if p.Start < s.Start || p.End > s.End || p.Start > p.End {
					t.Fatalf("parameter of tag %d at %d:%d in %q", i, p.Start, p.End, src)
				}
			}
		}
		if m := Mask(src, scs); len(m) != len(src) {
			t.Fatal("Mask moved bytes")
		}
	})
}
