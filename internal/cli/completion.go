package cli

import (
	"regexp"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/glot-i18n/glot/internal/langtag"
)

// completions registers, on c and every command under it, the completion
// of --lang (the languages of the site's glot.toml) and of every flag whose
// value is one of a few words (--format text|json|html, --only
// missing,stale,translated): glot completion bash|zsh|fish writes the
// shell's script, which asks glot itself.
func completions(g *glot, c *cobra.Command) {
	c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		switch {
		case f.Name == "lang" && c.Name() != "init":
			// glot build also builds the source language and the
			// pseudo-languages; the other commands take the targets.
			build := c.Name() == "build"
			_ = c.RegisterFlagCompletionFunc(f.Name, listCompletion(isList(f), func() []string { return g.completeLangs(build) }))
		case choices(f) != nil:
			words := choices(f)
			_ = c.RegisterFlagCompletionFunc(f.Name, listCompletion(isList(f), func() []string { return words }))
		}
	})
	for _, sub := range c.Commands() {
		completions(g, sub)
	}
}

// word is a value a flag takes as written: a lowercase word.
var word = regexp.MustCompile(`^[a-z][a-z0-9]*$`)

// choices are the words a flag named with nameValue takes, when its name
// is a list of them ("text|json|html", "missing,stale"), or nil when the
// name stands for a value to give (L, TAG, I/N).
func choices(f *pflag.Flag) []string {
	n, ok := f.Value.(named)
	if !ok {
		return nil
	}
	words := strings.FieldsFunc(n.name, func(r rune) bool { return r == '|' || r == ',' })
	for _, w := range words {
		if !word.MatchString(w) {
			return nil
		}
	}
	return words
}

// isList reports whether a flag takes a comma-separated list.
func isList(f *pflag.Flag) bool {
	if n, ok := f.Value.(named); ok {
		_, list := n.Value.(pflag.SliceValue)
		return list
	}
	_, list := f.Value.(pflag.SliceValue)
	return list
}

// listCompletion completes a flag's value from the words all returns. For
// a list, the word after the last comma is completed, and words already
// given are not offered again.
func listCompletion(list bool, all func() []string) cobra.CompletionFunc {
	return func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		prefix, given := "", []string(nil)
		if list {
			if i := strings.LastIndex(toComplete, ","); i >= 0 {
				prefix = toComplete[:i+1]
				given = strings.Split(toComplete[:i], ",")
			}
		}
		var out []cobra.Completion
		for _, w := range all() {
			if !slices.Contains(given, w) && strings.HasPrefix(prefix+w, toComplete) {
				out = append(out, prefix+w)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeLangs returns the site's target languages, read from glot.toml
// without a word on standard error (a shell is completing), or none if it
// cannot be read. With build, the source language comes first and the
// pseudo-languages last, since glot build builds them too.
func (g *glot) completeLangs(build bool) []string {
	source, langs, err := g.site().Languages()
	if err != nil {
		return nil
	}
	if !build {
		return langs
	}
	return slices.Concat([]string{source}, langs, langtag.Pseudo())
}
