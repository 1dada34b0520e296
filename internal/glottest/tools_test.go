package glottest

import (
	"strings"
	"testing"
)

// The tools .ci/run installs are found, and run.
func TestFindsTheTools(t *testing.T) {
	py := Python(t, "polib", "lxml")
	if out := Run(t, py, "-c", "import polib; print(polib.unescape('a\\\\nb'))"); !strings.Contains(out, "a\nb") {
		t.Errorf("polib unescapes %q", out)
	}
	for _, name := range []string{"xmllint", "msgfmt", "po2xliff"} {
		Tool(t, name)
	}
}
