// Package hugosite writes a glot site's pages as a Hugo multilingual site,
// so that Hugo can be timed building the very pages glot builds.
//
// The content of each language is glot's own Markdown output for it
// (localized/<lang>/), in a content folder of its own (content/<lang>/), as
// Hugo's multilingual sites keep translations: by folder, each page matched
// to its translations by its path. The layout is minimal but does what
// glot's does for every page: lang and dir on <html>, a canonical link, an
// alternate link for every translation, a language switcher, and links
// between pages pointed at the same language's page.
//
//	err := hugosite.Write("hugo", "site/localized", "en", []string{"es", "ar"}, "https://bench.example/")
//	// then: hugo --source hugo
package hugosite
