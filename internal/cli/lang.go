package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"
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
	res, err := g.site().AddLanguage(arg)
	if res == nil {
		return err
	}
	fmt.Fprintf(g.stdout, "glot lang add: %s added to languages in %s\n", res.Tag, res.File)
	if res.Merged == nil && err == nil {
		fmt.Fprintf(g.stdout, "  the pages are not extracted yet: glot extract, then glot merge, write its files\n")
		return nil
	}
	return g.sayMerge(res.Merged, false, err)
}
