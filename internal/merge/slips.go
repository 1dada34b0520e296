package merge

import (
	"fmt"
	"regexp"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/lcs"
	"github.com/glot-i18n/glot/internal/locale"
)

// wellFormedHash is the form of every hash glot merge writes.
var wellFormedHash = regexp.MustCompile(`^sha1-[0-9a-f]{40}$`)

// slipped reports whether hash, given by a translation of message id
// whose current source is src, is the hash of no version of that source,
// so that the translator edited it by mistake rather than translated an
// earlier source. The versions glot knows are the current one, those the
// translations in force and archived were made for, and the retired texts
// the message succeeds. A message on a page has one version only, for its
// id is made from its text; an interface message can change under its id,
// and not all of its earlier versions are recorded, so only a hash that
// glot could never have written is taken for a slip there.
func slipped(s *locale.Site, l *locale.Lang, id string, src *catalog.Message, hash string) bool {
	if !wellFormedHash.MatchString(hash) {
		return true
	}
	if !s.OnPage(id) {
		return false
	}
	if m := l.Active.Messages[id]; m != nil && m.Hash == hash {
		return false
	}
	if e := l.Archive[id]; e != nil && (e.Hash == hash || e.Source != "" && catalog.Hash(&catalog.Message{Description: src.Description, Other: e.Source}) == hash) {
		return false
	}
	for _, w := range append([]string{id}, s.Was(id)...) {
		if t := s.SourceText(w); t != "" && catalog.Hash(&catalog.Message{Description: src.Description, Other: t}) == hash {
			return false
		}
	}
	return true
}

// idIndex is what closestID searches: the ids of the source, sorted, and
// by the hash of their source, made once for every unknown id of a merge.
type idIndex struct {
	ids    []string
	byHash map[string][]string
}

func newIDIndex(s *locale.Site) *idIndex {
	x := &idIndex{ids: s.Source.IDs(), byHash: map[string][]string{}}
	for _, id := range x.ids {
		h := catalog.Hash(s.Source.Messages[id])
		x.byHash[h] = append(x.byHash[h], id)
	}
	return x
}

// closestID suggests, for an id that no message of the site has, the id
// the translator most likely meant, as a clause to add to the refusal
// ("" when none is close): among the messages whose source has the hash
// the entry gives, if any, else among all, the id nearest in edit
// distance. Among equally close ones, an id missing from the translate
// file tr comes first: the mistyped id took the place of its table.
func closestID(x *idIndex, tr *catalog.Catalog, id string, t *catalog.Message) string {
	cands, limit := x.byHash[t.Hash], 1<<30
	if len(cands) == 0 {
		// Only a near id is worth naming: a third of it may differ.
		cands, limit = x.ids, len(id)/3
	}
	best, bestDist := "", limit+1
	for _, cand := range cands {
		if abs(len(cand)-len(id)) > bestDist {
			continue
		}
		d := lcs.Distance([]byte(id), []byte(cand))
		if d < bestDist || d == bestDist && best != "" && tr.Messages[best] != nil && tr.Messages[cand] == nil {
			best, bestDist = cand, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean [%s]?)", best)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
