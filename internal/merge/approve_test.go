package merge_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/merge"
)

// A reviewer's sign-off holds for the exact text reviewed.
func TestApprove(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	ls := s.load()
	l, _ := ls.Lang("es")
	if _, _, err := merge.Approve(ls, l, merge.Approval{IDs: []string{"no-such-id"}}); err == nil {
		t.Error("approving an unknown message")
	}
	p, n, err := merge.Approve(ls, l, merge.Approval{Page: "b.md", By: "Dr. R"})
	if err != nil || n != 2 {
		t.Fatalf("approve b.md: %d %v", n, err)
	}
	s.apply(p)
	if st := s.status("es"); st.Reviewed != 2 {
		t.Errorf("status: %+v", st)
	}
	rev := s.file(ledger.ReviewPath("es"))
	if strings.Count(rev, "translation = \"sha1-") != 2 || !strings.Contains(rev, `by = "Dr. R"`) {
		t.Errorf("review file:\n%s", rev)
	}
	// Approving again changes nothing.
	ls = s.load()
	l, _ = ls.Lang("es")
	if p, n, _ := merge.Approve(ls, l, merge.Approval{Page: "b.md"}); n != 0 || !p.Empty() {
		t.Errorf("second approval: %d %v", n, p.Paths())
	}
	// The translator changes one of them: it is no longer reviewed.
	active := strings.Replace(s.file("active.es.toml"), `other = "ES Page B"`, `other = "Página B"`, 1)
	s.locales["active.es.toml"] = &fstest.MapFile{Data: []byte(active)}
	if st := s.status("es"); st.Reviewed != 1 {
		t.Errorf("after an edit: %+v", st)
	}
}

// A reviewer who turns a translation down records why, beside the exact
// text turned down: it is not reviewed, even if it was signed off before,
// and a later sign-off of the same text replaces the rejection.
func TestReject(t *testing.T) {
	s := translated(t, newSite(t, map[string]string{"a.md": pageA, "b.md": pageB}))
	ls := s.load()
	l, _ := ls.Lang("es")
	p, n, err := merge.Approve(ls, l, merge.Approval{Page: "b.md", By: "Dr. R"})
	if err != nil || n != 2 {
		t.Fatalf("approve b.md: %d %v", n, err)
	}
	s.apply(p)
	ls = s.load()
	l, _ = ls.Lang("es")
	id := ls.Pages[1].Blocks[0].ID
	p, n, err = merge.Approve(ls, l, merge.Approval{IDs: []string{id}, By: "Dr. S", Reject: "the dose reads wrong"})
	if err != nil || n != 1 {
		t.Fatalf("reject %s: %d %v", id, n, err)
	}
	s.apply(p)
	if st := s.status("es"); st.Reviewed != 1 {
		t.Errorf("status after the rejection: %+v", st)
	}
	if rev := s.file(ledger.ReviewPath("es")); !strings.Contains(rev, `rejected = "the dose reads wrong"`) || !strings.Contains(rev, `by = "Dr. S"`) {
		t.Errorf("review file:\n%s", rev)
	}
	ls = s.load()
	l, _ = ls.Lang("es")
	if p, n, err = merge.Approve(ls, l, merge.Approval{IDs: []string{id}}); err != nil || n != 1 {
		t.Fatalf("approve after the rejection: %d %v", n, err)
	}
	s.apply(p)
	if st := s.status("es"); st.Reviewed != 2 || strings.Contains(s.file(ledger.ReviewPath("es")), "rejected") {
		t.Errorf("after the sign-off: %+v\n%s", st, s.file(ledger.ReviewPath("es")))
	}
}
