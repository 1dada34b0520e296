package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode"
)

// writer makes the prose of one page. Each page has a writer of its own,
// seeded from the corpus seed and the page's number, so a page's text does
// not depend on the order pages are written in.
type writer struct {
	r    *rand.Rand
	site *tree
	page int // the page being written, for relative links
	// plain turns markup off, for text that is not Markdown: front matter.
	plain bool
	// footnotes collects the definitions of the footnotes the page's
	// text refers to, written at its end.
	footnotes []string
}

func newWriter(seed uint64, site *tree, page int) *writer {
	return &writer{r: rand.New(rand.NewPCG(seed, uint64(page)+1)), site: site, page: page}
}

func (w *writer) pick(ss []string) string { return ss[w.r.IntN(len(ss))] }

// chance reports true with probability p.
func (w *writer) chance(p float64) bool { return w.r.Float64() < p }

// between returns a number from lo to hi, both included.
func (w *writer) between(lo, hi int) int { return lo + w.r.IntN(hi-lo+1) }

// sentences are the shapes of the generated sentences. Each slot is filled
// from the vocabulary: N a noun, Ns a plural noun, A an adjective, V a verb,
// Vs a verb in the third person singular, Adv an adverb, P a place, D a dose,
// T a duration, Y a year, C a count, Pct a percentage, Code inline code and
// Ab an abbreviation.
var sentences = []string{
	"In {Y}, a {A} study of {C} patients found that {Ns} {V} the {N} in {Pct} of cases.",
	"A dose of {D} is {Adv} given over {T}, and the {N} is checked every {C} minutes.",
	"{Ns} {Adv} {V} the {A} {N}, although the effect may last only {T}.",
	"Most patients need {C} sessions over {C} weeks before the {N} {Vs} a {A} {N}.",
	"The {N} in {P} {Vs} the {N} before each session.",
	"If the {N} rises above {C} mmHg, the nurse {Vs} the {N} and {Adv} pauses the infusion.",
	"Clinicians should {V} the {A} {N} and the {N} at baseline and after {T}.",
	"Earlier guidelines from {Y} did not {V} the {N}, but current practice does.",
	"The {A} {N} can {V} {Ns} for up to {T} in about {Pct} of patients.",
	"Set {Code} to {C} to {V} the {N} for every {N}.",
	"Each {N} is stored in {P} for {C} days and then deleted.",
	"{Ab} affects the {N} and the {N}, and it is measured at {D}.",
	"Nothing here means that the {N} can replace a {A} {N}.",
	"Patients who weigh more than {C} kg may {V} a {A} {N}.",
	"Between {Y} and {Y}, the number of {Ns} grew from {C} to {C}.",
	"Ask your {N} whether the {N} is right for you.",
	"The {N} does not {V} the {N}; it only {Vs} it.",
	"A {A} {N} was seen in {C} of {C} patients (p < 0.05).",
	"After {T}, most patients {V} the {N} without help.",
	"Keep the {N} and the {N} together, so that {Ns} can {V} them quickly.",
	"The {A} {N} {Vs} {Ab} within {T} of the first dose of {D}.",
	"Use {Code} when the {N} must {V} more than {C} records at once.",
	"Why does the {N} {V} the {N}? The answer depends on the {A} {N}.",
	"Every {N} is reviewed by a {N} at least once every {T}.",
}

// sentence writes one sentence as a list of chunks: words, or pieces of
// markup that must stay on one line.
func (w *writer) sentence() []string {
	tmpl := w.pick(sentences)
	var out []string
	for _, word := range strings.Fields(tmpl) {
		out = append(out, strings.Fields(w.fill(word))...)
	}
	for i := 0; i+1 < len(out); i++ {
		if (out[i] == "a" || out[i] == "A") && strings.ContainsRune("aeiou", rune(out[i+1][0])) {
			out[i] += "n"
		}
	}
	if len(out) > 0 {
		out[0] = capitalize(out[0])
	}
	if w.plain {
		return out
	}
	return w.decorate(out)
}

// fill replaces the slots of one word of a template.
func (w *writer) fill(word string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(word, '{')
		if i < 0 {
			b.WriteString(word)
			return b.String()
		}
		j := strings.IndexByte(word[i:], '}')
		b.WriteString(word[:i])
		b.WriteString(w.slot(word[i+1 : i+j]))
		word = word[i+j+1:]
	}
}

func (w *writer) slot(name string) string {
	switch name {
	case "N":
		return w.pick(nouns)
	case "Ns":
		return pluralize(w.pick(nouns))
	case "A":
		return w.pick(adjectives)
	case "V":
		return w.pick(verbs)
	case "Vs":
		return thirdPerson(w.pick(verbs))
	case "Adv":
		return w.pick(adverbs)
	case "P":
		return w.pick(places)
	case "D":
		return w.dose()
	case "T":
		n := w.between(1, 72)
		unit := w.pick(times)
		if n == 1 {
			unit = strings.TrimSuffix(unit, "s")
		}
		return fmt.Sprintf("%d %s", n, unit)
	case "Y":
		return fmt.Sprint(w.between(1995, 2025))
	case "C":
		return w.count()
	case "Pct":
		if w.chance(0.5) {
			return fmt.Sprintf("%d.%d%%", w.between(1, 99), w.between(1, 9))
		}
		return fmt.Sprintf("%d%%", w.between(1, 99))
	case "Code":
		if w.plain {
			return "the " + w.pick(nouns)
		}
		return "`" + strings.ReplaceAll(w.pick(identifiers), " ", "\x00") + "`"
	case "Ab":
		ab := abbreviations[w.r.IntN(len(abbreviations))]
		if !w.plain && w.chance(0.3) {
			// Raw HTML inside Markdown: glot keeps it, and so must the
			// renderers it is compared with.
			return "<abbr\x00title=\"" + strings.ReplaceAll(ab[1], " ", "\x00") + "\">" + ab[0] + "</abbr>"
		}
		return ab[0]
	}
	return name
}

