// Command glot localizes Markdown and HTML sites through go-i18n message
// catalogs. See the README for a tour.
package main

import (
	"os"

	"github.com/glot-i18n/glot/internal/cli"
)

func main() { os.Exit(cli.Main()) }
