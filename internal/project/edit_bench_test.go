package project_test

import (
	"os"
	"testing"

	"github.com/glot-i18n/glot/internal/project"
)

// BenchmarkEditorCheck is the check the editor asks as a translator
// types, on the site in $GLOT_EDIT_SITE (go run ./bench/cmd/gencorpus
// writes one); without one it is skipped.
func BenchmarkEditorCheck(b *testing.B) {
	dir := os.Getenv("GLOT_EDIT_SITE")
	if dir == "" {
		b.Skip("GLOT_EDIT_SITE names no site")
	}
	s := project.Open(dir, nil, project.Hooks{})
	defer s.Close()
	ed, err := s.Editor("", "")
	if err != nil {
		b.Fatal(err)
	}
	pages, err := ed.Pages(ed.Langs()[0])
	if err != nil {
		b.Fatal(err)
	}
	segs, err := ed.Segments(ed.Langs()[0], pages[len(pages)/2].Path)
	if err != nil || len(segs) == 0 {
		b.Fatal(err)
	}
	seg := segs[0]
	b.ResetTimer()
	for b.Loop() {
		if _, err := ed.Check(ed.Langs()[0], seg.ID, map[string]string{"other": seg.Source}); err != nil {
			b.Fatal(err)
		}
	}
}
