package config

// Template is the commented glot.toml that glot init writes.
const Template = `# glot.toml: the configuration of a glot site. Every key has a default.

# The language the pages in content_dir are written in (a BCP 47 tag).
source_language = "en"

# The languages to translate into (BCP 47 tags, e.g. "es", "fr", "pt-BR").
languages = []

# Source pages (Markdown and HTML); every other file there is an asset.
content_dir = "content"

# Message catalogs (go-i18n TOML files) and glot's bookkeeping (.glot/).
locales_dir = "locales"

# Localized HTML, one folder per language.
output_dir = "public"

# Localized Markdown, a content tree per language.
markdown_dir = "localized"

# Where the site is published: absolute URLs (canonical, hreflang, sitemap)
# start with it.
base_url = "https://example.com/"

# How alike (in percent) an already translated text must be to a new one for
# glot merge to suggest its translation. 0 turns suggestions off.
suggestion_threshold = 75

# What is translatable, beyond glot's defaults.
[extract]
# Front matter keys whose values are translated (nested keys with dots).
front_matter = ["title", "description"]
# Hugo sites may want: front_matter = ["title", "description", "summary", "linkTitle", "menu.main.name"]

# Classes that keep an element's text out of the catalogs, as translate="no" does.
no_translate_classes = ["notranslate"]

# Other generators' macros, kept as written (placeholders), never translated:
# regular expressions, such as MDN's {{Glossary("HTML")}} or Jekyll's {% ... %}.
# atoms = ['\{\{\s*[A-Za-z_]+\(.*?\)\s*\}\}', '\{%.*?%\}']

# How Hugo shortcodes are read: the parameters translated, and the inside of a
# pair of tags, "markdown" (translated as the page is), "text" (one message),
# or "opaque" (kept as written). Without a rule, the inside of {{% %}} is
# Markdown and that of {{< >}} opaque. Built in, and overridden here name by
# name: figure (caption, alt, title); details (summary; markdown); highlight,
# code-toggle, comment, mermaid (opaque); ref, relref, param (atoms); Docsy's
# alert (title; markdown), pageinfo, tabpane, cardpane, imgproc (markdown), tab
# (header, name; markdown, opaque when it or its tabpane sets lang or codelang,
# unless text=true), card, "blocks/*" (title, subtitle, url_text; markdown);
# the Kubernetes docs' note, caution, warning, tabs (markdown), table (caption;
# markdown), glossary_tooltip (text).
[extract.shortcodes]
# figure = ["caption", "alt"]
# [extract.shortcodes.notice]
# params = ["title"]
# inner = "markdown"

# Pages not fully translated.
[build]
# The share of a page's text (in percent) that must be translated for the
# page to be built in a language as any other ...
threshold = 100
# ... and what becomes of a page below it: "notice" builds it with a notice
# that it is not fully translated (its untranslated parts marked as in the
# source language); "skip" leaves that language's version out.
incomplete = "notice"
# The digits of the numbers and dates glot writes on pages (reading time,
# last updated), per language, as a CLDR numbering system: each language
# has CLDR's default (Arabic: "arab", ٠١٢٣), unless listed here. Never
# applied to a translation's own text.
# digits = { ar = "latn" }

# What glot reads of one page: a page beyond these is an error that names
# it, so that no page can hold up glot extract or glot build.
[limits]
# The deepest nesting of lists, block quotes, emphasis, links and HTML elements.
max_nesting = 100
# The size of the largest page, in bytes (10 MiB).
max_page_bytes = 10485760
# The time reading one page may take (a Go duration: "10s", "1m").
page_timeout = "10s"

# Which files of the content folder are part of the site.
[content]
# Globs over paths in the content folder whose files are neither pages nor assets:
# "*" and "?" within a path element, "**" for any number of elements.
# exclude = ["drafts/**", "**/*.tmp"]
`
