package merge

import (
	"fmt"
	"path"

	"github.com/glot-i18n/glot/internal/ledger"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/option"
	"github.com/glot-i18n/glot/internal/plan"
	"github.com/glot-i18n/glot/internal/verdict"
)

// Approval selects the translations a reviewer signs off.
type Approval struct {
	IDs  []string // these messages
	Page string   // or every message of the pages matching this glob
	All  bool     // or every translation in force
	// Marked are messages a translator's tool marks reviewed (glot
	// import --trust-review): each is signed off if its translation is
	// in force, but never released when held back, as it is not named.
	Marked []string
	By     string // the reviewer's name, recorded with each review
	// Reject, when set, turns the selected translations down with this
	// comment instead of signing them off (glot edit --review).
	Reject string
}

// Approve records the sign-off of the translations in force of l that a
// selects, each for its exact text, in the review file. It returns the
// plan and how many translations it marked. Only l's own translations are
// signed off: one a regional variant shows from its parent language is
// that language's to review.
//
// A translation held back by a blocking check (a changed number, say) is
// released by a sign-off, but only when it is named by its id: a reviewer
// approves that deliberate change, never a page or a language of them
// wholesale.
func Approve(s *locale.Site, l *locale.Lang, a Approval) (plan.Plan, int, error) {
	var p plan.Plan
	if err := option.Glob("page", a.Page, path.Match); err != nil {
		return p, 0, err
	}
	table, err := verdict.Compile(verdict.NewSource(s), l)
	if err != nil {
		return p, 0, err
	}
	sel := selection{table: table, lang: l.Tag, want: map[string]bool{}, named: map[string]bool{}, reject: a.Reject != ""}
	if err := sel.add(s, a); err != nil {
		return p, 0, err
	}
	reviews := ledger.Reviews{}
	for id, r := range l.Reviews {
		reviews[id] = r
	}
	n := 0
	for _, id := range s.Source.IDs() {
		if sel.signs(id, a.All) {
			reviews[id] = ledger.Review{Translation: ledger.TextHash(l.Active.Messages[id]), By: a.By, Rejected: a.Reject}
			n++
		}
	}
	// Reviews of translations that have changed or gone say nothing any
	// more.
	for id, r := range reviews {
		t := l.Active.Messages[id]
		if t == nil || r.Translation != ledger.TextHash(t) {
			delete(reviews, id)
		}
	}
	p.WriteIfChanged(s.FS, ledger.ReviewPath(l.Tag), reviews.Bytes(l.Tag))
	return p, n, nil
}

// selection is what an Approval selects, against the language's table.
type selection struct {
	table *verdict.Table
	lang  string
	want  map[string]bool // selected, by id, page or mark
	named map[string]bool // selected by id: a held translation may be released
	// reject turns translations down: one signed off already may be.
	reject bool
}

// add selects what a names, and refuses an id with nothing to approve
// and a page glob that matches no page.
func (sel *selection) add(s *locale.Site, a Approval) error {
	for _, id := range a.IDs {
		if s.Source.Messages[id] == nil {
			return fmt.Errorf("no message %q in the source catalog", id)
		}
		if !sel.own(id) && !sel.held(id) {
			return fmt.Errorf("message %s has no translation in force in %s: nothing to approve", id, sel.lang)
		}
		sel.want[id], sel.named[id] = true, true
	}
	for _, id := range a.Marked {
		sel.want[id] = true
	}
	if a.Page == "" {
		return nil
	}
	matched := false
	for _, pg := range s.Pages {
		if ok, _ := path.Match(a.Page, pg.Path); ok {
			matched = true
			for _, b := range pg.Blocks {
				sel.want[b.ID] = true
			}
		}
	}
	if !matched {
		return option.Wrong("page", a.Page, "matches no page of the site")
	}
	return nil
}

// signs reports whether message id gets a new sign-off: selected (or
// all is set), not signed off already, and the language's own translation
// in force, or one held back that was named.
func (sel *selection) signs(id string, all bool) bool {
	if !all && !sel.want[id] {
		return false
	}
	return (sel.own(id) || sel.named[id] && sel.held(id)) && (sel.reject || !sel.table.Entry(id).Reviewed)
}

// own reports whether the language's own translation of id is in force.
func (sel *selection) own(id string) bool {
	e := sel.table.Entry(id)
	return e != nil && e.State == verdict.Translated && e.From == sel.lang
}

// held reports whether the translation of id is held back by a check a
// reviewer may overrule.
func (sel *selection) held(id string) bool {
	e := sel.table.Entry(id)
	return e != nil && e.State == verdict.Held && e.Reason.Approvable()
}
