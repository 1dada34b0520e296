// Package catalog owns go-i18n message files: it parses them with go-i18n's
// own reader (so whatever glot accepts, go-i18n's Bundle loads), points at
// the line of anything wrong, and writes them back deterministically: ids
// sorted, keys in a fixed order, one line per string. So a changed
// translation is a one-line change in git, and running glot twice writes
// the same bytes.
//
//	c, err := catalog.Parse("locales/active.es.toml", data)
//	m := c.Messages["ketamine-infusion-therapy-k7q2m4xv9c3a"]
//	out := c.Bytes(catalog.Header("..."))
package catalog
