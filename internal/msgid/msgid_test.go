package msgid

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

var safeID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestID(t *testing.T) {
	t.Parallel()
	texts := []string{
		"Ketamine infusion therapy",
		"Read <1>the study</1><2/>.",
		"العلاج بتسريب الكيتامين",
		"ケタミン",
		"other", "description", "hash", "id", "one", // go-i18n's reserved words
		"a.b [c] \"d\" = e",
		"Über straße café",
		"",
	}
	seen := map[string]string{}
	for _, s := range texts {
		id := ID("", s)
		if !safeID.MatchString(id) {
			t.Errorf("ID(%q) = %q: not a bare, dot-free TOML key", s, id)
		}
		if prev, dup := seen[id]; dup {
			t.Errorf("ID(%q) = ID(%q) = %q", s, prev, id)
		}
		seen[id] = s
		if ID("", s) != id {
			t.Errorf("ID(%q) is not stable", s)
		}
	}
	if got := ID("", "Ketamine infusion therapy"); !strings.HasPrefix(got, "ketamine-infusion-therapy-") {
		t.Errorf("ID starts with a slug of the text: %q", got)
	}
	if got := ID("", "Über straße café"); !strings.HasPrefix(got, "uber-strae-cafe-") && !strings.HasPrefix(got, "uber-stra-e-cafe-") {
		t.Errorf("accents are dropped from the slug: %q", got)
	}
	if ID("", "Same text") == ID("sidebar", "Same text") {
		t.Error("a context gives identical text its own id")
	}
	if got := ID("", "العلاج بتسريب"); !strings.HasPrefix(got, "m-") {
		t.Errorf("text without ASCII letters gets the m- prefix: %q", got)
	}
}

func TestSlugIsShort(t *testing.T) {
	t.Parallel()
	s := Slug("Efficacy of ketamine in the rapid treatment of major depressive disorder: a meta-analysis")
	if s != "efficacy-of-ketamine-in-the" {
		t.Errorf("Slug = %q", s)
	}
	if s := Slug(strings.Repeat("supercalifragilistic", 5)); len(s) > slugMax {
		t.Errorf("Slug too long: %q", s)
	}
}

// texts for the Link tests: ids are the texts themselves.
func blocks(ids ...string) []Block {
	var bs []Block
	for _, id := range ids {
		bs = append(bs, Block{ID: id})
	}
	return bs
}

func same(id string) string { return id }

func was(bs []Block) [][]string {
	var out [][]string
	for _, b := range bs {
		out = append(out, b.Was)
	}
	return out
}

func TestLink(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		prev, next []Block
		want       [][]string
	}{
		{
			name: "unchanged",
			prev: blocks("a", "b"), next: blocks("a", "b"),
			want: [][]string{nil, nil},
		},
		{
			name: "one paragraph edited",
			prev: blocks("title", "the cat sat on the mat", "end"),
			next: blocks("title", "the cat sat on a mat", "end"),
			want: [][]string{nil, {"the cat sat on the mat"}, nil},
		},
		{
			name: "edited beyond recognition is still the one in its place",
			prev: blocks("title", "alpha", "end"),
			next: blocks("title", "omega", "end"),
			want: [][]string{nil, {"alpha"}, nil},
		},
		{
			name: "two edited, order of similarity wins",
			prev: blocks("x", "dogs bark at night loudly", "cats sleep all day long", "y"),
			next: blocks("x", "cats sleep all the day long", "dogs bark at night very loudly", "y"),
			want: [][]string{nil, {"cats sleep all day long"}, {"dogs bark at night loudly"}, nil},
		},
		{
			name: "paragraph split in two",
			prev: blocks("x", "first half of the text. second half of the text", "y"),
			next: blocks("x", "first half of the text.", "second half of the text", "y"),
			want: [][]string{nil, {"first half of the text. second half of the text"}, {"first half of the text. second half of the text"}, nil},
		},
		{
			name: "two paragraphs merged",
			prev: blocks("x", "one small thing", "another small thing", "y"),
			next: blocks("x", "one small thing and another small thing", "y"),
			want: [][]string{nil, {"one small thing"}, nil},
		},
		{
			name: "paragraphs reordered keep their ids: nothing to link",
			prev: blocks("a", "b", "c"),
			next: blocks("c", "a", "b"),
			want: [][]string{nil, nil, nil},
		},
		{
			name: "new paragraph inserted",
			prev: blocks("a", "c"),
			next: blocks("a", "b", "c"),
			want: [][]string{nil, nil, nil},
		},
		{
			name: "history carried when edited twice",
			prev: []Block{{ID: "v2 text here"}, {ID: "z", Was: []string{"q"}}},
			next: []Block{{ID: "v3 text here"}, {ID: "z"}},
			want: [][]string{{"v2 text here"}, {"q"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Link(tt.prev, tt.next, same)
			if got := was(tt.next); !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Was = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLinkKeepsChain(t *testing.T) {
	t.Parallel()
	prev := []Block{{ID: "third version of it", Was: []string{"second version of it", "first version of it"}}}
	next := blocks("fourth version of it")
	Link(prev, next, same)
	want := []string{"third version of it", "second version of it", "first version of it"}
	if !reflect.DeepEqual(next[0].Was, want) {
		t.Fatalf("Was = %q, want %q", next[0].Was, want)
	}
}

func TestRename(t *testing.T) {
	t.Parallel()
	gone := map[string][]Block{"old/a.md": blocks("x", "y", "z"), "old/b.md": blocks("p", "q")}
	added := map[string][]Block{"new/a.md": blocks("x", "y", "w"), "new/c.md": blocks("n")}
	got := Rename(gone, added)
	if !reflect.DeepEqual(got, map[string]string{"new/a.md": "old/a.md"}) {
		t.Fatalf("Rename = %v", got)
	}
}

// Slug decomposes the text as it reads it, and makes the slug it made
// decomposing the whole text first.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Ketamine infusion therapy works", "Café crème brûlée", "Ｆｕｌｌ ｗｉｄｔｈ", "日本語 text here", "don't stop", "a-b c d e f g h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Slug(s), slugWhole(s); got != want {
			t.Fatalf("Slug(%q) = %q, want %q", s, got, want)
		}
	})
}

// slugWhole is Slug as it was written first: decomposing the whole text.
func slugWhole(s string) string {
	var b strings.Builder
	words := 0
	inWord := false
	for _, r := range norm.NFKD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if !inWord {
				if words == slugWords {
					return b.String()
				}
				if b.Len() > 0 {
					if b.Len()+1 >= slugMax {
						return b.String()
					}
					b.WriteByte('-')
				}
				words++
				inWord = true
			}
			if b.Len() < slugMax {
				b.WriteRune(unicode.ToLower(r))
			}
		case r == '\'' || r == '’':
		default:
			inWord = false
		}
	}
	return b.String()
}
