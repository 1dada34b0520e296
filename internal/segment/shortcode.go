package segment

import (
	"regexp"
	"sort"
)

// Hugo shortcodes in a Markdown page: {{< name params >}} and
// {{% name params %}}, and their closing forms {{< /name >}}. To a
// translator a shortcode is a placeholder: an atom, or a pair of tags when
// its opening and closing forms are in the same sentence. Hugo renders the
// Markdown between {{% x %}} and {{% /x %}}, so it is translated like any
// other text. Parameters named in Rules.Shortcodes are messages of their
// own.
//
// Before goldmark reads the page, every shortcode is masked with letters of
// the same length, so that Markdown sees a word where Hugo sees markup and
// no byte moves; the segmenter then reads the shortcode's own bytes.

// shortcodeRE matches a shortcode: {{< ... >}} or {{% ... %}}, the
// comment form {{</* ... */>}} included.
var shortcodeRE = regexp.MustCompile(`(?s)\{\{(<|%)\s*(/\*)?\s*(/?)\s*([A-Za-z0-9_./-]+)(.*?)(\*/)?\s*(>|%)\}\}`)

// shortcodeParamRE matches a named parameter with a double-quoted value.
var shortcodeParamRE = regexp.MustCompile(`([A-Za-z0-9_-]+)\s*=\s*"((?:[^"\\]|\\.)*)"`)

type shortcode struct {
	start, end int
	name       string
	closing    bool
	partner    int // index of the other half of a pair, or -1
}

// findShortcodes lists the shortcodes of body, pairs each opening one with
// its closing one, and returns body with each masked.
func findShortcodes(body []byte) ([]shortcode, []byte) {
	ms := shortcodeRE.FindAllSubmatchIndex(body, -1)
	if len(ms) == 0 {
		return nil, body
	}
	var scs []shortcode
	for _, m := range ms {
		open, shut := string(body[m[2]:m[3]]), string(body[m[14]:m[15]])
		if (open == "<") != (shut == ">") {
			continue
		}
		sc := shortcode{start: m[0], end: m[1], name: string(body[m[8]:m[9]]), closing: m[7] > m[6], partner: -1}
		if m[4] >= 0 {
			sc.name = "" // {{</* */>}}: shown as written, never paired
		}
		scs = append(scs, sc)
	}
	// Pair by name, innermost first. count has the open shortcodes by
	// name, so that a closing one that closes nothing is not looked for
	// among them all.
	var stack []int
	count := map[string]int{}
	for i := range scs {
		switch {
		case scs[i].name == "":
		case !scs[i].closing:
			stack = append(stack, i)
			count[scs[i].name]++
		case count[scs[i].name] > 0:
			for k := len(stack) - 1; k >= 0; k-- {
				count[scs[stack[k]].name]--
				if scs[stack[k]].name == scs[i].name {
					scs[stack[k]].partner, scs[i].partner = i, stack[k]
					stack = stack[:k]
					break
				}
			}
		}
	}
	masked := append([]byte(nil), body...)
	for _, sc := range scs {
		for i := sc.start; i < sc.end; i++ {
			masked[i] = 'x'
		}
	}
	return scs, masked
}

// shortcodeAt returns the index of the shortcode that starts at or covers
// offset i, or -1.
func shortcodeAt(scs []shortcode, i int) int {
	k := sort.Search(len(scs), func(k int) bool { return scs[k].end > i })
	if k < len(scs) && scs[k].start <= i {
		return k
	}
	return -1
}
