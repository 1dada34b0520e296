// Package hugo owns what glot reads of a Hugo site and writes for it: the
// site's configuration (hugo.toml, config.toml or config/_default/, in
// TOML, YAML or JSON: its languages, their content folders and its
// themes), its i18n files, which are go-i18n message files, and the i18n
// files glot build writes for each language, in the form Hugo reads.
//
// glot init --hugo reads the configuration once and writes glot.toml with
// a [hugo] section; every later command reads glot.toml alone.
//
//	site, err := hugo.Load(os.DirFS("."))
//	text, notes, err := site.GlotConfig()
//	msgs, err := hugo.ReadI18n(os.DirFS("."), []string{"i18n", "themes/docsy/i18n"}, "en")
package hugo