var doses = []string{"0.1", "0.25", "0.5", "0.75", "1", "1.5", "2", "2.5", "5", "10", "20", "40", "100", "250"}

func (w *writer) dose() string {
	return w.pick(doses) + " " + w.pick(units)
}

// count writes a count, now and then a large one with a thousands
// separator.
func (w *writer) count() string {
	if w.chance(0.1) {
		return fmt.Sprintf("%d,%03d", w.between(1, 9), w.between(0, 999))
	}
	return fmt.Sprint(w.between(2, 480))
}

// decorate puts inline markup on a few words of a sentence: emphasis,
// strong emphasis, a link to another page of the site or to an external
// site. Only runs of plain words are decorated, so that markup never
// swallows a number or another piece of markup.
func (w *writer) decorate(words []string) []string {
	for _, d := range []struct {
		p    float64
		wrap func(string) string
	}{
		{0.15, func(s string) string { return "*" + s + "*" }},
		{0.10, func(s string) string { return "**" + s + "**" }},
		{0.18, func(s string) string { return "[" + s + "](" + w.site.link(w.page, w.otherPage()) + ")" }},
		{0.08, func(s string) string { return "[" + s + "](" + w.externalURL() + ")" }},
	} {
		if !w.chance(d.p) {
			continue
		}
		i, n := w.plainRun(words)
		if n == 0 {
			continue
		}
		span := strings.Join(words[i:i+n], "\x00")
		words = append(words[:i], append([]string{d.wrap(span)}, words[i+n:]...)...)
	}
	return words
}

// plainRun finds a run of one to three plain words in words, not at the
// end of the sentence (where the final punctuation sits).
func (w *writer) plainRun(words []string) (int, int) {
	for range 4 {
		i := w.r.IntN(len(words))
		n := 0
		for i+n < len(words)-1 && n < 3 && plainWord(words[i+n]) {
			n++
		}
		if n > 0 {
			return i, w.between(1, n)
		}
	}
	return 0, 0
}

func plainWord(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return s != ""
}

func (w *writer) otherPage() int {
	n := len(w.site.pages)
	if n == 1 {
		return w.page
	}
	o := w.r.IntN(n - 1)
	if o >= w.page {
		o++
	}
	return o
}

func (w *writer) externalURL() string {
	return fmt.Sprintf("https://%s/%s/%d", w.pick(domains), slug(w.pick(nouns)), w.between(1000, 99999))
}

// paragraph writes a paragraph of 40 to 120 words, as chunks.
func (w *writer) paragraph() []string {
	target := w.between(40, 120)
	var chunks []string
	words := 0
	for words < 40 || words < target {
		s := w.sentence()
		n := countWords(s)
		if words >= 40 && words+n > 120 {
			break
		}
		chunks = append(chunks, s...)
		words += n
	}
	if w.chance(0.04) {
		u := w.externalURL()
		chunks = append(chunks, "The", "full", "text", "is", "at", u, "for", "readers", "who", "want", "more.")
	}
	if w.chance(0.05) {
		n := len(w.footnotes) + 1
		chunks[len(chunks)-1] += fmt.Sprintf("[^%d]", n)
		w.footnotes = append(w.footnotes, fmt.Sprintf("[^%d]: %s", n, lines(w.sentence(), false)))
	}
	return chunks
}

func countWords(chunks []string) int {
	n := 0
	for _, c := range chunks {
		n += 1 + strings.Count(c, "\x00")
	}
	return n
}

// lines writes chunks as the lines of a block: one line, or wrapped at 80
// columns. A line may only start with a word or inline markup that cannot be
// read as the start of another block (a list item, a heading, a quote).
func lines(chunks []string, wrap bool) string {
	var b strings.Builder
	col := 0
	for i, c := range chunks {
		c = strings.ReplaceAll(c, "\x00", " ")
		if i > 0 {
			if wrap && col+1+len(c) > 80 && safeLineStart(c) {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(c)
		col += len(c)
	}
	return b.String()
}

func safeLineStart(s string) bool {
	if s == "" {
		return false
	}
	r := rune(s[0])
	return unicode.IsLetter(r) || r == '[' || r == '`' || strings.HasPrefix(s, "**") || r == '*' && len(s) > 1 && s[1] != ' '
}

func capitalize(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
		}
		if r != '*' && r != '[' && r != '`' {
			return s
		}
	}
	return s
}

func pluralize(n string) string {
	switch {
	case strings.HasSuffix(n, "y") && !strings.HasSuffix(n, "ay") && !strings.HasSuffix(n, "ey"):
		return n[:len(n)-1] + "ies"
	case strings.HasSuffix(n, "s"), strings.HasSuffix(n, "sh"), strings.HasSuffix(n, "ch"), strings.HasSuffix(n, "x"):
		return n + "es"
	}
	return n + "s"
}

func thirdPerson(v string) string {
	switch {
	case strings.HasSuffix(v, "y") && !strings.HasSuffix(v, "ay"):
		return v[:len(v)-1] + "ies"
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "x"):
		return v + "es"
	}
	return v + "s"
}

// slug writes s as a URL path segment.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	return b.String()
}
