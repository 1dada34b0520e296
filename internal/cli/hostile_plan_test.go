package cli

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"

	"github.com/glot-i18n/glot/internal/catalog"
	"github.com/glot-i18n/glot/internal/msgtext"
	"github.com/glot-i18n/glot/internal/site"
)

// hostileBatch is what one build carries: for each language, the payload
// (an index into the corpus) of each message id given one.
type hostileBatch struct {
	name    string
	assign  map[string]map[string]int
	collide bool // the colliding slug, and nothing else
}

// plan shares the payloads out into batches. A payload that makes glot
// refuse a whole translate file (a control character; the custom
// delimiters) is kept apart, so that it does not keep every other payload
// of its batch from being merged; the colliding slug has a batch of its
// own, for its build must fail.
func (h *hostileSite) plan(t *testing.T) []hostileBatch {
	t.Helper()
	var plain, whole []int
	collide := -1
	for i, p := range h.payloads {
		switch {
		case p.text == hostileCollidingSlug:
			collide = i
		case hostileRefusesFile(p.text):
			whole = append(whole, i)
		default:
			plain = append(plain, i)
		}
	}
	if collide < 0 {
		t.Fatalf("payloads.txt has no line %q, the slug of about.md: the colliding slug is not tested", hostileCollidingSlug)
	}
	batches := h.rounds(t, "round", plain)
	batches = append(batches, h.rounds(t, "controls", whole)...)
	// Every payload must reach all the positions of a page and a shown
	// interface string in some batch, or part of the corpus goes untested.
	onPage, inUI := map[int]bool{}, map[int]bool{}
	for _, b := range batches {
		for _, a := range b.assign {
			for _, p := range h.pages {
				if i, ok := a[p.ids[0]]; ok && !slices.ContainsFunc(p.ids, func(id string) bool { return a[id] != i }) {
					onPage[i] = true
				}
			}
			for _, id := range h.ui {
				if i, ok := a[id]; ok {
					inUI[i] = true
				}
			}
		}
	}
	for i, p := range h.payloads {
		if i != collide && (!onPage[i] || !inUI[i]) {
			t.Fatalf("the plan puts %s on a page %v and in an interface string %v", p, onPage[i], inUI[i])
		}
	}
	b := hostileBatch{name: "collision", collide: true, assign: map[string]map[string]int{}}
	for _, lang := range hostileLangs {
		b.assign[lang] = map[string]int{h.pages[0].slugID: collide}
	}
	return append(batches, b)
}

// hostileRefusesFile reports whether glot refuses a whole translate file
// that holds p: a control character, or (as the test writes it) template
// delimiters of its own.
func hostileRefusesFile(p string) bool {
	_, ctl := catalog.ControlChar(p)
	return ctl || hostileDelims(p)
}

// hostileDelims reports whether p is written for the delimiters [[ and ]],
// which the merge channel sets beside it on interface messages.
func hostileDelims(p string) bool {
	return strings.Contains(p, "[[") && strings.Contains(p, "]]")
}

// rounds makes as many batches as it takes for every payload of list to be
// on a page, and in an interface string, at least once. Page k of language
// l carries one payload in all its positions; the interface messages take
// the list round-robin. Two pages of a language never get payloads that
// make the same slug, which would be a build error of its own.
func (h *hostileSite) rounds(t *testing.T, name string, list []int) []hostileBatch {
	t.Helper()
	if len(list) == 0 {
		return nil
	}
	nl, nu := len(hostileLangs), len(h.ui)
	rounds := (len(list) + nl*nu - 1) / (nl * nu)
	unplaced := slices.Clone(list)
	var out []hostileBatch
	for r := 0; r < rounds || len(unplaced) > 0; r++ {
		if r == 20 {
			t.Fatalf("%d payloads find no page without a slug collision", len(unplaced))
		}
		b := hostileBatch{name: fmt.Sprintf("%s-%d", name, r+1), assign: map[string]map[string]int{}}
		for li, lang := range hostileLangs {
			a := map[string]int{}
			used := map[string]bool{hostileCollidingSlug: true}
			for _, p := range h.pages {
				used["page-"+p.mark] = true
			}
			fits := func(i int) bool {
				for _, k := range hostileSlugs(h.payloads[i].text) {
					if used[k] {
						return false
					}
				}
				return true
			}
			for k, p := range h.pages {
				pick := -1
				for j, i := range unplaced {
					if fits(i) {
						pick = i
						unplaced = slices.Delete(unplaced, j, j+1)
						break
					}
				}
				for j := 0; pick < 0 && j < len(list); j++ {
					if i := list[(r*nl*len(h.pages)+li*len(h.pages)+k+j)%len(list)]; fits(i) {
						pick = i
					}
				}
				if pick < 0 {
					continue
				}
				for _, k := range hostileSlugs(h.payloads[pick].text) {
					used[k] = true
				}
				for _, id := range p.ids {
					a[id] = pick
				}
			}
			for j, id := range h.ui {
				a[id] = list[(r*nl*nu+li*nu+j)%len(list)]
			}
			for id, from := range h.copies {
				a[id] = a[from]
			}
			b.assign[lang] = a
		}
		out = append(out, b)
	}
	return out
}

// hostileSlugs returns the URL folders a payload may make as a slug, by
// the build's own rule (site.Slugify), before and after HTML unescaping,
// so that the plan errs towards keeping two payloads apart.
func hostileSlugs(p string) []string {
	var out []string
	for _, s := range []string{p, html.UnescapeString(p)} {
		if k := site.Slugify(s); k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// tokens is what a translator types for message id when told to write
// payload p: p, then the source's tags (with their words) and template
// fields, so that the translation is not refused merely for leaving them
// out and the payload reaches as far as glot lets it.
func (h *hostileSite) tokens(id string, p string) []msgtext.Token {
	text := func(s string) msgtext.Token { return msgtext.Token{Kind: msgtext.Text, Text: s} }
	out := []msgtext.Token{text(p)}
	depth := 0
	for _, tok := range msgtext.Parse(h.src.Messages[id].Other) {
		switch {
		case tok.Kind == msgtext.Text && depth == 0:
			for _, f := range hostileFields(tok.Text) {
				out = append(out, text(" "+f))
			}
			continue
		case tok.Kind == msgtext.Open:
			if depth == 0 {
				out = append(out, text(" "))
			}
			depth++
		case tok.Kind == msgtext.Close:
			depth--
		case tok.Kind == msgtext.Atom && depth == 0:
			out = append(out, text(" "))
		}
		out = append(out, tok)
	}
	return out
}

// hostileFields returns the template actions of an interface text:
// {{.Count}} and the like.
func hostileFields(s string) []string {
	var out []string
	for {
		i := strings.Index(s, "{{")
		if i < 0 {
			return out
		}
		j := strings.Index(s[i:], "}}")
		if j < 0 {
			return out
		}
		out = append(out, s[i:i+j+2])
		s = s[i+j+2:]
	}
}

func hostileJoin(toks []msgtext.Token) string {
	var b strings.Builder
	for _, tok := range toks {
		b.WriteString(tok.Text)
	}
	return b.String()
}
