package cli

import (
	"errors"
	"fmt"
	"os"
	"slices"

	"github.com/spf13/cobra"

	"github.com/glot-i18n/glot/internal/config"
	"github.com/glot-i18n/glot/internal/langtag"
	"github.com/glot-i18n/glot/internal/locale"
	"github.com/glot-i18n/glot/internal/plan"
)

func newLangCmd(g *glot) *cobra.Command {
	c := &cobra.Command{
		Use:   "lang",
		Short: "Manage the site's languages",
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, args []string) error { return c.Help() },
	}
	c.AddCommand(&cobra.Command{
		Use:   "add TAG",
		Short: "Add a language to translate into: glot.toml, its files, a first merge",
		Long: `Add adds a language to the site: TAG, a BCP 47 tag in canonical form
(validated as glot.toml's languages are), goes at the end of languages in
glot.toml, whose comments and layout stay as they are. Then, once the pages
are extracted, a first glot merge for that language writes its files:
locales/active.<TAG>.toml and the translators' locales/translate.<TAG>.toml.

A tag already listed, the source language and a pseudo-language are refused.
In a Hugo site, add the language to Hugo's configuration with its contentDir
first, then to languages in glot.toml.`,
		Example: "  glot lang add pt-BR",
		Args: func(c *cobra.Command, args []string) error {
			if len(args) != 1 {
				return errors.New("give one language tag: glot lang add TAG")
			}
			return nil
		},
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE:              func(c *cobra.Command, args []string) error { return runLangAdd(g, args[0]) },
	})
	return c
}

func runLangAdd(g *glot, arg string) error {
	cfg, err := g.config()
	if err != nil {
		return err
	}
	tag, err := langtag.Canonical(arg)
	switch {
	case err != nil:
		return &usageError{err}
	case langtag.IsPseudo(tag):
		return &usageError{fmt.Errorf("%s is a pseudo-language: --lang always takes it, and it is never listed in %s", tag, config.File)}
	case tag == cfg.SourceLanguage:
		return &usageError{fmt.Errorf("%s is the source language, the language of the pages", tag)}
	case slices.Contains(cfg.Languages, tag):
		return &usageError{fmt.Errorf("%s is already one of the site's languages (%s)", tag, andList(cfg.Languages))}
	case cfg.IsHugo():
		return fmt.Errorf("in a Hugo site, add %s to Hugo's [languages] with its contentDir, then to languages in %s", tag, config.File)
	}
	file := g.path(config.File)
	data, err := g.readFile(config.File)
	if err != nil {
		return err
	}
	edited, err := config.AddLanguage(data, tag)
	if err != nil {
		return err
	}
	// The edit is checked as glot will read it before it is written.
	if next, err := config.Parse(display(file), edited); err != nil {
		return fmt.Errorf("adding %s: %w", tag, err)
	} else if !slices.Contains(next.Languages, tag) {
		return fmt.Errorf("adding %s to %s: it is not read back among the languages: add it by hand", tag, display(file))
	}
	extracted := true
	if _, err := os.Stat(g.path(cfg.LocalesDir, locale.ActivePath(cfg.SourceLanguage))); errors.Is(err, os.ErrNotExist) {
		extracted = false
	} else if err := g.lockWrite(cfg, false); err != nil {
		// Held from before glot.toml changes to the end of the merge:
		// no other command sees the new language without its files.
		return err
	}
	if err := plan.WriteFile(file, edited); err != nil {
		return err
	}
	fmt.Fprintf(g.stdout, "glot lang add: %s added to languages in %s\n", tag, display(file))
	if !extracted {
		fmt.Fprintf(g.stdout, "  the pages are not extracted yet: glot extract, then glot merge, write its files\n")
		return nil
	}
	return runMergeWith(g, &mergeOptions{langs: []string{tag}}, nil)
}
