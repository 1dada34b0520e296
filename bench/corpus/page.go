package corpus

import (
	"fmt"
	"path"
	"strings"
)

// images are the assets the pages show, at the root of content/.
var images = []string{"images/figure-1.png", "images/figure-2.png", "images/figure-3.png", "images/diagram.png"}

// markdown writes page i of the site.
func (t *tree) markdown(seed uint64, i int) []byte {
	w := newWriter(seed, t, i)
	p := t.pages[i]
	wrap := w.chance(0.5)
	var b strings.Builder
	w.plain = true
	description := lines(w.sentence(), false)
	w.plain = false
	// The values are ASCII without quotes or backslashes, so Go's quoting
	// is YAML's.
	fmt.Fprintf(&b, "---\ntitle: %q\ndescription: %q\ndate: %d-%02d-%02d\n---\n\n",
		p.title, description, w.between(2016, 2025), w.between(1, 12), w.between(1, 28))
	fmt.Fprintf(&b, "# %s\n\n", p.title)
	para := func() { b.WriteString(lines(w.paragraph(), wrap) + "\n\n") }
	para()
	if p.kind != regular {
		w.childList(&b, p)
		return []byte(b.String())
	}
	if w.chance(0.4) {
		w.image(&b)
	}
	for range w.between(2, 5) {
		fmt.Fprintf(&b, "## %s\n\n", w.pick(headings))
		for range w.between(1, 3) {
			para()
		}
		switch w.r.IntN(8) {
		case 0, 1:
			w.list(&b, wrap)
		case 2:
			w.table(&b)
		case 3:
			w.codeBlock(&b)
		case 4:
			b.WriteString("> " + strings.ReplaceAll(lines(w.sentence(), wrap), "\n", "\n> ") + "\n\n")
		case 5:
			fmt.Fprintf(&b, "### %s\n\n", capitalize(w.pick(nouns)))
			para()
		case 6:
			w.image(&b)
		}
	}
	b.WriteString(lines(strings.Fields(disclaimer), wrap) + "\n\n")
	if w.chance(0.3) {
		b.WriteString(contact + "\n\n")
	}
	b.WriteString("## See also\n\n")
	for range 3 {
		o := w.otherPage()
		fmt.Fprintf(&b, "- [%s](%s)\n", t.pages[o].title, t.link(i, o))
	}
	b.WriteString("\n")
	for _, f := range w.footnotes {
		b.WriteString(f + "\n\n")
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

// childList lists what a section holds, as a section's _index.md does.
func (w *writer) childList(b *strings.Builder, p page) {
	if len(p.children) == 0 {
		return
	}
	b.WriteString("## In this section\n\n")
	for _, c := range p.children {
		fmt.Fprintf(b, "- [%s](%s)\n", w.site.pages[c].title, w.site.link(w.page, c))
	}
	b.WriteString("\n")
}

func (w *writer) list(b *strings.Builder, wrap bool) {
	marker := func(int) string { return "- " }
	switch w.r.IntN(4) {
	case 0:
		marker = func(n int) string { return fmt.Sprintf("%d. ", n+1) }
	case 1:
		marker = func(int) string {
			if w.chance(0.5) {
				return "- [x] "
			}
			return "- [ ] "
		}
	}
	for n := range w.between(3, 6) {
		m := marker(n)
		item := lines(w.sentence(), wrap)
		b.WriteString(m + strings.ReplaceAll(item, "\n", "\n"+strings.Repeat(" ", len(m))) + "\n")
	}
	b.WriteString("\n")
}

func (w *writer) table(b *strings.Builder) {
	b.WriteString("| Medication | Dose | Interval | Notes |\n|---|---|---|---|\n")
	for range w.between(3, 6) {
		notes := strings.Join(w.sentence()[:3], " ")
		notes = strings.ReplaceAll(strings.TrimRight(notes, ".,;"), "|", "/")
		fmt.Fprintf(b, "| %s | %s | every %d hours | %s |\n",
			w.pick(nouns), w.dose(), w.between(2, 24), strings.ReplaceAll(notes, "\u0000", " "))
	}
	b.WriteString("\n")
}

func (w *writer) codeBlock(b *strings.Builder) {
	if w.chance(0.5) {
		fmt.Fprintf(b, "```yaml\ninfusion:\n  dose_mg_per_kg: %s\n  duration_minutes: %d\n  monitor: [%s, %s]\n```\n\n",
			w.pick(doses), w.between(20, 60), slug(w.pick(nouns)), slug(w.pick(nouns)))
		return
	}
	fmt.Fprintf(b, "```sh\ncurl -s https://api.clinic.example/v1/sessions?patient=%d \\\n  -H 'Accept: application/json'\n```\n\n", w.between(1000, 9999))
}

func (w *writer) image(b *strings.Builder) {
	img := w.pick(images)
	alt := fmt.Sprintf("%s showing the %s and the %s", capitalize(strings.TrimSuffix(path.Base(img), ".png")), w.pick(nouns), w.pick(nouns))
	alt = strings.ReplaceAll(alt, "-", " ")
	fmt.Fprintf(b, "![%s](%s)\n\n", alt, relPath(path.Dir(w.site.pages[w.page].path), img))
}
